/**
 * How Loket's records look as CouchDB documents, both ways, and the checks a document from the server must
 * pass before it is trusted (another client, or anyone with the password, may have written it).
 *
 *   case:<case id>                                  the case, with the histories of its agent fields (merge.ts)
 *   event:<case id>:<time, 15 digits>:<unique>      one audit event; immutable, so never in conflict
 *   event:<case id>:000000000000000:reply-<post id> a reply kept with the case: named by the reply's own post,
 *                                                   so every browser that sees that reply writes this one document
 *   tag:<tag id>                                    a tag
 *   template:<template id>                          a team template (personal templates stay in the browser)
 *   settings:team                                   the team's shared settings (retention), written by IT
 *   presence:<client id>                            one browser's agent: name, initials, last seen, away (team.ts)
 *
 * A deletion is a CouchDB tombstone (`_deleted: true`) in both directions; a case's tombstone says why it was
 * deleted (`deletion`: an erasure, or the retention purge with the last change it saw; merge.ts decides with
 * it whether a later edit still wins). CouchDB and PouchDB Server keep a tombstone's body in `_changes` and
 * `_bulk_get`, not in `_all_docs`. Events are written with a
 * revision fixed by their id (`new_edits: false`), so pushing one twice is a no-op, on any server.
 * Agent-specific template fields (the agent's order, usage counts) are not part of the team document.
 */
import * as z from 'zod/mini';
import { CASE_STATUSES, type CaseField } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { isCaseId, type CaseId } from '../domain/case-id';
import { SITES } from '../domain/site';
import { POSTED_AT_SOURCES } from '../domain/post-ref';
import type { Tag } from '../domain/tag';
import type { TeamSettings } from '../storage/sync-records';
import { replyActionsSchema } from '../domain/template-draft-schema';
import type { Template } from '../domain/template';
import type { Presence } from '../domain/team';
import { fingerprint } from './local-changes';
import { CLOCKED_FIELDS, type CaseClocks, type CaseVersion, type Deletion, type SyncedCase } from './merge';

export type DocKind = 'case' | 'event' | 'tag' | 'template' | 'settings' | 'presence';

interface DocHead {
  _id: string;
  _rev?: string;
}

export interface CaseDoc extends DocHead {
  type: 'case';
  case: SyncedCase;
  clocks: CaseClocks;
}

/** An audit event as shared: without the browser's own sequence number. */
export type SharedEvent = Omit<CaseEvent, 'seq'>;

export interface EventDoc extends DocHead {
  type: 'event';
  event: SharedEvent;
}

export interface TagDoc extends DocHead {
  type: 'tag';
  tag: Tag;
  /** When this browser first saw the tag as it is now: the later change wins a conflict. */
  changedAt: number;
}

/** A team template without what belongs to one agent: place in the list, usage figures. */
export type TeamTemplate = Omit<Template, 'order' | 'usageCount' | 'lastUsedAt'> & { scope: 'team' };

export interface TemplateDoc extends DocHead {
  type: 'template';
  template: TeamTemplate;
  changedAt: number;
}

export interface Tombstone {
  _id: string;
  _rev?: string;
  _deleted: true;
  /** On a case's tombstone: why it was deleted. */
  deletion?: Deletion;
}

/** The team's shared settings: one document, `settings:team`, that IT writes on the server (docs/it-rollout.md). */
export interface SettingsDoc extends DocHead {
  type: 'settings';
  team: TeamSettings;
}

export const TEAM_SETTINGS_DOC = 'settings:team';

/** One browser's presence: written only by that browser, so never in conflict. */
export interface PresenceDoc extends DocHead {
  type: 'presence';
  presence: Presence;
}

export const presenceDocId = (client: string): string => `presence:${client}`;

export type LoketDoc = CaseDoc | EventDoc | TagDoc | TemplateDoc | SettingsDoc | PresenceDoc;

// --- ids ---

export const caseDocId = (id: CaseId): string => `case:${id}`;
export const tagDocId = (id: string): string => `tag:${id}`;
export const templateDocId = (id: string): string => `template:${id}`;

