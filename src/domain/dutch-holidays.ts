/**
 * The Dutch public holidays an office may close for, computed for any year: Easter and the feasts that hang
 * on it, King's Day, Liberation Day (every year or every five years) and Christmas; Good Friday as an option.
 */
import { dayNumber, formatDay, pad, requireDate, weekdayOf } from './civil-date';
import type { OfficeCalendar } from './office-calendar';

export interface Holiday {
  /** 'YYYY-MM-DD' */
  date: string;
  id: string;
  /** The Dutch name, as shown to agents. */
  name: string;
}

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
