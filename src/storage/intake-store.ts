/**
 * Automatic intake's writes (issue #17, item 1): a post addressed to the municipality becomes a case made
 * `auto`, with a 'created' and an 'intake' event (the rule and what matched), and is counted once as seen.
 *
 * Idempotent by construction: one readwrite transaction over `cases`, `events` and `intakeSeen` reads and
 * creates. IndexedDB runs readwrite transactions over the same stores one after another, so the same post
 * seen at once in two tabs (two messages) makes one case: the second transaction finds the first's case.
 * Case ids are the post's own id, so the same post taken in on two machines is the same case, which sync
 * merges like any other (the two 'intake' events both stay in the history: events are separate documents).
 */
import { newCase, type Case } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import type { IntakeReason } from '../domain/intake-rules';
import type { PostRef } from '../domain/post-ref';
import type { Site } from '../domain/site';
import { event, storedCase, withDue, type DueRule } from './case-store';
import { fromStored, toStored, type LoketDatabase, type StoredEvent } from './db';

export interface IntakeItem {
  post: PostRef;
  reason: IntakeReason;
  /** What matched: "@gemeente", "Gemeente Voorbeeld", "#westerzand". */
  detail: string;
}

export interface IntakeResult {
  /** Cases made now. */
  created: Case[];
  /** Posts that were a case already (made by hand, by another tab, or through sync): left as they are. */
  existing: Case[];
}

/** Takes posts in: each a case made `auto` unless it is one already; each counted as seen once. */
export async function takeIn(db: LoketDatabase, items: readonly IntakeItem[], actor: string, now: number, due?: DueRule): Promise<IntakeResult> {
  const tx = db.transaction(['cases', 'events', 'intakeSeen'], 'readwrite');
  const cases = tx.objectStore('cases');
  const events = tx.objectStore('events');
  const seen = tx.objectStore('intakeSeen');
  const result: IntakeResult = { created: [], existing: [] };
  const done = new Set<CaseId>();
  for (const { post, reason, detail } of items) {
    const stored = await storedCase(cases, post.caseId);
    const id = stored?.id ?? post.caseId;
    if (done.has(id)) continue;
    done.add(id);
    if ((await seen.getKey(id)) === undefined) await seen.put({ id, site: post.site, at: now });
    if (stored !== undefined) {
      result.existing.push(fromStored(stored));
      continue;
    }
    const created = withDue(newCase(post, now, 'auto'), due);
    await cases.put(toStored(created));
    await events.add(event(created.id, now, actor, { kind: 'created' }) as StoredEvent);
    await events.add(event(created.id, now, actor, { kind: 'intake', after: { reason, detail } }) as StoredEvent);
    result.created.push(created);
  }
  await tx.done;
  return result;
}

/** Posts seen in [from, to) that matched intake, once per post; of one site when given. */
export async function countIntakeSeen(db: LoketDatabase, from: number, to: number, site?: Site): Promise<number> {
  if (!(to > from)) return 0;
  const range = IDBKeyRange.bound(from, to, false, true);
  const index = db.transaction('intakeSeen').store.index('by-at');
  if (site === undefined) return index.count(range);
  let n = 0;
  for (let cursor = await index.openCursor(range); cursor; cursor = await cursor.continue()) if (cursor.value.site === site) n++;
  return n;
}
