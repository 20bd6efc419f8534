/**
 * The message contract: one map from message name to its request schema (`requestSchemas` in schemas.ts,
 * and so its request type) and one from message name to its response type. Sender (`client.ts`) and
 * receiver (`router.ts`) both use these maps, so a misspelt name or a wrong payload is a compile error on
 * either side. This file holds types and plain constants only, so importing it costs a bundle nearly nothing.
 *
 *   content script / popup / options ──request──▶ background ──(IndexedDB)
 *                  ▲                                  │
 *                  └────────────── push ──────────────┘   (to every tab and extension page)
 */
import type { z } from 'zod/mini';
import type { Case, FieldChange } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import type { CaseId } from '../domain/case-id';
import type { Diagnostic } from '../domain/diagnostic';
import type { IdFilterData } from '../domain/id-filter';
import type { KccConfig } from '../domain/handover';
import type { SyncErrorCode, SyncStatus } from '../storage/sync-records';
import type { SyncConfigView } from '../storage/sync-config';
import type { ConnectionResult } from '../sync/couch-client';
import type { ErasureRecord, ErasureSummary } from '../domain/person';
import type { Tag } from '../domain/tag';
import type { Readability } from '../domain/readability';
import type { Template } from '../domain/template';
import type { Settings } from '../domain/settings';
import type { Away, TeamMember, TeamRole } from '../domain/team';
import type { Site } from '../domain/site';
import type { requestSchemas } from './schemas';

/** Settings live in the domain; re-exported here because every view reads them through a message. */
export { DEFAULT_SETTINGS, type Settings } from '../domain/settings';

export interface Responses {
  ping: { version: string };
  'cases/get': Case[];
  /** A filter of every stored case id and alias: a post it rules out needs no 'cases/get'. */
  'cases/known': IdFilterData;
  'case/track': { case: Case; created: boolean };
  /** The page shows posts under several ids: cases stored under the others are merged into each `id`. */
  'cases/link': { cases: Case[] };
  'case/update': { case: Case; changes: FieldChange[] };
  'case/history': CaseEvent[];
  'case/no-reply': { case: Case; changes: FieldChange[] };
  'cases/bulk': { updated: number; skipped: Array<{ id: string; reason: string }> };
  'case/handover': { case: Case };
  'handovers/list': Case[];
  'handovers/exported': { updated: number };
  'kcc/config': KccConfig & { isKcc: boolean };
  'kcc/progress': { case: Case };
  'kcc/import': { updated: number; skipped: Array<{ id: string; reason: string }> };
  /** `at`: the time of the change (undo names it); `skipped`: actions the case's status did not allow. */
  'template/apply': { case: Case; changes: FieldChange[]; at: number; skipped: string[] };
  'case/undo': { case: Case; changes: FieldChange[] };
  /** Cases posted in [from, to), oldest first (the reports page). */
  'cases/range': Case[];
  'case/note': { case: Case };
  'cases/open': { cases: Case[]; total: number };
  /** The case after recording the reply, or null when the post is not tracked. */
  'case/responded': { case: Case | null };
  'templates/list': Template[];
  'tags/list': Tag[];
  'template/used': Template | null;
  'template/save': Template;
  'template/delete': { deleted: true };
  'templates/reorder': Template[];
  'templates/import': { added: number; replaced: number; unchanged: number };
  'health/report': { recorded: boolean };
  'health/list': Diagnostic[];
  'person/find': { cases: Case[]; events: CaseEvent[] };
  'person/erase': { erased: ErasureSummary; record: ErasureRecord };
  'events/for': CaseEvent[];
  /** When the next closed case is due for removal, and the erasures so far (counts only). */
  'privacy/status': { nextPurgeAt: number | null; log: ErasureRecord[] };
  /** Closed cases that will be past their retention period within the days asked (to export before the purge). */
  'retention/expired': { cases: Case[]; events: CaseEvent[] };
  'sync/config': SyncConfigView;
  /** Saved, or the login failed and nothing was saved (the code picks the words). */
  'sync/save': { ok: true; view: SyncConfigView } | { ok: false; code: SyncErrorCode; message: string };
  'sync/test': ConnectionResult;
  'sync/logout': SyncConfigView;
  'sync/status': SyncStatus;
  'sync/now': SyncStatus;
  /** Everything stored, as one JSON file (works without a server). */
  'export/all': string;
  'settings/get': Settings;
  /** The B1 check of a reply, with the organisation's officialese list: done here, so content.js carries no hyphenation patterns. */
  'readability/check': Readability;
  /** Which settings the organisation set (read-only for the agent), and what is wrong with its policy. */
  'policy/status': { lockedKeys: Array<keyof Settings>; problems: Array<{ key: string; message: string }> };
  'settings/save': Settings;
  /** Assign a case to a colleague (a name) or release it to the pool (null): one history event, from → to, by. */
  'case/assign': { case: Case; changes: FieldChange[] };
  /** The same for a selection (the work queue), in one transaction. */
  'cases/assign': { updated: number; skipped: Array<{ id: string; reason: string }> };
  /** The team list (policy and sync), who I am in it, and whether team sync is on. */
  'team/list': TeamView;
  /** "I'm away": my open cases released (to the pool or a colleague) in one change, my presence synced. */
  'presence/away': { released: number; away: Away };
  /** "I'm back". */
  'presence/back': { away: null };
  /** The cases of the posts taken in: made now, or found (made before, by hand, in another tab or machine). */
  'intake/take': { cases: Case[]; created: number };
  'intake/seen-count': { count: number };
  'account/detected': { stored: boolean };
  /** Per site, the account its page last showed the agent logged in as ("@gemeente", "Gemeente Voorbeeld"). */
  'accounts/detected': Partial<Record<Site, string>>;
}

/** What the views show of the team (domain/team.ts). */
export interface TeamView {
  members: TeamMember[];
  me: { name: string; role: TeamRole; away?: Away };
  synced: boolean;
}

export type MessageName = keyof typeof requestSchemas;
export type RequestOf<N extends MessageName> = z.infer<(typeof requestSchemas)[N]>;
export type ResponseOf<N extends MessageName> = Responses[N];

/** Pushed by the background after every state change, to all tabs on our sites and all extension pages. */
export interface Pushes {
  'case/changed': { case: Case };
  /** The settings in force changed: ask for them (followSettings), as a value sent along could arrive after a newer one. */
  'settings/changed': Record<string, never>;
  'health/changed': { diagnostic: Diagnostic };
  /** The template set changed (edit, import, reorder): views that show templates read them again. */
  'templates/changed': Record<string, never>;
  /** The agent pressed the template shortcut (the `commands` API): sent to the active tab only. */
  'templates/open': Record<string, never>;
  /** The team sync's state changed (syncing, idle, offline, error). */
  'sync/status': { status: SyncStatus };
  /** Cases erased (an erasure request, or retention): views drop them. */
  'cases/removed': { ids: CaseId[] };
  /** The team list changed (a colleague went away or came back, or I did): views showing it read it again. */
  'team/changed': Record<string, never>;
}
export type PushName = keyof Pushes;

export const PROTOCOL = 'loket/1';

export interface RequestEnvelope<N extends MessageName = MessageName> {
  protocol: typeof PROTOCOL;
  name: N;
  payload: RequestOf<N>;
}

export interface PushEnvelope<P extends PushName = PushName> {
  protocol: typeof PROTOCOL;
  push: P;
  payload: Pushes[P];
}

export type ErrorCode = 'bad-request' | 'unknown-message' | 'forbidden-sender' | 'not-found' | 'invalid-move' | 'internal';

export type ResponseEnvelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };
