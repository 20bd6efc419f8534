import { describe, expect, it } from 'vitest';
import {
  addOfficeMs,
  DEFAULT_CALENDAR,
  dutchHolidays,
  easterSunday,
  isClosedDate,
  isOpenAt,
  localDate,
  nextOpening,
  officeMsBetween,
  openIntervals,
  zoneOffset,
  type OfficeCalendar,
  type Shift,
  type Weekday,
} from '../../src/domain/office-hours';
import { calendarProblems, officeHoursSchema } from '../../src/domain/office-calendar-schema';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Expected instants are written by hand with their offset: +01:00 in winter (CET), +02:00 in summer (CEST). */
const at = (iso: string): number => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad test instant ${iso}`);
  return t;
};
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

function withWeek(week: Partial<Record<Weekday, Shift[]>>, extra: Partial<OfficeCalendar> = {}): OfficeCalendar {
  return { ...DEFAULT_CALENDAR, ...extra, week: { ...DEFAULT_CALENDAR.week, ...week } };
}

const ALL_DAY: Shift[] = [{ start: '00:00', end: '24:00' }];
const OPEN_EVERY_DAY = withWeek({ 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY });
const SPLIT: Shift[] = [
  { start: '08:30', end: '12:30' },
  { start: '13:00', end: '17:00' },
];
const SPLIT_WEEK = withWeek({ 1: SPLIT, 2: SPLIT, 3: SPLIT, 4: SPLIT, 5: SPLIT });
const NO_HOURS = withWeek({ 1: [], 2: [], 3: [], 4: [], 5: [] });

describe('Easter and the Dutch holidays', () => {
  it.each([
    [2008, '2008-03-23'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2029, '2029-04-01'],
    [2030, '2030-04-21'],
    [2038, '2038-04-25'],
  ])('Easter %i is on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('lists the 2026 holidays by date, with their Dutch names', () => {
    expect(dutchHolidays(2026, DEFAULT_CALENDAR)).toEqual([
      { date: '2026-01-01', id: 'new-year', name: 'Nieuwjaarsdag' },
      { date: '2026-04-05', id: 'easter-sunday', name: 'Eerste Paasdag' },
      { date: '2026-04-06', id: 'easter-monday', name: 'Tweede Paasdag' },
      { date: '2026-04-27', id: 'kings-day', name: 'Koningsdag' },
      { date: '2026-05-14', id: 'ascension-day', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', id: 'whit-sunday', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', id: 'whit-monday', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', id: 'christmas-day', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', id: 'boxing-day', name: 'Tweede Kerstdag' },
    ]);
  });

  it.each([
    // year, Easter Monday, Hemelvaartsdag (Easter + 39), Pinksteren (Easter + 49 and + 50)
    [2025, '2025-04-21', '2025-05-29', '2025-06-08', '2025-06-09'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-16', '2027-05-17'],
    [2028, '2028-04-17', '2028-05-25', '2028-06-04', '2028-06-05'],
    [2029, '2029-04-02', '2029-05-10', '2029-05-20', '2029-05-21'],
    [2030, '2030-04-22', '2030-05-30', '2030-06-09', '2030-06-10'],
  ])('derives the moving holidays of %i from Easter', (year, easterMonday, ascension, whitSunday, whitMonday) => {
    const byId = new Map(dutchHolidays(year, DEFAULT_CALENDAR).map((h) => [h.id, h.date]));
    expect(byId.get('easter-monday')).toBe(easterMonday);
    expect(byId.get('ascension-day')).toBe(ascension);
    expect(byId.get('whit-sunday')).toBe(whitSunday);
    expect(byId.get('whit-monday')).toBe(whitMonday);
  });

  it('closes on Goede Vrijdag only when the calendar says so', () => {
    expect(dutchHolidays(2026, DEFAULT_CALENDAR).map((h) => h.id)).not.toContain('good-friday');
    expect(dutchHolidays(2026, { ...DEFAULT_CALENDAR, goodFriday: true })).toContainEqual({ date: '2026-04-03', id: 'good-friday', name: 'Goede Vrijdag' });
    expect(dutchHolidays(2028, { ...DEFAULT_CALENDAR, goodFriday: true }).find((h) => h.id === 'good-friday')?.date).toBe('2028-04-14');
    expect(isClosedDate('2026-04-03', DEFAULT_CALENDAR)).toBe(false);
    expect(isClosedDate('2026-04-03', { ...DEFAULT_CALENDAR, goodFriday: true })).toBe(true);
  });

  it.each([
    [2025, '2025-04-26'], // 27 April 2025 is a Sunday
    [2026, '2026-04-27'],
    [2031, '2031-04-26'], // a Sunday again
    [2036, '2036-04-26'], // and again
  ])('holds Koningsdag %i on %s', (year, date) => {
    expect(dutchHolidays(year, DEFAULT_CALENDAR).find((h) => h.id === 'kings-day')?.date).toBe(date);
  });

  it('holds Bevrijdingsdag every year, in lustrum years, or never', () => {
    const liberation = (year: number, liberationDay: OfficeCalendar['liberationDay']) =>
      dutchHolidays(year, { goodFriday: false, liberationDay }).some((h) => h.id === 'liberation-day' && h.date === `${year}-05-05`);
    expect(liberation(2025, 'lustrum')).toBe(true);
    expect(liberation(2030, 'lustrum')).toBe(true);
    expect(liberation(2026, 'lustrum')).toBe(false);
    expect(liberation(2026, 'every-year')).toBe(true);
    expect(liberation(2025, 'never')).toBe(false);
    expect(isClosedDate('2025-05-05', DEFAULT_CALENDAR)).toBe(true); // a Monday
    expect(isClosedDate('2026-05-05', DEFAULT_CALENDAR)).toBe(false); // a Tuesday, open
  });

  it('sorts by date even when two holidays fall on one day (Hemelvaart on 5 May 2016)', () => {
    const dates = dutchHolidays(2016, { goodFriday: true, liberationDay: 'every-year' }).map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates.filter((d) => d === '2016-05-05')).toHaveLength(2);
  });
});

describe('closed dates and open intervals', () => {
  const withClosingDay = { ...DEFAULT_CALENDAR, closingDays: ['2026-05-15'] }; // the Friday after Hemelvaart

  it('knows holidays and the municipality closing days; weekly hours are separate', () => {
    expect(isClosedDate('2026-12-25', DEFAULT_CALENDAR)).toBe(true);
    expect(isClosedDate('2026-05-15', DEFAULT_CALENDAR)).toBe(false);
    expect(isClosedDate('2026-05-15', withClosingDay)).toBe(true);
    expect(isClosedDate('2026-01-12', DEFAULT_CALENDAR)).toBe(false);
    expect(isClosedDate('2026-01-10', DEFAULT_CALENDAR)).toBe(false); // a Saturday, but no holiday
  });

  it('rejects a malformed date', () => {
    expect(() => isClosedDate('2026-02-30', DEFAULT_CALENDAR)).toThrow(RangeError);
    expect(() => openIntervals('26-1-1', DEFAULT_CALENDAR)).toThrow(RangeError);
  });

  it('opens 08:30–17:00 on a weekday, in local time', () => {
    expect(openIntervals('2026-01-12', DEFAULT_CALENDAR)).toEqual([[at('2026-01-12T08:30+01:00'), at('2026-01-12T17:00+01:00')]]);
    expect(openIntervals('2026-07-13', DEFAULT_CALENDAR)).toEqual([[at('2026-07-13T06:30Z'), at('2026-07-13T15:00Z')]]);
  });

  it('is closed at weekends, on holidays and on closing days', () => {
    expect(openIntervals('2026-01-10', DEFAULT_CALENDAR)).toEqual([]);
    expect(openIntervals('2026-01-11', DEFAULT_CALENDAR)).toEqual([]);
    expect(openIntervals('2026-04-06', DEFAULT_CALENDAR)).toEqual([]);
    expect(openIntervals('2026-05-15', withClosingDay)).toEqual([]);
  });

  it('has two intervals on a split day', () => {
    expect(openIntervals('2026-01-12', SPLIT_WEEK)).toEqual([
      [at('2026-01-12T08:30+01:00'), at('2026-01-12T12:30+01:00')],
      [at('2026-01-12T13:00+01:00'), at('2026-01-12T17:00+01:00')],
    ]);
  });

  it('tells open from closed at the edges and over lunch', () => {
    expect(isOpenAt(at('2026-01-12T08:29:59.999+01:00'), DEFAULT_CALENDAR)).toBe(false);
    expect(isOpenAt(at('2026-01-12T08:30+01:00'), DEFAULT_CALENDAR)).toBe(true);
    expect(isOpenAt(at('2026-01-12T16:59:59.999+01:00'), DEFAULT_CALENDAR)).toBe(true);
    expect(isOpenAt(at('2026-01-12T17:00+01:00'), DEFAULT_CALENDAR)).toBe(false);
    expect(isOpenAt(at('2026-01-12T12:45+01:00'), SPLIT_WEEK)).toBe(false);
    expect(isOpenAt(at('2026-01-12T13:00+01:00'), SPLIT_WEEK)).toBe(true);
    expect(isOpenAt(at('2026-01-10T12:00+01:00'), DEFAULT_CALENDAR)).toBe(false);
  });

  it('gives the local date of an instant', () => {
    expect(localDate(at('2026-01-12T23:30Z'), 'Europe/Amsterdam')).toBe('2026-01-13');
    expect(localDate(at('2026-01-12T22:59:59.999Z'), 'Europe/Amsterdam')).toBe('2026-01-12');
    expect(localDate(at('2026-07-12T22:00Z'), 'Europe/Amsterdam')).toBe('2026-07-13');
    expect(localDate(at('2026-07-12T21:59Z'), 'Europe/Amsterdam')).toBe('2026-07-12');
    expect(localDate(at('2026-01-12T23:30Z'), 'UTC')).toBe('2026-01-12');
    expect(localDate(at('2026-01-12T10:00Z'), 'Pacific/Kiritimati')).toBe('2026-01-13'); // UTC+14
  });
});

describe('daylight saving time in Europe/Amsterdam', () => {
  const SUNDAYS = withWeek({ 6: [{ start: '08:30', end: '17:00' }], 7: [{ start: '08:30', end: '17:00' }] });

  it('opens at 08:30 local on either side of the spring change (Sunday 29 March 2026)', () => {
    expect(openIntervals('2026-03-28', SUNDAYS)).toEqual([[at('2026-03-28T07:30Z'), at('2026-03-28T16:00Z')]]);
    expect(openIntervals('2026-03-29', SUNDAYS)).toEqual([[at('2026-03-29T06:30Z'), at('2026-03-29T15:00Z')]]);
    expect(openIntervals('2026-03-30', DEFAULT_CALENDAR)).toEqual([[at('2026-03-30T06:30Z'), at('2026-03-30T15:00Z')]]);
  });

  it('opens at 08:30 local on either side of the autumn change (Sunday 25 October 2026)', () => {
    expect(openIntervals('2026-10-24', SUNDAYS)).toEqual([[at('2026-10-24T06:30Z'), at('2026-10-24T15:00Z')]]);
    expect(openIntervals('2026-10-25', SUNDAYS)).toEqual([[at('2026-10-25T07:30Z'), at('2026-10-25T16:00Z')]]);
    expect(openIntervals('2026-10-26', DEFAULT_CALENDAR)).toEqual([[at('2026-10-26T07:30Z'), at('2026-10-26T16:00Z')]]);
  });

  it('counts a 23-hour and a 25-hour day', () => {
    expect(openIntervals('2026-03-29', OPEN_EVERY_DAY)).toEqual([[at('2026-03-28T23:00Z'), at('2026-03-29T22:00Z')]]);
    expect(openIntervals('2026-10-25', OPEN_EVERY_DAY)).toEqual([[at('2026-10-24T22:00Z'), at('2026-10-25T23:00Z')]]);
    expect(officeMsBetween(at('2026-03-29T00:00+01:00'), at('2026-03-30T00:00+02:00'), OPEN_EVERY_DAY)).toBe(23 * HOUR);
    expect(officeMsBetween(at('2026-10-25T00:00+02:00'), at('2026-10-26T00:00+01:00'), OPEN_EVERY_DAY)).toBe(25 * HOUR);
  });

  it('gives no time to a shift in the skipped hour, and real time to one across it', () => {
    const skipped = withWeek({ 7: [{ start: '02:00', end: '03:00' }] });
    expect(openIntervals('2026-03-29', skipped)).toEqual([]);
    expect(openIntervals('2026-03-22', skipped)).toEqual([[at('2026-03-22T02:00+01:00'), at('2026-03-22T03:00+01:00')]]);
    const across = withWeek({ 7: [{ start: '01:00', end: '04:00' }] });
    expect(openIntervals('2026-03-29', across)).toEqual([[at('2026-03-29T01:00+01:00'), at('2026-03-29T04:00+02:00')]]);
    expect(openIntervals('2026-10-25', across)).toEqual([[at('2026-10-25T01:00+02:00'), at('2026-10-25T04:00+01:00')]]);
  });

  it('counts office time across the DST weekend on weekday hours', () => {
    // Friday 16:00 CET to Monday 09:30 CEST: one hour on Friday, one on Monday.
    expect(officeMsBetween(at('2026-03-27T16:00+01:00'), at('2026-03-30T09:30+02:00'), DEFAULT_CALENDAR)).toBe(2 * HOUR);
    expect(addOfficeMs(at('2026-10-23T16:30+02:00'), HOUR, DEFAULT_CALENDAR)).toBe(at('2026-10-26T09:00+01:00'));
  });

  it('finds the offsets of other zones too', () => {
    const newYork = withWeek({}, { timeZone: 'America/New_York' });
    // US clocks change on 8 March 2026, three weeks before Europe's.
    expect(openIntervals('2026-03-06', newYork)).toEqual([[at('2026-03-06T08:30-05:00'), at('2026-03-06T17:00-05:00')]]);
    expect(openIntervals('2026-03-09', newYork)).toEqual([[at('2026-03-09T08:30-04:00'), at('2026-03-09T17:00-04:00')]]);
  });
});

describe('office time between two instants', () => {
  it('is 0 when the end is not after the start', () => {
    const t = at('2026-01-12T10:00+01:00');
    expect(officeMsBetween(t, t, DEFAULT_CALENDAR)).toBe(0);
    expect(officeMsBetween(t + HOUR, t, DEFAULT_CALENDAR)).toBe(0);
  });

  it('counts within one day and across midnight', () => {
    expect(officeMsBetween(at('2026-01-12T10:00+01:00'), at('2026-01-12T11:15+01:00'), DEFAULT_CALENDAR)).toBe(75 * MIN);
    expect(officeMsBetween(at('2026-01-12T16:00+01:00'), at('2026-01-13T09:00+01:00'), DEFAULT_CALENDAR)).toBe(90 * MIN);
    expect(officeMsBetween(at('2026-01-12T20:00+01:00'), at('2026-01-13T07:00+01:00'), DEFAULT_CALENDAR)).toBe(0);
  });

  it('skips the weekend and counts 42.5 hours in a full week', () => {
    expect(officeMsBetween(at('2026-01-09T16:30+01:00'), at('2026-01-12T09:00+01:00'), DEFAULT_CALENDAR)).toBe(60 * MIN);
    expect(officeMsBetween(at('2026-01-12T00:00+01:00'), at('2026-01-19T00:00+01:00'), DEFAULT_CALENDAR)).toBe(42.5 * HOUR);
  });

  it('leaves out the lunch break of a split shift', () => {
    expect(officeMsBetween(at('2026-01-12T12:00+01:00'), at('2026-01-12T13:30+01:00'), SPLIT_WEEK)).toBe(60 * MIN);
    expect(officeMsBetween(at('2026-01-12T00:00+01:00'), at('2026-01-13T00:00+01:00'), SPLIT_WEEK)).toBe(8 * HOUR);
  });

  it('counts across New Year (a holiday) into the next year', () => {
    // Wednesday 31 Dec 2025 16:00 → Friday 2 Jan 2026 09:00: one hour, Nieuwjaarsdag, half an hour.
    expect(officeMsBetween(at('2025-12-31T16:00+01:00'), at('2026-01-02T09:00+01:00'), DEFAULT_CALENDAR)).toBe(90 * MIN);
  });

  it('counts 13 weeks: 65 weekdays of 8.5 hours, minus none (Goede Vrijdag open, Tweede Paasdag not reached)', () => {
    expect(officeMsBetween(at('2026-01-05T00:00+01:00'), at('2026-04-06T00:00+02:00'), DEFAULT_CALENDAR)).toBe(65 * 8.5 * HOUR);
    // Up to Tuesday 7 April: Tweede Paasdag is closed, so still the same.
    expect(officeMsBetween(at('2026-01-05T00:00+01:00'), at('2026-04-07T00:00+02:00'), DEFAULT_CALENDAR)).toBe(65 * 8.5 * HOUR);
  });

  it('counts a full year across several years', () => {
    // 2026: 261 weekdays; weekday holidays: 1 Jan (Thu), 6 Apr (Mon), 27 Apr (Mon), 14 May (Thu), 25 May (Mon), 25 Dec (Fri).
    expect(officeMsBetween(at('2026-01-01T00:00+01:00'), at('2027-01-01T00:00+01:00'), DEFAULT_CALENDAR)).toBe((261 - 6) * 8.5 * HOUR);
    const twoYears = officeMsBetween(at('2025-06-01T00:00+02:00'), at('2027-06-01T00:00+02:00'), DEFAULT_CALENDAR);
    const parts =
      officeMsBetween(at('2025-06-01T00:00+02:00'), at('2026-01-01T00:00+01:00'), DEFAULT_CALENDAR) +
      officeMsBetween(at('2026-01-01T00:00+01:00'), at('2027-01-01T00:00+01:00'), DEFAULT_CALENDAR) +
      officeMsBetween(at('2027-01-01T00:00+01:00'), at('2027-06-01T00:00+02:00'), DEFAULT_CALENDAR);
    expect(twoYears).toBe(parts);
  });

  it('is 0 for a calendar with no hours', () => {
    expect(officeMsBetween(at('2026-01-01T00:00Z'), at('2026-12-01T00:00Z'), NO_HOURS)).toBe(0);
  });
});

describe('adding office time', () => {
  it('runs from Friday 16:30 to Monday 09:00 on one hour', () => {
    expect(iso(addOfficeMs(at('2026-01-09T16:30+01:00'), HOUR, DEFAULT_CALENDAR))).toBe(iso(at('2026-01-12T09:00+01:00')));
  });

  it('starts counting a post at 03:00 on a Saturday on Monday at opening', () => {
    expect(addOfficeMs(at('2026-01-10T03:00+01:00'), HOUR, DEFAULT_CALENDAR)).toBe(at('2026-01-12T09:30+01:00'));
  });

  it('starts counting a post on Tweede Paasdag the next day', () => {
    expect(addOfficeMs(at('2026-04-06T07:00+02:00'), HOUR, DEFAULT_CALENDAR)).toBe(at('2026-04-07T09:30+02:00'));
  });

  it('skips a closing day', () => {
    const cal = { ...DEFAULT_CALENDAR, closingDays: ['2026-05-15'] };
    // Wednesday 13 May 16:30, then Hemelvaart (Thu), the closing day (Fri) and the weekend.
    expect(addOfficeMs(at('2026-05-13T16:30+02:00'), HOUR, cal)).toBe(at('2026-05-18T09:00+02:00'));
    expect(addOfficeMs(at('2026-05-13T16:30+02:00'), HOUR, DEFAULT_CALENDAR)).toBe(at('2026-05-15T09:00+02:00'));
  });

  it('ends at closing time rather than at the next opening', () => {
    expect(addOfficeMs(at('2026-01-09T16:00+01:00'), HOUR, DEFAULT_CALENDAR)).toBe(at('2026-01-09T17:00+01:00'));
  });

  it('does not count the lunch break', () => {
    expect(addOfficeMs(at('2026-01-12T12:00+01:00'), HOUR, SPLIT_WEEK)).toBe(at('2026-01-12T13:30+01:00'));
    expect(addOfficeMs(at('2026-01-12T12:45+01:00'), HOUR, SPLIT_WEEK)).toBe(at('2026-01-12T14:00+01:00'));
  });

  it('crosses into the next year', () => {
    expect(addOfficeMs(at('2025-12-31T16:30+01:00'), HOUR, DEFAULT_CALENDAR)).toBe(at('2026-01-02T09:00+01:00'));
  });

  it('gives the next opening for no time at all', () => {
    expect(addOfficeMs(at('2026-01-10T03:00+01:00'), 0, DEFAULT_CALENDAR)).toBe(at('2026-01-12T08:30+01:00'));
    expect(addOfficeMs(at('2026-01-12T10:00+01:00'), 0, DEFAULT_CALENDAR)).toBe(at('2026-01-12T10:00+01:00'));
  });

  it('never ends on a calendar with no hours', () => {
    expect(addOfficeMs(at('2026-01-12T10:00+01:00'), HOUR, NO_HOURS)).toBeNull();
    expect(addOfficeMs(at('2026-01-12T10:00+01:00'), 0, NO_HOURS)).toBeNull();
  });

  it('agrees with officeMsBetween', () => {
    const froms = [
      at('2026-01-09T16:30+01:00'),
      at('2026-01-10T03:00+01:00'),
      at('2026-03-27T12:34:56.789+01:00'),
      at('2026-10-24T23:59+02:00'),
      at('2026-12-24T15:00+01:00'),
    ];
    const amounts = [1, MIN, HOUR, 4 * HOUR, 8.5 * HOUR, 3 * 24 * HOUR, 1000 * HOUR, 3_000 * HOUR + 17];
    for (const cal of [DEFAULT_CALENDAR, SPLIT_WEEK, OPEN_EVERY_DAY]) {
      for (const from of froms) {
        for (const ms of amounts) {
          const due = addOfficeMs(from, ms, cal);
          expect(due).not.toBeNull();
          expect(officeMsBetween(from, due as number, cal)).toBe(ms);
          expect(isOpenAt((due as number) - 1, cal)).toBe(true); // the last millisecond counted was open time
        }
      }
    }
  });
});

describe('the next opening', () => {
  it('is now when open, else the next start of hours', () => {
    expect(nextOpening(at('2026-01-12T10:00+01:00'), DEFAULT_CALENDAR)).toBe(at('2026-01-12T10:00+01:00'));
    expect(nextOpening(at('2026-01-12T17:00+01:00'), DEFAULT_CALENDAR)).toBe(at('2026-01-13T08:30+01:00'));
    expect(nextOpening(at('2026-01-09T18:00+01:00'), DEFAULT_CALENDAR)).toBe(at('2026-01-12T08:30+01:00'));
    expect(nextOpening(at('2026-01-12T12:40+01:00'), SPLIT_WEEK)).toBe(at('2026-01-12T13:00+01:00'));
    expect(nextOpening(at('2026-12-24T18:00+01:00'), DEFAULT_CALENDAR)).toBe(at('2026-12-28T08:30+01:00'));
  });

  it('is null when nothing opens within about 400 days', () => {
    expect(nextOpening(at('2026-01-12T10:00+01:00'), NO_HOURS)).toBeNull();
    const closingDays: string[] = [];
    for (let d = Date.UTC(2026, 0, 1); d < Date.UTC(2027, 6, 1); d += 86_400_000) closingDays.push(new Date(d).toISOString().slice(0, 10));
    expect(nextOpening(at('2026-01-01T12:00+01:00'), { ...DEFAULT_CALENDAR, closingDays })).toBeNull();
    expect(nextOpening(at('2027-06-30T12:00+02:00'), { ...DEFAULT_CALENDAR, closingDays })).toBe(at('2027-07-01T08:30+02:00'));
  });
});

describe('calendars as values', () => {
  it('gives equal calendars in different objects equal answers, and a changed copy new ones', () => {
    const copy: OfficeCalendar = JSON.parse(JSON.stringify(DEFAULT_CALENDAR));
    const from = at('2026-05-13T16:30+02:00');
    expect(addOfficeMs(from, HOUR, copy)).toBe(addOfficeMs(from, HOUR, DEFAULT_CALENDAR));
    const changed = { ...copy, closingDays: ['2026-05-15'] };
    expect(addOfficeMs(from, HOUR, changed)).toBe(at('2026-05-18T09:00+02:00'));
    expect(addOfficeMs(from, HOUR, copy)).toBe(at('2026-05-15T09:00+02:00'));
  });

  it('refuses an unknown time zone', () => {
    expect(() => officeMsBetween(0, HOUR, { ...DEFAULT_CALENDAR, timeZone: 'Europe/Atlantis' })).toThrow(RangeError);
  });
});

describe('calendar validation (the schema)', () => {
  it('is the schema that checks a saved calendar: a problem refuses it', () => {
    expect(officeHoursSchema.safeParse(DEFAULT_CALENDAR).success).toBe(true);
    const parsed = officeHoursSchema.safeParse(withWeek({ 1: [{ start: '17:00', end: '08:30' }] }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain('Monday, shift 1: starts at 17:00, not before its end 08:30.');
  });

  it('says where a calendar of the wrong shape is wrong', () => {
    const { 7: _sunday, ...sixDays } = DEFAULT_CALENDAR.week;
    const problems = calendarProblems({ ...DEFAULT_CALENDAR, week: sixDays });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^week\.7: /);
  });

  it('finds nothing wrong with the default calendar or a split week', () => {
    expect(calendarProblems(DEFAULT_CALENDAR)).toEqual([]);
    expect(calendarProblems(SPLIT_WEEK)).toEqual([]);
    expect(calendarProblems(OPEN_EVERY_DAY)).toEqual([]);
    expect(calendarProblems(withWeek({ 1: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }] }))).toEqual([]);
  });

  it('names each problem', () => {
    const problems = calendarProblems({
      ...DEFAULT_CALENDAR,
      timeZone: 'Europe/Atlantis',
      week: {
        ...DEFAULT_CALENDAR.week,
        1: [
          { start: '08:30', end: '12:30' },
          { start: '12:00', end: '17:00' },
        ],
        2: [{ start: '8:30', end: '17:00' }],
        3: [{ start: '09:00', end: '24:01' }],
        4: [{ start: '17:00', end: '08:30' }],
      },
      closingDays: ['2026-02-30', '15-05-2026', '2026-05-15'],
    });
    expect(problems).toEqual([
      'Unknown time zone "Europe/Atlantis".',
      'Monday: shifts 08:30–12:30 and 12:00–17:00 overlap.',
      'Tuesday, shift 1: start "8:30" is not a time (HH:MM, 00:00–23:59).',
      'Wednesday, shift 1: end "24:01" is not a time (HH:MM, 00:00–24:00).',
      'Thursday, shift 1: starts at 17:00, not before its end 08:30.',
      'Closing day "2026-02-30" is not a date (YYYY-MM-DD).',
      'Closing day "15-05-2026" is not a date (YYYY-MM-DD).',
    ]);
  });

  it('says when the office never opens, and when Bevrijdingsdag has an unknown rule', () => {
    expect(calendarProblems(NO_HOURS)).toEqual(['The office is never open: no day has a valid shift.']);
    expect(calendarProblems({ ...DEFAULT_CALENDAR, liberationDay: 'sometimes' as OfficeCalendar['liberationDay'] })).toEqual([
      'Bevrijdingsdag must be "every-year", "lustrum" or "never", not "sometimes".',
    ]);
  });
});

describe('Central European Time without Intl', () => {
  it('gives the same offset as Intl every hour around every switch, 1997–2040', () => {
    const intl = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    const intlOffset = (at: number) => {
      const p = Object.fromEntries(intl.formatToParts(at).map((x) => [x.type, Number(x.value)]));
      return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - at;
    };
    for (let year = 1997; year <= 2040; year++) {
      for (const month of [2, 9]) {
        // Every hour from the 24th to the month's end (the last Sunday is in there).
        for (let at = Date.UTC(year, month, 24); at < Date.UTC(year, month + 1, 1); at += 3_600_000) {
          expect(zoneOffset('Europe/Amsterdam', at), new Date(at).toISOString()).toBe(intlOffset(at));
        }
      }
      expect(zoneOffset('Europe/Amsterdam', Date.UTC(year, 0, 15))).toBe(3_600_000);
      expect(zoneOffset('Europe/Amsterdam', Date.UTC(year, 6, 15))).toBe(7_200_000);
    }
  });
});
