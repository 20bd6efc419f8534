/** Pushing audit events: the events after the checkpoint, as documents, except those pulled from this server epoch. */
import { replyOf } from '../domain/case-event';
import type { LoketDatabase, PulledEvent, StoredEvent } from '../storage/db';
import { eventDocId, eventDoc, replyEventDocId, type EventDoc } from './docs';
import { localEventKey } from './local-changes';

/** The document id of an event made here: a reply's names the reply (the same on every device), others this browser and the event's number. */
export function localEventDocId(event: StoredEvent, clientId: string): string {
  const reply = replyOf(event);
  return reply ? replyEventDocId(event.caseId, reply.postId) : eventDocId(event.caseId, event.at, localEventKey(clientId, event.seq));
}

/**
 * Up to `limit` events after `afterSeq` as documents, leaving out those pulled from this server epoch. One
 * getAll per batch: a cursor costs a round trip per event (13 334 of them in an initial push of 10 000 cases).
 */
export async function readEventChanges(db: LoketDatabase, afterSeq: number, epoch: string, clientId: string, limit: number): Promise<{ docs: EventDoc[]; lastSeq: number }> {
  const events = (await db.getAll('events', IDBKeyRange.lowerBound(afterSeq, true), limit)) as PulledEvent[];
  const docs: EventDoc[] = [];
  for (const event of events) {
    if (event.origin?.epoch !== epoch) docs.push(eventDoc(event, event.origin?.id ?? localEventDocId(event, clientId)));
  }
  return { docs, lastSeq: events.at(-1)?.seq ?? afterSeq };
}
