/**
 * Reads and writes of cases and their audit events. Each exported write is one IndexedDB transaction over
 * `cases` and `events`: the case and its events are stored together or not at all, so a worker stopped
 * mid-way leaves either the old state or the new one, never half.
 */
import { applyPatch, isOpen, newCase, refreshFromPost, type Case, type CasePatch, type FieldChange, type PatchOptions } from '../domain/case';
import { replyOf, type CaseEvent, type ReplyRecord } from '../domain/case-event';
import { foldCase } from '../domain/case-merge';
import type { CaseId } from '../domain/case-id';
import type { PostRef } from '../domain/post-ref';
import type { Site } from '../domain/site';
import type { IDBPTransaction } from 'idb';
import { fromStored, toStored, type LoketDB, type LoketDatabase, type StoredCase, type StoredEvent } from './db';

export class CaseNotFoundError extends Error {
  constructor(readonly caseId: CaseId) {
    super(`No case ${caseId}`);
    this.name = 'CaseNotFoundError';
  }
}

export async function getCase(db: LoketDatabase, id: CaseId): Promise<Case | undefined> {
  const tx = db.transaction('cases');
  const stored = await storedCase(tx.store, id);
  await tx.done;
  return stored && fromStored(stored);
}

type CasesStore = {
  get(id: CaseId): Promise<StoredCase | undefined>;
  indexNames: DOMStringList | { contains(name: string): boolean };
  index(name: 'by-alias'): { get(key: string): Promise<StoredCase | undefined> };
};

/**
 * The case stored under this id, or the case that knows this id as an alias (a post now shown by its pfbid,
 * whose case is under its number). Every read and change by id goes through here.
 */
export async function storedCase(store: CasesStore, id: CaseId): Promise<StoredCase | undefined> {
  const found = await store.get(id);
  // (A database opened at a version before the index — only in migration tests — has no aliases.)
  return found ?? (store.indexNames.contains('by-alias') ? await store.index('by-alias').get(id) : undefined);
}

/**
 * Many cases in one transaction: a page asks for every post it shows at once. A case found through an alias
 * comes with its own id (and the alias in its `aliases`).
 */
export async function getCases(db: LoketDatabase, ids: readonly CaseId[]): Promise<Case[]> {
  const tx = db.transaction('cases');
  const found = await Promise.all(ids.map((id) => storedCase(tx.store, id)));
  await tx.done;
  const unique = new Map(found.filter((c) => c !== undefined).map((c) => [c.id, c]));
  return [...unique.values()].map(fromStored);
}

/** When the first response to a post is due under the current SLA policy and office hours. */
export type DueRule = (postedAt: number, site: Site) => number | undefined;

/** The case with its due time worked out again (a better posted time, another policy); unanswered cases only. */
export function withDue(c: Case, due: DueRule | undefined): Case {
  if (!due || c.firstResponseAt !== undefined || !isOpen(c)) return c;
  const dueAt = due(c.postedAt, c.site);
  if (dueAt === c.dueAt) return c;
  const next = { ...c };
  if (dueAt === undefined) delete next.dueAt;
  else next.dueAt = dueAt;
  return next;
}

/** Starts tracking a post as a case, or refreshes what the page shows of an existing one. */
export async function trackPost(
  db: LoketDatabase,
  post: PostRef,
  actor: string,
  now: number,
  due?: DueRule,
): Promise<{ case: Case; created: boolean; changed: boolean }> {
  const tx = db.transaction(['cases', 'events'], 'readwrite');
  const cases = tx.objectStore('cases');
  const stored = await storedCase(cases, post.caseId);
  let result: { case: Case; created: boolean; changed: boolean };
  if (stored === undefined) {
    const created = withDue(newCase(post, now), due);
    await cases.put(toStored(created));
    await tx.objectStore('events').add(event(created.id, now, actor, { kind: 'created' }) as StoredEvent);
    result = { case: created, created: true, changed: true };
  } else {
    const existing = fromStored(stored);
    // Found through an alias: the case keeps its id, and learns the id the page used.
    const seen = existing.id === post.caseId ? post : { ...post, caseId: existing.id, aliases: [...(post.aliases ?? []), post.caseId] };
    const refreshed = refreshFromPost(existing, seen, now);
    // A better posted time moves the due time with it.
    const next = refreshed === existing ? existing : { ...withDue(refreshed, due), updatedAt: later(existing.updatedAt, now) };
    if (next !== existing) await cases.put(toStored(next));
    result = { case: next, created: false, changed: next !== existing };
  }
  await tx.done;
  return result;
}

