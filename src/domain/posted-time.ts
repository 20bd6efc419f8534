/**
 * The posted time a page shows in words, as an instant: Facebook writes "12 min", "3 u", "2 d", "1 w",
 * "Gisteren om 14:05", "3 h", "Yesterday at 2:05 PM", "4 years ago" under a post or comment, and the full
 * date ("dinsdag 3 december 2026 om 14:05", "Tuesday, December 3, 2026 at 2:05 PM") in the time link's label
 * or its tooltip. Dutch and English; pure, no Intl (Europe/Amsterdam and the other CET zones are worked out
 * by office-hours.ts).
 *
 * A text names a range of instants ("3 u" read at 14:00 is anything from 10:00 to 11:00). The SLA clock must
 * not hide waiting time, so the answer is the earliest instant the text allows:
 *   - `page`: the text gives the minute (a full date with time, "Gisteren om 14:05"): that minute;
 *   - `page-relative`: it gives less ("3 u", "2 d", "4 years ago", a date without time): the earliest
 *     instant consistent with it, an estimate the views mark with "≈".
 */
import { civil, dayNumber } from './civil-date';
import { wallToInstant, zoneOffset } from './office-hours';

export type PageTimeSource = 'page' | 'page-relative';

export interface PageTime {
  at: number;
  source: PageTimeSource;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Unit words and abbreviations, Dutch and English, to the unit's length (months and years: their longest). */
const UNITS: Array<[RegExp, number]> = [
  [/^(?:m|min|mins|minuut|minuten|minute|minutes)$/, MINUTE],
  [/^(?:u|uur|uren|h|hr|hrs|hour|hours)$/, HOUR],
  [/^(?:d|dag|dagen|day|days)$/, DAY],
  [/^(?:w|wk|wkn|wks|week|weken|weeks)$/, 7 * DAY],
  [/^(?:mnd|mnden|maand|maanden|mo|mos|month|months)$/, 31 * DAY],
  [/^(?:j|jr|jaar|jaren|y|yr|yrs|year|years)$/, 366 * DAY],
];

const RELATIVE = /(?:^|\s)(\d{1,3}|een|één|a|an|one)\s*([a-z]{1,8})\.?(?:\s+(?:geleden|ago))?\s*$/i;
const JUST_NOW = /(?:^|\s)(?:zojuist|just now)\s*$/i;

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2,
  maart: 3, march: 3, mrt: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};
const MONTH = `(${Object.keys(MONTHS).join('|')})\\.?`;
const WEEKDAYS: Record<string, number> = {
  // 0 = Sunday, as in (day number + 4) % 7
  zondag: 0, sunday: 0, maandag: 1, monday: 1, dinsdag: 2, tuesday: 2, woensdag: 3, wednesday: 3,
  donderdag: 4, thursday: 4, vrijdag: 5, friday: 5, zaterdag: 6, saturday: 6,
};
/** "14:05", "14.05", "2:05 PM", "2:05 p.m." */
const TIME = String.raw`(\d{1,2})[:.](\d{2})(?:\s*([ap])\.?\s?m\.?)?`;
const AT = String.raw`(?:,?\s+(?:om|at|,)?\s*${TIME})?`;
/** "3 december 2026 om 14:05", "3 dec. 2025", "3 December 2025 at 14:05" (day first). */
const DAY_FIRST = new RegExp(String.raw`(?:^|[\s,])(\d{1,2})\s+${MONTH}(?:\s+(\d{4}))?${AT}`, 'i');
/** "December 3, 2026 at 2:05 PM", "Dec 3" (month first). */
const MONTH_FIRST = new RegExp(String.raw`(?:^|[\s,])${MONTH}\s+(\d{1,2})(?![\d:.])(?!\s*[a-z]{1,8}\.?(?:\s+(?:geleden|ago))?\s*$)(?:,?\s+(\d{4}))?${AT}`, 'i');
const YESTERDAY = new RegExp(String.raw`(?:^|\s)(?:gisteren|yesterday)(?:\s+(?:om|at))?\s+${TIME}`, 'i');
const WEEKDAY_AT = new RegExp(String.raw`(?:^|\s)(${Object.keys(WEEKDAYS).join('|')})\s+(?:om|at)\s+${TIME}`, 'i');

/**
 * Reads a posted time from a text (a label such as "Opmerking van Jan 2 uur geleden", a link's text "3 u",
 * a tooltip "dinsdag 3 december 2026 om 14:05") as seen at `now`. Null when the text names no time.
 */
