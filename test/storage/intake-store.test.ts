import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { getCase, listEvents, trackPost } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { countIntakeSeen, takeIn } from '../../src/storage/intake-store';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;

const post = (id: string, site: 'x' | 'facebook' = 'x'): PostRef => ({
  caseId: site === 'x' ? caseIdFor('x', id) : caseIdFor('facebook', id),
  site,
  url: site === 'x' ? `https://x.com/a/status/${id}` : `https://www.facebook.com/${id}`,
  author: { name: 'A', handle: '@a' },
  text: 'vraag aan @gemeente',
  postedAt: 1_000,
  postedAtSource: 'page',
});
const item = (id: string, site: 'x' | 'facebook' = 'x') => ({ post: post(id, site), reason: 'mention' as const, detail: '@gemeente' });

beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('intake'));
});
afterEach(() => dispose());

describe('automatic intake in the database', () => {
  it('makes a case `auto` with a created and an intake event, and counts the post as seen', async () => {
    const result = await takeIn(db, [item('11')], 'Anna', 5_000, () => 9_000);
    expect(result.created.map((c) => [c.id, c.intake, c.status, c.dueAt])).toEqual([['x:11', 'auto', 'new', 9_000]]);
    const events = await listEvents(db, caseIdFor('x', '11'));
    expect(events.map((e) => [e.kind, e.after])).toEqual([
      ['created', undefined],
      ['intake', { reason: 'mention', detail: '@gemeente' }],
    ]);
    expect(await countIntakeSeen(db, 0, 10_000)).toBe(1);
  });

  it('is idempotent: the same post again, twice in one batch, or from two tabs at once, is one case and one sighting', async () => {
    await takeIn(db, [item('12')], 'Anna', 5_000);
    const again = await takeIn(db, [item('12'), item('12')], 'Anna', 6_000);
    expect(again.created).toEqual([]);
    expect(again.existing.map((c) => c.id)).toEqual(['x:12']);
    // Two tabs' messages arrive together: two transactions, run one after the other by IndexedDB.
    const [a, b] = await Promise.all([takeIn(db, [item('13')], 'Anna', 7_000), takeIn(db, [item('13')], 'Bram', 7_000)]);
    expect(a.created.length + b.created.length).toBe(1);
    expect((await listEvents(db, caseIdFor('x', '13'))).filter((e) => e.kind === 'created')).toHaveLength(1);
    expect(await countIntakeSeen(db, 0, 10_000)).toBe(2);
  });

  it('leaves a case made by hand as it is, and still counts the post', async () => {
    await trackPost(db, post('14'), 'Anna', 2_000);
    const result = await takeIn(db, [item('14')], 'Anna', 3_000);
    expect(result.created).toEqual([]);
    expect((await getCase(db, caseIdFor('x', '14')))?.intake).toBe('manual');
    expect((await listEvents(db, caseIdFor('x', '14'))).map((e) => e.kind)).toEqual(['created']);
    expect(await countIntakeSeen(db, 0, 10_000)).toBe(1);
  });

  it('counts per period and per channel', async () => {
    await takeIn(db, [item('21')], '', 1_000);
    await takeIn(db, [item('22', 'facebook')], '', 2_000);
    await takeIn(db, [item('23')], '', 3_000);
    expect(await countIntakeSeen(db, 1_000, 3_000)).toBe(2);
    expect(await countIntakeSeen(db, 0, 10_000, 'x')).toBe(2);
    expect(await countIntakeSeen(db, 0, 10_000, 'facebook')).toBe(1);
    expect(await countIntakeSeen(db, 5_000, 5_000)).toBe(0);
  });
});
