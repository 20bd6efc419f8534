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
import type { Diagnostic } from '../domain/diagnostic';
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import type { requestSchemas, settingsSchema } from './schemas';

export type Settings = z.infer<typeof settingsSchema>;

/** Settings before the agent has set any: used by every context until the background answers. */
export const DEFAULT_SETTINGS: Settings = { agentName: '', initials: '', municipality: '', ownAccounts: '' };

export interface Responses {
  ping: { version: string };
  'cases/get': Case[];
  'case/track': { case: Case; created: boolean };
  'case/update': { case: Case; changes: FieldChange[] };
  'case/history': CaseEvent[];
  'cases/bulk': { updated: number; skipped: Array<{ id: string; reason: string }> };
  'case/handover': { case: Case };
  'handovers/list': Case[];
  'case/note': { case: Case };
  'cases/open': { cases: Case[]; total: number };
  /** The case after recording the reply, or null when the post is not tracked. */
  'case/responded': { case: Case | null };
  'templates/list': Template[];
  'tags/list': Tag[];
  'template/used': Template | null;
  'health/report': { recorded: boolean };
  'health/list': Diagnostic[];
  'settings/get': Settings;
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
