import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import { IdFilter } from '../../src/domain/id-filter';
import type { PostRef } from '../../src/domain/post-ref';
import { allCaseKeys } from '../../src/storage/case-keys';
import { mergeAliases, trackPost } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;

const post = (id: string): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/a/status/${id}`,
  author: { name: 'A', handle: '@a' },
  text: 'vraag',
  postedAt: Number(id),
  postedAtSource: 'page',
});

beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('keys'));
});
afterEach(() => dispose());

describe('every id a stored case answers to', () => {
  it('lists the cases’ ids and their aliases, and a filter of them lets each through', async () => {
    await trackPost(db, post('100'), 'Ann', 1);
    await trackPost(db, post('200'), 'Ann', 2);
    // 200 turns out to be the same post as 300: its case moves under 300 and keeps 200 as an alias.
    await mergeAliases(db, caseIdFor('x', '300'), [caseIdFor('x', '200')], 'Ann', 3);
    const keys = await allCaseKeys(db);
    expect([...keys].sort()).toEqual([caseIdFor('x', '100'), caseIdFor('x', '200'), caseIdFor('x', '300')]);
    const filter = IdFilter.of(keys);
    for (const id of keys) expect(filter.has(id)).toBe(true);
    expect(filter.has(caseIdFor('x', '400'))).toBe(false);
  });
});
