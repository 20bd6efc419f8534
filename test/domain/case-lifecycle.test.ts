import { describe, expect, it } from 'vitest';
import { applyPatch, CASE_STATUSES, newCase, type CaseStatus } from '../../src/domain/case';
import { canMove, InvalidMoveError, MOVES, statusChoices } from '../../src/domain/case-lifecycle';
import { caseIdFor } from '../../src/domain/case-id';

const ALLOWED: Array<[CaseStatus, CaseStatus]> = [
  ['new', 'in_progress'],
  ['new', 'waiting'],
  ['new', 'handed_over'],
  ['new', 'closed'],
  ['in_progress', 'waiting'],
  ['in_progress', 'handed_over'],
  ['in_progress', 'closed'],
  ['waiting', 'in_progress'],
  ['waiting', 'handed_over'],
  ['waiting', 'closed'],
  ['handed_over', 'in_progress'],
  ['handed_over', 'closed'],
  ['closed', 'in_progress'],
];

describe('the case status machine', () => {
  const all = CASE_STATUSES.flatMap((from) => CASE_STATUSES.filter((to) => to !== from).map((to) => [from, to] as [CaseStatus, CaseStatus]));
  const allowed = new Set(ALLOWED.map(([a, b]) => `${a}>${b}`));

  it.each(all)('%s → %s is allowed exactly when the lifecycle says so', (from, to) => {
    expect(canMove(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('never sends a case back to new, and staying put is no move', () => {
    for (const from of CASE_STATUSES) {
      expect(MOVES[from]).not.toContain('new');
      expect(canMove(from, from)).toBe(true);
    }
  });

  it('offers the current status first, then the allowed moves', () => {
    expect(statusChoices('closed')).toEqual(['closed', 'in_progress']);
  });

  it('refuses a move it does not allow and changes nothing', () => {
    const c = { ...newCase({ caseId: caseIdFor('x', '1'), site: 'x', url: 'https://x.com/a/status/1', author: { name: 'A' }, text: '', postedAt: 0, postedAtSource: 'page' }, 0), status: 'closed' as const };
    expect(() => applyPatch(c, { status: 'waiting', tags: ['afval'] }, 1)).toThrow(InvalidMoveError);
    expect(c.tags).toEqual([]);
    expect(applyPatch(c, { status: 'in_progress' }, 1).next.status).toBe('in_progress');
  });
});
