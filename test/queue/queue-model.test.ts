import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import { caseReference } from '../../src/domain/case-id';
import { DEFAULT_FILTERS, queueFilter, upsert, urgency, visibleRange } from '../../src/queue/queue-model';
import { mk } from '../support/report-cases';

const a = mk({ id: 'x:1', posted: '2026-03-02T09:00:00Z', dueMin: 120, tags: ['afval'], assignee: 'Anna', status: 'new' });
const b = mk({ id: 'x:2', posted: '2026-03-02T10:00:00Z', dueMin: 30, status: 'new' });
const answered = mk({ id: 'x:3', posted: '2026-03-02T08:00:00Z', dueMin: 10, responseMin: 5, status: 'in_progress' });
const closed = mk({ id: 'fb:4', site: 'facebook', posted: '2026-03-01T08:00:00Z', status: 'closed' });

describe('the work queue list', () => {
  it('puts the most urgent first: unanswered by due time, then answered, closed last', () => {
    expect([closed, answered, a, b].sort(urgency).map((c) => c.id)).toEqual(['x:2', 'x:1', 'x:3', 'fb:4']);
  });

  it('keeps the order when a pushed case is put in its place, replacing the old version', () => {
    let list: Case[] = [b, a, answered];
    list = upsert(list, { ...a, dueAt: b.dueAt! - 1 });
    expect(list.map((c) => c.id)).toEqual(['x:1', 'x:2', 'x:3']);
    expect(upsert(list, closed).map((c) => c.id)).toEqual(['x:1', 'x:2', 'x:3', 'fb:4']);
  });

  it('filters open cases by default, and searches text, author, reference and tag over closed ones too', () => {
    const all = [a, b, answered, closed];
    expect(all.filter(queueFilter(DEFAULT_FILTERS, 'Anna')).map((c) => c.id)).toEqual(['x:1', 'x:2', 'x:3']);
    const wide = { ...DEFAULT_FILTERS, scope: 'all' as const };
    expect(all.filter(queueFilter({ ...wide, query: caseReference(closed.id).toLowerCase() }, '')).map((c) => c.id)).toEqual(['fb:4']);
    expect(all.filter(queueFilter({ ...wide, query: 'afval' }, '')).map((c) => c.id)).toEqual(['x:1']);
    expect(all.filter(queueFilter({ ...wide, query: '@janjansen' }, '')).length).toBe(4);
    expect(all.filter(queueFilter({ ...wide, assignee: 'mine' }, 'Anna')).map((c) => c.id)).toEqual(['x:1']);
    expect(all.filter(queueFilter({ ...wide, assignee: 'unassigned' }, 'Anna')).map((c) => c.id)).toEqual(['x:2', 'x:3', 'fb:4']);
    expect(all.filter(queueFilter({ ...wide, site: 'facebook' }, '')).map((c) => c.id)).toEqual(['fb:4']);
    expect(all.filter(queueFilter({ ...wide, from: Date.parse('2026-03-02T09:30:00Z'), to: null }, '')).map((c) => c.id)).toEqual(['x:2']);
  });

  it('draws only the rows in view, with a few either side', () => {
    expect(visibleRange(0, 640, 64, 5_000)).toEqual({ start: 0, end: 18 });
    expect(visibleRange(64 * 1_000, 640, 64, 5_000)).toEqual({ start: 992, end: 1_018 });
    expect(visibleRange(64 * 4_999, 640, 64, 5_000)).toEqual({ start: 4_991, end: 5_000 });
    expect(visibleRange(0, 640, 64, 0)).toEqual({ start: 0, end: 0 });
  });
});
