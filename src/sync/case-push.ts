/**
 * Pushing cases: which cases to send (those a merge left pending, then those changed since the checkpoint),
 * recording what the server has after a push, and the deletions (retention, erasure) to send.
 */
import type { CaseId } from '../domain/case-id';
import { fromStored, toStored, type LoketDatabase } from '../storage/db';
import type { CaseSyncRecord } from '../storage/sync-records';
import {
  asCaseRecord,
  CASE_RANGE,
  caseRecord,
  casesAfter,
  deleteCaseLocally,
  eventRecordRange,
  isCasePending,
  ownEvents,
  recordsFor,
  SCAN_CHUNK,
  type ScanPosition,
} from './case-records';
import { caseIdOfDoc } from './docs';
import { localVersion } from './local-changes';
import type { RemovedCase } from './removed-case';
import { stableJson, type CaseVersion, type Deletion, type SyncedCase } from './merge';

export type { ScanPosition };

/** How far the push checkpoint trails the clock: a change whose transaction was slow is still found. */
export const PUSH_MARGIN_MS = 60_000;

export interface OutgoingCase {
  caseId: CaseId;
  /** The case as read, to see at commit time whether the agent changed it meanwhile. */
  local: SyncedCase;
  version: Extract<CaseVersion, { deleted: false }>;
  /** The revision to update, when this epoch has seen one. */
  rev?: string;
}

/**
 * Up to `limit` cases to push: first those a merge left pending, then changed cases by updatedAt from the
 * checkpoint (or from `after`, within one sync run).
 */
export async function readCaseChanges(
  db: LoketDatabase,
  scan: { epoch: string; from: number; after: ScanPosition | null; includePending: boolean },
  clientId: string,
  limit: number,
): Promise<{ outgoing: OutgoingCase[]; position: ScanPosition | null; exhausted: boolean }> {
  const { epoch, after } = scan;
  const tx = db.transaction(['cases', 'events', 'sync']);
  const cases = tx.objectStore('cases');
  const sync = tx.objectStore('sync');
  const seen = new Set<string>();

  const candidates: Array<{ stored: SyncedCase; record: CaseSyncRecord | undefined }> = [];
  const add = (stored: SyncedCase, record: CaseSyncRecord | undefined) => {
    candidates.push({ stored, record });
    seen.add(stored.id);
  };

  for (const record of scan.includePending ? await sync.index('by-pending').getAll(undefined, limit) : []) {
    if (record.kind !== 'case') continue;
    const stored = await cases.get(record.id.slice(5) as CaseId);
    if (stored) add(stored, record);
  }

  // Within one run, go on after the last case looked at (cases with the same updatedAt sort by id).
  let position: ScanPosition = after ?? [scan.from, ''];
  let exhausted = false;
  while (candidates.length < limit) {
    const rows = await casesAfter(cases, position, SCAN_CHUNK);
    if (rows.length === 0) {
      exhausted = true;
      break;
    }
    const records = await recordsFor(sync, rows);
    for (const [i, stored] of rows.entries()) {
      if (candidates.length >= limit) break;
      const record = records[i];
      if (!seen.has(stored.id) && isCasePending(stored, record, epoch)) add(stored, record);
      position = [stored.updatedAt, stored.id];
    }
  }
  const events = await Promise.all(candidates.map((c) => ownEvents(tx.objectStore('events'), c.stored.id)));
  await tx.done;
  const outgoing = candidates.map(({ stored, record }, i): OutgoingCase => {
    const local = fromStored(stored) as SyncedCase;
    const version = localVersion(local, record, events[i]!, clientId) as OutgoingCase['version'];
    const rev = record?.epoch === epoch ? record.rev : undefined;
    return { caseId: local.id, local, version, ...(rev ? { rev } : {}) };
  });
  return { outgoing, position, exhausted };
}

/** What the server holds for a pushed case now (what was pushed, or a merge of it): the new agreement. */
export interface PushedCase {
  out: OutgoingCase;
  rev: string;
  server: CaseVersion;
}

/**
 * Records what the server now has. A case the agent changed while the request was out keeps its old record:
 * the next push finds the server ahead and merges. Returns the cases written here (merged with the server).
 */
