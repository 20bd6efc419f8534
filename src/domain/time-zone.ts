/**
 * Time zones with Intl only. Per zone and year, the offset transitions (DST) are found once, so turning a
 * wall-clock time into an instant needs no Intl call. A wall-clock time that does not exist (the hour
 * skipped in spring) moves forward by the gap; one that occurs twice (autumn) is its first occurrence —
 * Temporal's "compatible" rule.
 */
import { civil, DAY, dayNumber, formatDay, MINUTE } from './civil-date';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for an unknown time zone. */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
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


/** Does Intl know the zone? */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
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
export const CET_ZONES = new Set(['Europe/Amsterdam', 'Europe/Brussels', 'Europe/Berlin', 'Europe/Paris', 'Europe/Luxembourg']);

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

export function utcYear(at: number): number {
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

