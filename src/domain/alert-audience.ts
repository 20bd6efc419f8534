/**
 * Who is alerted for a case that becomes "soon" or overdue. Nothing may fall through the cracks because its
 * assignee went home:
 *
 *   unanswered case with a due time
 *     ├─ nobody's ─────────────────────────────────▶ the pool (every agent)
 *     ├─ its assignee is away ─────────────────────▶ the pool
 *     ├─ its assignee not seen by team sync for a
 *     │  working day of office time ───────────────▶ the pool
 *     └─ otherwise ────────────────────────────────▶ the assignee
 *   and, when it is overdue, every lead (policy role 'lead') as well.
 *
 * "Not seen" needs team sync: without it there is no presence to judge, and the assignee is trusted. With it,
 * an assignee no browser has ever reported (a name typed by hand, a colleague who never set up sync) is
 * unseen. Pure: the background's alerts.ts asks it for every case it might alert.
 */
import type { Case } from './case';
import { addOfficeMs, officeMsBetween } from './office-time';
import type { OfficeCalendar, Weekday } from './office-calendar';
import { isAwayAt, memberNamed, roleOf, sameAgent, type TeamMember } from './team';

export type AlertKind = 'soon' | 'overdue';

export type PoolReason = 'unassigned' | 'away' | 'unseen';

export type Audience =
  | { to: 'nobody' }
  | { to: 'assignee'; assignee: string; leads: boolean }
  | { to: 'pool'; reason: PoolReason; assignee?: string; leads: boolean };

export interface AudienceContext {
  team: readonly TeamMember[];
  calendar: OfficeCalendar;
  now: number;
  /** Team sync is on, so presence can tell who was seen. */
  synced: boolean;
}

const HOUR = 3_600_000;

/** A working day of office time: the longest day of the weekly hours (8 hours when the week has none). */
export function workingDayMs(calendar: OfficeCalendar): number {
  let longest = 0;
  for (const day of [1, 2, 3, 4, 5, 6, 7] as Weekday[]) {
    const ms = calendar.week[day].reduce((sum, s) => sum + (minutes(s.end) - minutes(s.start)) * 60_000, 0);
    longest = Math.max(longest, ms);
  }
  return longest > 0 ? longest : 8 * HOUR;
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Has the agent gone unseen by sync for a working day of office time? */
export function unseen(member: TeamMember | undefined, ctx: AudienceContext): boolean {
  if (!ctx.synced) return false;
  if (member?.seenAt === undefined) return true;
  return officeMsBetween(member.seenAt, ctx.now, ctx.calendar) >= workingDayMs(ctx.calendar);
}

/** Who is alerted for this case becoming `kind`. */
export function alertAudience(c: Pick<Case, 'assignee' | 'firstResponseAt' | 'dueAt' | 'status'>, kind: AlertKind, ctx: AudienceContext): Audience {
  if (c.status === 'closed' || c.firstResponseAt !== undefined || c.dueAt === undefined) return { to: 'nobody' };
  const leads = kind === 'overdue';
  if (!c.assignee) return { to: 'pool', reason: 'unassigned', leads };
  const member = memberNamed(ctx.team, c.assignee);
  if (isAwayAt(member?.away, ctx.now)) return { to: 'pool', reason: 'away', assignee: c.assignee, leads };
  if (unseen(member, ctx)) return { to: 'pool', reason: 'unseen', assignee: c.assignee, leads };
  return { to: 'assignee', assignee: c.assignee, leads };
}

/** Is the agent `me` among the audience? An agent without a name is in the pool only. */
export function alerts(me: string, audience: Audience, team: readonly TeamMember[]): boolean {
  if (audience.to === 'nobody') return false;
  if (audience.leads && me !== '' && roleOf(team, me) === 'lead') return true;
  if (audience.to === 'pool') return true;
  return sameAgent(audience.assignee, me);
}

/**
 * The next moment after `now` at which an audience may change by the clock alone: an absence's end time, or
 * an agent becoming unseen. The alerts' alarm is set no later than this.
 */
export function nextAudienceChange(ctx: AudienceContext): number | null {
  let next = Number.POSITIVE_INFINITY;
  for (const m of ctx.team) {
    if (m.away?.until !== undefined && m.away.until > ctx.now) next = Math.min(next, m.away.until);
    if (ctx.synced && m.seenAt !== undefined) {
      const at = addOfficeMs(m.seenAt, workingDayMs(ctx.calendar), ctx.calendar);
      if (at !== null && at > ctx.now) next = Math.min(next, at);
    }
  }
  return Number.isFinite(next) ? next : null;
}