/** Events sort by case, then time, so `_all_docs` can list one case's events (used to erase them). */
export function eventDocId(caseId: CaseId, at: number, unique: string): string {
  return `${eventPrefix(caseId)}${String(Math.max(0, Math.trunc(at))).padStart(15, '0')}:${unique}`;
}

/**
 * A reply event's document id: named by the case and the reply's own post id, nothing of the browser that saw
 * it, so a reply seen on two synced devices is one document on the server (pushing the second is a no-op, its
 * revision being fixed by the id). The time part is 0: a reply's posted time can be an estimate that differs
 * between browsers (Facebook's "3 u"), and the id must not.
 */
export function replyEventDocId(caseId: CaseId, replyPostId: CaseId): string {
  return eventDocId(caseId, 0, `reply-${encodeURIComponent(replyPostId)}`);
}

export function eventPrefix(caseId: CaseId): string {
  return `event:${caseId}:`;
}

export function docKind(id: string): DocKind | null {
  const kind = id.slice(0, id.indexOf(':'));
  if (id === TEAM_SETTINGS_DOC) return 'settings';
  return kind === 'case' || kind === 'event' || kind === 'tag' || kind === 'template' || kind === 'presence' ? kind : null;
}

export function caseIdOfDoc(id: string): CaseId | null {
  const rest = id.startsWith('case:') ? id.slice(5) : null;
  return rest !== null && isCaseId(rest) ? rest : null;
}

/** The case an event document belongs to, read from its id (a tombstone has nothing else). */
export function caseIdOfEventDoc(id: string): CaseId | null {
  const match = /^event:(.+):\d{15}:[^:]+$/.exec(id);
  return match && isCaseId(match[1]) ? (match[1] as CaseId) : null;
}

/**
 * A revision fixed by the document id, for immutable documents: 128 bits of FNV-1a (four seeds), as the
 * 32 hex digits CouchDB expects after "1-".
 */
export function fixedRev(id: string): string {
  return `1-${fingerprint(id)}`;
}

// --- to documents ---

export function caseDoc(version: Extract<CaseVersion, { deleted: false }>, rev?: string): CaseDoc {
  const { openDue: _drop, ...plain } = version.case as SyncedCase & { openDue?: unknown };
  return { _id: caseDocId(plain.id), ...(rev ? { _rev: rev } : {}), type: 'case', case: plain, clocks: version.clocks };
}

export function eventDoc(event: CaseEvent, id: string): EventDoc {
  const { seq: _seq, ...shared } = event as CaseEvent & { origin?: unknown };
  delete (shared as { origin?: unknown }).origin;
  return { _id: id, _rev: fixedRev(id), type: 'event', event: shared };
}

export function tagDoc(tag: Tag, changedAt: number, rev?: string): TagDoc {
  return { _id: tagDocId(tag.id), ...(rev ? { _rev: rev } : {}), type: 'tag', tag, changedAt };
}

/** The shared part of a team template; null for a personal one, which never leaves the browser. */
export function teamTemplate(template: Template): TeamTemplate | null {
  if (template.scope !== 'team') return null;
  const { order: _o, usageCount: _u, lastUsedAt: _l, ...shared } = template;
  return { ...shared, scope: 'team' };
}

export function templateDoc(template: TeamTemplate, changedAt: number, rev?: string): TemplateDoc {
  return { _id: templateDocId(template.id), ...(rev ? { _rev: rev } : {}), type: 'template', template, changedAt };
}

export function tombstone(id: string, rev?: string, deletion?: Deletion): Tombstone {
  return { _id: id, ...(rev ? { _rev: rev } : {}), _deleted: true, ...(deletion ? { deletion } : {}) };
}

/** A team template from the server placed in this agent's list: its own order and usage stay. */
export function localTemplate(shared: TeamTemplate, existing: Template | undefined, nextOrder: number): Template {
  return {
    ...shared,
    order: existing?.order ?? nextOrder,
    usageCount: existing?.usageCount ?? 0,
    ...(existing?.lastUsedAt !== undefined ? { lastUsedAt: existing.lastUsedAt } : {}),
  };
}