/**
 * A changed case's updatedAt: now, but always after the version it replaces, even when two changes land in
 * the same millisecond. Views (a tab's case cache) receive versions over more than one channel — the answer
 * to their own request, and pushes of other tabs' changes — in no fixed order, and keep the latest by this.
 */
function later(before: number, now: number): number {
  return now > before ? now : before + 1;
}

type CaseTx = IDBPTransaction<LoketDB, ['cases', 'events'], 'readwrite'>;

/** A change worked out from the case as stored and its history (undoing a template's actions), in the same transaction. */
export type Revision = (current: Case, history: CaseEvent[]) => { next: Case; changes: FieldChange[] };

/**
 * One agent's change to one case inside a transaction: the case and an audit event per changed field.
 * Throws CaseNotFoundError or InvalidMoveError having written nothing; the caller decides what that means
 * for the transaction.
 */
async function applyInTx(tx: CaseTx, id: CaseId, patch: CasePatch | Revision, actor: string, now: number, moves?: PatchOptions): Promise<{ case: Case; changes: FieldChange[] }> {
  const cases = tx.objectStore('cases');
  const stored = await storedCase(cases, id);
  if (stored === undefined) throw new CaseNotFoundError(id);
  const current = fromStored(stored);
  const history = () => tx.objectStore('events').index('by-case').getAll(IDBKeyRange.bound([current.id, -Infinity], [current.id, Infinity]));
  const { next, changes } = typeof patch === 'function' ? patch(current, await history()) : applyPatch(current, patch, now, moves);
  if (changes.length > 0) {
    next.updatedAt = later(stored.updatedAt, now);
    await cases.put(toStored(next));
    const events = tx.objectStore('events');
    for (const change of changes) await events.add(event(next.id, now, actor, { kind: 'changed', ...change }) as StoredEvent);
  }
  return { case: next, changes };
}

/** Ends a transaction that must write nothing, then reports why. */
async function abortWith(tx: CaseTx, error: unknown): Promise<never> {
  tx.abort();
  await tx.done.catch(() => undefined);
  throw error;
}

/** Applies an agent's change; each changed field becomes one audit event in the same transaction. */
export async function updateCase(
  db: LoketDatabase,
  id: CaseId,
  patch: CasePatch | Revision,
  actor: string,
  now: number,
): Promise<{ case: Case; changes: FieldChange[] }> {
  const tx = db.transaction(['cases', 'events'], 'readwrite');
  let result: { case: Case; changes: FieldChange[] };
  try {
    result = await applyInTx(tx, id, patch, actor, now);
  } catch (error) {
    return abortWith(tx, error);
  }
  await tx.done;
  return result;
}

/**
 * Keeps a reply of the municipality's own account with its case: one `reply` event, and the first response
 * time when the case had none (`answeredAt`: the moment of sending, or the reply's posted time when Loket did
 * not see it sent). Idempotent by the reply's post id: the same reply seen again, in another tab or after a
 * reload, adds nothing. The look-up and the write are one transaction, so two tabs racing cannot both add it.
 * Returns null for a post that is no case; `added` false when the reply was already kept.
 */
