/**
 * What the AVG asks of the stored data: find everything about one person, erase it without a trace, and
 * remove closed cases once their retention period has passed. Every erasure is one transaction over every
 * store that holds personal data (PERSONAL_DATA_PLACES), and leaves an audit record without the erased data.
 */
import browser from 'webextension-polyfill';
import type { Case } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import type { CaseId } from '../domain/case-id';
import { eraseSummary, erasureEvent, findPerson, type ErasureRecord, type ErasureReason, type ErasureSummary } from '../domain/person';
import { nextPurgeAt, retentionMs, selectExpired, type RetentionPolicy } from '../domain/retention';
import { fromStored, type LoketDatabase } from './db';
import type { Deletion } from './sync-records';

const LOG_KEY = 'privacyLog';
const LOG_MAX = 1_000;

/** Every case about the person, and their events. Reads all cases: an access request is rare, not hot. */
export async function findPersonData(db: LoketDatabase, query: string): Promise<{ cases: Case[]; events: CaseEvent[] }> {
  const cases = (await db.getAll('cases')).map(fromStored);
  const found = findPerson(cases, [], query).cases;
  return { cases: found, events: await eventsFor(db, found.map((c) => c.id)) };
}

/** The events of these cases, oldest first per case. */
export async function eventsFor(db: LoketDatabase, ids: readonly CaseId[]): Promise<CaseEvent[]> {
  const tx = db.transaction('events');
  const index = tx.store.index('by-case');
  const lists = await Promise.all(ids.map((id) => index.getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity]))));
  await tx.done;
  return lists.flat();
}

/**
 * Removes the cases, their events, their alerts and intake's record of their posts in one transaction;
 * returns what was removed. A synced case's sync record stays until the server has the deletion, and says
 * which kind it is: a retention purge (with the last change it saw, so a colleague's later edit wins over it)
 * or an erasure (which always wins).
 */
export async function eraseCases(db: LoketDatabase, ids: readonly CaseId[], reason: ErasureReason = 'request'): Promise<ErasureSummary> {
  const tx = db.transaction(['cases', 'events', 'alerts', 'sync', 'intakeSeen'], 'readwrite');
  const cases: Case[] = [];
  const events: CaseEvent[] = [];
  for (const id of ids) {
    const stored = await tx.objectStore('cases').get(id);
    if (!stored) continue;
    cases.push(fromStored(stored));
    await tx.objectStore('cases').delete(id);
    const record = await tx.objectStore('sync').get(`case:${id}`);
    if (record?.kind === 'case') {
      const deletion: Deletion = reason === 'retention' ? { kind: 'retention', lastChangeAt: stored.updatedAt } : { kind: 'erasure' };
      await tx.objectStore('sync').put({ ...record, deletion });
    }
    const range = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
    for (const event of await tx.objectStore('events').index('by-case').getAll(range)) {
      events.push(event);
      await tx.objectStore('events').delete(event.seq);
    }
    for (const key of await tx.objectStore('alerts').index('by-case').getAllKeys(id)) await tx.objectStore('alerts').delete(key);
    // Intake's count of the post (its id, site and when) goes with the case: it names the post too.
    for (const seen of [id, ...(stored.aliases ?? [])]) await tx.objectStore('intakeSeen').delete(seen);
  }
  await tx.done;
  return eraseSummary(cases, events);
}

/**
 * The closed cases whose retention period has passed by `now` (to export before they go, or to purge), with
 * their events. Reads only the cases not changed for the retention period (the by-updated index), not all.
 */
export async function expiredCases(db: LoketDatabase, policy: RetentionPolicy, now: number): Promise<{ cases: Case[]; events: CaseEvent[] }> {
  const old = await db.getAllFromIndex('cases', 'by-updated', IDBKeyRange.upperBound(now - retentionMs(policy)));
  const cases = selectExpired(old.map(fromStored), now, policy).map((id) => fromStored(old.find((c) => c.id === id)!));
  return { cases, events: await eventsFor(db, cases.map((c) => c.id)) };
}

export async function purgeExpired(db: LoketDatabase, policy: RetentionPolicy, actor: string, now: number): Promise<{ ids: CaseId[]; record: ErasureRecord | null }> {
  const { cases } = await expiredCases(db, policy, now);
  if (cases.length === 0) return { ids: [], record: null };
  const ids = cases.map((c) => c.id);
  const record = await logErasure(actor, now, await eraseCases(db, ids, 'retention'), 'retention');
  return { ids, record };
}

/** When the next closed case expires: the closed case changed longest ago (walks the by-updated index from the oldest). */
export async function nextPurge(db: LoketDatabase, policy: RetentionPolicy, now: number): Promise<number | null> {
  let cursor = await db.transaction('cases').store.index('by-updated').openCursor();
  while (cursor && cursor.value.status !== 'closed') cursor = await cursor.continue();
  return cursor ? nextPurgeAt([fromStored(cursor.value)], now, policy) : null;
}

/** The audit trail of erasures: who, when, why and how many — never what. Kept in extension storage. */
export async function logErasure(actor: string, now: number, summary: ErasureSummary, reason: ErasureReason): Promise<ErasureRecord> {
  const record = erasureEvent(actor, now, summary, reason);
  const log = await erasureLog();
  await browser.storage.local.set({ [LOG_KEY]: [...log, record].slice(-LOG_MAX) });
  return record;
}

export async function erasureLog(): Promise<ErasureRecord[]> {
  const stored = (await browser.storage.local.get(LOG_KEY))[LOG_KEY];
  return Array.isArray(stored) ? (stored as ErasureRecord[]) : [];
}
