import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/office-hours';
import { calendarOf } from '../../src/reports/data';
import { levelOf, legendRanges, LEVELS } from '../../src/reports/heat-map';

describe('the heat map shades', () => {
  it('give every count one shade, and the legend the counts of each', () => {
    for (const max of [1, 2, 3, 4, 5, 10, 17, 250]) {
      const ranges = legendRanges(max);
      expect(ranges[0]).toEqual({ level: 0, from: 0, to: 0 });
      expect(ranges[ranges.length - 1]!.to).toBe(max);
      for (let n = 0; n <= max; n++) {
        const level = levelOf(n, max);
        expect(level).toBeGreaterThanOrEqual(n === 0 ? 0 : 1);
        expect(level).toBeLessThanOrEqual(LEVELS);
        const range = ranges.find((r) => r.level === level)!;
        expect(n >= range.from && n <= range.to, `${n} of ${max}`).toBe(true);
      }
    }
    expect(legendRanges(10)).toEqual([
      { level: 0, from: 0, to: 0 },
      { level: 1, from: 1, to: 2 },
      { level: 2, from: 3, to: 5 },
      { level: 3, from: 6, to: 7 },
      { level: 4, from: 8, to: 10 },
    ]);
    expect(legendRanges(1).map((r) => r.level)).toEqual([0, 4]);
  });
});

describe('the office calendar from the settings', () => {
  it('falls back to the default without a usable one', () => {
    expect(calendarOf({ agentName: '' })).toBe(DEFAULT_CALENDAR);
    expect(calendarOf(undefined)).toBe(DEFAULT_CALENDAR);
    expect(calendarOf({ officeHours: { ...DEFAULT_CALENDAR, timeZone: 'Mars/Olympus' } })).toBe(DEFAULT_CALENDAR);
    const own = { ...DEFAULT_CALENDAR, closingDays: ['2026-01-02'] };
    expect(calendarOf({ officeHours: own })).toBe(own);
  });
});

const nl = JSON.parse(readFileSync('assets/_locales/nl/messages.json', 'utf8')) as Record<string, { message: string }>;
const sources = readdirSync('src/reports')
  .filter((f) => /\.tsx?$/.test(f))
  .map((f) => readFileSync(join('src/reports', f), 'utf8'));

describe('the words of the reports page', () => {
  it('are all in the catalogue', () => {
    const used = new Set(sources.flatMap((s) => [...s.matchAll(/\bt\(\s*'(\w+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(key in nl, key).toBe(true);
  });
});
