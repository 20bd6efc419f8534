import { describe, expect, it } from 'vitest';
import { applyPatch, type Case } from '../../src/domain/case';
import { chunks, plan } from '../../src/queue/queue-actions';
import { mk } from '../support/report-cases';

const T = '2026-03-02T09:00:00Z';
const a = mk({ id: 'x:1', posted: T, status: 'new', tags: ['afval'] });
const b = mk({ id: 'x:2', posted: T, status: 'in_progress', assignee: 'Bram' });
const c = mk({ id: 'x:3', posted: T, status: 'closed' });

/** Applies a plan's requests to the cases as the background would (undo requests may make any move). */
function apply(cases: Case[], requests: ReturnType<typeof plan>['requests']): Case[] {
  return cases.map((x) => requests.filter((r) => r.ids.includes(x.id)).reduce((acc, r) => applyPatch(acc, r.patch, 1, { anyMove: r.undo === true }).next, x));
}

describe('queue actions: one choice, one action, one undo', () => {
  it('moves the status of every target that may make the move, and puts each one back where it was', () => {
    const p = plan({ kind: 'status', status: 'waiting' }, [a, b, c]);
    expect(p).toMatchObject({ count: 2, refused: 1 }); // closed → waiting is no move
    const after = apply([a, b, c], p.requests);
    expect(after.map((x) => x.status)).toEqual(['waiting', 'waiting', 'closed']);
    expect(p.undo).toEqual([
      { ids: ['x:1'], patch: { status: 'new' }, undo: true },
      { ids: ['x:2'], patch: { status: 'in_progress' }, undo: true },
    ]);
    expect(apply(after, p.undo).map((x) => x.status)).toEqual(['new', 'in_progress', 'closed']);
  });

  it('puts a tag on all when some lack it, takes it off all when all have it, and undoes only what it changed', () => {
    const on = plan({ kind: 'tag', tag: 'afval' }, [a, b]);
    expect(on.requests).toEqual([{ ids: ['x:2'], patch: { addTags: ['afval'] } }]);
    expect(on.undo).toEqual([{ ids: ['x:2'], patch: { removeTags: ['afval'] } }]);
    const tagged = apply([a, b], on.requests);
    const off = plan({ kind: 'tag', tag: 'afval' }, tagged);
    expect(off.requests).toEqual([{ ids: ['x:1', 'x:2'], patch: { removeTags: ['afval'] } }]);
    expect(apply(apply(tagged, off.requests), off.undo).map((x) => x.tags)).toEqual([['afval'], ['afval']]);
  });

  it('takes every target and gives each back to whom it had (or nobody)', () => {
    const p = plan({ kind: 'take', agent: 'Anna' }, [a, b]);
    const after = apply([a, b], p.requests);
    expect(after.map((x) => x.assignee)).toEqual(['Anna', 'Anna']);
    expect(apply(after, p.undo).map((x) => x.assignee)).toEqual([undefined, 'Bram']);
  });

  it('closes open targets as "no reply needed" with the reason; undo reopens them as they were, without it', () => {
    const p = plan({ kind: 'noReply', reason: 'spam' }, [a, b, c]);
    expect(p).toMatchObject({ count: 2, refused: 1 });
    const after = apply([a, b, c], p.requests);
    expect(after.map((x) => `${x.status}/${x.noReplyReason ?? ''}`)).toEqual(['closed/spam', 'closed/spam', 'closed/']);
    expect(apply(after, p.undo).map((x) => `${x.status}/${x.noReplyReason ?? ''}`)).toEqual(['new/', 'in_progress/', 'closed/']);
  });

  it('changes nothing when the targets are so already', () => {
    expect(plan({ kind: 'status', status: 'new' }, [a]).requests).toEqual([]);
    expect(plan({ kind: 'take', agent: 'Bram' }, [b]).requests).toEqual([]);
  });

  it('splits a large selection into requests the background accepts', () => {
    const ids = Array.from({ length: 1_201 }, (_, i) => `x:${i + 1}`) as Case['id'][];
    expect(chunks({ ids, patch: { status: 'waiting' } }).map((r) => r.ids.length)).toEqual([500, 500, 201]);
  });
});
