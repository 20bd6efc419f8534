/** Pushing audit events: the events after the checkpoint, as documents, except those pulled from this server epoch. */
import type { LoketDatabase, PulledEvent } from '../storage/db';
import { eventDoc, eventDocId, type EventDoc } from './docs';
import { localEventKey } from './local-changes';

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
