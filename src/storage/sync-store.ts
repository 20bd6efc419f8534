/**
 * Sync bookkeeping in IndexedDB, and the transactions that read what to push and apply what was pulled.
 * Case-store stays as it is: what is pending is found by comparing, not by flags every write must set.
 *
 * - `sync` holds one record per synced document: for a case the server revision last seen, the case's
 *   updatedAt and agent fields when this browser and the server last agreed (`base`), and the histories of
 *   those fields (merge.ts); for a tag or team template the JSON last agreed; for an event pulled from the
 *   server its local sequence number (so it is stored once). A case is pending when it has no record, or
 *   its updatedAt or agent fields differ from the record, or a merge left it `pending`.
 * - Pending cases are found through the `by-updated` index from the push checkpoint on (the checkpoint
 *   trails the clock by a minute, so a write that raced a scan is seen by the next one); events by
 *   sequence number; tags and templates are few and are compared whole.
 * - `syncMeta` holds a checkpoint per server and database (`since` for pulling, the push marks, and the
 *   `epoch`: an id this browser writes into a `_local` document on the server, so a database that was
 *   deleted and made again is noticed and everything is pushed again), the client id, and the status.
 *
 * What was pulled is applied in one transaction per batch, together with the new `since`: a worker stopped
 * between batches resumes after the last whole batch, and nothing pulled is applied twice. Applied remote
 * changes update the records too, so they never count as local changes (no echo back to the server).
 */
import type { CaseId } from '../domain/case-id';
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import {
  caseDoc,
  caseIdOfDoc,
  caseIdOfEventDoc,
  caseVersionOf,
  eventDoc,
  eventDocId,
  eventPrefix,
  localTemplate,
  sharedEvent,
  tagDoc,
  tagDocId,
  teamTemplate,
  templateDoc,
  templateDocId,
  tombstone,
  type CaseDoc,
  type EventDoc,
  type RemoteDoc,
  type TagDoc,
  type TeamTemplate,
  type TemplateDoc,
  type Tombstone,
} from '../sync/docs';
import { agentFields, localEventKey, localVersion, sameAgentFields, type AgentFields } from '../sync/local-changes';
import { mergeCases, stableJson, type CaseClocks, type CaseVersion, type SyncedCase } from '../sync/merge';
import type { SyncErrorCode } from '../sync/couch-client';
import { fromStored, toStored, type LoketDatabase, type StoredEvent } from './db';

// --- records ---

export interface CaseSyncRecord {
  id: string;
  kind: 'case';
  /** The server revision last seen, valid in this epoch (see Checkpoint). */
  epoch?: string;
  rev?: string;
  updatedAt: number;
  base: AgentFields;
  clocks: CaseClocks;
  /** A merge produced a version the server does not have yet. */
  pending?: 1;
}

export interface ItemSyncRecord {
  id: string;
  kind: 'item';
  epoch?: string;
  rev?: string;
  /** stableJson of the shared content last agreed. */
  base: string;
  changedAt: number;
  pending?: 1;
}

export interface EventSyncRecord {
  id: string;
  kind: 'event';
  /** The event's sequence number in this browser's `events` store. */
  seq: number;
}

export type SyncRecord = CaseSyncRecord | ItemSyncRecord | EventSyncRecord;

export interface Checkpoint {
  key: string;
  target: string;
  /** Changes to revisions from the server are valid in this epoch only; a new epoch pushes everything again. */
  epoch: string;
  /** Where pulling goes on from (CouchDB's last_seq). */
  since: string | number;
  /** Cases with updatedAt from here on are looked at for pushing. */
  pushedUpdatedAt: number;
  /** Events after this sequence number are pushed. */
  pushedEventSeq: number;
  /**
   * When all cases were last looked at, not only those from pushedUpdatedAt on: a change stamped while the
   * computer's clock was behind is found within the hour.
   */
  fullScanAt?: number;
}

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error';

/** What the popup shows. `pending`: local changes the server does not have yet. */
export interface SyncStatus {
  state: SyncState;
  lastSyncAt?: number;
  pending: number;
  error?: { code: SyncErrorCode | 'internal'; message: string };
  /** Failed attempts in a row; the next try is at `retryAt`. */
  failures: number;
  retryAt?: number;
}

