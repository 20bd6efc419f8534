import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { xCaseId, type CaseId } from '../../src/domain/case-id';
import { closedAt, DAY_MS, DEFAULT_RETENTION, isExpired, nextPurgeAt, retentionMs, selectExpired } from '../../src/domain/retention';

const T0 = Date.UTC(2026, 0, 10, 9, 0);

function aCase(id: string, status: Case['status'], updatedAt = T0): Case {
  return {
    id: xCaseId(id),
    site: 'x',
    url: `https://x.com/jan/status/${id}`,
    author: { name: 'Jan', handle: '@jan' },
    text: 'Mijn container is niet geleegd',
    postedAt: T0 - DAY_MS,
    postedAtSource: 'page',
    status,
    tags: [],
    createdAt: T0 - DAY_MS,
    updatedAt,
  };
}

function move(id: string, at: number, before: string, after: string, seq?: number): CaseEvent {
  return { caseId: xCaseId(id), at, actor: 'Anna', kind: 'changed', field: 'status', before, after, ...(seq === undefined ? {} : { seq }) };
}

describe('closedAt', () => {
  it('is the last move to closed, whatever order the events come in', () => {
    const events = [move('1', T0 + 5 * DAY_MS, 'in_progress', 'closed'), move('1', T0, 'new', 'closed'), move('1', T0 + DAY_MS, 'closed', 'in_progress')];
    expect(closedAt(events)).toBe(T0 + 5 * DAY_MS);
  });

  it('is undefined without a close, and ignores notes that say "closed"', () => {
    expect(closedAt([])).toBeUndefined();
    expect(closedAt([{ caseId: xCaseId('1'), at: T0, actor: 'Anna', kind: 'note', after: 'closed' }, move('1', T0, 'new', 'in_progress')])).toBeUndefined();
  });
});

describe('isExpired', () => {
  const closed = aCase('1', 'closed');

  it.each([
    ['89 days', 89 * DAY_MS, false],
    ['90 days minus 1 ms', 90 * DAY_MS - 1, false],
    ['exactly 90 days', 90 * DAY_MS, true],
    ['91 days', 91 * DAY_MS, true],
  ])('a case closed %s ago: expired %s', (_label, age, expected) => {
    expect(isExpired(closed, T0, T0 + age, DEFAULT_RETENTION)).toBe(expected);
  });

  it('never expires an open case, however long ago it was once closed', () => {
    for (const status of ['new', 'in_progress', 'waiting', 'handed_over'] as const) {
      expect(isExpired(aCase('1', status), T0, T0 + 10_000 * DAY_MS, DEFAULT_RETENTION)).toBe(false);
    }
  });

  it('falls back to the last update for a closed case without a recorded close', () => {
    expect(isExpired(aCase('1', 'closed', T0), undefined, T0 + 90 * DAY_MS - 1, DEFAULT_RETENTION)).toBe(false);
    expect(isExpired(aCase('1', 'closed', T0), undefined, T0 + 90 * DAY_MS, DEFAULT_RETENTION)).toBe(true);
  });

  it('follows the configured period', () => {
    expect(isExpired(closed, T0, T0 + 7 * DAY_MS, { closedCaseDays: 7 })).toBe(true);
    expect(isExpired(closed, T0, T0 + 7 * DAY_MS - 1, { closedCaseDays: 7 })).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses a retention of %s days instead of purging all or nothing', (days) => {
    expect(() => retentionMs({ closedCaseDays: days })).toThrow(RangeError);
    expect(() => isExpired(closed, T0, T0, { closedCaseDays: days })).toThrow(RangeError);
  });
});

describe('selectExpired and nextPurgeAt', () => {
  const cases = [aCase('1', 'closed'), aCase('2', 'closed'), aCase('3', 'in_progress'), aCase('4', 'closed')];
  const events = new Map<CaseId, CaseEvent[]>([
    [xCaseId('1'), [move('1', T0, 'new', 'closed')]],
    // Closed, reopened, closed again 30 days later: counts from the second close.
    [xCaseId('2'), [move('2', T0, 'new', 'closed', 1), move('2', T0 + DAY_MS, 'closed', 'in_progress', 2), move('2', T0 + 30 * DAY_MS, 'in_progress', 'closed', 3)]],
    // Closed long ago, then reopened: open now, never selected.
    [xCaseId('3'), [move('3', T0 - 400 * DAY_MS, 'new', 'closed'), move('3', T0 - 300 * DAY_MS, 'closed', 'in_progress')]],
    [xCaseId('4'), [move('4', T0 + 10 * DAY_MS, 'new', 'closed')]],
  ]);

  it('selects closed cases past the period only, and never an open one', () => {
    expect(selectExpired(cases, events, T0 + 90 * DAY_MS - 1, DEFAULT_RETENTION)).toEqual([]);
    expect(selectExpired(cases, events, T0 + 90 * DAY_MS, DEFAULT_RETENTION)).toEqual(['x:1']);
    expect(selectExpired(cases, events, T0 + 100 * DAY_MS, DEFAULT_RETENTION)).toEqual(['x:1', 'x:4']);
    expect(selectExpired(cases, events, T0 + 120 * DAY_MS - 1, DEFAULT_RETENTION)).toEqual(['x:1', 'x:4']);
    expect(selectExpired(cases, events, T0 + 120 * DAY_MS, DEFAULT_RETENTION)).toEqual(['x:1', 'x:4', 'x:2']);
    expect(selectExpired(cases, events, T0 + 100_000 * DAY_MS, DEFAULT_RETENTION)).not.toContain('x:3');
  });

  it('says when the next case expires, now when one is overdue, and null when none is closed', () => {
    expect(nextPurgeAt(cases, events, T0 + DAY_MS, DEFAULT_RETENTION)).toBe(T0 + 90 * DAY_MS);
    expect(nextPurgeAt(cases.slice(1), events, T0 + DAY_MS, DEFAULT_RETENTION)).toBe(T0 + 100 * DAY_MS);
    expect(nextPurgeAt(cases, events, T0 + 95 * DAY_MS, DEFAULT_RETENTION)).toBe(T0 + 95 * DAY_MS);
    expect(nextPurgeAt([aCase('3', 'in_progress')], events, T0, DEFAULT_RETENTION)).toBeNull();
    expect(nextPurgeAt([], new Map(), T0, DEFAULT_RETENTION)).toBeNull();
  });
});
