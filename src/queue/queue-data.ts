/**
 * Where the work queue's closed cases come from (search over a period): the background's posted-time range,
 * open and closed alike. Open cases come as the popup's do (ui/open-cases.ts).
 */
import type { Case } from '../domain/case';
import { send } from '../protocol/client';

/** Every case, open or closed, posted in [from, to). */
export function casesPostedBetween(from: number, to: number): Promise<Case[]> {
  return send('cases/range', { from, to });
}
