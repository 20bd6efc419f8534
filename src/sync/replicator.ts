/**
 * One sync run against a CouchDB database: push, then pull, in batches, from checkpoints.
 *
 *   events ─┐                                   ┌─ _changes?since=… (200 at a time)
 *   tags ───┼─▶ _bulk_docs ──▶ CouchDB ──────────┤   each page applied in one IndexedDB
 *   cases ──┘   (409: fetch, merge, retry)       └─ transaction with its checkpoint
 *
 * Resumable: event and case pushes are idempotent (events carry fixed revisions; a case is compared with
 * its record), and each pulled page is applied together with its checkpoint, so a run cut off anywhere
 * loses nothing and applies nothing twice. A run may be stopped through `signal` between requests.
 * Conflicts on the server (`_conflicts`, from any other replicator) are resolved when they are pulled: the
 * merged version is written on the winning revision and the losing revisions are deleted.
 */
import type { CaseId } from '../domain/case-id';
import type { LoketDatabase } from '../storage/db';
import { getClientId, loadCheckpoint, newCheckpoint, saveCheckpoint } from '../storage/sync-meta';
import type { Checkpoint } from '../storage/sync-records';
import { applyPulledBatch, type RemovedCase } from './apply-pull';
import {
  commitCasePush,
  forgetDeletedCases,
  PUSH_MARGIN_MS,
  readCaseChanges,
  readCaseDeletions,
  restoreCases,
  type OutgoingCase,
  type PushedCase,
  type ScanPosition,
} from './case-push';
import { readEventChanges } from './event-push';
import { commitItemPush, mergeItems, readItemChanges, type ItemDoc, type OutgoingItem, type PushedItem } from './item-push';
import { SyncError, type BulkResult, type ChangesPage, type CouchClient } from './couch-client';
import { changesToFetch } from './pull-filter';
import { caseDoc, caseDocId, caseVersionOf, eventPrefix, readDoc, tombstone, type RemoteDoc, type Tombstone } from './docs';
import { mergeCases, stableJson, type CaseVersion, type Deletion } from './merge';
import { pushPresence, type Identity } from './presence-push';

export interface SyncResult {
  /** Documents written to the server. */
  pushed: number;
  /** Documents from the server that changed something here. */
  pulled: number;
  /** Cases, tags or templates changed on both sides and merged (here or on the server). */
  conflictsResolved: number;
  /** Cases written or deleted here: the views should read them again. */
  changed: CaseId[];
  /** Cases deleted here because they were deleted on the server (erasure or purge elsewhere): for the audit log. */
  removed: RemovedCase[];
  /** Cases purged here that came back because a colleague changed them later. */
  restored: number;
  /** Colleagues' presence pulled (the team list and who is alerted may have changed). */
  presencePulled: number;
}

export interface SyncOptions {
  /** Documents per request and per transaction. */
  batchSize?: number;
  signal?: AbortSignal;
  /** This browser's agent: their presence is written to the server (presence-push.ts). */
  presence?: Identity;
}

const MAX_ROUNDS = 4;
/** Requests in flight at once during a push: the server stores one batch while the next is read and sent. */
const IN_FLIGHT = 4;
const FULL_SCAN_MS = 60 * 60_000;

export async function syncOnce(db: LoketDatabase, client: CouchClient, options: SyncOptions = {}, now = Date.now()): Promise<SyncResult> {
  const run = new Run(db, client, options.batchSize ?? 500, options.signal, now);
  await run.prepare();
  await run.push(true);
  await run.pull();
  if (run.mergedLocally > 0) await run.push(false);
  if (options.presence && (await pushPresence(db, client, options.presence, now))) run.pushed++;
  return { pushed: run.pushed, pulled: run.pulled, conflictsResolved: run.conflicts, changed: [...run.changed], removed: run.removed, restored: run.restored, presencePulled: run.presencePulled };
}

class Run {
  pushed = 0;
  pulled = 0;
  conflicts = 0;
  mergedLocally = 0;
  /** Cases purged here that came back: a colleague changed them after the change the purge saw. */
  restored = 0;
  presencePulled = 0;
  readonly removed: RemovedCase[] = [];
  private incomplete = false;
  readonly changed = new Set<CaseId>();
  private clientId = '';
  /** The last page of changes was mostly new here: fetch the next one with its documents. */
  private mostlyNew = false;
  private cp!: Checkpoint;

  constructor(
    private readonly db: LoketDatabase,
    private readonly client: CouchClient,
    private readonly batch: number,
    private readonly signal: AbortSignal | undefined,
    private readonly now: number,
  ) {}

