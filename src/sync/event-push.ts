/** Pushing audit events: the events after the checkpoint, as documents, except those pulled from this server epoch. */
import { replyOf } from '../domain/case-event';
import type { LoketDatabase, PulledEvent, StoredEvent } from '../storage/db';
import { eventDoc, eventDocId, replyEventDocId, type EventDoc } from './docs';
import { localEventKey } from './local-changes';

/** The document id of an event made here: a reply's names the reply (the same on every device), others this browser and the event's number. */
export function localEventDocId(event: StoredEvent, clientId: string): string {
  const reply = replyOf(event);
  return reply ? replyEventDocId(event.caseId, reply.postId) : eventDocId(event.caseId, event.at, localEventKey(clientId, event.seq));
}

/** Up to `limit` events after `afterSeq` as documents, leaving out those pulled from this server epoch. */
export async function readEventChanges(db: LoketDatabase, afterSeq: number, epoch: string, clientId: string, limit: number): Promise<{ docs: EventDoc[]; lastSeq: number }> {
  const docs: EventDoc[] = [];
  let lastSeq = afterSeq;
  let cursor = await db.transaction('events').store.openCursor(IDBKeyRange.lowerBound(afterSeq, true));
  while (cursor && docs.length < limit) {
    const event = cursor.value as PulledEvent;
    lastSeq = event.seq;
    if (event.origin?.epoch !== epoch) docs.push(eventDoc(event, event.origin?.id ?? localEventDocId(event, clientId)));
    cursor = await cursor.continue();
  }
  return { docs, lastSeq };
}
