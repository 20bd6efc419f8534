/**
 * The Facebook readers on the realistic-shape fixtures (2022, 2024, 2025 markup and the photo viewer; see
 * test/fixtures/facebook/README.md): which elements get a toolbar, their case ids and aliases, the posted
 * time, sponsored posts, and what site health counts.
 */
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/sites/facebook/adapter';
import { isSponsored, readFacebookKey, readFacebookPost } from '../../../src/sites/facebook/read-post';
import { loadPage } from '../../support/fixtures';

const HOUR = 3_600_000;
const ams = (iso: string, offsetHours: number) => Date.parse(`${iso}Z`) - offsetHours * HOUR;
// Thursday 3 December 2026, 14:00 in Amsterdam: when the pages are read.
const NOW = ams('2026-12-03T14:00:00', 1);

function read(doc: Document) {
  return [...doc.querySelectorAll(facebookAdapter.candidateSelector)]
    .filter((el) => facebookAdapter.accepts(el))
    .map((el) => ({ el, post: readFacebookPost(el, NOW, true, NOW), key: readFacebookKey(el) }));
}
const weight = (el: Element) => el.querySelectorAll('*').length + 1;

const PFBID_A = 'pfbid0Ec2RtYuIoPaSdFgHjKlZxCvBnM1q2w3e4r5t6y7u8i9o0pLkJhGfDsAl';
const PFBID_B = 'pfbid02WqErTyUiOpAsDfGhJkLzXcVbNm123456789QwErTyUiOpAsDfGhJkl';

describe('2022: the feed unit is itself the article (English UI)', () => {
  const doc = () => loadPage('facebook/feed-2022-en.html', 'https://www.facebook.com/');

  it('gives the organic post one toolbar and its comments theirs; the three sponsored units and the ad’s comment nothing', () => {
    const found = read(doc());
    expect(found.map((f) => f.post?.caseId)).toEqual([
      'fb:1234567890123456',
      'fb:1234567890123456/2233445566778899',
      'fb:1234567890123456/3344556677889900',
      'fb:1234567890123456/4455667788990011',
    ]);
    expect(found.map((f) => f.key)).toEqual(found.map((f) => f.post?.caseId));
    const units = [...doc().querySelectorAll('[aria-posinset]')];
    expect(units.map((u) => isSponsored(u))).toEqual([false, true, true, true]);
  });

  it('never takes the attached photo’s fbid as the post’s id, and reads the date from the time link’s label', () => {
    const post = read(doc())[0]!.post!;
    expect(post.url).toBe('https://www.facebook.com/townofexample/posts/1234567890123456/');
    expect(post).toMatchObject({ postedAt: ams('2026-12-01T14:05:00', 1), postedAtSource: 'page', text: expect.stringMatching(/^The recycling centre/) });
  });

  it('reads each comment’s time from its label, as the earliest moment it allows', () => {
    const [, pat, reply, lee] = read(doc()).map((f) => f.post!);
    expect(pat).toMatchObject({ author: { name: 'Pat Morgan' }, text: 'Is the recycling centre open on Saturday?', postedAt: NOW - 3 * HOUR + 1, postedAtSource: 'page-relative' });
    expect(reply).toMatchObject({ author: { name: 'Town of Example' }, postedAt: NOW - 2 * HOUR + 1 });
    expect(lee!.postedAtSource).toBe('page-relative');
    expect(lee!.postedAt).toBeLessThan(NOW - 4 * 365 * 24 * HOUR);
  });

  it('has real weights: the post 200–900 elements with its comments, a comment 50–80', () => {
    const [post, ...comments] = read(doc());
    expect(weight(post!.el)).toBeGreaterThanOrEqual(200);
    expect(weight(post!.el)).toBeLessThanOrEqual(900);
    for (const c of comments) expect(weight(c.el)).toBeGreaterThanOrEqual(50), expect(weight(c.el)).toBeLessThanOrEqual(80);
  });
});

