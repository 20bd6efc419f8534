import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPatch } from '../../src/domain/case';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { actionsPatch, undoActions, UndoError } from '../../src/domain/reply-actions';
import { getCase, listEvents, listHandovers, trackPost, updateCase, updateCases } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;

const post = (id: string): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/a/status/${id}`,
  author: { name: 'A', handle: '@a' },
  text: 'Mijn container is niet geleegd',
  postedAt: Number(id),
  postedAtSource: 'page',
});

beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('reply-actions'));
});
afterEach(() => dispose());

describe('reply actions in the database', () => {
  it('apply in one change and are undone from the stored history, in the same transaction as the read', async () => {
    const id = caseIdFor('x', '500');
    await trackPost(db, post('500'), 'Anna', 100);
    const actions = [{ kind: 'handover' as const, category: 'Afval', note: 'Bellen' }, { kind: 'tags' as const, add: ['afval'] }];
    await updateCase(db, id, (current) => applyPatch(current, actionsPatch(actions, current, 'Anna').patch, 1_000), 'Anna', 1_000);
    expect(await getCase(db, id)).toMatchObject({ status: 'handed_over', tags: ['afval'], handover: { category: 'Afval', at: 1_000 } });
    expect((await listHandovers(db)).map((c) => c.id)).toEqual([id]);

    // Someone else's undo of Anna's change finds nothing of theirs, and changes nothing.
    await expect(updateCase(db, id, (current, history) => undoActions(current, history, 1_000, 'Bram', 2_000), 'Bram', 2_000)).rejects.toThrow(UndoError);
    expect((await getCase(db, id))?.status).toBe('handed_over');

    const undone = await updateCase(db, id, (current, history) => undoActions(current, history, 1_000, 'Anna', 2_000), 'Anna', 2_000);
    expect(undone.case).toMatchObject({ status: 'new', tags: [] });
    expect(undone.case.handover).toBeUndefined();
    expect(await listHandovers(db)).toEqual([]);
    const events = await listEvents(db, id);
    expect(events.filter((e) => e.at === 2_000).map((e) => e.field).sort()).toEqual(['handover', 'status', 'tags']);
  });

  it('record exports and the KCC’s answers case by case in one transaction, skipping a case without a handover', async () => {
    const a = caseIdFor('x', '601');
    const b = caseIdFor('x', '602');
    await trackPost(db, post('601'), 'Anna', 100);
    await trackPost(db, post('602'), 'Anna', 100);
    await updateCase(db, a, { status: 'handed_over', handover: { category: 'Afval', note: 'n', agent: 'Anna' } }, 'Anna', 200);
    const exported = await updateCases(db, [a, b], () => ({ handoverExport: { via: 'csv', by: 'Anna' } }), 'Anna', 300);
    expect(exported.updated.map((c) => c.id)).toEqual([a]);
    expect(exported.skipped).toEqual([{ id: b, reason: 'The case has not been handed over to the KCC' }]);
    const answers = new Map([[a, 'Opgehaald op dinsdag']]);
    await updateCases(db, [a], (id) => ({ kcc: { state: 'answered', answer: answers.get(id)!, by: 'Kees' } }), 'Kees', 400);
    expect(await getCase(db, a)).toMatchObject({ kcc: { state: 'answered', answer: 'Opgehaald op dinsdag', by: 'Kees', at: 400 }, handover: { exports: [{ via: 'csv', at: 300 }] } });
  });
});
