/**
 * Report figures for the reports page: how many cases came in, how many were answered, how fast (in office
 * time), how often within the SLA, what share was about municipal services — in total, per site, per tag,
 * per agent, per local day, and as a weekday × hour heat map. Plus two CSV exports of the same.
 *
 * Pure: office time is a parameter (`officeMs`), so this module knows nothing of business hours or
 * holidays. Each case's office response time is computed once and shared by every dimension.
 *
 * Definitions (the reports page and the README use the same words):
 * - A case is in the report when its posted time lies in the period [from, to).
 * - First response time: office milliseconds from `postedAt` to `firstResponseAt` (never below 0: a
 *   "first seen" posted time can be later than the reply).
 * - Median: the usual median (mean of the two middle values for an even count), as a spreadsheet's MEDIAN
 *   gives from the cases export. p90: nearest-rank (see `percentile`), always an observed value.
 * - Within SLA: answered cases with a due time whose first response was at or before it, out of answered
 *   cases with a due time. Unanswered overdue cases are not in that rate; they are counted in `overdue`.
 * - No reply needed: cases closed as "no reply needed" (no-reply.ts) without a first response. They are left
 *   out of the response rate: answered ÷ (cases − no reply needed). A case answered and then closed that way
 *   counts as answered.
 * - Coverage: cases made by automatic intake and by hand (intake.ts), and the posts automatic intake saw that
 *   matched its rules (`intakeSeen`: null until automatic intake exists and counts them — shown as "—").
 * - Times of cases with `postedAtSource: 'first-seen'` are estimates (when Loket first saw the post);
 *   `estimated` says how many cases of a row that is.
 */
import { zoneOffset } from './office-hours';
import type { Case } from './case';
import { isEstimatedTime } from './post-ref';
import type { Site } from './site';
import { slaState } from './sla-state';
import { intakeOf } from './intake';
import { isNoReplyNeeded } from './no-reply';

/** Office-hours milliseconds between two instants. */
export type OfficeMs = (from: number, to: number) => number;

/** Epoch milliseconds, from inclusive, to exclusive. */
export interface ReportPeriod {
  from: number;
  to: number;
}

export interface ReportOptions {
  period: ReportPeriod;
  officeMs: OfficeMs;
  /** IANA time zone for days and hours, e.g. 'Europe/Amsterdam'. */
  timeZone: string;
  /** Tags that mean "a question about a municipal service" (the default group 'Dienstverlening'). */
  serviceTagIds: ReadonlySet<string>;
  /** The moment the report is made: decides which unanswered cases are overdue. */
  now: number;
  /**
   * Posts seen in the period that matched the intake rules, from automatic intake's own count. Absent until
   * automatic intake exists (issue #17, item 1): the report then says null, "not measured", never 0.
   */
  intakeSeen?: number;
}

export interface Figures {
  cases: number;
  /** Cases with a first response. */
  answered: number;
  /** answered / (cases − noReplyNeeded); null when that is 0. */
  responseRate: number | null;
  /** Unanswered cases closed as "no reply needed": not in the response rate. */
  noReplyNeeded: number;
  /** Cases made by automatic intake. */
  madeAutomatically: number;
  /** Cases made by an agent's hand. */
  madeByHand: number;
  /** Median office ms from posted to first response, over answered cases. */
  medianFirstResponseMs: number | null;
  /** Nearest-rank 90th percentile of the same. */
  p90FirstResponseMs: number | null;
  /** Answered cases with a due time, answered at or before it. */
  withinSla: number;
  /** withinSla / answered cases with a due time; null when there are none. */
  withinSlaRate: number | null;
  /** Share of cases with at least one service tag; null without cases. */
  serviceShare: number | null;
  /** Cases whose status is 'handed_over'. */
  openHandovers: number;
  /** Unanswered cases past their due time at `now` (the inbox's "overdue"). */
  overdue: number;
  /** Cases whose posted time is an estimate ('first-seen'). */
  estimated: number;
}

