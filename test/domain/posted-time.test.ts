import { describe, expect, it } from 'vitest';
import { parsePostedTime } from '../../src/domain/posted-time';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Amsterdam wall time as an instant, for readable expectations (offset given: +1 winter, +2 summer). */
const ams = (iso: string, offsetHours: number) => Date.parse(`${iso}Z`) - offsetHours * HOUR;

// Thursday 3 December 2026, 14:00 in Amsterdam (winter time).
const NOW = ams('2026-12-03T14:00:00', 1);

describe('posted time: relative forms take the earliest instant the text allows', () => {
  it.each([
    ['12 min', 13 * MIN],
    ['12 min.', 13 * MIN],
    ['12m', 13 * MIN],
    ['3 u', 4 * HOUR],
    ['3 uur geleden', 4 * HOUR],
    ['3 h', 4 * HOUR],
    ['3h', 4 * HOUR],
    ['10 hours ago', 11 * HOUR],
    ['an hour ago', 2 * HOUR],
    ['een uur geleden', 2 * HOUR],
    ['2 d', 3 * DAY],
    ['2 dagen geleden', 3 * DAY],
    ['1 w', 2 * 7 * DAY],
    ['1 wk', 2 * 7 * DAY],
    ['36 weken geleden', 37 * 7 * DAY],
    ['4 years ago', 5 * 366 * DAY],
    ['2 j', 3 * 366 * DAY],
    ['Zojuist', MIN],
    ['Just now', MIN],
  ])('%s', (text, back) => {
    expect(parsePostedTime(text, NOW)).toEqual({ at: NOW - back + 1, source: 'page-relative' });
  });

  it('reads the time at the end of a comment’s label, in Dutch and English', () => {
    expect(parsePostedTime('Opmerking van Jan Jansen 2 uur geleden', NOW)).toEqual({ at: NOW - 3 * HOUR + 1, source: 'page-relative' });
    expect(parsePostedTime('Comment by Pappu Das 4 years ago', NOW)).toEqual({ at: NOW - 5 * 366 * DAY + 1, source: 'page-relative' });
    // A name that is also a month ("Jan") is not a date.
    expect(parsePostedTime('Comment by Jan 3 hours ago', NOW)).toEqual({ at: NOW - 4 * HOUR + 1, source: 'page-relative' });
    expect(parsePostedTime('Antwoord van Piet de Boer op de opmerking van Jan Jansen 1 uur geleden', NOW)?.at).toBe(NOW - 2 * HOUR + 1);
  });

  it('names no time in a label without one, or in foreign words', () => {
    for (const text of ['', 'Opmerking van Jan Jansen', 'Gemeente Voorbeeld', 'Vind ik leuk', '3 appels', 'hace 10 horas', 'Comment by May Li']) {
      expect(parsePostedTime(text, NOW), text).toBeNull();
    }
  });
});

describe('posted time: yesterday and weekdays, to the minute', () => {
  it('Gisteren om 14:05 and Yesterday at 2:05 PM are the same minute', () => {
    const expected = { at: ams('2026-12-02T14:05:00', 1), source: 'page' };
    expect(parsePostedTime('Gisteren om 14:05', NOW)).toEqual(expected);
    expect(parsePostedTime('gisteren om 14.05', NOW)).toEqual(expected);
    expect(parsePostedTime('Yesterday at 2:05 PM', NOW)).toEqual(expected);
    expect(parsePostedTime('Yesterday at 14:05', NOW)).toEqual(expected);
    expect(parsePostedTime('Yesterday at 12:30 AM', NOW)).toEqual({ at: ams('2026-12-02T00:30:00', 1), source: 'page' });
  });

  it('a weekday is the last such day before today', () => {
    // Today is a Thursday: Monday is 30 November, Thursday a week ago.
    expect(parsePostedTime('Maandag om 09:12', NOW)).toEqual({ at: ams('2026-11-30T09:12:00', 1), source: 'page' });
    expect(parsePostedTime('Thursday at 9:12 AM', NOW)).toEqual({ at: ams('2026-11-26T09:12:00', 1), source: 'page' });
  });

  it('just after midnight, yesterday is the local day before (not the UTC one)', () => {
    // 00:05 on 3 December in Amsterdam is still 2 December in UTC.
    const justAfter = ams('2026-12-03T00:05:00', 1);
    expect(parsePostedTime('Gisteren om 23:50', justAfter)).toEqual({ at: ams('2026-12-02T23:50:00', 1), source: 'page' });
    expect(parsePostedTime('12 min', justAfter)?.at).toBe(ams('2026-12-02T23:52:00', 1) + 1);
    // 23:55 on 2 December: yesterday is 1 December.
    expect(parsePostedTime('Yesterday at 11:55 PM', ams('2026-12-02T23:55:00', 1))).toEqual({ at: ams('2026-12-01T23:55:00', 1), source: 'page' });
  });
});

