/**
 * Office time: how much of a span the office was open, and when a number of office hours has passed.
 * Webcare promises answers in office time, so response timers count only the time the office is open: a
 * post at 03:00 on a Saturday starts counting on Monday morning.
 *
 * How it stays fast (timers run for every visible post every 30 s, and reports sum office time over
 * thousands of cases spanning months): per calendar and local year, the open intervals are computed once,
 * as epoch-ms start/end arrays with a running total of open time in front of each interval. Office time
 * between two instants is then the difference of two running totals, found by binary search: no loop
 * over days or minutes. Calendars are treated as immutable values (change one by making a new object);
 * equal calendars in different objects share one cache.
 */
import { civil, DAY, dayNumber, MINUTE, parseDate, parseTime, requireDate, weekdayOf, WEEKDAYS } from './civil-date';
import { dutchHolidays } from './dutch-holidays';
import type { OfficeCalendar, Shift } from './office-calendar';
import { CET_ZONES, formatterFor, utcYear, wallToInstant } from './time-zone';

/** How far nextOpening looks ahead before it decides the office never opens. */
const HORIZON_MS = 400 * DAY;

/** One local year of a calendar: its open intervals in order, and the open time before each. */
interface YearBlock {
  year: number;
  /** Local midnight of 1 January and of the next 1 January. */
  start: number;
  end: number;
  starts: Float64Array;
  ends: Float64Array;
  /** cum[i]: open ms before interval i; cum[n] is the year's total. */
  cum: Float64Array;
  /** The intervals of the year's d-th day (0-based) are firstOfDay[d] … firstOfDay[d + 1] - 1. */
  firstOfDay: Int32Array;
  firstDay: number;
}

interface CalendarIndex {
  timeZone: string;
  /** Per weekday (index 1–7), shifts in minutes, sorted and merged; invalid shifts left out. */
  week: Array<Array<[number, number]>>;
  hasHours: boolean;
  goodFriday: boolean;
  liberationDay: OfficeCalendar['liberationDay'];
  closing: Set<number>;
  blocks: Map<number, YearBlock>;
  last: YearBlock | undefined;
}

const byObject = new WeakMap<OfficeCalendar, CalendarIndex>();
const byFingerprint = new Map<string, CalendarIndex>();
const CALENDAR_CACHE = 16;
const YEAR_CACHE = 64;

function indexFor(cal: OfficeCalendar): CalendarIndex {
  const known = byObject.get(cal);
  if (known) return known;
  const fingerprint = JSON.stringify([
    cal.timeZone,
    WEEKDAYS.map((d) => (cal.week[d] ?? []).map((s) => [s.start, s.end])),
    cal.goodFriday,
    cal.liberationDay,
    [...cal.closingDays].sort(),
  ]);
  let index = byFingerprint.get(fingerprint);
  if (index) {
    byFingerprint.delete(fingerprint); // keep the most recently used last
  } else {
    // An unknown zone throws here, before anything is cached. The CET zones are known without asking Intl,
    // whose first time-zone formatter costs tens of milliseconds (in the popup: before its first timer).
    if (!CET_ZONES.has(cal.timeZone)) formatterFor(cal.timeZone);
    const week: Array<Array<[number, number]>> = [[]];
    for (const d of WEEKDAYS) week.push(normaliseShifts(cal.week[d] ?? []));
    const closing = new Set<number>();
    for (const date of cal.closingDays) {
      const days = parseDate(date);
      if (days !== undefined) closing.add(days);
    }
    index = {
      timeZone: cal.timeZone,
      week,
      hasHours: week.some((shifts) => shifts.length > 0),
      goodFriday: cal.goodFriday,
      liberationDay: cal.liberationDay,
      closing,
      blocks: new Map(),
      last: undefined,
    };
    if (byFingerprint.size >= CALENDAR_CACHE) byFingerprint.delete(byFingerprint.keys().next().value as string);
  }
  byFingerprint.set(fingerprint, index);
  byObject.set(cal, index);
  return index;
}

/** Valid shifts in minutes, sorted, with overlapping ones merged (the calendar schema reports the rest). */
function normaliseShifts(shifts: readonly Shift[]): Array<[number, number]> {
  const parsed: Array<[number, number]> = [];
  for (const s of shifts) {
    const start = parseTime(s.start);
    const end = parseTime(s.end);
    if (start !== undefined && end !== undefined && start < end) parsed.push([start, end]);
  }
  parsed.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const shift of parsed) {
    const last = merged[merged.length - 1];
    if (last && shift[0] <= last[1]) last[1] = Math.max(last[1], shift[1]);
    else merged.push(shift);
  }
  return merged;
}

function holidaySet(index: CalendarIndex, year: number): Set<number> {
  return new Set(dutchHolidays(year, index).map((h) => requireDate(h.date)));
}