export interface DayFigures {
  /** YYYY-MM-DD in the report's time zone. */
  date: string;
  cases: number;
  answered: number;
  medianFirstResponseMs: number | null;
}

export interface Report {
  total: Figures;
  bySite: Array<{ key: Site; figures: Figures }>;
  /** A case with two tags counts under both; a case without tags under UNTAGGED. */
  byTag: Array<{ key: string; figures: Figures }>;
  /** Assignee; '' for unassigned. */
  byAgent: Array<{ key: string; figures: Figures }>;
  /** Every local day of the period, days without cases included. */
  perDay: DayFigures[];
  /** [weekday 0 = Monday … 6 = Sunday][hour 0…23]: cases by local posted time. */
  heatMap: number[][];
  /** Posts seen that matched the intake rules; null: not measured (no automatic intake yet). */
  intakeSeen: number | null;
}

/** The byTag key of cases without tags. */
export const UNTAGGED = 'untagged';

/**
 * Nearest-rank percentile of ascending values: the smallest value with at least p % of the values at or
 * below it, i.e. sorted[ceil(p/100 · n) − 1] (p = 0 gives the smallest). Null for no values.
 */
export function percentile(sortedValues: ArrayLike<number>, p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`Percentile out of range: ${p}`);
  const n = sortedValues.length;
  if (n === 0) return null;
  // p * n before dividing keeps whole-number ranks exact (0.07 * 100 is 7.000000000000001, which rounds up to 8).
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sortedValues[rank - 1]!;
}

/** The median of ascending values: the middle one, or the mean of the two middle ones. Null for none. */
export function median(sortedValues: ArrayLike<number>): number | null {
  const n = sortedValues.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sortedValues[mid]! : (sortedValues[mid - 1]! + sortedValues[mid]!) / 2;
}

