/**
 * Where the work queue's cases come from. Open cases: straight from the database through a read-only
 * connection (the list is drawn without waiting for a worker that may be asleep), else from the background.
 * Closed cases too (search over a period): the background's posted-time range, open and closed alike.
 */
import type { Case } from '../domain/case';
import { send } from '../protocol/client';
import { listOpenByDue } from '../storage/case-store';
import { openForReading, type LoketDatabase } from '../storage/db';

/** The most open cases the queue asks the background for when it cannot read the database itself. */
const OPEN_LIMIT = 10_000;

export function openCasesSource(open: () => Promise<LoketDatabase | null> = openForReading): (limit?: number) => Promise<Case[]> {
  let reader: Promise<LoketDatabase | null> = open().catch(() => null);
  return async (limit) => {
    const db = await reader;
    if (db) {
      try {
        return await listOpenByDue(db, limit);
      } catch {
        reader = Promise.resolve(null);
      }
    }
    return (await send('cases/open', { limit: limit ?? OPEN_LIMIT })).cases;
  };
}

/** Every case, open or closed, posted in [from, to). */
export function casesPostedBetween(from: number, to: number): Promise<Case[]> {
  return send('cases/range', { from, to });
}
