import { describe, expect, it, vi } from 'vitest';
import type { Site } from '../../src/domain/site';
import {
  buildReport,
  median,
  percentile,
  UNTAGGED,
  type OfficeMs,
} from '../../src/domain/report';
import { at, mk } from '../support/report-cases';
import { CASES, options, WEEK } from '../support/report-week';

const MIN = 60_000;

describe('percentile and median', () => {
  it('takes the nearest rank: sorted[ceil(p/100 · n) − 1]', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 91)).toBe(10);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 100)).toBe(10);
    expect(percentile(ten, 0)).toBe(1);
    expect(percentile([7], 90)).toBe(7);
    // 7 % of 100 is exactly rank 7, not 8 (0.07 * 100 in floating point is 7.000000000000001).
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 7)).toBe(7);
    expect(percentile([], 90)).toBeNull();
    expect(() => percentile(ten, 101)).toThrow(RangeError);
    expect(() => percentile(ten, Number.NaN)).toThrow(RangeError);
  });

  it('gives the middle value, or the mean of the two middle values', () => {
    expect(median([1, 2, 10])).toBe(2);
    expect(median([1, 2, 10, 20])).toBe(6);
    expect(median([])).toBeNull();
  });
});

describe('the report over a hand-checked week', () => {
  const report = buildReport(CASES, options());

  it('totals the ten cases posted in the week', () => {
    // Answered: 1 2 3 4 6 7 8 → 7 of 10. Response minutes sorted: 5 10 20 30 45 90 240.
    // Median: the 4th = 30. p90: rank ceil(0.9 · 7) = 7 → 240.
    // With a due time and answered: 1 2 3 6 7 8; within: 1 2 6 8 → 4 of 6.
    // Service tags (Dienstverlening): 1 2 3 5 7 8 10 → 7 of 10 (vraag and untagged are not).
    // Handed over: 5 10. Overdue at NOW: 5 (Tue 14:00 UTC) and 10 (Mon 12 Jan 09:00 UTC). Estimated: 6 9.
    expect(report.total).toEqual({
      cases: 10,
      answered: 7,
      responseRate: 0.7,
      noReplyNeeded: 0,
      madeAutomatically: 0,
      madeByHand: 10,
      medianFirstResponseMs: 30 * MIN,
      p90FirstResponseMs: 240 * MIN,
      withinSla: 4,
      withinSlaRate: 4 / 6,
      serviceShare: 0.7,
      openHandovers: 2,
      overdue: 2,
      estimated: 2,
    });
  });

  it('splits by site', () => {
    // x: 1 2 4 6 8 9. Answered 1 2 4 6 8: 5 10 20 30 45 → median 20, p90 rank ceil(4.5) = 5 → 45; 4 of 4 within.
    // facebook: 3 5 7 10. Answered 3 7: 90 240 → median 165, p90 rank ceil(1.8) = 2 → 240; 0 of 2 within.
    expect(report.bySite.map((s) => s.key)).toEqual(['x', 'facebook']);
    const [x, fb] = report.bySite.map((s) => s.figures);
    expect(x).toMatchObject({ cases: 6, answered: 5, medianFirstResponseMs: 20 * MIN, p90FirstResponseMs: 45 * MIN, withinSla: 4, withinSlaRate: 1, estimated: 2 });
    expect(x!.serviceShare).toBeCloseTo(3 / 6);
    expect(fb).toMatchObject({ cases: 4, answered: 2, responseRate: 0.5, medianFirstResponseMs: 165 * MIN, p90FirstResponseMs: 240 * MIN, withinSla: 0, withinSlaRate: 0, serviceShare: 1, openHandovers: 2, overdue: 2 });
  });

  it('counts a case under each of its tags, and untagged ones under "untagged"', () => {
    // afval 1 2 8 10 · klacht 1 7 · untagged 6 9 · burgerzaken 7 · parkeren 3 · vraag 4 · wmo-zorg 5.
    // Count descending, then key.
    expect(report.byTag.map((t) => [t.key, t.figures.cases])).toEqual([
      ['afval', 4],
      ['klacht', 2],
      [UNTAGGED, 2],
      ['burgerzaken', 1],
      ['parkeren', 1],
      ['vraag', 1],
      ['wmo-zorg', 1],
    ]);
    // afval answered 1 2 8: 5 10 30 → median 10, p90 rank 3 → 30; all three within; 10 is handed over and overdue.
    expect(report.byTag[0]!.figures).toMatchObject({ answered: 3, medianFirstResponseMs: 10 * MIN, p90FirstResponseMs: 30 * MIN, withinSlaRate: 1, openHandovers: 1, overdue: 1 });
    // klacht: 10 and 240 → median 125.
    expect(report.byTag[1]!.figures.medianFirstResponseMs).toBe(125 * MIN);
  });

  it('splits by agent, with "" for unassigned', () => {
    // anna 1 2 4 7 10 · bert 3 6 8 · unassigned 5 9.
    // anna answered 1 2 4 7: 10 20 30 240 → median 25, p90 rank ceil(3.6) = 4 → 240.
    expect(report.byAgent.map((a) => [a.key, a.figures.cases])).toEqual([
      ['anna', 5],
      ['bert', 3],
      ['', 2],
    ]);
    expect(report.byAgent[0]!.figures).toMatchObject({ answered: 4, medianFirstResponseMs: 25 * MIN, p90FirstResponseMs: 240 * MIN });
    expect(report.byAgent[2]!.figures).toMatchObject({ answered: 0, responseRate: 0, medianFirstResponseMs: null, p90FirstResponseMs: null, withinSlaRate: null });
  });

  it('lists every local day of the week, empty days included', () => {
    expect(report.perDay).toEqual([
      { date: '2026-01-05', cases: 3, answered: 3, medianFirstResponseMs: 30 * MIN },
      { date: '2026-01-06', cases: 2, answered: 1, medianFirstResponseMs: 20 * MIN },
      { date: '2026-01-07', cases: 2, answered: 2, medianFirstResponseMs: 142.5 * MIN },
      { date: '2026-01-08', cases: 0, answered: 0, medianFirstResponseMs: null },
      { date: '2026-01-09', cases: 2, answered: 1, medianFirstResponseMs: 5 * MIN },
      { date: '2026-01-10', cases: 0, answered: 0, medianFirstResponseMs: null },
      { date: '2026-01-11', cases: 1, answered: 0, medianFirstResponseMs: null },
    ]);
  });

  it('fills the heat map by local weekday and hour', () => {
    const cells = report.heatMap.flatMap((hours, weekday) => hours.flatMap((n, hour) => (n ? [[weekday, hour, n]] : [])));
    expect(cells).toEqual([
      [0, 9, 1],
      [0, 10, 1],
      [0, 11, 1],
      [1, 13, 1],
      [1, 14, 1],
      [2, 8, 1],
      [2, 16, 1],
      [4, 11, 1],
      [4, 12, 1],
      [6, 23, 1],
    ]);
    expect(report.heatMap).toHaveLength(7);
    expect(report.heatMap.every((hours) => hours.length === 24)).toBe(true);
  });
});

