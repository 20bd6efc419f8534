/** How many local changes the server does not have yet (the popup's "changes waiting"). */
import type { LoketDatabase, PulledEvent } from '../storage/db';
import { newCheckpoint } from '../storage/sync-meta';
import type { Checkpoint } from '../storage/sync-records';
import { casesAfter, isCasePending, recordsFor, SCAN_CHUNK, type ScanPosition } from './case-records';
import { readItemChanges } from './item-push';

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