  /**
   * The checkpoint for this server and database, if the server still knows it: this browser's epoch lives
   * in a `_local` document there, which a deleted and recreated database no longer has.
   */
  async prepare(): Promise<void> {
    this.clientId = await getClientId(this.db);
    const marker = await this.client.getLocal(`loket-${this.clientId}`);
    const saved = await loadCheckpoint(this.db, this.client.target);
    if (saved && marker?.epoch === saved.epoch) {
      this.cp = saved;
      return;
    }
    const fresh = newCheckpoint(this.client.target);
    await this.client.putLocal(`loket-${this.clientId}`, { ...(typeof marker?._rev === 'string' ? { _rev: marker._rev } : {}), epoch: fresh.epoch, client: this.clientId });
    await saveCheckpoint(this.db, fresh);
    this.cp = fresh;
  }

  async push(first: boolean): Promise<void> {
    await this.pushEvents();
    await this.pushItems();
    await this.pushCases(first);
    await this.pushDeletions();
  }

  /**
   * Events in batches, several requests in flight while the next batch is read; the checkpoint moves on in
   * order, only past batches the server has all stored (a run cut off re-sends at most the batches in flight,
   * which is a no-op for fixed revisions).
   */
  private async pushEvents(): Promise<void> {
    const inFlight: Array<{ done: Promise<void>; lastSeq: number }> = [];
    const settle = async () => {
      const first = inFlight.shift()!;
      await first.done;
      this.cp = { ...this.cp, pushedEventSeq: first.lastSeq };
      await saveCheckpoint(this.db, this.cp);
    };
    try {
      let after = this.cp.pushedEventSeq;
      for (;;) {
        this.checkStopped();
        const { docs, lastSeq } = await readEventChanges(this.db, after, this.cp.epoch, this.clientId, this.batch);
        if (lastSeq === after) break;
        after = lastSeq;
        const done = docs.length > 0 ? this.client.bulkDocs(docs, false).then((results) => {
          failOn(results);
          this.pushed += docs.length;
        }) : Promise.resolve();
        done.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
        inFlight.push({ done, lastSeq });
        if (inFlight.length >= IN_FLIGHT) await settle();
      }
      while (inFlight.length > 0) await settle();
    } finally {
      await Promise.allSettled(inFlight.map((f) => f.done));
    }
  }

  private async pushCases(first: boolean): Promise<void> {
    const { fullScanAt } = this.cp;
    const full = first && (fullScanAt === undefined || this.now < fullScanAt || this.now - fullScanAt > FULL_SCAN_MS);
    const from = full ? Number.NEGATIVE_INFINITY : this.cp.pushedUpdatedAt;
    let position: ScanPosition | null = null;
    // Several batches in flight: the next batch is read (and sent) while the server stores the last ones.
    const inFlight: Array<Promise<void>> = [];
    try {
      for (let i = 0; ; i++) {
        this.checkStopped();
        // Cases a merge left pending come first, once per push: a case that keeps changing waits for the next run.
        const read = await readCaseChanges(this.db, { epoch: this.cp.epoch, from, after: position, includePending: i === 0 }, this.clientId, this.batch);
        if (read.outgoing.length > 0) {
          const sent = this.pushCaseBatch(read.outgoing);
          sent.catch(() => undefined);
          inFlight.push(sent);
        }
        position = read.position;
        if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
        if (read.exhausted) break;
      }
      while (inFlight.length > 0) await inFlight.shift();
    } finally {
      await Promise.allSettled(inFlight);
    }
    if (first && !this.incomplete) {
      const pushedUpdatedAt = Math.max(full ? from : this.cp.pushedUpdatedAt, this.now - PUSH_MARGIN_MS);
      this.cp = { ...this.cp, pushedUpdatedAt, ...(full ? { fullScanAt: this.now } : {}) };
      await saveCheckpoint(this.db, this.cp);
    }
  }

