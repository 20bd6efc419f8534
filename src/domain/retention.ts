/**
 * How long closed cases are kept (AVG art. 5: no longer than needed) and which ones are due to go. The
 * background removes the cases `selectExpired` names, with their events and alerts; the options page shows
 * `nextPurgeAt` as "next purge on …".
 *
 * Definitions:
 * - A case is closed from its last move to 'closed' (`closedAt`): a case that was reopened and closed
 *   again counts from the second close.
 * - A closed case expires when `now − closedAt >= closedCaseDays × 24 h`: exactly N × 24 hours after the
 *   close it is expired; one millisecond earlier it is not. Days are 24-hour spans, not calendar days, so
 *   daylight saving time moves no case an hour earlier or later.
 * - An open case never expires, however old its events are.
 */
import { isOpen, type Case } from './case';
import type { CaseEvent } from './case-event';
import type { CaseId } from './case-id';

export interface RetentionPolicy {
  /** Whole days a closed case is kept after its last close; at least 1. Default 90. */
  closedCaseDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { closedCaseDays: 90 };

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Events per case, as the background reads them from the events store's by-case index. */
export type EventsByCase = ReadonlyMap<CaseId, readonly CaseEvent[]>;

/**
 * The retention period in milliseconds. A broken setting (0, negative, fractional, NaN) throws rather than
 * purging everything or nothing without a word.
 */
export function retentionMs(policy: RetentionPolicy): number {
  const days = policy.closedCaseDays;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Retention must be a whole number of days, at least 1: ${String(days)}`);
  return days * DAY_MS;
}

/** The time of the case's last move to 'closed', or undefined when its events show none. */
export function closedAt(events: readonly CaseEvent[]): number | undefined {
  let last: CaseEvent | undefined;
  for (const e of events) {
    if (e.kind !== 'changed' || e.field !== 'status' || e.after !== 'closed') continue;
    if (last === undefined || e.at > last.at || (e.at === last.at && (e.seq ?? 0) > (last.seq ?? 0))) last = e;
  }
  return last?.at;
}

/**
 * When a closed case expires, or undefined for an open case. Without a close in its events (history lost
 * or imported) the case's `updatedAt` stands in: it is never before the close, so no case goes early.
 */
export function expiresAt(c: Case, closed: number | undefined, policy: RetentionPolicy): number | undefined {
  if (isOpen(c)) return undefined;
  return (closed ?? c.updatedAt) + retentionMs(policy);
}

export function isExpired(c: Case, closed: number | undefined, now: number, policy: RetentionPolicy): boolean {
  const at = expiresAt(c, closed, policy);
  return at !== undefined && now >= at;
}

/** The ids of the cases to remove now, oldest expiry first. */
export function selectExpired(cases: readonly Case[], eventsByCase: EventsByCase, now: number, policy: RetentionPolicy): CaseId[] {
  return expiries(cases, eventsByCase, policy)
    .filter((e) => now >= e.at)
    .map((e) => e.id);
}

/**
 * The earliest moment a case will expire, for "next purge on …" and the purge alarm; null when no case is
 * closed. Cases already expired but not yet removed make it `now`: the purge is due.
 */
export function nextPurgeAt(cases: readonly Case[], eventsByCase: EventsByCase, now: number, policy: RetentionPolicy): number | null {
  const first = expiries(cases, eventsByCase, policy)[0];
  return first === undefined ? null : Math.max(first.at, now);
}

function expiries(cases: readonly Case[], eventsByCase: EventsByCase, policy: RetentionPolicy): Array<{ id: CaseId; at: number }> {
  retentionMs(policy);
  const out: Array<{ id: CaseId; at: number }> = [];
  for (const c of cases) {
    const at = expiresAt(c, closedAt(eventsByCase.get(c.id) ?? []), policy);
    if (at !== undefined) out.push({ id: c.id, at });
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
