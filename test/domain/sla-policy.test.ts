import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import { DEFAULT_CALENDAR, type OfficeCalendar } from '../../src/domain/office-hours';
import { DEFAULT_SLA_POLICY, firstResponseDue, resolutionDue, timerFigures, type SlaPolicy } from '../../src/domain/sla-policy';
import { slaState } from '../../src/domain/sla-state';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Instants written by hand with their offset: +01:00 in winter, +02:00 in summer (Europe/Amsterdam). */
const at = (iso: string): number => Date.parse(iso);
const cal = DEFAULT_CALENDAR;
const NO_HOURS: OfficeCalendar = { ...DEFAULT_CALENDAR, week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } };

describe('the default SLA policy', () => {
  it('promises an hour on X and four on Facebook, warns 15 minutes ahead, and sets no resolution target', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({ firstResponseMs: { x: HOUR, facebook: 4 * HOUR }, resolutionMs: {}, soonMs: 15 * MIN });
  });
});

describe('the first-response due time', () => {
  it('is the target in office time after the post', () => {
    expect(firstResponseDue(at('2026-01-12T10:00+01:00'), 'x', DEFAULT_SLA_POLICY, cal)).toBe(at('2026-01-12T11:00+01:00'));
    // Facebook, Monday 15:00: two hours on Monday, two on Tuesday from 08:30.
    expect(firstResponseDue(at('2026-01-12T15:00+01:00'), 'facebook', DEFAULT_SLA_POLICY, cal)).toBe(at('2026-01-13T10:30+01:00'));
  });

  it('starts counting a post at night or at the weekend when the office opens', () => {
    expect(firstResponseDue(at('2026-01-10T03:00+01:00'), 'x', DEFAULT_SLA_POLICY, cal)).toBe(at('2026-01-12T09:30+01:00'));
    expect(firstResponseDue(at('2026-01-09T16:30+01:00'), 'x', DEFAULT_SLA_POLICY, cal)).toBe(at('2026-01-12T09:00+01:00'));
  });

  it('skips a holiday: a post before opening on Tweede Paasdag is due the next day', () => {
    expect(firstResponseDue(at('2026-04-06T07:00+02:00'), 'x', DEFAULT_SLA_POLICY, cal)).toBe(at('2026-04-07T09:30+02:00'));
  });

  it('moves when the policy changes', () => {
    const posted = at('2026-01-12T16:00+01:00');
    const slower: SlaPolicy = { ...DEFAULT_SLA_POLICY, firstResponseMs: { x: 2 * HOUR, facebook: 8 * HOUR } };
    expect(firstResponseDue(posted, 'x', DEFAULT_SLA_POLICY, cal)).toBe(at('2026-01-12T17:00+01:00'));
    expect(firstResponseDue(posted, 'x', slower, cal)).toBe(at('2026-01-13T09:30+01:00'));
  });

  it('is undefined for a nonsense target or an office that never opens', () => {
    const posted = at('2026-01-12T10:00+01:00');
    expect(firstResponseDue(posted, 'x', { ...DEFAULT_SLA_POLICY, firstResponseMs: { x: -1, facebook: Number.NaN } }, cal)).toBeUndefined();
    expect(firstResponseDue(posted, 'facebook', { ...DEFAULT_SLA_POLICY, firstResponseMs: { x: -1, facebook: Number.NaN } }, cal)).toBeUndefined();
    expect(firstResponseDue(posted, 'x', DEFAULT_SLA_POLICY, NO_HOURS)).toBeUndefined();
  });
});

describe('the resolution due time', () => {
  it('is undefined without a target for the site', () => {
    expect(resolutionDue(at('2026-01-12T10:00+01:00'), 'x', DEFAULT_SLA_POLICY, cal)).toBeUndefined();
  });

  it('counts office days like the first response', () => {
    const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, resolutionMs: { facebook: 3 * 8.5 * HOUR } };
    // Three office days from Thursday 10:00: Friday, Monday, Tuesday until 10:00.
    expect(resolutionDue(at('2026-01-15T10:00+01:00'), 'facebook', policy, cal)).toBe(at('2026-01-20T10:00+01:00'));
    expect(resolutionDue(at('2026-01-15T10:00+01:00'), 'x', policy, cal)).toBeUndefined();
  });
});

describe('the timer figures', () => {
  const posted = at('2026-01-09T16:30+01:00'); // Friday
  const due = at('2026-01-12T09:00+01:00'); // Monday, one office hour later

  it('count elapsed and remaining office time, not the weekend', () => {
    expect(timerFigures(posted, due, at('2026-01-10T12:00+01:00'), cal)).toEqual({ elapsedMs: 30 * MIN, leftMs: 30 * MIN });
    expect(timerFigures(posted, due, at('2026-01-12T08:45+01:00'), cal)).toEqual({ elapsedMs: 45 * MIN, leftMs: 15 * MIN });
  });

  it('go negative by the office time overdue', () => {
    expect(timerFigures(posted, due, at('2026-01-12T10:30+01:00'), cal)).toEqual({ elapsedMs: 150 * MIN, leftMs: -90 * MIN });
    // Monday night: overdue by the rest of Monday's hours only.
    expect(timerFigures(posted, due, at('2026-01-12T22:00+01:00'), cal)).toEqual({ elapsedMs: 9 * HOUR, leftMs: -8 * HOUR });
  });

  it('are 0, not -0, just past a due time at closing', () => {
    const dueAtClose = at('2026-01-09T17:00+01:00');
    const figures = timerFigures(at('2026-01-09T16:00+01:00'), dueAtClose, at('2026-01-09T18:00+01:00'), cal);
    expect(Object.is(figures.leftMs, 0)).toBe(true);
    expect(figures.elapsedMs).toBe(HOUR);
  });

  it('have no time left without a due time, and no elapsed time before the post', () => {
    expect(timerFigures(posted, undefined, at('2026-01-12T10:00+01:00'), cal)).toEqual({ elapsedMs: 2 * HOUR, leftMs: undefined });
    // A clock an hour behind (Friday 15:30): nothing elapsed yet; left is Friday 15:30–17:00 and Monday 08:30–09:00.
    expect(timerFigures(posted, due, posted - HOUR, cal)).toEqual({ elapsedMs: 0, leftMs: 2 * HOUR });
  });
});

describe('with the response-timer state', () => {
  it('turns soon at the policy’s warning time before the office-time due', () => {
    const postedAt = at('2026-01-10T03:00+01:00');
    const dueAt = firstResponseDue(postedAt, 'x', DEFAULT_SLA_POLICY, cal);
    const c = { status: 'new', tags: [], postedAt, dueAt } as unknown as Case;
    expect(slaState(c, at('2026-01-12T09:14+01:00'), DEFAULT_SLA_POLICY.soonMs)).toBe('ok');
    expect(slaState(c, at('2026-01-12T09:15+01:00'), DEFAULT_SLA_POLICY.soonMs)).toBe('soon');
    expect(slaState(c, at('2026-01-12T09:30+01:00'), DEFAULT_SLA_POLICY.soonMs)).toBe('overdue');
  });
});
