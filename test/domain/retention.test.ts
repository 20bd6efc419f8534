import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';
import { closedAt } from '../../src/domain/case-event';
import { DAY_MS, DEFAULT_RETENTION, expiresAt, isExpired, nextPurgeAt, retentionInForce, retentionMs, selectExpired } from '../../src/domain/retention';

const T0 = Date.UTC(2026, 0, 10, 9, 0);
const policy = DEFAULT_RETENTION;

function aCase(id: string, status: Case['status'], updatedAt = T0): Case {
  return {
    id: caseIdFor('x', id),
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

describe('retention of closed cases', () => {
  it('keeps a closed case 90 days after its last change, to the millisecond', () => {
    const c = aCase('1', 'closed');
    expect(expiresAt(c, policy)).toBe(T0 + 90 * DAY_MS);
    expect(isExpired(c, T0 + 89 * DAY_MS, policy)).toBe(false);
    expect(isExpired(c, T0 + 90 * DAY_MS - 1, policy)).toBe(false);
    expect(isExpired(c, T0 + 90 * DAY_MS, policy)).toBe(true);
    expect(isExpired(c, T0 + 91 * DAY_MS, policy)).toBe(true);
  });

  it('never removes an open case, however old', () => {
    for (const status of ['new', 'in_progress', 'waiting', 'handed_over'] as const) {
      expect(isExpired(aCase('1', status, T0 - 1_000 * DAY_MS), T0, policy)).toBe(false);
      expect(expiresAt(aCase('1', status), policy)).toBeUndefined();
    }
  });

  it('counts from a note or tag added after closing: who still works on a case keeps it', () => {
    const touched = aCase('1', 'closed', T0 + 30 * DAY_MS);
    expect(isExpired(touched, T0 + 100 * DAY_MS, policy)).toBe(false);
    expect(isExpired(touched, T0 + 120 * DAY_MS, policy)).toBe(true);
  });

  it('selects the expired cases, oldest first, and says when the next one goes', () => {
    const cases = [aCase('1', 'closed', T0 + 5 * DAY_MS), aCase('2', 'closed', T0), aCase('3', 'new', T0 - 500 * DAY_MS), aCase('4', 'closed', T0 + 50 * DAY_MS)];
    expect(selectExpired(cases, T0 + 96 * DAY_MS, policy)).toEqual(['x:2', 'x:1']);
    expect(nextPurgeAt(cases, T0, policy)).toBe(T0 + 90 * DAY_MS);
    expect(nextPurgeAt(cases, T0 + 200 * DAY_MS, policy)).toBe(T0 + 200 * DAY_MS); // overdue: due now
    expect(nextPurgeAt([aCase('3', 'new')], T0, policy)).toBeNull();
  });

  it('refuses a broken retention setting rather than purging everything or nothing', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) expect(() => retentionMs({ closedCaseDays: days })).toThrow(RangeError);
    expect(() => selectExpired([aCase('1', 'closed')], T0, { closedCaseDays: 0 })).toThrow(RangeError);
  });
});

describe('closedAt (the archive says when a case was closed)', () => {
  const move = (at: number, after: string, seq?: number): CaseEvent => ({ caseId: caseIdFor('x', '1'), at, actor: 'Anna', kind: 'changed', field: 'status', before: 'new', after, ...(seq === undefined ? {} : { seq }) });
  it('is the last move to closed, whatever order the events come in', () => {
    expect(closedAt([move(T0 + 10, 'closed'), move(T0, 'closed'), move(T0 + 5, 'in_progress')])).toBe(T0 + 10);
    expect(closedAt([move(T0, 'in_progress')])).toBeUndefined();
  });
});

describe('the retention period in force (a team setting; an agent may only keep longer)', () => {
  it('is the agent’s own setting without team sync', () => {
    expect(retentionInForce({ days: 30, locked: false, team: false })).toEqual({ closedCaseDays: 30, source: 'personal' });
  });

  it('in a team: the team’s shared value, and a shorter own setting does not shorten it', () => {
    expect(retentionInForce({ days: 7, locked: false, team: true, teamDays: 180 })).toEqual({ closedCaseDays: 180, source: 'team' });
    expect(retentionInForce({ days: 365, locked: false, team: true, teamDays: 180 })).toEqual({ closedCaseDays: 365, source: 'personal' });
  });

  it('in a team without a shared value: the default 90 days at least', () => {
    expect(retentionInForce({ days: 7, locked: false, team: true })).toEqual({ closedCaseDays: DEFAULT_RETENTION.closedCaseDays, source: 'default' });
  });

  it('the organisation’s policy over the team document', () => {
    expect(retentionInForce({ days: 60, locked: true, team: true, teamDays: 180 })).toEqual({ closedCaseDays: 60, source: 'policy' });
    // A policy that lets agents change it: still the team's floor; an agent may only go longer.
    expect(retentionInForce({ days: 10, locked: false, policyDays: 60, team: true, teamDays: 180 })).toEqual({ closedCaseDays: 60, source: 'policy' });
    expect(retentionInForce({ days: 400, locked: false, policyDays: 60, team: true })).toEqual({ closedCaseDays: 400, source: 'personal' });
  });
});
