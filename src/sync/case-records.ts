/**
 * A case's sync bookkeeping inside one IndexedDB transaction: finding the cases changed since the last push
 * (by updatedAt, in chunks), telling whether one is pending, its own audit events, the record of what the
 * server and this browser agreed, and deleting a case with everything about it. Shared by push, pull and
 * the pending count.
 */
import type { CaseId } from '../domain/case-id';
import type { PulledEvent, StoredEvent } from '../storage/db';
import type { CaseSyncRecord, SyncRecord } from '../storage/sync-records';
import { eventPrefix } from './docs';
import { agentFields, sameAgentFields } from './local-changes';
import type { CaseVersion, SyncedCase } from './merge';

export const CASE_RANGE = () => IDBKeyRange.bound('case:', 'case:\uffff');

/** Where a case scan stopped: [updatedAt, case id] of the last case looked at. */
export type ScanPosition = [number, string];

export const SCAN_CHUNK = 500;

type CaseStore = {
  getAll(range: IDBKeyRange): Promise<SyncedCase[]>;
  index(name: 'by-updated'): { getAll(range: IDBKeyRange, count?: number): Promise<SyncedCase[]>; getAllKeys(range: IDBKeyRange): Promise<CaseId[]> };
};

/**
 * Up to `count` cases after `position` in (updatedAt, id) order, read with getAll (one request, not a cursor
 * step per case). When more than `count` cases share one updatedAt (a bulk change), that time is read by key.
 */
export async function casesAfter(cases: CaseStore, position: ScanPosition, count: number): Promise<SyncedCase[]> {
  const [at, id] = position;
  const index = cases.index('by-updated');
  const rows = await index.getAll(IDBKeyRange.lowerBound(at), count);
  const after = rows.filter((c) => c.updatedAt > at || c.id > id);
  if (after.length > 0 || rows.length < count) return after;
  const keys = (await index.getAllKeys(IDBKeyRange.only(at))).filter((k) => k > id).slice(0, count);
  if (keys.length === 0) return index.getAll(IDBKeyRange.lowerBound(at, true), count);
  const wanted = new Set<string>(keys);
  return (await cases.getAll(IDBKeyRange.bound(keys[0], keys.at(-1)))).filter((c) => wanted.has(c.id) && c.updatedAt === at);
}

type RecordStore = { get(key: string): Promise<SyncRecord | undefined> };

/**
 * The sync records of some cases: one get each, all in flight at once in the caller's transaction. The cost
 * follows the rows asked for. (Reading every case record with one getAll per chunk, as before, made a full
 * scan of n cases cost n²/chunk record reads: 200 000 for 10 000 cases.)
 */
export async function recordsFor(store: RecordStore, rows: readonly SyncedCase[]): Promise<Array<CaseSyncRecord | undefined>> {
  return (await Promise.all(rows.map((c) => store.get(`case:${c.id}`)))).map(asCaseRecord);
}

export function isCasePending(c: SyncedCase, record: CaseSyncRecord | undefined, epoch: string): boolean {
  return !record || record.pending === 1 || record.epoch !== epoch || !record.rev || record.updatedAt !== c.updatedAt || !sameAgentFields(c, record.base);
}

/** A case's own audit events in this browser (not those pulled from a server), oldest first. */
export async function ownEvents(events: { index(name: 'by-case'): { getAll(range: IDBKeyRange): Promise<StoredEvent[]> } }, caseId: CaseId): Promise<StoredEvent[]> {
  const all = (await events.index('by-case').getAll(IDBKeyRange.bound([caseId, -Infinity], [caseId, Infinity]))) as PulledEvent[];
  return all.filter((e) => e.origin === undefined);
}

export function caseRecord(server: Extract<CaseVersion, { deleted: false }>, rev: string, epoch: string, pending = false): CaseSyncRecord {
  return {
    id: `case:${server.case.id}`,
    kind: 'case',
    epoch,
    rev,
    updatedAt: server.case.updatedAt,
    base: agentFields(server.case),
    clocks: server.clocks,
    ...(pending ? { pending: 1 as const } : {}),
  };
}

/**
 * Deletes a case with everything about it here: its audit events, its alerts, and its sync records (which
 * hold its id). A deletion from the server: retention or an erasure request, done in another browser.
 */
export async function deleteCaseLocally(stores: CaseWriteStores, caseId: CaseId): Promise<void> {
  await stores.cases.delete(caseId);
  const range = IDBKeyRange.bound([caseId, -Infinity], [caseId, Infinity]);
  for (const key of await stores.events.index('by-case').getAllKeys(range)) await stores.events.delete(key);
  for (const key of await stores.alerts.index('by-case').getAllKeys(caseId)) await stores.alerts.delete(key);
  await stores.sync.delete(`case:${caseId}`);
  await stores.sync.delete(eventRecordRange(caseId));
}

/** The records of the events pulled for one case. */
export function eventRecordRange(caseId: CaseId): IDBKeyRange {
  return IDBKeyRange.bound(eventPrefix(caseId), `${eventPrefix(caseId)}\uffff`);
}

/** The stores of a read-write transaction that a case deletion touches. */
export interface CaseWriteStores {
  cases: { delete(key: CaseId): Promise<void> };
  events: { delete(key: number): Promise<void>; index(name: 'by-case'): { getAllKeys(range: IDBKeyRange): Promise<number[]> } };
  alerts: { delete(key: string): Promise<void>; index(name: 'by-case'): { getAllKeys(key: string): Promise<string[]> } };
  sync: { delete(key: string | IDBKeyRange): Promise<void> };
}

export function asCaseRecord(record: SyncRecord | undefined): CaseSyncRecord | undefined {
  return record?.kind === 'case' ? record : undefined;
}