describe('2024: a Page’s timeline (Dutch UI), posts named by permalink.php and by pfbid', () => {
  const doc = () => loadPage('facebook/timeline-2024-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');

  it('names each post once: permalink.php’s number; the number a comment’s base64 id gives, with the pfbid as alias; a pfbid alone', () => {
    const found = read(doc()).map((f) => [f.post!.caseId, f.post!.aliases ?? []]);
    expect(found).toEqual([
      ['fb:7788990011223344', []],
      ['fb:7788990011223344/1000200030004000', []],
      ['fb:6345485438822011', [`fb:${PFBID_A}`]],
      ['fb:6345485438822011/1212121212121212', [`fb:${PFBID_A}/1212121212121212`]],
      ['fb:6345485438822011/1313131313131313', [`fb:${PFBID_A}/1313131313131313`]],
      [`fb:${PFBID_B}`, []],
    ]);
  });

  it('keeps the pfbid link as the post’s URL and reads Dutch dates and "Gisteren om"', () => {
    const posts = read(doc()).map((f) => f.post!);
    expect(posts[0]).toMatchObject({ url: 'https://www.facebook.com/permalink.php?story_fbid=7788990011223344&id=100064123456789', postedAt: ams('2026-12-01T14:05:00', 1), postedAtSource: 'page' });
    expect(posts[2]).toMatchObject({ url: `https://www.facebook.com/gemeentevoorbeeld/posts/${PFBID_A}`, postedAt: ams('2026-12-02T09:30:00', 1), postedAtSource: 'page' });
    expect(posts[5]).toMatchObject({ postedAt: ams('2026-11-30T16:45:00', 1), postedAtSource: 'page' });
    expect(posts[3]).toMatchObject({ author: { name: 'Fatima El Amrani' }, postedAt: NOW - 41 * 60_000 + 1, postedAtSource: 'page-relative' });
  });

  it('the pfbid-only post, seen later with a comment, is named by the number with the pfbid as alias', () => {
    const later = read(loadPage('facebook/timeline-2024-later-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'));
    expect(later.map((f) => [f.post!.caseId, f.post!.aliases])).toEqual([
      ['fb:5566778899001122', [`fb:${PFBID_B}`]],
      ['fb:5566778899001122/1414141414141414', [`fb:${PFBID_B}/1414141414141414`]],
    ]);
  });
});

describe('2025: units without role="article", scrambled times, links that fill in on hover (Dutch UI)', () => {
  const doc = () => loadPage('facebook/feed-2025-nl.html', 'https://www.facebook.com/');

  it('finds the group post by its photo set, skips the sponsored unit and the virtualised placeholder', () => {
    const found = read(doc());
    expect(found.map((f) => f.key)).toEqual(['fb:8877665544332211', 'fb:8877665544332211/1515151515151515', null]);
    expect(found[0]!.post).toMatchObject({ author: { name: 'Wijkvereniging Noord' }, postedAt: NOW - 4 * HOUR + 1, postedAtSource: 'page-relative' });
  });

  it('a post with no id in the page yields one once its time link is hovered', () => {
    const page = doc();
    const unit = page.querySelector('[aria-posinset="2"]')!;
    expect(facebookAdapter.accepts(unit)).toBe(true);
    expect(readFacebookKey(unit)).toBeNull();
    // Meanwhile the adapter gives it a placeholder key (its mark is drawn at once), the same on every read.
    const pending = facebookAdapter.readKey(unit);
    expect(pending).toMatch(/^fb:pending-\d+$/);
    expect(facebookAdapter.readQuiet!(unit, NOW)).toMatchObject({ caseId: pending, idPending: true, author: { name: 'Kees Bakker' } });
    expect(facebookAdapter.readKey(unit)).toBe(pending);
    const link = unit.querySelector('a[data-real-href]')!;
    link.setAttribute('href', link.getAttribute('data-real-href')!);
    expect(facebookAdapter.readKey(unit)).toBe('fb:2468024680246802');
    expect(facebookAdapter.readPost(unit, NOW)?.idPending).toBeUndefined();
    expect(readFacebookPost(unit, NOW, true, NOW)).toMatchObject({
      caseId: 'fb:2468024680246802',
      url: 'https://www.facebook.com/kees.bakker.21/posts/2468024680246802',
      postedAt: NOW - 13 * 60_000 + 1, // the scrambled "12 min" read without its hidden filler letters
      postedAtSource: 'page-relative',
    });
  });

  it('site health counts the posts, those with an id, and the comments', () => {
    expect(facebookAdapter.health(doc())).toMatchObject({ pageKind: 'feed', posts: 2, postsWithId: 1, comments: 1 });
  });
});

describe('the photo viewer with comments (English UI)', () => {
  it('on the photo’s own viewer its fbid names the post; the comments agree', () => {
    const doc = loadPage('facebook/photo-viewer-2024-en.html', 'https://www.facebook.com/photo/?fbid=4747474747474747&set=a.3030');
    const found = read(doc).map((f) => f.post!);
    expect(found.map((p) => p.caseId)).toEqual(['fb:4747474747474747', 'fb:4747474747474747/1616161616161616', 'fb:4747474747474747/1717171717171717']);
    expect(found[0]).toMatchObject({ postedAt: ams('2026-11-28T10:15:00', 1), postedAtSource: 'page', text: 'New underground bins on Market Square.' });
  });
});

describe('the cheap key read agrees with the full read on every new fixture', () => {
  it.each([
    ['facebook/feed-2022-en.html', 'https://www.facebook.com/'],
    ['facebook/timeline-2024-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'],
    ['facebook/timeline-2024-later-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'],
    ['facebook/feed-2025-nl.html', 'https://www.facebook.com/'],
    ['facebook/photo-viewer-2024-en.html', 'https://www.facebook.com/photo/?fbid=4747474747474747'],
  ])('%s', (file, url) => {
    const found = read(loadPage(file, url));
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.key).toBe(f.post?.caseId ?? null);
  });
});
