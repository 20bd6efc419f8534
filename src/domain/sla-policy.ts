/**
 * The municipality's response promise per site, counted in office time: the due time of a post, and the
 * figures a response timer shows. There is no official norm; answering within an hour of office time on X
 * is common practice, Facebook is usually slower. slaState (sla-state.ts) compares a due time with now;
 * this module only works the due time out.
 */
import { addOfficeMs, officeMsBetween, type OfficeCalendar } from './office-hours';
import { DEFAULT_SOON_MS } from './sla-state';
import { SITE_METAS, type Site } from './site';


export interface SlaPolicy {
  /** Office time until the first response is due, per site. */
  firstResponseMs: Record<Site, number>;
  /** Office time until a case should be resolved; a site without one has no resolution target. */
  resolutionMs: Partial<Record<Site, number>>;
  /** How long before the due time (wall-clock, as slaState counts it) a case counts as "soon". */
  soonMs: number;
}

const MINUTE = 60_000;

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  // Each site's meta sets its default (X 1 hour, Facebook 4 hours).
  firstResponseMs: Object.fromEntries(SITE_METAS.map((m) => [m.id, m.firstResponseMinutes * MINUTE])) as Record<Site, number>,
  resolutionMs: {},
  soonMs: DEFAULT_SOON_MS,
};

/**
 * When the first response to a post is due: the target in office time from the post, so a post at night
 * starts counting when the office opens. Undefined when the site has no usable target or the office never
 * opens.
 */
export function firstResponseDue(postedAt: number, site: Site, policy: SlaPolicy, cal: OfficeCalendar): number | undefined {
  return dueAfter(postedAt, policy.firstResponseMs[site], cal);
}

/** When the case should be resolved, counted like firstResponseDue; undefined without a resolution target. */
export function resolutionDue(postedAt: number, site: Site, policy: SlaPolicy, cal: OfficeCalendar): number | undefined {
  return dueAfter(postedAt, policy.resolutionMs[site], cal);
}

function dueAfter(postedAt: number, targetMs: number | undefined, cal: OfficeCalendar): number | undefined {
  // A target from settings may be missing or nonsense; no due time beats a wrong one.
  if (targetMs === undefined || !Number.isFinite(targetMs) || targetMs < 0) return undefined;
  return addOfficeMs(postedAt, targetMs, cal) ?? undefined;
}

export interface TimerFigures {
  /** Office time since the post. */
  elapsedMs: number;
  /** Office time left until the due time; negative when overdue by that much office time; undefined without a due time. */
  leftMs: number | undefined;
}

/** The figures a response timer shows, in office time (a night or weekend does not count down). */
export function timerFigures(postedAt: number, dueAt: number | undefined, now: number, cal: OfficeCalendar): TimerFigures {
  const elapsedMs = officeMsBetween(postedAt, now, cal);
  if (dueAt === undefined) return { elapsedMs, leftMs: undefined };
  // 0 - x, not -x: a case just past its due time outside hours is overdue by 0, not by -0.
  const leftMs = now <= dueAt ? officeMsBetween(now, dueAt, cal) : 0 - officeMsBetween(dueAt, now, cal);
  return { elapsedMs, leftMs };
}
