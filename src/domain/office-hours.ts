/**
 * The municipality's office calendar: weekly hours (split shifts allowed), Dutch public holidays and its own
 * closing days, in one IANA time zone. Webcare promises answers in office time, so response timers count
 * only the time the office is open: a post at 03:00 on a Saturday starts counting on Monday morning.
 *
 * How it stays fast (timers run for every visible post every 30 s, and reports sum office time over
 * thousands of cases spanning months): per calendar and local year, the open intervals are computed once,
 * as epoch-ms start/end arrays with a running total of open time in front of each interval. Office time
 * between two instants is then the difference of two running totals, found by binary search: no loop
 * over days or minutes. Calendars are treated as immutable values (change one by making a new object);
 * equal calendars in different objects share one cache.
 *
 * Time zones use Intl only. Per zone and year, the offset transitions (DST) are found once, so turning a
 * wall-clock time into an instant needs no Intl call. A wall-clock time that does not exist (the hour
 * skipped in spring) moves forward by the gap; one that occurs twice (autumn) is its first occurrence —
 * Temporal's "compatible" rule.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One stretch of opening hours in local time, 'HH:MM'; start before end, '24:00' allowed as end. */
export interface Shift {
  start: string;
  end: string;
}

export interface OfficeCalendar {
  /** IANA time zone the hours and dates are in. */
  timeZone: string;
  /** The hours per weekday; several shifts make a split day (a lunch break is not office time). */
  week: Record<Weekday, Shift[]>;
  /** Is the office closed on Goede Vrijdag? Most municipalities are open. */
  goodFriday: boolean;
  /**
   * Bevrijdingsdag (5 May): closed every year, only in lustrum years (2025, 2030 …, as in most collective
   * agreements for government), or never.
   */
  liberationDay: 'every-year' | 'lustrum' | 'never';
  /** The municipality's own closing days ('YYYY-MM-DD'), e.g. a bridge day after Hemelvaart. */
  closingDays: string[];
}

const WORKDAY: Shift[] = [{ start: '08:30', end: '17:00' }];

export const DEFAULT_CALENDAR: OfficeCalendar = {
  timeZone: 'Europe/Amsterdam',
  week: { 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: WORKDAY, 6: [], 7: [] },
  goodFriday: false,
  liberationDay: 'lustrum',
  closingDays: [],
};

export interface Holiday {
  /** 'YYYY-MM-DD' */
  date: string;
  id: string;
  /** The Dutch name, as shown to agents. */
  name: string;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** How far nextOpening looks ahead before it decides the office never opens. */
const HORIZON_MS = 400 * DAY;
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];

// ---------------------------------------------------------------------------------------------------------
// Civil dates as day numbers (days since 1970-01-01), without Date objects: exact for any year, and cheap.

