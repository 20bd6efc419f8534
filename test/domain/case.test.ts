import { describe, expect, it } from 'vitest';
import { applyPatch, isOpen, newCase, refreshFromPost } from '../../src/domain/case';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';

const post: PostRef = {
  caseId: caseIdFor('x', '100'),
  site: 'x',
  url: 'https://x.com/inwoner/status/100',
  author: { name: 'Inwoner', handle: '@inwoner' },
  text: 'Mijn container is niet geleegd',
  postedAt: 1_000,
  postedAtSource: 'page',
};

describe('a case', () => {
  it('starts new, untagged and open', () => {
    const c = newCase(post, 5_000);
    expect(c).toMatchObject({ id: 'x:100', status: 'new', tags: [], createdAt: 5_000, updatedAt: 5_000 });
    expect(isOpen(c)).toBe(true);
  });

  it('records each changed field once, and nothing when nothing changes', () => {
    const c = newCase(post, 0);
    const { next, changes } = applyPatch(c, { status: 'in_progress', tags: ['afval', 'afval', 'vraag'], assignee: 'Anna' }, 10);
    expect(next).toMatchObject({ status: 'in_progress', tags: ['afval', 'vraag'], assignee: 'Anna', updatedAt: 10 });
    expect(changes.map((ch) => ch.field)).toEqual(['status', 'tags', 'assignee']);
    expect(changes[0]).toEqual({ field: 'status', before: 'new', after: 'in_progress' });
    const again = applyPatch(next, { status: 'in_progress', tags: ['afval', 'vraag'] }, 20);
    expect(again.changes).toEqual([]);
    expect(again.next).toBe(next);
  });

  it('removes the assignee with null and keeps the first response time once set', () => {
    const c = applyPatch(newCase(post, 0), { assignee: 'Anna', firstResponseAt: 50 }, 1).next;
    const next = applyPatch(c, { assignee: null, firstResponseAt: 90 }, 2);
    expect(next.next.assignee).toBeUndefined();
    expect(next.next.firstResponseAt).toBe(50);
    expect(next.changes.map((ch) => ch.field)).toEqual(['assignee']);
  });

  it('takes a real posted time over a first-seen estimate, never the other way round', () => {
    const estimated = newCase({ ...post, postedAt: 9_000, postedAtSource: 'first-seen' }, 9_000);
    const better = refreshFromPost(estimated, post, 10_000);
    expect(better).toMatchObject({ postedAt: 1_000, postedAtSource: 'page', updatedAt: 10_000 });
    const same = refreshFromPost(better, { ...post, postedAt: 20_000, postedAtSource: 'first-seen' }, 11_000);
    expect(same).toBe(better);
  });

  it('ranks page over page-relative over first-seen; two relative readings keep the later earliest moment', () => {
    const seen = newCase({ ...post, postedAt: 9_000, postedAtSource: 'first-seen' }, 9_000);
    const relative = refreshFromPost(seen, { ...post, postedAt: 3_000, postedAtSource: 'page-relative' }, 9_100);
    expect(relative).toMatchObject({ postedAt: 3_000, postedAtSource: 'page-relative' });
    // "3 u" read again half an hour later: posted after both earliest moments, so after the later one.
    expect(refreshFromPost(relative, { ...post, postedAt: 4_000, postedAtSource: 'page-relative' }, 9_200)).toMatchObject({ postedAt: 4_000 });
    expect(refreshFromPost(relative, { ...post, postedAt: 2_000, postedAtSource: 'page-relative' }, 9_200)).toBe(relative);
    expect(refreshFromPost(relative, { ...post, postedAt: 3_500, postedAtSource: 'page' }, 9_300)).toMatchObject({ postedAt: 3_500, postedAtSource: 'page' });
    expect(refreshFromPost(relative, { ...post, postedAt: 1, postedAtSource: 'first-seen' }, 9_300)).toBe(relative);
  });

  it('keeps the longer text (a "See more" expansion) and leaves agent fields alone', () => {
    const tagged = applyPatch(newCase(post, 0), { tags: ['afval'], status: 'waiting' }, 1).next;
    const refreshed = refreshFromPost(tagged, { ...post, text: `${post.text} sinds dinsdag, adres Dorpsstraat 1` }, 2);
    expect(refreshed.text).toContain('sinds dinsdag');
    expect(refreshed).toMatchObject({ tags: ['afval'], status: 'waiting' });
    expect(refreshFromPost(refreshed, { ...post, text: 'Mijn' }, 3).text).toContain('sinds dinsdag');
  });
});

describe('tagging', () => {
  it('adds and removes tags against what the case has when the change is stored', () => {
    const base = applyPatch(newCase(post, 0), { tags: ['afval'] }, 1).next;
    // Two agents at once: one adds "klacht", the other adds "vraag"; both arrive against the stored case.
    const first = applyPatch(base, { addTags: ['klacht'] }, 2).next;
    const second = applyPatch(first, { addTags: ['vraag'] }, 3);
    expect(second.next.tags).toEqual(['afval', 'klacht', 'vraag']);
    expect(second.changes).toEqual([{ field: 'tags', before: ['afval', 'klacht'], after: ['afval', 'klacht', 'vraag'] }]);
    expect(applyPatch(second.next, { removeTags: ['afval'], addTags: ['klacht'] }, 4).next.tags).toEqual(['klacht', 'vraag']);
    expect(applyPatch(second.next, { removeTags: ['onbekend'] }, 5).changes).toEqual([]);
  });
});