function block(index: CalendarIndex, year: number): YearBlock {
  const cached = index.blocks.get(year);
  if (cached) return cached;
  const { timeZone } = index;
  const firstDay = dayNumber(year, 1, 1);
  const endDay = dayNumber(year + 1, 1, 1);
  const holidays = holidaySet(index, year);
  const starts: number[] = [];
  const ends: number[] = [];
  const firstOfDay = new Int32Array(endDay - firstDay + 1);
  let lastEnd = -Infinity;
  for (let days = firstDay; days < endDay; days++) {
    firstOfDay[days - firstDay] = starts.length;
    if (holidays.has(days) || index.closing.has(days)) continue;
    for (const [from, to] of index.week[weekdayOf(days)] ?? []) {
      // Wall-clock shifts can collapse or touch around a DST change; never let intervals overlap.
      const start = Math.max(lastEnd, wallToInstant(timeZone, days * DAY + from * MINUTE));
      const end = wallToInstant(timeZone, days * DAY + to * MINUTE);
      if (end <= start) continue;
      starts.push(start);
      ends.push(end);
      lastEnd = end;
    }
  }
  firstOfDay[endDay - firstDay] = starts.length;
  const cum = new Float64Array(starts.length + 1);
  for (let i = 0; i < starts.length; i++) cum[i + 1] = (cum[i] as number) + (ends[i] as number) - (starts[i] as number);
  const result: YearBlock = {
    year,
    start: wallToInstant(timeZone, firstDay * DAY),
    end: wallToInstant(timeZone, endDay * DAY),
    starts: Float64Array.from(starts),
    ends: Float64Array.from(ends),
    cum,
    firstOfDay,
    firstDay,
  };
  if (index.blocks.size >= YEAR_CACHE) index.blocks.delete(index.blocks.keys().next().value as number);
  index.blocks.set(year, result);
  return result;
}

/** The year block whose local year contains the instant. */
function blockAt(index: CalendarIndex, at: number): YearBlock {
  const last = index.last;
  if (last && at >= last.start && at < last.end) return last;
  if (!Number.isFinite(at)) throw new RangeError(`Not an instant: ${at}`);
  // The local year is the UTC year or a neighbour (offsets stay within a day).
  let b = block(index, utcYear(at));
  while (at < b.start) b = block(index, b.year - 1);
  while (at >= b.end) b = block(index, b.year + 1);
  index.last = b;
  return b;
}

/** The index of the last interval starting at or before `at`, or -1. */
function lastStartAtOrBefore(b: YearBlock, at: number): number {
  let lo = 0;
  let hi = b.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((b.starts[mid] as number) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Office time from the start of the block until `at`. */
function openBefore(b: YearBlock, at: number): number {
  const i = lastStartAtOrBefore(b, at);
  if (i < 0) return 0;
  const start = b.starts[i] as number;
  return (b.cum[i] as number) + Math.min(at, b.ends[i] as number) - start;
}

// ---------------------------------------------------------------------------------------------------------
// Queries

/** Is the office closed all day for a holiday or one of its own closing days? (Weekly hours are separate.) */
export function isClosedDate(date: string, cal: OfficeCalendar): boolean {
  const days = requireDate(date);
  const index = indexFor(cal);
  return index.closing.has(days) || holidaySet(index, civil(days)[0]).has(days);
}

/** The instants [start, end) the office is open on a local date, in order; [] when it is closed. */
export function openIntervals(date: string, cal: OfficeCalendar): Array<[number, number]> {
  const days = requireDate(date);
  const b = block(indexFor(cal), civil(days)[0]);
  const result: Array<[number, number]> = [];
  const end = b.firstOfDay[days - b.firstDay + 1] as number;
  for (let i = b.firstOfDay[days - b.firstDay] as number; i < end; i++) result.push([b.starts[i] as number, b.ends[i] as number]);
  return result;
}

export function isOpenAt(at: number, cal: OfficeCalendar): boolean {
  const b = blockAt(indexFor(cal), at);
  const i = lastStartAtOrBefore(b, at);
  return i >= 0 && at < (b.ends[i] as number);
}

/** `at` itself when the office is open then, else when it next opens; null when it does not within ~400 days. */
export function nextOpening(at: number, cal: OfficeCalendar): number | null {
  const index = indexFor(cal);
  if (!index.hasHours) return null;
  let b = blockAt(index, at);
  const i = lastStartAtOrBefore(b, at);
  if (i >= 0 && at < (b.ends[i] as number)) return at;
  let next = i + 1;
  while (next >= b.starts.length) {
    if (b.end - at > HORIZON_MS) return null;
    b = block(index, b.year + 1);
    next = 0;
  }
  const opening = b.starts[next] as number;
  return opening - at > HORIZON_MS ? null : opening;
}

/** Office time between two instants, in ms; 0 when `to` is not after `from`. */
export function officeMsBetween(from: number, to: number, cal: OfficeCalendar): number {
  if (!(to > from)) return 0;
  const index = indexFor(cal);
  const first = blockAt(index, from);
  const before = openBefore(first, from);
  const last = blockAt(index, to);
  if (first === last) return openBefore(last, to) - before;
  let total = (first.cum[first.starts.length] as number) - before;
  for (let year = first.year + 1; year < last.year; year++) {
    const b = block(index, year);
    total += b.cum[b.starts.length] as number;
  }
  return total + openBefore(last, to);
}

/**
 * The instant at which `ms` of office time has passed since `from`. Counting starts at the next opening
 * when `from` is outside hours, so ms <= 0 gives nextOpening(from). Null when the office never opens (no
 * weekly hours, or two years in a row closed).
 */
export function addOfficeMs(from: number, ms: number, cal: OfficeCalendar): number | null {
  if (!(ms > 0)) return nextOpening(from, cal);
  if (!Number.isFinite(ms)) return null;
  const index = indexFor(cal);
  if (!index.hasHours) return null;
  let b = blockAt(index, from);
  let target = openBefore(b, from) + ms;
  let emptyYears = 0;
  for (;;) {
    const n = b.starts.length;
    const total = b.cum[n] as number;
    if (target <= total) {
      // The first interval whose end brings the running total to the target.
      let lo = 0;
      let hi = n - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((b.cum[mid + 1] as number) >= target) hi = mid;
        else lo = mid + 1;
      }
      return (b.starts[lo] as number) + target - (b.cum[lo] as number);
    }
    emptyYears = n === 0 ? emptyYears + 1 : 0;
    if (emptyYears >= 2) return null;
    target -= total;
    b = block(index, b.year + 1);
  }
}