export async function recordReply(
  db: LoketDatabase,
  id: CaseId,
  reply: ReplyRecord,
  answeredAt: number,
  actor: string,
  now: number,
): Promise<{ case: Case; added: boolean } | null> {
  const tx = db.transaction(['cases', 'events'], 'readwrite');
  const stored = await storedCase(tx.objectStore('cases'), id);
  if (stored === undefined) {
    await tx.done;
    return null;
  }
  // The case may be stored under the post's other id (an alias): its history is under that one.
  let current = fromStored(stored);
  const range = IDBKeyRange.bound([current.id, -Infinity], [current.id, Infinity]);
  const known = await tx.objectStore('events').index('by-case').getAll(range);
  if (known.some((e) => replyOf(e)?.postId === reply.postId)) {
    await tx.done;
    return { case: current, added: false };
  }
  if (current.firstResponseAt === undefined) current = (await applyInTx(tx, current.id, { firstResponseAt: answeredAt }, actor, now)).case;
  const next = { ...current, updatedAt: now };
  await tx.objectStore('cases').put(toStored(next));
  await tx.objectStore('events').add(event(current.id, now, actor, { kind: 'reply', after: { ...reply } }) as StoredEvent);
  await tx.done;
  return { case: next, added: true };
}

/** Open cases, most urgent first: due time ascending, cases without one last, oldest post first on a tie. */
export async function listOpenByDue(db: LoketDatabase, limit?: number): Promise<Case[]> {
  // One getAll on the index, not a cursor step per case: the popup asks for hundreds at once.
  const found = await db.getAllFromIndex('cases', 'by-open-due', null, limit);
  return found.map(fromStored);
}

export async function countOpen(db: LoketDatabase): Promise<number> {
  return db.countFromIndex('cases', 'by-open-due');
}

/** Open cases whose due time has passed: a range over the open-cases index, not a scan. */
export async function countOverdue(db: LoketDatabase, now: number): Promise<number> {
  return db.countFromIndex('cases', 'by-open-due', IDBKeyRange.upperBound([now, Number.POSITIVE_INFINITY]));
}

/** A case's history, oldest first (asked by any of its ids). */
export async function listEvents(db: LoketDatabase, caseId: CaseId): Promise<StoredEvent[]> {
  const id = (await getCase(db, caseId))?.id ?? caseId;
  const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
  return db.getAllFromIndex('events', 'by-case', range);
}

export function event(caseId: CaseId, at: number, actor: string, rest: Omit<CaseEvent, 'caseId' | 'at' | 'actor'>): CaseEvent {
  return { caseId, at, actor, ...rest };
}

/** Cases handed over to the KCC, most recent handover first. */
export async function listHandovers(db: LoketDatabase, limit = 500): Promise<Case[]> {
  const out: Case[] = [];
  let cursor = await db.transaction('cases').store.index('by-handover').openCursor(null, 'prev');
  while (cursor && out.length < limit) {
    out.push(fromStored(cursor.value));
    cursor = await cursor.continue();
  }
  return out;
}

/** Adds an internal note to a case's history; the case's updatedAt moves so every view hears of it. */
export async function addNote(db: LoketDatabase, id: CaseId, text: string, actor: string, now: number): Promise<Case> {
  const tx = db.transaction(['cases', 'events'], 'readwrite');
  const stored = await storedCase(tx.objectStore('cases'), id);
  if (stored === undefined) return abortWith(tx, new CaseNotFoundError(id));
  const next = { ...fromStored(stored), updatedAt: later(stored.updatedAt, now) };
  await tx.objectStore('cases').put(toStored(next));
  await tx.objectStore('events').add(event(next.id, now, actor, { kind: 'note', after: text }) as StoredEvent);
  await tx.done;
  return next;
}

/**
 * One change to many cases (a bulk action in the popup), in one transaction. A case the change cannot apply
 * to (a status move the lifecycle refuses, a case that is gone) is skipped and reported; the rest is stored.
 */