// --- from documents: checked ---

const stamp = z.object({ at: z.number(), actor: z.string(), id: z.string() });
const clock = z.array(stamp);
const clocksSchema = z.object({
  fields: z.object(Object.fromEntries(CLOCKED_FIELDS.map((f) => [f, z.optional(clock)])) as Record<(typeof CLOCKED_FIELDS)[number], z.ZodMiniOptional<typeof clock>>),
  tags: z.record(z.string(), clock),
});
const caseIdSchema = z.custom<CaseId>(isCaseId);
const handoverSchema = z.looseObject({ category: z.string(), note: z.string(), at: z.number(), agent: z.string() });
const conflictSchema = z.object({ fields: z.array(z.string()), actors: z.array(z.string()), at: z.number(), lost: z.record(z.string(), z.unknown()) });
// Loose: a newer client may add fields; they travel on untouched.
const caseSchema = z.looseObject({
  id: caseIdSchema,
  site: z.enum(SITES),
  url: z.string(),
  author: z.looseObject({ name: z.string(), handle: z.optional(z.string()), profileUrl: z.optional(z.string()) }),
  text: z.string(),
  postedAt: z.number(),
  postedAtSource: z.enum(POSTED_AT_SOURCES),
  status: z.enum(CASE_STATUSES),
  tags: z.array(z.string()),
  assignee: z.optional(z.string()),
  firstResponseAt: z.optional(z.number()),
  dueAt: z.optional(z.number()),
  handover: z.optional(handoverSchema),
  createdAt: z.number(),
  updatedAt: z.number(),
  conflict: z.optional(conflictSchema),
  aliases: z.optional(z.array(caseIdSchema)),
});
const caseDocSchema = z.looseObject({ _id: z.string(), _rev: z.string(), type: z.literal('case'), case: caseSchema, clocks: clocksSchema });
const FIELDS = ['status', 'tags', 'assignee', 'firstResponseAt', 'dueAt', 'handover', 'noReplyReason', 'kcc'] as const satisfies readonly CaseField[];
const eventSchema = z.object({
  caseId: caseIdSchema,
  at: z.number(),
  actor: z.string(),
  kind: z.enum(['created', 'changed', 'note', 'merged', 'reply', 'intake']),
  field: z.optional(z.enum(FIELDS)),
  before: z.optional(z.unknown()),
  after: z.optional(z.unknown()),
});
const eventDocSchema = z.looseObject({ _id: z.string(), _rev: z.string(), type: z.literal('event'), event: eventSchema });
const tagSchema = z.object({ id: z.string(), label: z.string(), color: z.string(), group: z.optional(z.string()), retired: z.optional(z.boolean()) });
const tagDocSchema = z.looseObject({ _id: z.string(), _rev: z.string(), type: z.literal('tag'), tag: tagSchema, changedAt: z.number() });
const templateSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  category: z.string(),
  language: z.enum(['nl', 'en']),
  sites: z.array(z.enum(SITES)),
  shortcut: z.optional(z.string()),
  scope: z.literal('team'),
  updatedAt: z.optional(z.number()),
  actions: z.optional(replyActionsSchema),
});
const templateDocSchema = z.looseObject({ _id: z.string(), _rev: z.string(), type: z.literal('template'), template: templateSchema, changedAt: z.number() });

// Loose: later settings may be added; only what this version knows is read.
const settingsDocSchema = z.looseObject({
  _id: z.literal('settings:team'),
  _rev: z.string(),
  type: z.literal('settings'),
  team: z.looseObject({ retentionDays: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3_650))) }),
});

const awaySchema = z.object({ since: z.number(), until: z.optional(z.number()) });
// Loose: a newer client may say more about its agent.
const presenceDocSchema = z.looseObject({
  _id: z.string(),
  _rev: z.string(),
  type: z.literal('presence'),
  presence: z.looseObject({
    client: z.string().check(z.minLength(1), z.maxLength(100)),
    name: z.string().check(z.maxLength(100)),
    initials: z.string().check(z.maxLength(10)),
    seenAt: z.number(),
    away: z.optional(awaySchema),
    changedAt: z.number(),
  }),
});

