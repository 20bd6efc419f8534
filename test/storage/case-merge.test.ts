/**
 * One post, two ids (Facebook's number and pfbid): the cases become one, with everything the agents did.
 * Real IndexedDB (fake-indexeddb), one transaction.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor, type CaseId } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { addNote, getCase, getCases, listEvents, mergeAliases, trackPost, updateCase } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('merge'));
});
afterEach(() => dispose());

const PFBID = caseIdFor('facebook', 'pfbid02WqErTyUiOpAsDfGhJkLzXcVbNm123456789QwErTyUiOpAsDfGhJkl');
const NUMBER = caseIdFor('facebook', '5566778899001122');
const H = 3_600_000;
const fbPost = (caseId: CaseId, extra: Partial<PostRef> = {}): PostRef => ({
  caseId,
  site: 'facebook',
  url: `https://www.facebook.com/gemeentevoorbeeld/posts/${caseId.slice(3)}`,
  author: { name: 'Gemeente Voorbeeld' },
  text: 'Grofvuil op afspraak',
  postedAt: 10 * H,
  postedAtSource: 'page-relative',
  ...extra,
});
const due = (postedAt: number) => postedAt + 4 * H;

describe('merging the cases of one post', () => {
  it('seen first by pfbid and worked on, later by number: one case under the number, with tags, status, assignee, handover, first response and history', async () => {
    await trackPost(db, fbPost(PFBID), 'Anna', 100, due);
    await updateCase(db, PFBID, { status: 'in_progress', addTags: ['afval'], assignee: 'Anna' }, 'Anna', 200);
    await updateCase(db, PFBID, { handover: { category: 'Afval', note: 'bellen', agent: 'Anna' }, status: 'handed_over' }, 'Anna', 300);
    await addNote(db, PFBID, 'bewoner gebeld', 'Anna', 400);
    await updateCase(db, PFBID, { firstResponseAt: 450 }, 'Anna', 450);

    // In another tab (or later) the same post shows by number, and a colleague tags it there.
    await trackPost(db, fbPost(NUMBER, { aliases: [PFBID], postedAt: 11 * H }), 'Bram', 500, due);
    await updateCase(db, NUMBER, { addTags: ['klacht'] }, 'Bram', 550);

    const result = await mergeAliases(db, NUMBER, [PFBID], 'Bram', 600, due);
    expect(result?.removed).toEqual([PFBID]);
    const merged = (await getCase(db, NUMBER))!;
    expect(merged).toMatchObject({
      id: NUMBER,
      status: 'handed_over',
      tags: ['klacht', 'afval'],
      assignee: 'Anna',
      handover: { category: 'Afval', note: 'bellen', agent: 'Anna', at: 300 },
      firstResponseAt: 450,
      aliases: [PFBID],
      postedAt: 11 * H, // two earliest-consistent readings: the later one is consistent with both
      createdAt: 100,
    });
    // The pfbid case is gone; asking by the pfbid finds the merged case.
    expect((await db.get('cases', PFBID))).toBeUndefined();
    expect((await getCases(db, [PFBID])).map((c) => c.id)).toEqual([NUMBER]);
    const history = await listEvents(db, NUMBER);
    expect(history.every((e) => e.caseId === NUMBER)).toBe(true);
    expect(history.map((e) => [e.kind, e.field ?? e.after ?? e.before, e.actor])).toEqual([
      ['created', undefined, 'Anna'],
      ['changed', 'status', 'Anna'],
      ['changed', 'tags', 'Anna'],
      ['changed', 'assignee', 'Anna'],
      ['changed', 'status', 'Anna'],
      ['changed', 'handover', 'Anna'],
      ['note', 'bewoner gebeld', 'Anna'],
      ['changed', 'firstResponseAt', 'Anna'],
      ['created', undefined, 'Bram'],
      ['changed', 'tags', 'Bram'],
      ['merged', PFBID, 'Bram'],
    ]);
    expect(await listEvents(db, PFBID)).toEqual(history); // asked by the alias: the same history
  });

  it('with no case under the number yet, the pfbid case moves there; nothing to merge is a no-op', async () => {
    expect(await mergeAliases(db, NUMBER, [PFBID], 'Anna', 100, due)).toBeNull();
    await trackPost(db, fbPost(PFBID, { postedAtSource: 'first-seen', postedAt: 5 * H }), 'Anna', 100, due);
    await updateCase(db, PFBID, { addTags: ['afval'] }, 'Anna', 200);
    const result = (await mergeAliases(db, NUMBER, [PFBID], 'Anna', 300, due))!;
    expect(result.case).toMatchObject({ id: NUMBER, tags: ['afval'], aliases: [PFBID], dueAt: 9 * H });
    expect((await listEvents(db, NUMBER)).map((e) => e.kind)).toEqual(['created', 'changed', 'merged']);
    expect(await mergeAliases(db, NUMBER, [PFBID], 'Anna', 400, due)).toBeNull();
  });

  it('a post shown later by its pfbid alone reaches the case under its number: read, change and note by either id', async () => {
    await trackPost(db, fbPost(NUMBER, { aliases: [PFBID] }), 'Anna', 100, due);
    const again = await trackPost(db, fbPost(PFBID), 'Anna', 200, due);
    expect(again).toMatchObject({ created: false, case: { id: NUMBER } });
    const { case: changed } = await updateCase(db, PFBID, { status: 'in_progress' }, 'Anna', 300);
    expect(changed.id).toBe(NUMBER);
    await addNote(db, PFBID, 'notitie', 'Anna', 400);
    expect((await listEvents(db, NUMBER)).map((e) => e.kind)).toEqual(['created', 'changed', 'note']);
    expect(await db.count('cases')).toBe(1);
  });
});