/** Howard Hinnant's days_from_civil. */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Howard Hinnant's civil_from_days. */
function civil(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDay(days: number): string {
  const [y, m, d] = civil(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The day number of a 'YYYY-MM-DD' date, or undefined when it is not a real date. */
function parseDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = dayNumber(y, m, d);
  return civil(days)[1] === m ? days : undefined;
}

function requireDate(date: string): number {
  const days = parseDate(date);
  if (days === undefined) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return days;
}

function weekdayOf(days: number): Weekday {
  // 1970-01-01 was a Thursday.
  return ((((days % 7) + 10) % 7) + 1) as Weekday;
}

/** Minutes since midnight of an 'HH:MM' time (00:00–24:00), or undefined. */
function parseTime(time: string): number | undefined {
  if (time === '24:00') return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Holidays

/** Easter Sunday in the Gregorian calendar (the anonymous algorithm, as in Meeus), 'YYYY-MM-DD'. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/**
 * The Dutch public holidays the office may close for, sorted by date. Koningsdag follows the rule in force
 * since 2014 (27 April, or the 26th when the 27th is a Sunday); earlier years' Koninginnedag is not modelled.
 */
export function dutchHolidays(year: number, cal: Pick<OfficeCalendar, 'goodFriday' | 'liberationDay'>): Holiday[] {
  const easter = requireDate(easterSunday(year));
  const list: Array<[number, string, string]> = [
    [dayNumber(year, 1, 1), 'new-year', 'Nieuwjaarsdag'],
    [easter, 'easter-sunday', 'Eerste Paasdag'],
    [easter + 1, 'easter-monday', 'Tweede Paasdag'],
    [easter + 39, 'ascension-day', 'Hemelvaartsdag'],
    [easter + 49, 'whit-sunday', 'Eerste Pinksterdag'],
    [easter + 50, 'whit-monday', 'Tweede Pinksterdag'],
    [dayNumber(year, 12, 25), 'christmas-day', 'Eerste Kerstdag'],
    [dayNumber(year, 12, 26), 'boxing-day', 'Tweede Kerstdag'],
  ];
  if (cal.goodFriday) list.push([easter - 2, 'good-friday', 'Goede Vrijdag']);
  const kingsDay = dayNumber(year, 4, 27);
  list.push([weekdayOf(kingsDay) === 7 ? kingsDay - 1 : kingsDay, 'kings-day', 'Koningsdag']);
  if (cal.liberationDay === 'every-year' || (cal.liberationDay === 'lustrum' && year % 5 === 0)) {
    list.push([dayNumber(year, 5, 5), 'liberation-day', 'Bevrijdingsdag']);
  }
  return list.sort((a, b) => a[0] - b[0]).map(([days, id, name]) => ({ date: formatDay(days), id, name }));
}

// ---------------------------------------------------------------------------------------------------------
// Time zones: offsets from Intl, transitions found once per zone and year

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for an unknown time zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset from UTC at an instant, in ms, straight from Intl (slow: a few µs). */
function intlOffset(timeZone: string, at: number): number {
  const seconds = Math.floor(at / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(seconds)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wall = (dayNumber(parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1) * 1440 + (parts.hour ?? 0) * 60 + (parts.minute ?? 0)) * MINUTE;
  return wall + (parts.second ?? 0) * 1000 - seconds;
}

/** A zone's offsets over one UTC year plus a two-day margin: offsets[i] holds until transitions[i]. */
interface ZoneYear {
  transitions: number[];
  offsets: number[];
}

const zoneYears = new Map<string, ZoneYear>();
const ZONE_YEAR_CACHE = 256;
const SAMPLE_MS = 7 * DAY;

/**
 * Samples the offset weekly and bisects each change to the second: about 100 Intl calls (~0.5 ms) per zone
 * and year instead of one per lookup. Assumes a zone does not change its offset and back within a week,
 * which holds for every zone in use today.
 */
function zoneYear(timeZone: string, year: number): ZoneYear {
  const key = `${timeZone}|${year}`;
  const cached = zoneYears.get(key);
  if (cached) return cached;
  const known = euZoneYear(timeZone, year);
  if (known) {
    zoneYears.set(key, known);
    return known;
  }
  const from = dayNumber(year, 1, 1) * DAY - 2 * DAY;
  const to = dayNumber(year + 1, 1, 1) * DAY + 2 * DAY;
  const zy: ZoneYear = { transitions: [], offsets: [intlOffset(timeZone, from)] };
  let previous = zy.offsets[0] as number;
  for (let sampled = from; sampled < to; ) {
    const next = Math.min(sampled + SAMPLE_MS, to);
    const offset = intlOffset(timeZone, next);
    let lo = sampled / 1000;
    let hi = next / 1000;
    sampled = next;
    if (offset === previous) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intlOffset(timeZone, mid * 1000) === previous) lo = mid;
      else hi = mid;
    }
    zy.transitions.push(hi * 1000);
    zy.offsets.push(offset);
    previous = offset;
  }
  if (zoneYears.size >= ZONE_YEAR_CACHE) zoneYears.delete(zoneYears.keys().next().value as string);
  zoneYears.set(key, zy);
  return zy;
}

/**
 * Central European Time, worked out without Intl: since 1996 the EU switches to summer time on the last
 * Sunday of March and back on the last Sunday of October, both at 01:00 UTC. Loket's own zone needs no ICU
 * time-zone data then, which the first Intl call takes tens of milliseconds to load (the popup's first timer).
 * A unit test checks this against Intl for every hour around every switch from 1996 to 2040.
 */
const CET_ZONES = new Set(['Europe/Amsterdam', 'Europe/Brussels', 'Europe/Berlin', 'Europe/Paris', 'Europe/Luxembourg']);

function euZoneYear(timeZone: string, year: number): ZoneYear | null {
  if (!CET_ZONES.has(timeZone) || year < 1997 || year > 2099) return null;
  const lastSunday = (month: number) => {
    const last = dayNumber(year, month + 1, 1) - 1; // the month's last day
    return last - ((last + 4) % 7); // 1970-01-01 was a Thursday: (day + 4) % 7 is 0 on a Sunday
  };
  const HOUR_MS = 60 * MINUTE;
  return {
    transitions: [lastSunday(3) * DAY + HOUR_MS, lastSunday(10) * DAY + HOUR_MS],
    offsets: [HOUR_MS, 2 * HOUR_MS, HOUR_MS],
  };
}

function utcYear(at: number): number {
  return civil(Math.floor(at / DAY))[0];
}

/** The offset at an instant within the zone year's range (its UTC year plus the two-day margin). */
function offsetIn(zy: ZoneYear, at: number): number {
  let i = 0;
  while (i < zy.transitions.length && at >= (zy.transitions[i] as number)) i++;
  return zy.offsets[i] as number;
}

/** The zone's offset from UTC at an instant, in ms (Amsterdam in winter: +3 600 000). Throws RangeError for an unknown zone. */
export function zoneOffset(timeZone: string, at: number): number {
  return offsetIn(zoneYear(timeZone, utcYear(at)), at);
}
const offsetAt = zoneOffset;

/**
 * The instant of a wall-clock time, given as ms since 1970-01-01T00:00 local ("local epoch ms"). A time that
 * occurs twice (autumn) is the first; one that does not occur (spring) moves forward by the gap.
 */
export function wallToInstant(timeZone: string, local: number): number {
  // Every instant looked at is within a day and a half of `local`, so inside this one zone year's margin.
  const zy = zoneYear(timeZone, utcYear(local));
  const before = offsetIn(zy, local - DAY);
  const after = offsetIn(zy, local + DAY);
  if (before === after) return local - before;
  const early = local - before;
  const late = local - after;
  const earlyValid = offsetIn(zy, early) === before;
  const lateValid = offsetIn(zy, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // occurs twice: the first
  if (earlyValid) return early;
  if (lateValid) return late;
  return local - before; // skipped: move forward by the gap
}

/** The local date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(at: number, timeZone: string): string {
  return formatDay(Math.floor((at + offsetAt(timeZone, at)) / DAY));
}

// ---------------------------------------------------------------------------------------------------------
// The per-calendar index

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

/** Valid shifts in minutes, sorted, with overlapping ones merged (validateCalendar reports the rest). */
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

// ---------------------------------------------------------------------------------------------------------
// Validation

/** What is wrong with a calendar, in plain English, for the options page; [] when it is fine. */
export function validateCalendar(cal: OfficeCalendar): string[] {
  const problems: string[] = [];
  try {
    formatterFor(cal.timeZone);
  } catch {
    problems.push(`Unknown time zone ${JSON.stringify(cal.timeZone)}.`);
  }
  let anyHours = false;
  for (const d of WEEKDAYS) {
    const day = WEEKDAY_NAMES[d - 1] as string;
    const shifts = cal.week?.[d];
    if (!Array.isArray(shifts)) {
      problems.push(`${day}: no list of shifts (use an empty list when closed).`);
      continue;
    }
    const valid: Array<[number, number, string]> = [];
    shifts.forEach((shift, i) => {
      const label = `${day}, shift ${i + 1}`;
      const start = parseTime(shift.start);
      const end = parseTime(shift.end);
      if (start === undefined || start === 24 * 60) problems.push(`${label}: start ${JSON.stringify(shift.start)} is not a time (HH:MM, 00:00–23:59).`);
      if (end === undefined) problems.push(`${label}: end ${JSON.stringify(shift.end)} is not a time (HH:MM, 00:00–24:00).`);
      if (start === undefined || end === undefined || start === 24 * 60) return;
      if (start >= end) problems.push(`${label}: starts at ${shift.start}, not before its end ${shift.end}.`);
      else valid.push([start, end, `${shift.start}–${shift.end}`]);
    });
    valid.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < valid.length; i++) {
      const a = valid[i - 1] as [number, number, string];
      const b = valid[i] as [number, number, string];
      if (b[0] < a[1]) problems.push(`${day}: shifts ${a[2]} and ${b[2]} overlap.`);
    }
    if (valid.length > 0) anyHours = true;
  }
  if (!anyHours) problems.push('The office is never open: no day has a valid shift.');
  if (!['every-year', 'lustrum', 'never'].includes(cal.liberationDay)) {
    problems.push(`Bevrijdingsdag must be "every-year", "lustrum" or "never", not ${JSON.stringify(cal.liberationDay)}.`);
  }
  for (const date of cal.closingDays ?? []) {
    if (parseDate(date) === undefined) problems.push(`Closing day ${JSON.stringify(date)} is not a date (YYYY-MM-DD).`);
  }
  return problems;
}
