import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { addNote, CaseNotFoundError, countOpen, countOverdue, getCase, getCases, listEvents, listHandovers, listOpenByDue, recordReply, trackPost, updateCase, updateCases } from '../../src/storage/case-store';
import { openLoketDb, type LoketDatabase } from '../../src/storage/db';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;

const post = (id: string, text = 'vraag'): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/a/status/${id}`,
  author: { name: 'A', handle: '@a' },
  text,
  postedAt: Number(id),
  postedAtSource: 'page',
});

beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('test'));
});
afterEach(() => dispose());

describe('the loket database', () => {
  it('has the stores and indexes of the latest version', () => {
    expect([...db.objectStoreNames].sort()).toEqual(['alerts', 'cases', 'diagnostics', 'events', 'intakeSeen', 'sync', 'syncMeta', 'tags', 'templates']);
    const tx = db.transaction(['cases', 'events']);
    expect([...tx.objectStore('cases').indexNames].sort()).toEqual(['by-alias', 'by-handover', 'by-open-due', 'by-posted', 'by-status', 'by-updated']);
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['by-case', 'by-time']);
  });

  it('marks every case stored before version 8 as made by hand (intake), and keeps the rest of it', async () => {
    const legacy = 'case-store-intake-migration';
    const v7 = await openLoketDb(legacy, 7);
    const { intake: _none, ...old } = (await trackPost(v7, post('8'), 'Anna', 1)).case;
    await v7.put('cases', { ...old, openDue: [Number.POSITIVE_INFINITY, 8] });
    expect((await v7.get('cases', caseIdFor('x', '8')))?.intake).toBeUndefined();
    v7.close();
    const latest = await openLoketDb(legacy);
    expect(await getCase(latest, caseIdFor('x', '8'))).toMatchObject({ intake: 'manual', text: 'vraag', status: 'new' });
    expect(await countOpen(latest)).toBe(1);
    latest.close();
    await deleteDB(legacy);
  });

  it('creates a case once, with a created event, and refreshes it after', async () => {
    const first = await trackPost(db, post('100'), 'Anna', 1_000);
    expect(first.created).toBe(true);
    const second = await trackPost(db, post('100', 'vraag met meer tekst'), 'Anna', 2_000);
    expect(second).toMatchObject({ created: false, changed: true });
    expect(second.case.text).toBe('vraag met meer tekst');
    const events = await listEvents(db, caseIdFor('x', '100'));
    expect(events.map((e) => e.kind)).toEqual(['created']);
    expect(events[0]).toMatchObject({ actor: 'Anna', at: 1_000 });
  });

  it('writes a case change and its audit events together', async () => {
    await trackPost(db, post('100'), 'Anna', 1_000);
    const { changes } = await updateCase(db, caseIdFor('x', '100'), { status: 'in_progress', tags: ['afval'] }, 'Bram', 2_000);
    expect(changes).toHaveLength(2);
    const events = await listEvents(db, caseIdFor('x', '100'));
    expect(events.map((e) => [e.kind, e.field, e.actor])).toEqual([
      ['created', undefined, 'Anna'],
      ['changed', 'status', 'Bram'],
      ['changed', 'tags', 'Bram'],
    ]);
  });

  it('keeps both edits when two views change different fields of one case at once', async () => {
    await trackPost(db, post('100'), 'Anna', 1_000);
    await Promise.all([
      updateCase(db, caseIdFor('x', '100'), { status: 'waiting' }, 'Anna', 2_000),
      updateCase(db, caseIdFor('x', '100'), { tags: ['parkeren'] }, 'Bram', 2_001),
    ]);
    expect(await getCase(db, caseIdFor('x', '100'))).toMatchObject({ status: 'waiting', tags: ['parkeren'] });
  });

  it('gives every stored version of a case a later updatedAt, even for changes in the same millisecond', async () => {
    // Views keep the version with the latest updatedAt (answers and pushes arrive in no fixed order).
    const id = caseIdFor('x', '101');
    await trackPost(db, post('101'), 'Anna', 3_000);
    const [a, b] = await Promise.all([
      updateCase(db, id, { tags: ['klacht'] }, 'Anna', 3_000),
      updateCase(db, id, { status: 'waiting' }, 'Bram', 3_000),
    ]);
    const c = await addNote(db, id, 'Gebeld', 'Anna', 3_000);
    expect([a.case.updatedAt, b.case.updatedAt, c.updatedAt]).toEqual([3_001, 3_002, 3_003]);
    expect(await getCase(db, id)).toMatchObject({ status: 'waiting', tags: ['klacht'], updatedAt: 3_003 });
    // Audit events keep the real time.
    expect((await listEvents(db, id)).map((e) => e.at)).toEqual([3_000, 3_000, 3_000, 3_000]);
  });

  it('refuses to update a case that does not exist and writes nothing', async () => {
    await expect(updateCase(db, caseIdFor('x', '404'), { status: 'closed' }, 'Anna', 1)).rejects.toBeInstanceOf(CaseNotFoundError);
    expect(await db.count('events')).toBe(0);
    expect(await db.count('cases')).toBe(0);
  });

  it('lists open cases by due time from an index that holds open cases only', async () => {
    for (const id of ['5', '4', '3', '2', '1']) await trackPost(db, post(id), 'Anna', 1);
    await updateCase(db, caseIdFor('x', '1'), { dueAt: 500 }, 'Anna', 2);
    await updateCase(db, caseIdFor('x', '2'), { dueAt: 100 }, 'Anna', 2);
    await updateCase(db, caseIdFor('x', '3'), { status: 'closed', dueAt: 50 }, 'Anna', 2);
    const open = await listOpenByDue(db);
    // No due time sorts last, the oldest post (lowest postedAt here) first among those.
    expect(open.map((c) => c.id)).toEqual(['x:2', 'x:1', 'x:4', 'x:5']);
    expect(open.every((c) => !('openDue' in c))).toBe(true);
    expect(await countOpen(db)).toBe(4);
    expect(await db.countFromIndex('cases', 'by-open-due')).toBe(4);
    expect(await db.count('cases')).toBe(5);
    expect((await listOpenByDue(db, 1)).map((c) => c.id)).toEqual(['x:2']);
    // Overdue at 300: only x:2 (due 100); x:1 is due at 500, x:3 is closed, the rest have no due time.
    expect(await countOverdue(db, 300)).toBe(1);
    expect(await countOverdue(db, 600)).toBe(2);
  });

  it('reopening a closed case puts it back in the open index', async () => {
    await trackPost(db, post('1'), 'Anna', 1);
    await updateCase(db, caseIdFor('x', '1'), { status: 'closed' }, 'Anna', 2);
    expect(await countOpen(db)).toBe(0);
    await updateCase(db, caseIdFor('x', '1'), { status: 'in_progress' }, 'Anna', 3);
    expect(await countOpen(db)).toBe(1);
  });

  it('reads many cases in one go, skipping unknown ids', async () => {
    await trackPost(db, post('1'), 'Anna', 1);
    await trackPost(db, { ...post('2'), caseId: caseIdFor('facebook', '2', '3'), site: 'facebook', url: 'https://www.facebook.com/p/posts/2' }, 'Anna', 1);
    const found = await getCases(db, [caseIdFor('x', '1'), caseIdFor('x', '9'), caseIdFor('facebook', '2', '3')]);
    expect(found.map((c) => c.id)).toEqual(['x:1', 'fb:2/3']);
  });
});

describe('handovers', () => {
  it('records a handover with the status move in one change, and lists handed-over cases newest first', async () => {
    await trackPost(db, post('1'), 'Anna', 1);
    await trackPost(db, post('2'), 'Anna', 1);
    await updateCase(db, caseIdFor('x', '1'), { status: 'handed_over', handover: { category: 'Afval', note: 'Bel terug', agent: 'Anna' } }, 'Anna', 10);
    await updateCase(db, caseIdFor('x', '2'), { status: 'handed_over', handover: { category: 'Parkeren', note: 'Vergunning', agent: 'Bram' } }, 'Bram', 20);
    const list = await listHandovers(db);
    expect(list.map((c) => [c.id, c.handover?.category, c.handover?.at])).toEqual([
      ['x:2', 'Parkeren', 20],
      ['x:1', 'Afval', 10],
    ]);
    const events = await listEvents(db, caseIdFor('x', '1'));
    expect(events.map((e) => e.field)).toEqual([undefined, 'status', 'handover']);
  });
});

describe('internal notes', () => {
  it('adds a note to the history without changing any field, and refuses unknown cases', async () => {
    await trackPost(db, post('1'), 'Anna', 1);
    const c = await addNote(db, caseIdFor('x', '1'), 'Gebeld, geen gehoor', 'Anna', 50);
    expect(c.updatedAt).toBe(50);
    const events = await listEvents(db, caseIdFor('x', '1'));
    expect(events.at(-1)).toMatchObject({ kind: 'note', after: 'Gebeld, geen gehoor', actor: 'Anna', at: 50 });
    await expect(addNote(db, caseIdFor('x', '9'), 'x', 'Anna', 60)).rejects.toBeInstanceOf(CaseNotFoundError);
  });
});

describe('bulk changes', () => {
  it('changes many cases in one transaction and skips the ones the change cannot apply to', async () => {
    for (const id of ['1', '2', '3']) await trackPost(db, post(id), 'Anna', 1);
    await updateCase(db, caseIdFor('x', '3'), { status: 'closed' }, 'Anna', 2);
    const result = await updateCases(db, [caseIdFor('x', '1'), caseIdFor('x', '2'), caseIdFor('x', '3'), caseIdFor('x', '9')], { status: 'waiting', addTags: ['afval'] }, 'Bram', 5);
    expect(result.updated.map((c) => c.id)).toEqual(['x:1', 'x:2']);
    expect(result.skipped).toEqual([
      { id: 'x:3', reason: 'A case cannot move from closed to waiting' },
      { id: 'x:9', reason: 'No case x:9' },
    ]);
    expect(await getCase(db, caseIdFor('x', '3'))).toMatchObject({ status: 'closed', tags: [] });
    expect(await getCase(db, caseIdFor('x', '2'))).toMatchObject({ status: 'waiting', tags: ['afval'] });
  });
});

describe('recordReply: the reply kept with the case', () => {
  const reply = (id: string, via: 'loket' | 'elsewhere' = 'loket') => ({
    postId: caseIdFor('x', id),
    text: `Antwoord ${id}`,
    url: `https://x.com/gemeente/status/${id}`,
    postedAt: 2_000 + Number(id),
    via,
  });

  it('keeps the reply as one event and sets the first response time once', async () => {
    const { case: c } = await trackPost(db, post('1000'), 'Anna', 1_000);
    const first = await recordReply(db, c.id, reply('5'), 1_500, 'Anna', 2_100);
    expect(first).toMatchObject({ added: true, case: { firstResponseAt: 1_500, updatedAt: 2_100 } });
    const later = await recordReply(db, c.id, reply('6', 'elsewhere'), 3_000, 'Bram', 3_100);
    expect(later).toMatchObject({ added: true, case: { firstResponseAt: 1_500, updatedAt: 3_100 } });
    const events = await listEvents(db, c.id);
    expect(events.map((e) => [e.kind, e.field ?? null, e.actor])).toEqual([
      ['created', null, 'Anna'],
      ['changed', 'firstResponseAt', 'Anna'],
      ['reply', null, 'Anna'],
      ['reply', null, 'Bram'],
    ]);
    expect(events[2]!.after).toEqual(reply('5'));
    expect(events[3]!.after).toEqual(reply('6', 'elsewhere'));
  });

  it('is idempotent: the same reply seen twice, in two tabs at once or after a reload, is one event', async () => {
    const { case: c } = await trackPost(db, post('1000'), 'Anna', 1_000);
    const [a, b] = await Promise.all([
      recordReply(db, c.id, reply('5'), 1_500, 'Anna', 2_100),
      recordReply(db, c.id, reply('5', 'elsewhere'), 2_005, 'Anna', 2_100),
    ]);
    expect([a?.added, b?.added].sort()).toEqual([false, true]);
    const again = await recordReply(db, c.id, reply('5', 'elsewhere'), 2_005, 'Bram', 9_000);
    expect(again).toMatchObject({ added: false, case: { updatedAt: 2_100 } });
    const events = await listEvents(db, c.id);
    expect(events.filter((e) => e.kind === 'reply')).toHaveLength(1);
    expect(events.filter((e) => e.field === 'firstResponseAt')).toHaveLength(1);
  });

  it('records nothing for a post that is no case', async () => {
    expect(await recordReply(db, caseIdFor('x', '77'), reply('5'), 1_500, 'Anna', 2_100)).toBeNull();
    expect(await db.count('events')).toBe(0);
  });
});