export function parsePostedTime(text: string, now: number, timeZone = 'Europe/Amsterdam'): PageTime | null {
  const clean = text.replace(/[\u00a0\u202f]/g, ' ').replace(/[\u200e\u200f]/g, '').trim();
  if (clean === '') return null;
  return absolute(clean, now, timeZone) ?? dayAndTime(clean, now, timeZone) ?? relative(clean, now);
}

function relative(text: string, now: number): PageTime | null {
  if (JUST_NOW.test(text)) return { at: now - MINUTE + 1, source: 'page-relative' };
  const match = RELATIVE.exec(text);
  if (!match) return null;
  const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : 1;
  const word = match[2]!.toLowerCase();
  const unit = UNITS.find(([pattern]) => pattern.test(word))?.[1];
  if (unit === undefined) return null;
  // "3 u" means at least 3 and under 4 hours ago: the earliest instant is just after 4 hours ago.
  return { at: now - (count + 1) * unit + 1, source: 'page-relative' };
}

/** The local day number (days since 1970-01-01 in the zone) of an instant. */
function localDay(at: number, timeZone: string): number {
  return Math.floor((at + zoneOffset(timeZone, at)) / DAY);
}

function clock(hours: string, minutes: string, meridiem: string | undefined): number | null {
  let h = Number(hours);
  const m = Number(minutes);
  if (m > 59) return null;
  if (meridiem) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (meridiem.toLowerCase() === 'p' ? 12 : 0);
  } else if (h > 23) return null;
  return h * HOUR + m * MINUTE;
}

function dayAndTime(text: string, now: number, timeZone: string): PageTime | null {
  const today = localDay(now, timeZone);
  const yesterday = YESTERDAY.exec(text);
  if (yesterday) {
    const time = clock(yesterday[1]!, yesterday[2]!, yesterday[3]);
    return time === null ? null : { at: wallToInstant(timeZone, (today - 1) * DAY + time), source: 'page' };
  }
  const weekday = WEEKDAY_AT.exec(text);
  if (weekday) {
    const time = clock(weekday[2]!, weekday[3]!, weekday[4]);
    if (time === null) return null;
    const want = WEEKDAYS[weekday[1]!.toLowerCase()]!;
    // The most recent such day before today (Facebook names the weekday for the past week).
    let day = today - 1;
    while ((day + 4) % 7 !== want) day--;
    return { at: wallToInstant(timeZone, day * DAY + time), source: 'page' };
  }
  return null;
}

function absolute(text: string, now: number, timeZone: string): PageTime | null {
  const dayFirst = DAY_FIRST.exec(text);
  const monthFirst = dayFirst ? null : MONTH_FIRST.exec(text);
  let day: number, month: number, year: string | undefined, time: [string, string, string | undefined] | undefined;
  if (dayFirst) {
    day = Number(dayFirst[1]);
    month = MONTHS[dayFirst[2]!.toLowerCase()]!;
    year = dayFirst[3];
    time = dayFirst[4] ? [dayFirst[4], dayFirst[5]!, dayFirst[6]] : undefined;
  } else if (monthFirst) {
    month = MONTHS[monthFirst[1]!.toLowerCase()]!;
    day = Number(monthFirst[2]);
    year = monthFirst[3];
    time = monthFirst[4] ? [monthFirst[4], monthFirst[5]!, monthFirst[6]] : undefined;
  } else return null;
  if (day < 1 || day > 31) return null;
  const minutes = time ? clock(...time) : 0;
  if (minutes === null) return null;
  const at = (y: number) => wallToInstant(timeZone, dayNumber(y, month, day) * DAY + minutes);
  const nowYear = civilYear(localDay(now, timeZone));
  let instant = at(year ? Number(year) : nowYear);
  // Without a year the date is this year's, unless that is still to come: then last year's.
  if (!year && instant > now + DAY) instant = at(nowYear - 1);
  if (dayNumberOf(instant, timeZone, month, day) === false) return null; // 31 February and the like
  return { at: instant, source: time ? 'page' : 'page-relative' };
}

function civilYear(days: number): number {
  return civil(days)[0];
}

/** Whether the instant falls on the given month and day locally (false for a date that does not exist). */
function dayNumberOf(at: number, timeZone: string, month: number, day: number): boolean {
  const [, m, d] = civil(localDay(at, timeZone));
  return m === month && d === day;
}