  private async pushCaseBatch(outgoing: readonly OutgoingCase[]): Promise<void> {
    let pending: Array<{ out: OutgoingCase; version: Extract<CaseVersion, { deleted: false }>; rev?: string }> = outgoing.map((out) => ({
      out,
      version: out.version,
      ...(out.rev ? { rev: out.rev } : {}),
    }));
    const done: PushedCase[] = [];
    const gone: CaseId[] = [];
    for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round++) {
      this.checkStopped();
      const results = await this.client.bulkDocs(pending.map((p) => caseDoc(p.version, p.rev)));
      const conflicted: typeof pending = [];
      results.forEach((result, i) => {
        const p = pending[i]!;
        if (result.ok) {
          done.push({ out: p.out, rev: result.rev, server: p.version });
          this.pushed++;
        } else if (result.error === 'conflict') conflicted.push(p);
        else throw refused(result);
      });
      pending = [];
      if (conflicted.length === 0) break;
      // Someone else wrote first: take their version and merge ours into it.
      const current = await this.client.getDocs(conflicted.map((p) => caseDocId(p.out.caseId)));
      for (const p of conflicted) {
        const raw = current.get(caseDocId(p.out.caseId));
        const remote = raw ? readDoc(raw) : null;
        if (!remote) {
          const rev = rawRev(raw);
          pending.push({ out: p.out, version: p.version, ...(rev ? { rev } : {}) });
          continue;
        }
        const theirs = caseVersionOf(remote);
        const { merged } = mergeCases(p.version, theirs);
        if (merged.deleted) {
          // Erased, or purged after the change this browser made: the deletion stands, and the events this
          // browser pushed for the case since (earlier in this run) go too.
          if (theirs.deleted) done.push({ out: p.out, rev: remote.rev, server: theirs });
          gone.push(p.out.caseId);
          continue;
        }
        this.conflicts++;
        if (theirs.deleted) {
          // Purged elsewhere before this later change: the case lives on, written over the tombstone.
          pending.push({ out: p.out, version: merged, rev: remote.rev });
          continue;
        }
        if (stableJson(merged) === stableJson(theirs)) done.push({ out: p.out, rev: remote.rev, server: theirs });
        else pending.push({ out: p.out, version: merged, rev: remote.rev });
      }
    }
    // Still in conflict after every round (the case keeps changing there): the next run tries again.
    if (pending.length > 0) this.incomplete = true;
    await this.deleteEventsOnServer(gone);
    for (const id of await commitCasePush(this.db, done, this.cp.epoch, this.removed)) this.changed.add(id);
  }

  /**
   * Cases deleted here (retention, erasure): their documents and their events go from the server too. An
   * erasure wins over whatever the server has; a purge only over a version no newer than the change it saw
   * (merge.ts): a case a colleague changed since stays on the server, comes back here, and keeps its events.
   */
  private async pushDeletions(): Promise<void> {
    const gone = await readCaseDeletions(this.db, this.cp.epoch);
    for (let i = 0; i < gone.length; i += this.batch) {
      this.checkStopped();
      const slice = gone.slice(i, i + this.batch);
      const deleted: CaseId[] = [];
      const survived: Array<{ caseId: CaseId; rev: string; version: Extract<CaseVersion, { deleted: false }> }> = [];
      let pending = slice.map((g) => ({ g, rev: g.rev, current: undefined as unknown }));
      const unknown = pending.filter((p) => !p.rev).map((p) => caseDocId(p.g.caseId));
      if (unknown.length > 0) {
        const current = await this.client.getDocs(unknown);
        for (const p of pending) if (!p.rev) p.current = current.get(caseDocId(p.g.caseId)) ?? null;
      }
      for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round++) {
        this.checkStopped();
        const writes: typeof pending = [];
        for (const p of pending) {
          const decided = this.decideDeletion(p.g.deletion, p.current, p.rev);
          if (decided === 'gone') deleted.push(p.g.caseId);
          else if (decided === 'write') writes.push(p);
          else survived.push({ caseId: p.g.caseId, rev: decided.rev, version: decided.version });
        }
        const results = await this.client.bulkDocs(writes.map((p) => tombstone(caseDocId(p.g.caseId), p.rev ?? rawRev(p.current), p.g.deletion)));
        failOn(results.filter((r) => r.ok || r.error !== 'conflict'));
        pending = [];
        results.forEach((r, k) => {
          if (r.ok) {
            this.pushed++;
            deleted.push(writes[k]!.g.caseId);
          } else pending.push({ ...writes[k]!, rev: undefined });
        });
        if (pending.length === 0) break;
        // Changed there meanwhile: decide again against what the server has now.
        const now = await this.client.getDocs(pending.map((p) => caseDocId(p.g.caseId)));
        for (const p of pending) p.current = now.get(caseDocId(p.g.caseId)) ?? null;
      }
      if (pending.length > 0) this.incomplete = true;
      await this.deleteEventsOnServer(deleted);
      // A purged case a colleague changed later: the server's version comes back here, as if pulled.
      for (const id of await restoreCases(this.db, survived, this.cp.epoch)) this.changed.add(id);
      this.restored += survived.length;
      await forgetDeletedCases(this.db, slice.filter((g) => !survived.some((s) => s.caseId === g.caseId) && !pending.some((p) => p.g.caseId === g.caseId)).map((g) => g.caseId));
    }
  }

  /** The events of deleted cases leave the server too (all of them: also those pushed after the deletion). */
  private async deleteEventsOnServer(caseIds: readonly CaseId[]): Promise<void> {
    const docs: Tombstone[] = [];
    for (const caseId of caseIds) {
      const prefix = eventPrefix(caseId);
      for (const e of await this.client.listIds(prefix, `${prefix}\ufff0`)) docs.push(tombstone(e.id, e.rev));
    }
    for (let k = 0; k < docs.length; k += this.batch) {
      const results = await this.client.bulkDocs(docs.slice(k, k + this.batch));
      failOn(results.filter((r) => r.ok || r.error !== 'conflict'));
      this.pushed += results.filter((r) => r.ok).length;
    }
  }

  /**
   * What to do with one deletion, given what the server has (`current`: undefined when not read, the revision
   * then being the one this browser saw): already deleted there, write the tombstone, or the server's
   * version wins (a later edit over a purge).
   */
  private decideDeletion(deletion: Deletion, current: unknown, rev: string | undefined): 'gone' | 'write' | { rev: string; version: Extract<CaseVersion, { deleted: false }> } {
    if (current === undefined) return rev ? 'write' : 'gone';
    if (current === null) return 'gone';
    const remote = readDoc(current);
    if (!remote) return rawRev(current) ? (isTombstone(current) ? 'gone' : 'write') : 'gone';
    const theirs = caseVersionOf(remote);
    if (theirs.deleted) return 'gone';
    const { merged } = mergeCases({ deleted: true, deletion }, theirs);
    return merged.deleted ? 'write' : { rev: remote.rev, version: theirs };
  }

  private async pushItems(): Promise<void> {
    let pending: Array<{ item: OutgoingItem; doc: OutgoingItem['doc'] }> = (await readItemChanges(this.db, this.cp.epoch, this.now)).map((item) => ({ item, doc: item.doc }));
    const done: PushedItem[] = [];
    for (let round = 0; pending.length > 0 && round < MAX_ROUNDS; round++) {
      this.checkStopped();
      const results = await this.client.bulkDocs(pending.map((p) => p.doc));
      const conflicted: typeof pending = [];
      results.forEach((result, i) => {
        const p = pending[i]!;
        if (result.ok) {
          done.push({ item: p.item, rev: result.rev, server: '_deleted' in p.doc ? null : p.doc });
          this.pushed++;
        } else if (result.error === 'conflict') conflicted.push(p);
        else throw refused(result);
      });
      pending = [];
      if (conflicted.length === 0) break;
      const current = await this.client.getDocs(conflicted.map((p) => p.item.id));
      for (const p of conflicted) {
        const raw = current.get(p.item.id);
        const remote = raw ? readDoc(raw) : null;
        const rev = remote?.rev ?? rawRev(raw);
        const theirs = remote && !('deleted' in remote) ? (remote.doc as ItemDoc) : null;
        const mine = '_deleted' in p.doc ? null : p.doc;
        if (remote && 'deleted' in remote) {
          done.push({ item: p.item, rev: remote.rev, server: null });
          continue;
        }
        if (!theirs) {
          // Missing or unreadable there: ours replaces it.
          if (mine) pending.push({ item: p.item, doc: { ...mine, ...(rev ? { _rev: rev } : {}) } });
          else done.push({ item: p.item, rev: rev ?? '', server: null });
          continue;
        }
        const winner = mergeItems(mine, theirs);
        this.conflicts++;
        if (winner === theirs) done.push({ item: p.item, rev: remote!.rev, server: theirs });
        else pending.push({ item: p.item, doc: winner ? { ...winner, _rev: remote!.rev } : tombstone(p.item.id, remote!.rev) });
      }
    }
    await commitItemPush(this.db, done, this.cp.epoch);
  }

  async pull(): Promise<void> {
    let coming = this.fetchPage(this.cp.since);
    for (;;) {
      this.checkStopped();
      const { page, raws } = await coming;
      // The next page is on its way while this one is applied (a page is applied with its checkpoint).
      const more = !(page.results.length < this.batch || page.pending === 0);
      if (more) {
        coming = this.fetchPage(page.lastSeq);
        coming.catch(() => undefined);
      }
      const docs: RemoteDoc[] = [];
      for (const raw of raws) {
        const resolved = hasConflicts(raw) ? await this.resolveOnServer(raw) : raw;
        const doc = readDoc(resolved);
        if (doc) docs.push(doc);
      }
      const next: Checkpoint = { ...this.cp, since: page.lastSeq };
      const applied = await applyPulledBatch(this.db, docs, { epoch: this.cp.epoch, clientId: this.clientId, now: this.now }, next);
      this.cp = next;
      this.pulled += applied.applied;
      this.conflicts += applied.merged;
      this.mergedLocally += applied.merged;
      this.removed.push(...applied.removed);
      this.presencePulled += applied.presence;
      for (const id of applied.changed) this.changed.add(id);
      if (!more) return;
    }
  }

  /**
   * One page of changes, ids and revisions only, and then the documents of those changes that are new here
   * (pull-filter.ts), in one request: the changes this browser made itself are not downloaded again.
   */
  private async fetchPage(since: string | number): Promise<{ page: ChangesPage; raws: unknown[] }> {
    if (this.mostlyNew) {
      // A new browser catching up: nearly every change is new here, so one request with the documents.
      const page = await this.client.changes(since, this.batch, true);
      return { page, raws: page.results.map((r) => r.doc).filter((raw) => raw !== null && raw !== undefined) };
    }
    const page = await this.client.changes(since, this.batch, false);
    const wanted = await changesToFetch(this.db, page.results, this.cp.epoch, this.clientId);
    this.mostlyNew = page.results.length >= 50 && wanted.length > page.results.length / 2;
    const found = await this.client.getDocs(wanted);
    return { page, raws: wanted.map((id) => found.get(id)).filter((raw) => raw !== null && raw !== undefined) };
  }

  /**
   * A document with conflicting revisions on the server: merge them all (in revision order, so every client
   * merges alike), write the result on the winning revision and delete the others. Returns what to apply
   * here; if someone else got there first, the winning revision as it is (the resolution comes back later).
   */
  private async resolveOnServer(raw: { _id: string; _rev: string; _conflicts: string[] }): Promise<unknown> {
    const losers = await this.client.getRevisions(raw._conflicts.map((rev) => ({ id: raw._id, rev })));
    const versions = [raw, ...losers.map((l) => l.doc)]
      .map((d) => readDoc(d))
      .filter((d): d is RemoteDoc => d !== null && !('deleted' in d))
      .sort((p, q) => (p.rev < q.rev ? -1 : p.rev > q.rev ? 1 : 0));
    const head = readDoc(raw);
    if (!head || 'deleted' in head || versions.length === 0) return raw;
    let body: object | null;
    if (head.kind === 'case') {
      const merged = versions.map((v) => caseVersionOf(v)).reduce((a, b) => mergeCases(a, b).merged);
      body = merged.deleted ? null : caseDoc(merged, raw._rev);
    } else if (head.kind === 'tag' || head.kind === 'template') {
      const merged = versions.map((v) => (v as { doc: ItemDoc }).doc).reduce<ItemDoc | null>((a, b) => mergeItems(a, b), (versions[0] as { doc: ItemDoc }).doc);
      body = merged && { ...merged, _rev: raw._rev };
    } else {
      body = { ...raw, _conflicts: undefined };
    }
    const write = [body ?? tombstone(raw._id, raw._rev), ...raw._conflicts.map((rev) => tombstone(raw._id, rev))];
    const results = await this.client.bulkDocs(write);
    this.pushed += results.filter((r) => r.ok).length;
    const head0 = results[0];
    if (!head0?.ok) return raw;
    this.conflicts++;
    return body ? { ...body, _rev: head0.rev } : { _id: raw._id, _rev: head0.rev, _deleted: true };
  }

  private checkStopped(): void {
    if (this.signal?.aborted) throw this.signal.reason ?? new DOMException('sync stopped', 'AbortError');
  }
}

function hasConflicts(raw: unknown): raw is { _id: string; _rev: string; _conflicts: string[] } {
  const doc = raw as { _id?: unknown; _rev?: unknown; _conflicts?: unknown } | null;
  return typeof doc?._id === 'string' && typeof doc._rev === 'string' && Array.isArray(doc._conflicts) && doc._conflicts.length > 0;
}

function rawRev(raw: unknown): string | undefined {
  const rev = (raw as { _rev?: unknown } | null | undefined)?._rev;
  return typeof rev === 'string' ? rev : undefined;
}

function isTombstone(raw: unknown): boolean {
  return (raw as { _deleted?: unknown } | null | undefined)?._deleted === true;
}

function refused(result: Extract<BulkResult, { ok: false }>): SyncError {
  const auth = result.error === 'forbidden' || result.error === 'unauthorized';
  return new SyncError(auth ? 'unauthorised' : 'server-error', `The server refused ${result.id} (${result.error}${result.reason ? `: ${result.reason}` : ''}).`);
}

function failOn(results: readonly BulkResult[]): void {
  for (const r of results) if (!r.ok) throw refused(r);
}
