import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import { DAY_MS } from '../../src/domain/retention';
import type { PostRef } from '../../src/domain/post-ref';
import { trackPost, updateCase } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { countIntakeSeen, takeIn } from '../../src/storage/intake-store';
import { eraseCases, erasureLog, findPersonData, logErasure, nextPurge, purgeExpired } from '../../src/storage/privacy-store';
import { resetFakeBrowser } from '../support/fake-browser';
import { openTestDatabase } from '../support/test-database';

const T0 = Date.UTC(2026, 0, 5, 9);
const x = (id: string, name: string, handle: string): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/${handle.slice(1)}/status/${id}`,
  author: { name, handle },
  text: `Vraag van ${name}`,
  postedAt: T0,
  postedAtSource: 'page',
});
const fb = (id: string, name: string): PostRef => ({
  caseId: caseIdFor('facebook', id),
  site: 'facebook',
  url: `https://www.facebook.com/gemeente/posts/${id}`,
  author: { name },
  text: `Vraag van ${name}`,
  postedAt: T0,
  postedAtSource: 'page',
});

let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => {
  resetFakeBrowser();
  ({ db, dispose } = await openTestDatabase('privacy'));
});
afterEach(() => dispose());

describe('privacy store', () => {
  it('finds one person on both sites and erases every trace of them, and nothing of anyone else', async () => {
    await trackPost(db, x('1', 'Jan de Vries', '@janvries'), 'Anna', T0);
    await trackPost(db, fb('2', 'Jan de Vries'), 'Anna', T0);
    await trackPost(db, x('3', 'Piet Jansen', '@pietj'), 'Anna', T0);
    await updateCase(db, caseIdFor('x', '1'), { status: 'in_progress', addTags: ['afval'] }, 'Anna', T0 + 1);
    await db.put('alerts', { key: 'x:1|soon|123', caseId: caseIdFor('x', '1'), at: T0 });

    const found = await findPersonData(db, 'Jan de Vries');
    expect(found.cases.map((c) => c.id).sort()).toEqual(['fb:2', 'x:1']);
    expect(found.events.length).toBe(4); // two created, a status and a tag change

    const summary = await eraseCases(db, found.cases.map((c) => c.id));
    expect(summary).toMatchObject({ cases: 2, events: 4 });
    expect((await db.getAll('cases')).map((c) => c.id)).toEqual(['x:3']);
    expect((await db.getAll('events')).every((e) => e.caseId === 'x:3')).toBe(true);
    expect(await db.getAll('alerts')).toEqual([]);
    const dump = JSON.stringify([await db.getAll('cases'), await db.getAll('events'), await db.getAll('alerts')]);
    expect(dump).not.toMatch(/Vries|janvries/);

    const record = await logErasure('Anna', T0 + 2, summary, 'request');
    expect(JSON.stringify(record)).not.toMatch(/Vries|janvries|x:1|fb:2/);
    expect(await erasureLog()).toEqual([record]);
  });

  it("erases intake's record of a post with its case: the post's id is gone, a colleague's post stays counted", async () => {
    await takeIn(db, [{ post: x('5', 'Jan de Vries', '@janvries'), reason: 'mention', detail: '@gemeente' }, { post: x('6', 'Piet Jansen', '@pietj'), reason: 'mention', detail: '@gemeente' }], 'Loket', T0);
    expect(await countIntakeSeen(db, T0 - 1, T0 + 1)).toBe(2);
    await eraseCases(db, [caseIdFor('x', '5')]);
    expect(await db.get('intakeSeen', caseIdFor('x', '5'))).toBeUndefined();
    expect(await countIntakeSeen(db, T0 - 1, T0 + 1)).toBe(1);
  });

  it('purges closed cases once their retention period has passed, never open ones, and says when the next purge is', async () => {
    await trackPost(db, x('1', 'A', '@a'), 'Anna', T0);
    await trackPost(db, x('2', 'B', '@b'), 'Anna', T0);
    await updateCase(db, caseIdFor('x', '1'), { status: 'closed' }, 'Anna', T0 + DAY_MS);
    const policy = { closedCaseDays: 90 };
    expect(await nextPurge(db, policy, T0 + 2 * DAY_MS)).toBe(T0 + 91 * DAY_MS);
    expect((await purgeExpired(db, policy, 'Loket', T0 + 91 * DAY_MS - 1)).ids).toEqual([]);
    const { ids, record } = await purgeExpired(db, policy, 'Loket', T0 + 91 * DAY_MS);
    expect(ids).toEqual(['x:1']);
    expect(record).toMatchObject({ reason: 'retention', cases: 1 });
    expect((await db.getAll('cases')).map((c) => c.id)).toEqual(['x:2']);
    expect(await nextPurge(db, policy, T0 + 92 * DAY_MS)).toBeNull();
  });
});
