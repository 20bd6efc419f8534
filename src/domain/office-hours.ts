/**
 * The office calendar's public face: one import for the views and the SLA code, which need the calendar,
 * its holidays and office time together. Each part lives in a file of its own:
 * - civil-date.ts: dates as day numbers, times as minutes;
 * - dutch-holidays.ts: the public holidays of any year;
 * - time-zone.ts: offsets and wall-clock times across DST, with Intl (and CET without it);
 * - office-calendar.ts: the calendar value and its default;
 * - office-time.ts: open intervals, office time between two instants, adding office time;
 * - office-calendar-schema.ts: the checks (not re-exported here: it brings zod, which the content script
 *   does without).
 */
export type { Weekday } from './civil-date';
export { DEFAULT_CALENDAR, type OfficeCalendar, type Shift } from './office-calendar';
export { dutchHolidays, easterSunday, type Holiday } from './dutch-holidays';
export { localDate, wallToInstant, zoneOffset } from './time-zone';
export { addOfficeMs, isClosedDate, isOpenAt, nextOpening, officeMsBetween, openIntervals } from './office-time';