export type SyncMetaEntry = Checkpoint | { key: 'client'; clientId: string } | { key: 'status'; status: SyncStatus };

/** An event as stored when it came from the server: where from, so it is not pushed back there. */
type PulledEvent = StoredEvent & { origin?: { id: string; epoch: string } };

const CASE_RANGE = () => IDBKeyRange.bound('case:', 'case:\uffff');
/** How far the push checkpoint trails the clock: a change whose transaction was slow is still found. */
export const PUSH_MARGIN_MS = 60_000;

// --- meta ---

export async function getClientId(db: LoketDatabase): Promise<string> {
  const tx = db.transaction('syncMeta', 'readwrite');
  const found = await tx.store.get('client');
  let clientId = found && 'clientId' in found ? found.clientId : undefined;
  if (!clientId) {
    clientId = randomId();
    await tx.store.put({ key: 'client', clientId });
  }
  await tx.done;
  return clientId;
}

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

export async function loadCheckpoint(db: LoketDatabase, target: string): Promise<Checkpoint | undefined> {
  const found = await db.get('syncMeta', `checkpoint:${target}`);
  return found && 'target' in found ? found : undefined;
}

export function newCheckpoint(target: string): Checkpoint {
  return { key: `checkpoint:${target}`, target, epoch: randomId(), since: 0, pushedUpdatedAt: Number.NEGATIVE_INFINITY, pushedEventSeq: 0 };
}

export async function saveCheckpoint(db: LoketDatabase, checkpoint: Checkpoint): Promise<void> {
  await db.put('syncMeta', checkpoint);
}

export const IDLE_STATUS: SyncStatus = { state: 'idle', pending: 0, failures: 0 };

export async function loadSyncStatus(db: LoketDatabase): Promise<SyncStatus> {
  const found = await db.get('syncMeta', 'status');
  return found && 'status' in found ? found.status : { ...IDLE_STATUS };
}

export async function saveSyncStatus(db: LoketDatabase, status: SyncStatus): Promise<void> {
  await db.put('syncMeta', { key: 'status', status });
}

// --- cases: push ---

export interface OutgoingCase {
  caseId: CaseId;
  /** The case as read, to see at commit time whether the agent changed it meanwhile. */
  local: SyncedCase;
  version: Extract<CaseVersion, { deleted: false }>;
  /** The revision to update, when this epoch has seen one. */
  rev?: string;
}

/** Where a case scan stopped: [updatedAt, case id] of the last case looked at. */
export type ScanPosition = [number, string];

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

const SCAN_CHUNK = 500;

type CaseStore = {
  getAll(range: IDBKeyRange): Promise<SyncedCase[]>;
  index(name: 'by-updated'): { getAll(range: IDBKeyRange, count?: number): Promise<SyncedCase[]>; getAllKeys(range: IDBKeyRange): Promise<CaseId[]> };
};

/**
 * Up to `count` cases after `position` in (updatedAt, id) order, read with getAll (one request, not a cursor
 * step per case). When more than `count` cases share one updatedAt (a bulk change), that time is read by key.
 */
