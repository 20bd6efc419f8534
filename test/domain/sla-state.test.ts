import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import { slaState } from '../../src/domain/sla-state';

const base = { status: 'new', tags: [] } as unknown as Case;
const MIN = 60_000;

describe('the response-timer state', () => {
  it('is none without a case or a due time', () => {
    expect(slaState(undefined, 0)).toBe('none');
    expect(slaState(base, 0)).toBe('none');
  });
  it('is ok, then soon 15 minutes before, then overdue at the due time', () => {
    const c = { ...base, dueAt: 60 * MIN };
    expect(slaState(c, 0)).toBe('ok');
    expect(slaState(c, 45 * MIN - 1)).toBe('ok');
    expect(slaState(c, 45 * MIN)).toBe('soon');
    expect(slaState(c, 60 * MIN - 1)).toBe('soon');
    expect(slaState(c, 60 * MIN)).toBe('overdue');
  });
  it('is answered once the first response is out or the case is closed', () => {
    expect(slaState({ ...base, dueAt: 1, firstResponseAt: 5 }, 10)).toBe('answered');
    expect(slaState({ ...base, dueAt: 1, status: 'closed' }, 10)).toBe('answered');
  });
});
