import { describe, expect, it } from 'vitest';
import { addDays, daysIn, isDate, localDateOf, periodOf, presetRange, rangeProblem, startOfLocalDay } from '../../src/reports/period';

const TZ = 'Europe/Amsterdam';
const at = (iso: string) => Date.parse(iso);

describe('report periods in local days', () => {
  it('turns presets into dates, both ends included', () => {
    expect(presetRange('last7', '2026-01-11')).toEqual({ from: '2026-01-05', to: '2026-01-11' });
    expect(presetRange('last30', '2026-01-11')).toEqual({ from: '2025-12-13', to: '2026-01-11' });
    expect(presetRange('thisMonth', '2026-01-11')).toEqual({ from: '2026-01-01', to: '2026-01-11' });
    expect(presetRange('previousMonth', '2026-01-11')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(presetRange('previousMonth', '2024-03-31')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(daysIn(presetRange('last30', '2024-03-01'))).toBe(30);
  });

  it('starts days at local midnight, also across daylight saving time', () => {
    expect(startOfLocalDay('2026-01-05', TZ)).toBe(at('2026-01-04T23:00:00Z'));
    expect(startOfLocalDay('2026-07-01', TZ)).toBe(at('2026-06-30T22:00:00Z'));
    // Summer time starts on 29 March 2026 at 02:00: that day has 23 hours.
    const spring = periodOf({ from: '2026-03-29', to: '2026-03-29' }, TZ);
    expect(spring).toEqual({ from: at('2026-03-28T23:00:00Z'), to: at('2026-03-29T22:00:00Z') });
    // And ends on 25 October 2026 at 03:00: that day has 25 hours.
    const autumn = periodOf({ from: '2026-10-25', to: '2026-10-25' }, TZ);
    expect(autumn.to - autumn.from).toBe(25 * 3_600_000);
  });

  it('reads local dates in the office time zone, not the computer’s', () => {
    expect(localDateOf(at('2026-01-11T23:30:00Z'), TZ)).toBe('2026-01-12');
    expect(localDateOf(at('2026-01-11T23:30:00Z'), 'America/New_York')).toBe('2026-01-11');
  });

  it('says what is wrong with a range', () => {
    expect(rangeProblem({ from: '2026-01-05', to: '2026-01-05' })).toBeNull();
    expect(rangeProblem({ from: '2026-01-06', to: '2026-01-05' })).toBe('reversed');
    expect(rangeProblem({ from: '', to: '2026-01-05' })).toBe('invalid');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-05' })).toBe('invalid');
    expect(rangeProblem({ from: '2024-01-01', to: '2024-12-31' })).toBeNull();
    expect(rangeProblem({ from: '2024-01-01', to: '2025-01-01' })).toBe('tooLong');
  });

  it('adds days and checks dates', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(isDate('2026-13-01')).toBe(false);
    expect(isDate('2026-1-1')).toBe(false);
  });
});