export function buildReport(cases: readonly Case[], options: ReportOptions): Report {
  const rows = caseRows(cases, options);
  const clock = localClock(options.timeZone);

  const bySite = new Map<Site, CaseRow[]>();
  const byTag = new Map<string, CaseRow[]>();
  const byAgent = new Map<string, CaseRow[]>();
  const byDay = new Map<number, CaseRow[]>();
  const heatMap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const row of rows) {
    const c = row.c;
    push(bySite, c.site, row);
    if (c.tags.length === 0) push(byTag, UNTAGGED, row);
    else for (const tag of new Set(c.tags)) push(byTag, tag, row);
    push(byAgent, c.assignee ?? '', row);
    const local = clock.local(c.postedAt);
    push(byDay, local.day, row);
    const hours = heatMap[local.weekday]!;
    hours[local.hour] = (hours[local.hour] ?? 0) + 1;
  }

  const perDay: DayFigures[] = [];
  const { from, to } = options.period;
  if (to > from) {
    for (let day = clock.local(from).day, last = clock.local(to - 1).day; day <= last; day++) {
      const dayRows = byDay.get(day) ?? [];
      const times = responseTimes(dayRows);
      perDay.push({ date: dateKey(day), cases: dayRows.length, answered: times.length, medianFirstResponseMs: median(times) });
    }
  }

  return {
    total: figuresOf(rows),
    bySite: grouped(bySite),
    byTag: grouped(byTag),
    byAgent: grouped(byAgent),
    perDay,
    heatMap,
    intakeSeen: options.intakeSeen ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// CSV exports. Same conventions as the handover export: UTF-8 with a BOM, comma-separated, CRLF, every cell
// through `csvCell` (quoted when needed, never a formula). Numbers use a decimal point; empty cell = no value.

// ---------------------------------------------------------------------------------------------------------

/** One case in the period with everything the dimensions share, computed once. */
export interface CaseRow {
  c: Case;
  /** Office ms to the first response; null when unanswered. */
  responseMs: number | null;
  /** null when unanswered or without a due time. */
  withinSla: boolean | null;
  service: boolean;
  overdue: boolean;
  /** Closed as "no reply needed" without an answer. */
  noReply: boolean;
}

export function caseRows(cases: readonly Case[], { period, officeMs, serviceTagIds, now }: ReportOptions): CaseRow[] {
  if (!Number.isFinite(period.from) || !Number.isFinite(period.to)) throw new RangeError('A report period needs finite bounds');
  const rows: CaseRow[] = [];
  for (const c of cases) {
    if (!(c.postedAt >= period.from && c.postedAt < period.to)) continue;
    const answered = c.firstResponseAt !== undefined;
    rows.push({
      c,
      responseMs: answered ? Math.max(0, officeMs(c.postedAt, c.firstResponseAt!)) : null,
      withinSla: answered && c.dueAt !== undefined ? c.firstResponseAt! <= c.dueAt : null,
      service: c.tags.some((t) => serviceTagIds.has(t)),
      overdue: slaState(c, now) === 'overdue',
      noReply: !answered && isNoReplyNeeded(c),
    });
  }
  return rows;
}

function figuresOf(rows: readonly CaseRow[]): Figures {
  let withDue = 0;
  let withinSla = 0;
  let service = 0;
  let openHandovers = 0;
  let overdue = 0;
  let estimated = 0;
  let noReply = 0;
  let auto = 0;
  for (const row of rows) {
    if (row.noReply) noReply++;
    if (intakeOf(row.c) === 'auto') auto++;
    if (row.withinSla !== null) {
      withDue++;
      if (row.withinSla) withinSla++;
    }
    if (row.service) service++;
    if (row.c.status === 'handed_over') openHandovers++;
    if (row.overdue) overdue++;
    if (isEstimatedTime(row.c.postedAtSource)) estimated++;
  }
  const times = responseTimes(rows);
  const cases = rows.length;
  return {
    cases,
    answered: times.length,
    responseRate: ratio(times.length, cases - noReply),
    noReplyNeeded: noReply,
    madeAutomatically: auto,
    madeByHand: cases - auto,
    medianFirstResponseMs: median(times),
    p90FirstResponseMs: percentile(times, 90),
    withinSla,
    withinSlaRate: ratio(withinSla, withDue),
    serviceShare: ratio(service, cases),
    openHandovers,
    overdue,
    estimated,
  };
}

/** Response times of the answered rows, ascending (a typed array sorts numerically and fast). */
function responseTimes(rows: readonly CaseRow[]): Float64Array {
  const times = new Float64Array(rows.length);
  let n = 0;
  for (const row of rows) if (row.responseMs !== null) times[n++] = row.responseMs;
  return times.subarray(0, n).sort();
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function grouped<K extends string>(groups: Map<K, CaseRow[]>): Array<{ key: K; figures: Figures }> {
  return [...groups]
    .map(([key, rows]) => ({ key, figures: figuresOf(rows) }))
    .sort((a, b) => b.figures.cases - a.figures.cases || compareKeys(a.key, b.key));
}

function push<K>(map: Map<K, CaseRow[]>, key: K, row: CaseRow): void {
  const list = map.get(key);
  if (list) list.push(row);
  else map.set(key, [row]);
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------
// Local days and hours. Intl.DateTimeFormat.formatToParts costs a few microseconds, too much to call for each
// of 20 000 cases: the offsets come from the office-hours module's per-zone, per-year index of DST changes.

export const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface LocalTime {
  /** Local calendar day as days since 1970-01-01. */
  day: number;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  hour: number;
}

/** Local day, weekday and hour of instants in a zone (offsets from the office-hours zone index: no Intl per case). */
function localClock(timeZone: string) {
  return {
    local(t: number): LocalTime {
      const wall = t + zoneOffset(timeZone, t);
      const day = Math.floor(wall / DAY);
      // 1970-01-01 was a Thursday (3 when Monday is 0).
      return { day, weekday: (((day + 3) % 7) + 7) % 7, hour: Math.floor((wall - day * DAY) / HOUR) };
    },
  };
}

function dateKey(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}
