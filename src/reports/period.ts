/**
 * Report periods as the agent thinks of them: whole local days ("last 7 days", "previous month", or
 * 5 January up to and including 11 January), turned into the half-open instant range [from, to) that
 * `buildReport` and the `cases/range` message take. Local means the office calendar's time zone
 * (Europe/Amsterdam by default), whatever zone the agent's computer is set to.
 */
import { localDate, wallToInstant } from '../domain/office-hours';
import type { ReportPeriod } from '../domain/report';

export const PRESETS = ['last7', 'last30', 'thisMonth', 'previousMonth'] as const;
export type Preset = (typeof PRESETS)[number];

/** Local calendar dates 'YYYY-MM-DD', both included. */
export interface DateRange {
  from: string;
  to: string;
}

/** The longest period the page asks the background for: a year (a leap year included). */
export const MAX_DAYS = 366;

const DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Days since 1970-01-01 of a date; the date must be valid. */
function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOf(dayOf(date) + days);
}

/** Days in a range, both ends included (0 or less when it ends before it starts). */
export function daysIn(range: DateRange): number {
  return dayOf(range.to) - dayOf(range.from) + 1;
}

/** The local date of an instant. */
export function localDateOf(at: number, timeZone: string): string {
  return localDate(at, timeZone);
}

/** The instant a local date begins (its midnight, or the first moment after it in a zone that skips it). */
export function startOfLocalDay(date: string, timeZone: string): number {
  return wallToInstant(timeZone, dayOf(date) * DAY);
}

/** The dates a preset stands for on a given local day ("today"). */
export function presetRange(preset: Preset, today: string): DateRange {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today };
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today };
    case 'previousMonth': {
      const firstOfThis = `${today.slice(0, 8)}01`;
      const lastOfPrevious = addDays(firstOfThis, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
  }
}

/** What is wrong with a range, or null when the page can report on it. */
export function rangeProblem(range: DateRange): 'invalid' | 'reversed' | 'tooLong' | null {
  if (!isDate(range.from) || !isDate(range.to)) return 'invalid';
  const days = daysIn(range);
  if (days < 1) return 'reversed';
  return days > MAX_DAYS ? 'tooLong' : null;
}

/** From the start of the first day to the start of the day after the last. */
export function periodOf(range: DateRange, timeZone: string): ReportPeriod {
  return { from: startOfLocalDay(range.from, timeZone), to: startOfLocalDay(addDays(range.to, 1), timeZone) };
}