describe('posted time: across the daylight-saving switches (Europe/Amsterdam)', () => {
  it('spring, 29 March 2026: the hour that does not exist moves forward; relative hours stay real hours', () => {
    const monday = ams('2026-03-30T10:00:00', 2);
    expect(parsePostedTime('Gisteren om 01:30', monday)).toEqual({ at: ams('2026-03-29T01:30:00', 1), source: 'page' });
    expect(parsePostedTime('Gisteren om 03:30', monday)).toEqual({ at: ams('2026-03-29T03:30:00', 2), source: 'page' });
    // 02:30 did not happen that night: read as 03:30 summer time, the same instant as 02:30 winter time would be.
    expect(parsePostedTime('Yesterday at 2:30 AM', monday)).toEqual({ at: ams('2026-03-29T02:30:00', 1), source: 'page' });
    // At 04:00 summer time, "3 u" reaches back across the switch: 4 real hours before is 23:00 winter time.
    const early = ams('2026-03-29T04:00:00', 2);
    expect(parsePostedTime('3 u', early)?.at).toBe(ams('2026-03-28T23:00:00', 1) + 1);
  });

  it('autumn, 25 October 2026: a time that occurs twice is the first', () => {
    const monday = ams('2026-10-26T10:00:00', 1);
    expect(parsePostedTime('Gisteren om 02:30', monday)).toEqual({ at: ams('2026-10-25T02:30:00', 2), source: 'page' });
    expect(parsePostedTime('25 oktober 2026 om 03:30', monday)).toEqual({ at: ams('2026-10-25T03:30:00', 1), source: 'page' });
  });
});

describe('posted time: absolute dates from a label or tooltip', () => {
  it.each([
    ['dinsdag 1 december 2026 om 14:05', ams('2026-12-01T14:05:00', 1), 'page'],
    ['1 december 2026 om 14:05', ams('2026-12-01T14:05:00', 1), 'page'],
    ['Tuesday, December 1, 2026 at 2:05 PM', ams('2026-12-01T14:05:00', 1), 'page'],
    ['1 December 2026 at 14:05', ams('2026-12-01T14:05:00', 1), 'page'],
    ['December 1 at 2:05 PM', ams('2026-12-01T14:05:00', 1), 'page'],
    ['1 dec. om 09:00', ams('2026-12-01T09:00:00', 1), 'page'],
    ['12 maart 2024', ams('2024-03-12T00:00:00', 1), 'page-relative'],
    ['March 12, 2024', ams('2024-03-12T00:00:00', 1), 'page-relative'],
    ['15 juli 2025 om 08:30', ams('2025-07-15T08:30:00', 2), 'page'],
  ])('%s', (text, at, source) => {
    expect(parsePostedTime(text, NOW)).toEqual({ at, source });
  });

  it('a date without a year that is still to come this year is last year’s', () => {
    expect(parsePostedTime('24 december om 10:00', NOW)).toEqual({ at: ams('2025-12-24T10:00:00', 1), source: 'page' });
    expect(parsePostedTime('3 december om 10:00', NOW)).toEqual({ at: ams('2026-12-03T10:00:00', 1), source: 'page' });
  });

  it('refuses a date or time that does not exist', () => {
    expect(parsePostedTime('31 februari 2026 om 10:00', NOW)).toBeNull();
    expect(parsePostedTime('1 december 2026 om 25:10', NOW)).toBeNull();
  });
});
