/**
 * What this browser changed in a case since it last agreed with the server, as stamps on the case's
 * histories (merge.ts). Pure: the storage side reads the case, its sync record and its audit events.
 *
 * The record keeps the agent fields as they were when this browser and the server last agreed (`base`) and
 * their histories then. A field whose value now differs from the base was changed here: its stamp is the
 * newest local audit event for that field (time, actor, `<client id>-<event seq>`, the same unique part as
 * the event's document id). A change without an audit event (a due time worked out again after an SLA
 * change) gets a stamp of the case's updatedAt and no actor. Without a record (never synced), every local
 * audit event of the case is a change.
 */
import type { CaseField } from '../domain/case';
import type { StoredEvent } from '../storage/db';
import type { AgentFields } from '../storage/sync-records';
import { CLOCKED_FIELDS, emptyClocks, stableJson, type CaseClocks, type CaseVersion, type ClockedField, type Stamp, type SyncedCase } from './merge';
import { CLOCK_DEPTH } from './merge';

export type { AgentFields };

export interface CaseBase {
  base: AgentFields;
  clocks: CaseClocks;
}

export function agentFields(c: SyncedCase): AgentFields {
  const fields: AgentFields['fields'] = {};
  for (const field of CLOCKED_FIELDS) {
    const print = fingerprint(c[field]);
    if (print !== undefined) fields[field] = print;
  }
  return { tags: [...c.tags], fields };
}

export function sameAgentFields(c: SyncedCase, base: AgentFields): boolean {
  if (!sameTagSet(c.tags, base.tags)) return false;
  return CLOCKED_FIELDS.every((f) => fingerprint(c[f]) === base.fields[f]);
}

/** 128 bits of FNV-1a over the value's canonical JSON; undefined for no value. */
export function fingerprint(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = stableJson(value);
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let hash = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    out += hash.toString(16).padStart(8, '0');
  }
  return out;
}

/** The unique part of a local event's stamp and document id. */
export function localEventKey(clientId: string, seq: number): string {
  return `${clientId}-${seq}`;
}

/**
 * The case as a version to merge or push: its current values with the histories of the last agreement plus
 * a stamp per field (and per tag) changed here since. `events` are this browser's own audit events of the
 * case (not ones pulled from the server), oldest first.
 */
export function localVersion(c: SyncedCase, agreed: CaseBase | undefined, events: readonly StoredEvent[], clientId: string): CaseVersion {
  const clocks: CaseClocks = agreed ? cloneClocks(agreed.clocks) : emptyClocks();
  const own = events.filter((e) => e.kind === 'changed' && e.field !== undefined).sort((p, q) => p.seq - q.seq);
  const stampOf = (e: StoredEvent): Stamp => ({ at: e.at, actor: e.actor, id: localEventKey(clientId, e.seq) });
  const synthetic = (): Stamp => ({ at: c.updatedAt, actor: '', id: `${clientId}@${c.updatedAt}` });

  if (!agreed) {
    for (const e of own) {
      const field = e.field as CaseField;
      if (field === 'tags') {
        const before = new Set(asTags(e.before));
        const after = new Set(asTags(e.after));
        for (const tag of new Set([...before, ...after])) if (before.has(tag) !== after.has(tag)) append(clocks.tags, tag, stampOf(e));
      } else if ((CLOCKED_FIELDS as readonly string[]).includes(field)) {
        append(clocks.fields, field as ClockedField, stampOf(e));
      }
    }
    return { deleted: false, case: c, clocks };
  }

  for (const field of CLOCKED_FIELDS) {
    if (fingerprint(c[field]) === agreed.base.fields[field]) continue;
    const known = new Set((clocks.fields[field] ?? []).map((s) => s.id));
    const event = lastWhere(own, (e) => e.field === field && !known.has(localEventKey(clientId, e.seq)));
    append(clocks.fields, field, event ? stampOf(event) : synthetic());
  }
  const now = new Set(c.tags);
  const before = new Set(agreed.base.tags);
  for (const tag of new Set([...now, ...before])) {
    if (now.has(tag) === before.has(tag)) continue;
    const known = new Set((clocks.tags[tag] ?? []).map((s) => s.id));
    const event = lastWhere(
      own,
      (e) => e.field === 'tags' && !known.has(localEventKey(clientId, e.seq)) && asTags(e.after).includes(tag) === now.has(tag) && asTags(e.before).includes(tag) !== now.has(tag),
    );
    append(clocks.tags, tag, event ? stampOf(event) : synthetic());
  }
  return { deleted: false, case: c, clocks };
}

function append<K extends string>(into: Partial<Record<K, Stamp[]>>, key: K, stamp: Stamp): void {
  const list = (into[key] ?? []).filter((s) => s.id !== stamp.id);
  list.push(stamp);
  into[key] = list.slice(-CLOCK_DEPTH);
}

function lastWhere<T>(list: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!)) return list[i];
  return undefined;
}

function cloneClocks(clocks: CaseClocks): CaseClocks {
  return structuredClone(clocks);
}

function asTags(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function sameTagSet(p: readonly string[], q: readonly string[]): boolean {
  const s = new Set(p);
  return s.size === new Set(q).size && q.every((v) => s.has(v));
}
