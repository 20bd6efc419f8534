import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/storage/db';
import { agentFields, localVersion } from '../../src/sync/local-changes';
import { baseCase, stamp } from './support';

const changed = (seq: number, at: number, actor: string, field: StoredEvent['field'], before: unknown, after: unknown): StoredEvent =>
  ({ seq, caseId: baseCase().id, at, actor, kind: 'changed', field, before, after }) as StoredEvent;

describe('stamping what this browser changed', () => {
  it('stamps every audit event of a case never synced', () => {
    const c = baseCase({ status: 'closed', tags: ['afval'], updatedAt: 30 });
    const events = [changed(1, 10, 'Anna', 'status', 'new', 'in_progress'), changed(2, 20, 'Anna', 'tags', [], ['afval']), changed(3, 30, 'Anna', 'status', 'in_progress', 'closed')];
    const v = localVersion(c, undefined, events, 'me');
    if (v.deleted) throw new Error('deleted');
    expect(v.clocks.fields.status).toEqual([stamp(10, 'Anna', 'me-1'), stamp(30, 'Anna', 'me-3')]);
    expect(v.clocks.tags).toEqual({ afval: [stamp(20, 'Anna', 'me-2')] });
  });

  it('stamps only the fields that differ from the last agreement, with the newest event for each', () => {
    const agreed = baseCase({ status: 'in_progress', tags: ['afval'], updatedAt: 10 });
    const clocks = { fields: { status: [stamp(5, 'Bram')] }, tags: { afval: [stamp(6, 'Bram')] } };
    const now = baseCase({ status: 'in_progress', tags: ['klacht'], assignee: 'Anna', updatedAt: 40 });
    const events = [changed(8, 30, 'Anna', 'assignee', null, 'Anna'), changed(9, 40, 'Anna', 'tags', ['afval'], ['klacht'])];
    const v = localVersion(now, { base: agentFields(agreed), clocks }, events, 'me');
    if (v.deleted) throw new Error('deleted');
    expect(v.clocks.fields).toEqual({ status: [stamp(5, 'Bram')], assignee: [stamp(30, 'Anna', 'me-8')] });
    expect(v.clocks.tags).toEqual({ afval: [stamp(6, 'Bram'), stamp(40, 'Anna', 'me-9')], klacht: [stamp(40, 'Anna', 'me-9')] });
  });

  it('stamps a change without an audit event (a due time worked out again) with the case time and no actor', () => {
    const agreed = baseCase({ dueAt: 5_000, updatedAt: 10 });
    const now = baseCase({ dueAt: 7_000, updatedAt: 50 });
    const v = localVersion(now, { base: agentFields(agreed), clocks: { fields: {}, tags: {} } }, [], 'me');
    if (v.deleted) throw new Error('deleted');
    expect(v.clocks.fields.dueAt).toEqual([{ at: 50, actor: '', id: 'me@50' }]);
  });
});
