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
import type { KccConfig } from '../domain/handover';
import type { SyncStatus } from '../storage/sync-records';
import type { SyncConfigView } from '../storage/sync-config';
import type { ConnectionResult } from '../sync/couch-client';
import type { ErasureRecord, ErasureSummary } from '../domain/person';
import type { Tag } from '../domain/tag';
import type { Readability } from '../domain/readability';
import type { Template } from '../domain/template';
import type { Settings } from '../domain/settings';
import type { requestSchemas } from './schemas';

/** Settings live in the domain; re-exported here because every view reads them through a message. */
export { DEFAULT_SETTINGS, type Settings } from '../domain/settings';

export interface Responses {
  ping: { version: string };
  'cases/get': Case[];
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
  'sync/save': SyncConfigView;
  'sync/test': ConnectionResult;
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
}

export type MessageName = keyof typeof requestSchemas;
export type RequestOf<N extends MessageName> = z.infer<(typeof requestSchemas)[N]>;
export type ResponseOf<N extends MessageName> = Responses[N];

/** Pushed by the background after every state change, to all tabs on our sites and all extension pages. */
export interface Pushes {
  'case/changed': { case: Case };
  'settings/changed': { settings: Settings };
  'health/changed': { diagnostic: Diagnostic };
  /** The template set changed (edit, import, reorder): views that show templates read them again. */
  'templates/changed': Record<string, never>;
  /** The agent pressed the template shortcut (the `commands` API): sent to the active tab only. */
  'templates/open': Record<string, never>;
  /** The team sync's state changed (syncing, idle, offline, error). */
  'sync/status': { status: SyncStatus };
  /** Cases erased (an erasure request, or retention): views drop them. */
  'cases/removed': { ids: CaseId[] };
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