/** A document as it came from the server: checked and typed, a tombstone, or null (not ours, or malformed). */
export type RemoteDoc =
  | { kind: 'case'; id: string; rev: string; doc: CaseDoc }
  | { kind: 'event'; id: string; rev: string; doc: EventDoc }
  | { kind: 'tag'; id: string; rev: string; doc: TagDoc }
  | { kind: 'template'; id: string; rev: string; doc: TemplateDoc }
  | { kind: 'settings'; id: string; rev: string; doc: SettingsDoc }
  | { kind: 'presence'; id: string; rev: string; doc: PresenceDoc }
  | { kind: DocKind; id: string; rev: string; deleted: true; deletion?: Deletion };

const deletionSchema = z.union([
  z.object({ kind: z.literal('erasure') }),
  z.object({ kind: z.literal('retention'), lastChangeAt: z.number() }),
]);

export function readDoc(raw: unknown): RemoteDoc | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const head = raw as { _id?: unknown; _rev?: unknown; _deleted?: unknown };
  if (typeof head._id !== 'string' || typeof head._rev !== 'string') return null;
  const kind = docKind(head._id);
  if (kind === null) return null;
  const id = head._id;
  const rev = head._rev;
  if (head._deleted === true) {
    // A reason that cannot be read counts as none: an erasure, the deletion that is never undone.
    const deletion = kind === 'case' ? deletionSchema.safeParse((raw as { deletion?: unknown }).deletion) : undefined;
    return { kind, id, rev, deleted: true, ...(deletion?.success ? { deletion: deletion.data as Deletion } : {}) };
  }
  switch (kind) {
    case 'case': {
      const parsed = caseDocSchema.safeParse(raw);
      if (!parsed.success || caseDocId(parsed.data.case.id) !== id) return null;
      return { kind, id, rev, doc: parsed.data as unknown as CaseDoc };
    }
    case 'event': {
      const parsed = eventDocSchema.safeParse(raw);
      return parsed.success && caseIdOfEventDoc(id) === parsed.data.event.caseId ? { kind, id, rev, doc: parsed.data as unknown as EventDoc } : null;
    }
    case 'tag': {
      const parsed = tagDocSchema.safeParse(raw);
      return parsed.success && tagDocId(parsed.data.tag.id) === id ? { kind, id, rev, doc: parsed.data as unknown as TagDoc } : null;
    }
    case 'settings': {
      const parsed = settingsDocSchema.safeParse(raw);
      return parsed.success ? { kind, id, rev, doc: parsed.data as unknown as SettingsDoc } : null;
    }
    case 'presence': {
      const parsed = presenceDocSchema.safeParse(raw);
      if (!parsed.success || presenceDocId(parsed.data.presence.client) !== id) return null;
      const { client, name, initials, seenAt, away, changedAt } = parsed.data.presence;
      const presence: Presence = { client, name, initials, seenAt, changedAt, ...(away ? { away: stripUndefined(away) } : {}) };
      return { kind, id, rev, doc: { _id: id, _rev: rev, type: 'presence', presence } };
    }
    case 'template': {
      const parsed = templateDocSchema.safeParse(raw);
      return parsed.success && templateDocId(parsed.data.template.id) === id ? { kind, id, rev, doc: parsed.data as unknown as TemplateDoc } : null;
    }
  }
}

/** A checked case document as a version to merge. */
export function caseVersionOf(remote: RemoteDoc): CaseVersion {
  if ('deleted' in remote) return { deleted: true, ...(remote.deletion ? { deletion: remote.deletion } : {}) };
  if (remote.kind !== 'case') throw new TypeError(`not a case document: ${remote.id}`);
  const { case: c, clocks } = remote.doc;
  return { deleted: false, case: stripUndefined(c), clocks };
}

/** The shared event as stored locally (the store gives it a sequence number). */
export function sharedEvent(doc: EventDoc): SharedEvent {
  return stripUndefined(doc.event);
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