async function casesAfter(cases: CaseStore, position: ScanPosition, count: number): Promise<SyncedCase[]> {
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

type RecordStore = { get(key: string): Promise<SyncRecord | undefined>; getAll(range: IDBKeyRange): Promise<SyncRecord[]> };

/**
 * The sync records of some cases. A few: one get each, all in flight at once. Many (after an initial pull,
 * every case changed in the last minute): every case record in one getAll, which costs far less than
 * thousands of requests.
 */
async function recordsFor(store: RecordStore, rows: readonly SyncedCase[]): Promise<Array<CaseSyncRecord | undefined>> {
  if (rows.length <= 50) return (await Promise.all(rows.map((c) => store.get(`case:${c.id}`)))).map(asCaseRecord);
  const all = new Map((await store.getAll(CASE_RANGE())).map((r) => [r.id, r]));
  return rows.map((c) => asCaseRecord(all.get(`case:${c.id}`)));
}

function isCasePending(c: SyncedCase, record: CaseSyncRecord | undefined, epoch: string): boolean {
  return !record || record.pending === 1 || record.epoch !== epoch || !record.rev || record.updatedAt !== c.updatedAt || !sameAgentFields(c, record.base);
}

/** A case's own audit events in this browser (not those pulled from a server), oldest first. */
async function ownEvents(events: { index(name: 'by-case'): { getAll(range: IDBKeyRange): Promise<StoredEvent[]> } }, caseId: CaseId): Promise<StoredEvent[]> {
  const all = (await events.index('by-case').getAll(IDBKeyRange.bound([caseId, -Infinity], [caseId, Infinity]))) as PulledEvent[];
  return all.filter((e) => e.origin === undefined);
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
export async function commitCasePush(db: LoketDatabase, pushed: readonly PushedCase[], epoch: string): Promise<CaseId[]> {
  const tx = db.transaction(['cases', 'events', 'alerts', 'sync'], 'readwrite');
  const cases = tx.objectStore('cases');
  const sync = tx.objectStore('sync');
  const changed: CaseId[] = [];
  for (const { out, rev, server } of pushed) {
    const stored = await cases.get(out.caseId);
    const current = stored && (fromStored(stored) as SyncedCase);
    if (current && stableJson(current) !== stableJson(out.local)) continue;
    if (server.deleted) {
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

function caseRecord(server: Extract<CaseVersion, { deleted: false }>, rev: string, epoch: string, pending = false): CaseSyncRecord {
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
async function deleteCaseLocally(stores: CaseWriteStores, caseId: CaseId): Promise<void> {
  await stores.cases.delete(caseId);
  const range = IDBKeyRange.bound([caseId, -Infinity], [caseId, Infinity]);
  for (const key of await stores.events.index('by-case').getAllKeys(range)) await stores.events.delete(key);
  for (const key of await stores.alerts.index('by-case').getAllKeys(caseId)) await stores.alerts.delete(key);
  await stores.sync.delete(`case:${caseId}`);
  await stores.sync.delete(eventRecordRange(caseId));
}

/** The records of the events pulled for one case. */
function eventRecordRange(caseId: CaseId): IDBKeyRange {
  return IDBKeyRange.bound(eventPrefix(caseId), `${eventPrefix(caseId)}\uffff`);
}

/** The stores of a read-write transaction that a case deletion touches. */
interface CaseWriteStores {
  cases: { delete(key: CaseId): Promise<void> };
  events: { delete(key: number): Promise<void>; index(name: 'by-case'): { getAllKeys(range: IDBKeyRange): Promise<number[]> } };
  alerts: { delete(key: string): Promise<void>; index(name: 'by-case'): { getAllKeys(key: string): Promise<string[]> } };
  sync: { delete(key: string | IDBKeyRange): Promise<void> };
}

/** Cases deleted here since they were synced: their record is left, the case is gone. */
export async function readCaseDeletions(db: LoketDatabase, epoch: string): Promise<Array<{ caseId: CaseId; rev?: string }>> {
  const tx = db.transaction(['cases', 'sync']);
  const [recordKeys, caseKeys] = await Promise.all([tx.objectStore('sync').getAllKeys(CASE_RANGE()), tx.objectStore('cases').getAllKeys()]);
  const present = new Set<string>(caseKeys);
  const gone: Array<{ caseId: CaseId; rev?: string }> = [];
  for (const key of recordKeys) {
    const caseId = caseIdOfDoc(key);
    if (!caseId || present.has(caseId)) continue;
    const record = asCaseRecord(await tx.objectStore('sync').get(key));
    gone.push({ caseId, ...(record?.epoch === epoch && record.rev ? { rev: record.rev } : {}) });
  }
  await tx.done;
  return gone;
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

// --- events: push ---

/** Up to `limit` events after `afterSeq` as documents, leaving out those pulled from this server epoch. */
export async function readEventChanges(db: LoketDatabase, afterSeq: number, epoch: string, clientId: string, limit: number): Promise<{ docs: EventDoc[]; lastSeq: number }> {
  const docs: EventDoc[] = [];
  let lastSeq = afterSeq;
  let cursor = await db.transaction('events').store.openCursor(IDBKeyRange.lowerBound(afterSeq, true));
  while (cursor && docs.length < limit) {
    const event = cursor.value as PulledEvent;
    lastSeq = event.seq;
    if (event.origin?.epoch !== epoch) docs.push(eventDoc(event, event.origin?.id ?? eventDocId(event.caseId, event.at, localEventKey(clientId, event.seq))));
    cursor = await cursor.continue();
  }
  return { docs, lastSeq };
}

// --- tags and team templates: push ---

export type ItemDoc = TagDoc | TemplateDoc;

export interface OutgoingItem {
  id: string;
  doc: ItemDoc | Tombstone;
  /** stableJson of the content sent, to see at commit time whether it changed meanwhile. */
  sent: string | null;
}

function itemContent(doc: ItemDoc): Tag | TeamTemplate {
  return doc.type === 'tag' ? doc.tag : doc.template;
}

/** Tags and team templates that differ from what was last agreed, and those deleted here. */
export async function readItemChanges(db: LoketDatabase, epoch: string, now: number): Promise<OutgoingItem[]> {
  const tx = db.transaction(['tags', 'templates', 'sync']);
  const [tags, templates, records] = await Promise.all([
    tx.objectStore('tags').getAll(),
    tx.objectStore('templates').getAll(),
    tx.objectStore('sync').getAll(IDBKeyRange.bound('tag:', 'template:\uffff')),
  ]);
  await tx.done;
  const byId = new Map(records.filter((r): r is ItemSyncRecord => r.kind === 'item').map((r) => [r.id, r]));
  const out: OutgoingItem[] = [];
  const present = new Set<string>();
  const consider = (id: string, content: Tag | TeamTemplate, make: (changedAt: number, rev?: string) => ItemDoc, ownTime?: number) => {
    present.add(id);
    const record = byId.get(id);
    const json = stableJson(content);
    const rev = record?.epoch === epoch ? record.rev : undefined;
    if (record && record.base === json && rev && !record.pending) return;
    const changedAt = record && record.base === json ? record.changedAt : (ownTime ?? (record ? now : 0));
    out.push({ id, doc: make(changedAt, rev), sent: json });
  };
  for (const tag of tags) consider(tagDocId(tag.id), tag, (at, rev) => tagDoc(tag, at, rev));
  for (const template of templates) {
    const shared = teamTemplate(template);
    if (shared) consider(templateDocId(template.id), shared, (at, rev) => templateDoc(shared, at, rev), template.updatedAt ?? 0);
    else present.add(templateDocId(template.id)); // personal now: not shared, and not deleted for the team either
  }
  for (const [id, record] of byId) if (!present.has(id) && record.epoch === epoch && record.rev) out.push({ id, doc: tombstone(id, record.rev), sent: null });
  return out;
}

export interface PushedItem {
  item: OutgoingItem;
  rev: string;
  /** What the server holds now; null when it is deleted. */
  server: ItemDoc | null;
}

export async function commitItemPush(db: LoketDatabase, pushed: readonly PushedItem[], epoch: string): Promise<void> {
  const tx = db.transaction(['tags', 'templates', 'sync'], 'readwrite');
  let nextOrder: number | undefined;
  for (const { item, rev, server } of pushed) {
    const isTag = item.id.startsWith('tag:');
    const localId = item.id.slice(item.id.indexOf(':') + 1);
    const local = isTag ? await tx.objectStore('tags').get(localId) : await tx.objectStore('templates').get(localId);
    const localJson = local === undefined ? null : isTag ? stableJson(local) : stableJson(teamTemplate(local as Template));
    if (localJson !== item.sent) continue; // changed meanwhile: the next push sorts it out
    if (!server) {
      if (local !== undefined) await (isTag ? tx.objectStore('tags').delete(localId) : tx.objectStore('templates').delete(localId));
      await tx.objectStore('sync').delete(item.id);
      continue;
    }
    const content = itemContent(server);
    const json = stableJson(content);
    if (json !== localJson) {
      if (server.type === 'tag') await tx.objectStore('tags').put(server.tag);
      else {
        nextOrder ??= await nextTemplateOrder(tx.objectStore('templates'));
        await tx.objectStore('templates').put(localTemplate(server.template, local as Template | undefined, nextOrder++));
      }
    }
    await tx.objectStore('sync').put({ id: item.id, kind: 'item', epoch, rev, base: json, changedAt: server.changedAt });
  }
  await tx.done;
}

async function nextTemplateOrder(store: { getAll(): Promise<Template[]> }): Promise<number> {
  return (await store.getAll()).reduce((max, t) => Math.max(max, t.order), -1) + 1;
}

/** Two versions of a tag or template: deletion wins, then the later change, then the larger JSON. */
export function mergeItems(a: ItemDoc | null, b: ItemDoc | null): ItemDoc | null {
  if (!a || !b) return null;
  if (a.changedAt !== b.changedAt) return a.changedAt > b.changedAt ? a : b;
  return stableJson(itemContent(a)) >= stableJson(itemContent(b)) ? a : b;
}

// --- pull ---

export interface PullContext {
  epoch: string;
  clientId: string;
  /** Stamps a tag changed here and not pushed yet, when it meets a change from the server. */
  now: number;
}

export interface AppliedBatch {
  /** Cases written or deleted here, for the views to hear of. */
  changed: CaseId[];
  /** Documents that changed something here. */
  applied: number;
  /** Cases merged with a local change; the merge is pending to be pushed. */
  merged: number;
}

/**
 * Applies one page of changes and the checkpoint after it, in one transaction. A case changed here since
 * the last agreement is merged (merge.ts) and left pending for the next push; one changed only on the
 * server is taken as it is.
 */
export async function applyPulledBatch(db: LoketDatabase, docs: readonly RemoteDoc[], ctx: PullContext, checkpoint: Checkpoint): Promise<AppliedBatch> {
  const tx = db.transaction(['cases', 'events', 'alerts', 'tags', 'templates', 'sync', 'syncMeta'], 'readwrite');
  const cases = tx.objectStore('cases');
  const events = tx.objectStore('events');
  const sync = tx.objectStore('sync');
  const result: AppliedBatch = { changed: [], applied: 0, merged: 0 };
  let nextOrder: number | undefined;

  for (const remote of docs) {
    const record = await sync.get(remote.id);
    if (remote.kind === 'case') {
      const caseId = caseIdOfDoc(remote.id);
      if (!caseId) continue;
      const caseRec = asCaseRecord(record);
      if (caseRec && caseRec.epoch === ctx.epoch && caseRec.rev === remote.rev) continue; // our own write coming back
      const stored = await cases.get(caseId);
      const version = caseVersionOf(remote);
      if (version.deleted) {
        if (stored || caseRec) {
          await deleteCaseLocally({ cases, events, alerts: tx.objectStore('alerts'), sync }, caseId);
          if (stored) result.changed.push(caseId);
          result.applied++;
        }
        continue;
      }
      const local = stored && (fromStored(stored) as SyncedCase);
      const unchanged = local && caseRec && !caseRec.pending && caseRec.updatedAt === local.updatedAt && sameAgentFields(local, caseRec.base);
      if (!local || unchanged) {
        if (!local || stableJson(local) !== stableJson(version.case)) {
          await cases.put(toStored(version.case));
          result.changed.push(caseId);
          result.applied++;
        }
        await sync.put(caseRecord(version, remote.rev, ctx.epoch));
        continue;
      }
      const mine = localVersion(local, caseRec, await ownEvents(events, caseId), ctx.clientId);
      const { merged } = mergeCases(mine, version);
      if (merged.deleted) continue;
      const differs = stableJson(merged.case) !== stableJson(version.case) || stableJson(merged.clocks) !== stableJson(version.clocks);
      if (stableJson(merged.case) !== stableJson(local)) {
        await cases.put(toStored(merged.case));
        result.changed.push(caseId);
      }
      // Agreed with the server as it is; what the merge kept from here is a local change on top of that.
      await sync.put(caseRecord(version, remote.rev, ctx.epoch, differs));
      result.applied++;
      result.merged++;
    } else if (remote.kind === 'event') {
      const ownKey = remote.id.slice(remote.id.lastIndexOf(':') + 1);
      const ownSeq = ownKey.startsWith(`${ctx.clientId}-`) ? Number(ownKey.slice(ctx.clientId.length + 1)) : undefined;
      if ('deleted' in remote) {
        const seq = record?.kind === 'event' ? record.seq : ownSeq;
        const existing = seq === undefined ? undefined : await events.get(seq);
        if (seq !== undefined && existing && existing.caseId === caseIdOfEventDoc(remote.id)) {
          await events.delete(seq);
          result.applied++;
        }
        continue;
      }
      if (record || ownSeq !== undefined) continue; // stored already
      const event: Omit<PulledEvent, 'seq'> = { ...sharedEvent(remote.doc), origin: { id: remote.id, epoch: ctx.epoch } };
      const seq = await events.add(event as PulledEvent);
      await sync.put({ id: remote.id, kind: 'event', seq });
      result.applied++;
    } else {
      const itemRec = record?.kind === 'item' ? record : undefined;
      if (itemRec && itemRec.epoch === ctx.epoch && itemRec.rev === remote.rev) continue;
      const isTag = remote.kind === 'tag';
      const localId = remote.id.slice(remote.id.indexOf(':') + 1);
      const local = isTag ? await tx.objectStore('tags').get(localId) : await tx.objectStore('templates').get(localId);
      if (!isTag && local && (local as Template).scope !== 'team') continue; // a personal template of the same id stays
      const localJson = local === undefined ? null : isTag ? stableJson(local) : stableJson(teamTemplate(local as Template));
      const unchanged = localJson === null || (itemRec !== undefined && !itemRec.pending && itemRec.base === localJson);
      if ('deleted' in remote) {
        if (local !== undefined) await (isTag ? tx.objectStore('tags').delete(localId) : tx.objectStore('templates').delete(localId));
        await sync.delete(remote.id);
        result.applied++;
        continue;
      }
      const serverDoc = remote.doc as ItemDoc;
      let winner: ItemDoc = serverDoc;
      if (!unchanged && localJson !== null) {
        const changedAt = isTag ? (itemRec && itemRec.base !== localJson ? ctx.now : (itemRec?.changedAt ?? 0)) : ((local as Template).updatedAt ?? 0);
        const mine: ItemDoc = isTag ? tagDoc(local as Tag, changedAt) : templateDoc(teamTemplate(local as Template)!, changedAt);
        winner = mergeItems(mine, serverDoc) ?? serverDoc;
      }
      const json = stableJson(itemContent(winner));
      if (json !== localJson) {
        if (winner.type === 'tag') await tx.objectStore('tags').put(winner.tag);
        else {
          nextOrder ??= await nextTemplateOrder(tx.objectStore('templates'));
          await tx.objectStore('templates').put(localTemplate(winner.template, local as Template | undefined, nextOrder++));
        }
        result.applied++;
      }
      const serverJson = stableJson(itemContent(serverDoc));
      await sync.put({ id: remote.id, kind: 'item', epoch: ctx.epoch, rev: remote.rev, base: serverJson, changedAt: serverDoc.changedAt, ...(json !== serverJson ? { pending: 1 as const } : {}) });
    }
  }
  await tx.objectStore('syncMeta').put(checkpoint);
  await tx.done;
  return result;
}

// --- status ---

/** Local changes the server does not have yet: cases, events, tags and team templates. */
export async function countPending(db: LoketDatabase, checkpoint: Checkpoint | undefined, now: number): Promise<number> {
  const cp = checkpoint ?? newCheckpoint('none');
  const tx = db.transaction(['cases', 'events', 'sync']);
  let count = 0;
  let position: ScanPosition = [Math.min(cp.pushedUpdatedAt, now), ''];
  for (;;) {
    const rows = await casesAfter(tx.objectStore('cases'), position, SCAN_CHUNK);
    if (rows.length === 0) break;
    const records = await recordsFor(tx.objectStore('sync'), rows);
    rows.forEach((c, i) => {
      if (isCasePending(c, records[i], cp.epoch)) count++;
    });
    const last = rows.at(-1)!;
    position = [last.updatedAt, last.id];
  }
  let events = await tx.objectStore('events').openCursor(IDBKeyRange.lowerBound(cp.pushedEventSeq, true));
  while (events) {
    if ((events.value as PulledEvent).origin?.epoch !== cp.epoch) count++;
    events = await events.continue();
  }
  await tx.done;
  return count + (await readItemChanges(db, cp.epoch, now)).length;
}

function asCaseRecord(record: SyncRecord | undefined): CaseSyncRecord | undefined {
  return record?.kind === 'case' ? record : undefined;
}