describe('edge cases', () => {
  it('gives zeros and nulls for an empty period, and still lists its days', () => {
    const report = buildReport([], options());
    expect(report.total).toEqual({
      cases: 0,
      answered: 0,
      responseRate: null,
      noReplyNeeded: 0,
      madeAutomatically: 0,
      madeByHand: 0,
      medianFirstResponseMs: null,
      p90FirstResponseMs: null,
      withinSla: 0,
      withinSlaRate: null,
      serviceShare: null,
      openHandovers: 0,
      overdue: 0,
      estimated: 0,
    });
    expect(report.bySite).toEqual([]);
    expect(report.byTag).toEqual([]);
    expect(report.byAgent).toEqual([]);
    expect(report.perDay).toHaveLength(7);
    expect(report.perDay.every((d) => d.cases === 0 && d.medianFirstResponseMs === null)).toBe(true);
    expect(report.heatMap.flat().every((n) => n === 0)).toBe(true);
    expect(Object.values(report.total).some((v) => typeof v === 'number' && !Number.isFinite(v))).toBe(false);
  });

  it('has no days for a period that ends before it starts, and refuses an endless one', () => {
    expect(buildReport(CASES, options({ period: { from: WEEK.to, to: WEEK.from } })).perDay).toEqual([]);
    expect(() => buildReport(CASES, options({ period: { from: 0, to: Number.POSITIVE_INFINITY } }))).toThrow(RangeError);
  });

  it('puts 23:30 UTC on a winter Monday on Tuesday 00 h in Amsterdam, and 22:30 UTC on a summer Monday too', () => {
    const winter = buildReport([mk({ id: 'x:1', posted: '2026-01-05T23:30:00Z' })], options());
    expect(winter.heatMap[1]![0]).toBe(1);
    expect(winter.perDay.find((d) => d.cases === 1)!.date).toBe('2026-01-06');

    const summerWeek = { from: at('2026-07-05T22:00:00Z'), to: at('2026-07-12T22:00:00Z') };
    const summer = buildReport([mk({ id: 'x:2', posted: '2026-07-06T22:30:00Z' })], options({ period: summerWeek }));
    expect(summer.heatMap[1]![0]).toBe(1);
    expect(summer.perDay.map((d) => d.date)).toEqual(['2026-07-06', '2026-07-07', '2026-07-08', '2026-07-09', '2026-07-10', '2026-07-11', '2026-07-12']);
    expect(summer.perDay[1]!.cases).toBe(1);
  });

  it('gets the hours right on the days the clocks change', () => {
    // 29 March 2026 02:00 CET → 03:00 CEST (01:00 UTC); 25 October 2026 03:00 CEST → 02:00 CET (01:00 UTC).
    const period = { from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') };
    const hours = (iso: string) => {
      const report = buildReport([mk({ id: 'x:1', posted: iso })], options({ period }));
      return report.heatMap.flatMap((h, weekday) => h.flatMap((n, hour) => (n ? [[weekday, hour]] : [])))[0];
    };
    expect(hours('2026-03-29T00:59:00Z')).toEqual([6, 1]);
    expect(hours('2026-03-29T01:00:00Z')).toEqual([6, 3]);
    expect(hours('2026-10-25T00:30:00Z')).toEqual([6, 2]);
    expect(hours('2026-10-25T01:30:00Z')).toEqual([6, 2]);
    expect(hours('2026-10-25T02:00:00Z')).toEqual([6, 3]);
  });

  it('agrees with Intl on local day and hour across a year, in zones with half-hour offsets too', () => {
    const period = { from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z') };
    const instants = Array.from({ length: 400 }, (_, i) => period.from + ((i * 7_919_333_221) % (period.to - period.from)));
    for (const timeZone of ['Europe/Amsterdam', 'America/St_Johns', 'Asia/Kolkata']) {
      const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23', weekday: 'short' });
      const report = buildReport(
        instants.map((t, i) => ({ ...mk({ id: `x:${i}`, posted: '2026-01-01T00:00:00Z' }), postedAt: t })),
        options({ timeZone, period: { from: period.from - 2 * 86_400_000, to: period.to + 2 * 86_400_000 } }),
      );
      const heat = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
      const days = new Map<string, number>();
      for (const t of instants) {
        const p = Object.fromEntries(format.formatToParts(t).map((x) => [x.type, x.value]));
        heat[['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!)]![Number(p.hour)]! += 1;
        const date = `${p.year}-${p.month}-${p.day}`;
        days.set(date, (days.get(date) ?? 0) + 1);
      }
      expect(report.heatMap, timeZone).toEqual(heat);
      expect(new Map(report.perDay.filter((d) => d.cases > 0).map((d) => [d.date, d.cases])), timeZone).toEqual(days);
    }
  });

  it('measures response time in office time, asking the office clock once per answered case', () => {
    // A fake office clock: only 09:00–17:00 UTC on weekdays count, summed by the minute.
    const officeMs = vi.fn<OfficeMs>((from, to) => {
      let ms = 0;
      for (let t = from; t < to; t += MIN) {
        const d = new Date(t);
        if (d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 9 && d.getUTCHours() < 17) ms += MIN;
      }
      return ms;
    });
    const cases = [
      // Friday 16:30 UTC, answered Monday 09:30 UTC: 30 + 30 office minutes over a weekend.
      mk({ id: 'x:1', posted: '2026-01-09T16:30:00Z', responseMin: 3 * 24 * 60 - 7 * 60, tags: ['afval'], assignee: 'anna' }),
      // Tuesday 08:00 UTC, answered 10:00: only 09:00–10:00 counts.
      mk({ id: 'x:2', posted: '2026-01-06T08:00:00Z', responseMin: 120, tags: ['afval'], assignee: 'anna' }),
      mk({ id: 'x:3', posted: '2026-01-06T08:00:00Z', status: 'new' }),
    ];
    const report = buildReport(cases, options({ officeMs }));
    expect(report.total.medianFirstResponseMs).toBe(60 * MIN);
    expect(report.total.p90FirstResponseMs).toBe(60 * MIN);
    // Three dimensions and a day each saw the answered cases, but the office clock ran once for each.
    expect(officeMs).toHaveBeenCalledTimes(2);
  });

  it('never reports a negative response time (a first-seen time can be after the reply)', () => {
    const c = { ...mk({ id: 'x:1', posted: '2026-01-06T10:00:00Z', estimated: true }), firstResponseAt: at('2026-01-06T09:50:00Z') };
    expect(buildReport([c], options()).total.medianFirstResponseMs).toBe(0);
  });
});

describe('a large period', () => {
  it('builds a report over 20 000 cases', () => {
    const sites: Site[] = ['x', 'facebook'];
    const tags = ['afval', 'parkeren', 'klacht', 'vraag', 'burgerzaken', 'wmo-zorg', 'verkeer'];
    const month = { from: at('2025-12-31T23:00:00Z'), to: at('2026-01-31T23:00:00Z') };
    const cases = Array.from({ length: 20_000 }, (_, i) => {
      const postedAt = month.from + ((i * 2_654_435_761) % (month.to - month.from));
      return {
        ...mk({ id: `x:${i}`, posted: '2026-01-01T00:00:00Z', site: sites[i % 2], tags: i % 5 === 0 ? [] : [tags[i % 7]!, tags[(i * 3) % 7]!], assignee: `agent${i % 12}` }),
        postedAt,
        ...(i % 4 !== 0 && { firstResponseAt: postedAt + (i % 300) * MIN, dueAt: postedAt + 60 * MIN }),
      };
    });
    const opts = options({ period: month });
    const report = buildReport(cases, opts);
    expect(report.total.cases).toBe(20_000);
    expect(report.perDay).toHaveLength(31);
    expect(report.heatMap.flat().reduce((a, b) => a + b, 0)).toBe(20_000);
  });
});
