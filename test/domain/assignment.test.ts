import { describe, expect, it } from 'vitest';
import { assignPatch, releasePlan, ReleaseTargetError } from '../../src/domain/assignment';
import { applyPatch, newCase, type Case } from '../../src/domain/case';
import { caseIdFor } from '../../src/domain/case-id';

const T = Date.UTC(2026, 11, 3, 9, 0);
const make = (id: string, patch: Partial<Case>): Case => ({
  ...newCase({ caseId: caseIdFor('x', id), site: 'x', url: `https://x.com/a/status/${id}`, author: { name: 'A' }, text: 't', postedAt: T, postedAtSource: 'page' }, T),
  ...patch,
});

describe('assigning', () => {
  it('assign, take over and release are one assignee change each: from → to', () => {
    const c = make('1', { assignee: 'Anna' });
    expect(applyPatch(c, assignPatch('Bram'), T + 1).changes).toEqual([{ field: 'assignee', before: 'Anna', after: 'Bram' }]);
    expect(applyPatch(c, assignPatch(null), T + 1).changes).toEqual([{ field: 'assignee', before: 'Anna', after: null }]);
    expect(applyPatch(c, assignPatch(' Anna '), T + 1).changes).toEqual([]);
  });
});

describe('going away', () => {
  const cases = [
    make('1', { assignee: 'Anna' }),
    make('2', { assignee: 'anna' }),
    make('3', { assignee: 'Bram' }),
    make('4', {}),
    make('5', { assignee: 'Anna', status: 'closed' }),
  ];

  it('releases my open cases only, to the pool', () => {
    const plan = releasePlan(cases, 'Anna', { to: 'pool' });
    expect(plan.ids).toEqual([caseIdFor('x', '1'), caseIdFor('x', '2')]);
    expect(plan.patch).toEqual({ assignee: null });
  });

  it('or to a named colleague', () => {
    expect(releasePlan(cases, 'Anna', { to: 'colleague', name: 'Bram' }).patch).toEqual({ assignee: 'Bram' });
  });

  it('refuses to hand my cases to myself or to nobody by name, and releases nothing for an agent without a name', () => {
    expect(() => releasePlan(cases, 'Anna', { to: 'colleague', name: 'ANNA' })).toThrow(ReleaseTargetError);
    expect(() => releasePlan(cases, 'Anna', { to: 'colleague', name: ' ' })).toThrow(ReleaseTargetError);
    expect(releasePlan(cases, '', { to: 'pool' }).ids).toEqual([]);
  });
});