export async function commitCasePush(db: LoketDatabase, pushed: readonly PushedCase[], epoch: string, removed: RemovedCase[] = []): Promise<CaseId[]> {
  const tx = db.transaction(['cases', 'events', 'alerts', 'sync'], 'readwrite');
  const cases = tx.objectStore('cases');
  const sync = tx.objectStore('sync');
  const changed: CaseId[] = [];
  // All reads in flight at once (one round trip, not one per case), then the writes in order.
  const before = await Promise.all(pushed.map((p) => cases.get(p.out.caseId)));
  for (const [i, { out, rev, server }] of pushed.entries()) {
    const stored = before[i];
    const current = stored && (fromStored(stored) as SyncedCase);
    if (current && stableJson(current) !== stableJson(out.local)) continue;
    if (server.deleted) {
      // Deleted on the server (an erasure, or a purge this change was not later than): for the audit log.
      if (stored) {
        const events = await tx.objectStore('events').index('by-case').count(IDBKeyRange.bound([out.caseId, -Infinity], [out.caseId, Infinity]));
        removed.push({ site: stored.site, reason: server.deletion?.kind === 'retention' ? 'retention' : 'request', events });
      }
      await deleteCaseLocally({ cases, events: tx.objectStore('events'), alerts: tx.objectStore('alerts'), sync }, out.caseId);
      changed.push(out.caseId);
      continue;
    }
    if (!current || stableJson(current) !== stableJson(server.case)) {
      await cases.put(toStored(server.case));
      changed.push(out.caseId);
    }
    await sync.put(caseRecord(server, rev, epoch));
  }
  await tx.done;
  return changed;
}

/** A case deleted here, to delete on the server: the revision this epoch saw, and why (merge.ts). */
export interface OutgoingDeletion {
  caseId: CaseId;
  rev?: string;
  deletion: Deletion;
}

/** Cases deleted here since they were synced: their record is left, the case is gone. */
export async function readCaseDeletions(db: LoketDatabase, epoch: string): Promise<OutgoingDeletion[]> {
  const tx = db.transaction(['cases', 'sync']);
  const [recordKeys, caseKeys] = await Promise.all([tx.objectStore('sync').getAllKeys(CASE_RANGE()), tx.objectStore('cases').getAllKeys()]);
  const present = new Set<string>(caseKeys);
  const gone: OutgoingDeletion[] = [];
  for (const key of recordKeys) {
    const caseId = caseIdOfDoc(key);
    if (!caseId || present.has(caseId)) continue;
    const record = asCaseRecord(await tx.objectStore('sync').get(key));
    gone.push({ caseId, deletion: record?.deletion ?? { kind: 'erasure' }, ...(record?.epoch === epoch && record.rev ? { rev: record.rev } : {}) });
  }
  await tx.done;
  return gone;
}

/**
 * Cases purged here whose server version won (changed after the change the purge saw): stored again as the
 * server has them, with their sync record, unless the case is here again already. Returns the cases written.
 */
export async function restoreCases(db: LoketDatabase, restored: ReadonlyArray<{ caseId: CaseId; rev: string; version: Extract<CaseVersion, { deleted: false }> }>, epoch: string): Promise<CaseId[]> {
  if (restored.length === 0) return [];
  const tx = db.transaction(['cases', 'sync'], 'readwrite');
  const written: CaseId[] = [];
  for (const { caseId, rev, version } of restored) {
    if (await tx.objectStore('cases').getKey(caseId)) continue;
    await tx.objectStore('cases').put(toStored(version.case));
    await tx.objectStore('sync').put(caseRecord(version, rev, epoch));
    written.push(caseId);
  }
  await tx.done;
  return written;
}

/** After the server has the deletions: the records go too (they hold the case ids). */
export async function forgetDeletedCases(db: LoketDatabase, caseIds: readonly CaseId[]): Promise<void> {
  const tx = db.transaction(['cases', 'sync'], 'readwrite');
  for (const caseId of caseIds) {
    if (await tx.objectStore('cases').getKey(caseId)) continue;
    await tx.objectStore('sync').delete(`case:${caseId}`);
    await tx.objectStore('sync').delete(eventRecordRange(caseId));
  }
  await tx.done;
}
