/**
 * Civil dates as day numbers (days since 1970-01-01) and wall-clock times as minutes, without Date objects:
 * exact for any year, and cheap. The office calendar, the holidays and the time-zone tables all count in these.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAYS: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 7];
export const MINUTE = 60_000;
export const DAY = 86_400_000;

/** Howard Hinnant's days_from_civil. */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Howard Hinnant's civil_from_days. */
export function civil(days: number): [number, number, number] {
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

export function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatDay(days: number): string {
  const [y, m, d] = civil(days);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** The day number of a 'YYYY-MM-DD' date, or undefined when it is not a real date. */
export function parseDate(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return undefined;
  const days = dayNumber(y, m, d);
  return civil(days)[1] === m ? days : undefined;
}

export function requireDate(date: string): number {
  const days = parseDate(date);
  if (days === undefined) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return days;
}

export function weekdayOf(days: number): Weekday {
  // 1970-01-01 was a Thursday.
  return ((((days % 7) + 10) % 7) + 1) as Weekday;
}

/** Minutes since midnight of an 'HH:MM' time (00:00–24:00), or undefined. */
export function parseTime(time: string): number | undefined {
  if (time === '24:00') return 24 * 60;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}
