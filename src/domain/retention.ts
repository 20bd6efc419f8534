/**
 * How long closed cases are kept (AVG art. 5: no longer than needed) and which ones are due to go. The
 * background removes expired cases with their events and alerts; the options page shows the next removal.
 *
 * Definitions:
 * - A closed case is kept `closedCaseDays` after its last change — the close itself, or a note, tag or
 *   handover added after it (`updatedAt`, which is never before the close). Whoever still works on a closed
 *   case keeps it; one nobody touched goes N days after it was closed. This clock is on the case itself, so
 *   the purge reads an index range of old cases, never the whole history.
 * - A closed case expires when `now − updatedAt >= closedCaseDays × 24 h`: exactly N × 24 hours after it
 *   is expired; one millisecond earlier it is not. Days are 24-hour spans, not calendar days, so daylight
 *   saving time moves no case an hour earlier or later.
 * - An open case never expires, however old it is.
 */
import { isOpen, type Case } from './case';
import type { CaseId } from './case-id';

export interface RetentionPolicy {
  /** Whole days a closed case is kept after its last change; at least 1. Default 90. */
  closedCaseDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { closedCaseDays: 90 };

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention period in milliseconds. A broken setting (0, negative, fractional, NaN) throws rather than
 * purging everything or nothing without a word.
 */
export function retentionMs(policy: RetentionPolicy): number {
  const days = policy.closedCaseDays;
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Retention must be a whole number of days, at least 1: ${String(days)}`);
  return days * DAY_MS;
}

/** When a closed case expires, or undefined for an open case. */
export function expiresAt(c: Pick<Case, 'status' | 'updatedAt'>, policy: RetentionPolicy): number | undefined {
  return isOpen(c) ? undefined : c.updatedAt + retentionMs(policy);
}

export function isExpired(c: Pick<Case, 'status' | 'updatedAt'>, now: number, policy: RetentionPolicy): boolean {
  const at = expiresAt(c, policy);
  return at !== undefined && now >= at;
}

/** The ids of the cases to remove now, oldest expiry first. */
export function selectExpired(cases: readonly Case[], now: number, policy: RetentionPolicy): CaseId[] {
  return expiries(cases, policy)
    .filter((e) => now >= e.at)
    .map((e) => e.id);
}

/**
 * The earliest moment a case will expire, for "next removal on …"; null when no case is closed. Cases
 * already expired but not yet removed make it `now`: the purge is due.
 */
export function nextPurgeAt(cases: readonly Case[], now: number, policy: RetentionPolicy): number | null {
  const first = expiries(cases, policy)[0];
  return first === undefined ? null : Math.max(first.at, now);
}

function expiries(cases: readonly Case[], policy: RetentionPolicy): Array<{ id: CaseId; at: number }> {
  retentionMs(policy);
  const out: Array<{ id: CaseId; at: number }> = [];
  for (const c of cases) {
    const at = expiresAt(c, policy);
    if (at !== undefined) out.push({ id: c.id, at });
  }
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What decides the retention period in force. */
export interface RetentionSources {
  /** The agent's own setting (or the organisation's, when its policy locks it). */
  days: number;
  /** The organisation's policy sets retentionDays and does not let agents change it (then `days` is that value). */
  locked: boolean;
  /** The policy's value, also when agents may change it: in a team it is the floor. */
  policyDays?: number;
  /** Team sync is on. */
  team: boolean;
  /** The team's shared value from the server's settings document, when there is one. */
  teamDays?: number;
}

/**
 * The retention period in force. Alone, an agent's own setting. In a team, cases are the team's: the
 * policy's value, else the team's shared value (settings:team on the server), else the default 90 days — and
 * an agent's own value may only make it longer, never shorter, so no one agent's setting removes the team's
 * cases.
 */
export function retentionInForce(sources: RetentionSources): RetentionPolicy & { source: 'personal' | 'policy' | 'team' | 'default' } {
  if (!sources.team) return { closedCaseDays: sources.days, source: sources.locked ? 'policy' : 'personal' };
  const policyDays = sources.locked ? sources.days : sources.policyDays;
  const floor = policyDays ?? sources.teamDays ?? DEFAULT_RETENTION.closedCaseDays;
  const source = policyDays !== undefined ? 'policy' : sources.teamDays !== undefined ? 'team' : 'default';
  return sources.days > floor ? { closedCaseDays: sources.days, source: 'personal' } : { closedCaseDays: floor, source };
}