export async function updateCases(
  db: LoketDatabase,
  ids: readonly CaseId[],
  patch: CasePatch | ((id: CaseId) => CasePatch),
  actor: string,
  now: number,
  /** `anyMove`: an undo, which puts a status back where it was even where the lifecycle has no such move. */
  moves?: PatchOptions,
): Promise<{ updated: Case[]; skipped: Array<{ id: CaseId; reason: string }> }> {
  const tx = db.transaction(['cases', 'events'], 'readwrite');
  const updated: Case[] = [];
  const skipped: Array<{ id: CaseId; reason: string }> = [];
  for (const id of ids) {
    try {
      const result = await applyInTx(tx, id, typeof patch === 'function' ? patch(id) : patch, actor, now, moves);
      if (result.changes.length > 0) updated.push(result.case);
    } catch (error) {
      skipped.push({ id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  await tx.done;
  return { updated, skipped };
}

/** Cases posted in [from, to), oldest first: what a report covers. Reads the posted-time index only. */
export async function listPostedBetween(db: LoketDatabase, from: number, to: number): Promise<Case[]> {
  if (!(to > from)) return [];
  const found = await db.getAllFromIndex('cases', 'by-posted', IDBKeyRange.bound(from, to, false, true));
  return found.map(fromStored);
}

/**
 * Works every open, unanswered case's due time out again after the SLA policy or the office hours changed.
 * One transaction; returns the cases whose due time moved. Not an agent's change, so no audit events.
 */
export async function recomputeDue(db: LoketDatabase, due: DueRule, now: number): Promise<Case[]> {
  const tx = db.transaction('cases', 'readwrite');
  const changed: Case[] = [];
  for (const stored of await tx.store.index('by-open-due').getAll()) {
    const c = fromStored(stored);
    const next = withDue(c, due);
    if (next === c) continue;
    const updated = { ...next, updatedAt: later(c.updatedAt, now) };
    await tx.store.put(toStored(updated));
    changed.push(updated);
  }
  await tx.done;
  return changed;
}

/**
 * One post turned out to have two (or more) case ids: folds the cases stored under `aliases` (or under an id
 * that lists one of them) into the case under `id` — fields by case-merge.ts, their history moved over, plus
 * a `merged` event — and removes them, all in one transaction. The removed ids then travel to the team server
 * as deletions and the merged case as a change, like any other. Without a case under `id` yet, the first
 * alias case moves there. Null when no alias case is stored (the common case: nothing to do).
 */
export async function mergeAliases(
  db: LoketDatabase,
  id: CaseId,
  aliases: readonly CaseId[],
  actor: string,
  now: number,
  due?: DueRule,
): Promise<{ case: Case; removed: CaseId[] } | null> {
  const tx = db.transaction(['cases', 'events', 'alerts'], 'readwrite');
  const cases = tx.objectStore('cases');
  const others: Case[] = [];
  for (const alias of aliases) {
    if (alias === id) continue;
    const stored = (await cases.get(alias)) ?? (await cases.index('by-alias').get(alias));
    if (stored && stored.id !== id && !others.some((o) => o.id === stored.id)) others.push(fromStored(stored));
  }
  if (others.length === 0) {
    await tx.done;
    return null;
  }
  const own = await cases.get(id);
  const [first, ...rest] = others as [Case, ...Case[]];
  // Without a case under the preferred id, the first alias case moves there.
  let merged: Case = own ? foldCase(fromStored(own), first, now) : { ...first, id, updatedAt: now, aliases: [...new Set([first.id, ...(first.aliases ?? [])])] };
  for (const other of rest) merged = foldCase(merged, other, now);
  const events = tx.objectStore('events');
  const alerts = tx.objectStore('alerts');
  for (const other of others) {
    // The history moves with it: the same events under the merged id, the old ones removed.
    const range = IDBKeyRange.bound([other.id, -Infinity], [other.id, Infinity]);
    for (const old of await events.index('by-case').getAll(range)) {
      const { seq, origin: _pulled, ...copy } = old as StoredEvent & { origin?: unknown };
      await events.add({ ...copy, caseId: id } as StoredEvent);
      await events.delete(seq);
    }
    await events.add(event(id, now, actor, { kind: 'merged', before: other.id }) as StoredEvent);
    await cases.delete(other.id);
    for (const key of await alerts.index('by-case').getAllKeys(other.id)) await alerts.delete(key);
  }
  const aliasList = (merged.aliases ?? []).filter((a) => a !== id);
  if (aliasList.length > 0) merged.aliases = aliasList;
  else delete merged.aliases;
  // The due time follows the merged posted time (withDue leaves answered and closed cases as they are).
  const next = withDue(merged, due);
  await cases.put(toStored(next));
  await tx.done;
  return { case: next, removed: others.map((o) => o.id) };
}
