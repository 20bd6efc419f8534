/**
 * What a quiet Facebook post costs and where its mark goes (issue #19 on Facebook): the quiet read gives what
 * the full read gives on the fields a mark needs, on every fixture; the mark sits in a comment's action list
 * and at the end of a post's action bar, taking no line of its own.
 */
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/sites/facebook/adapter';
import { readFacebookPost, readFacebookQuiet } from '../../../src/sites/facebook/read-post';
import { loadPage } from '../../support/fixtures';

// Thursday 3 December 2026, 14:00 in Amsterdam.
const NOW = Date.parse('2026-12-03T13:00:00Z');

const FIXTURES: Array<[string, string]> = [
  ['facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'],
  ['facebook/group-feed-nl.html', 'https://www.facebook.com/groups/wijkvoorbeeld'],
  ['facebook/photo-viewer-nl.html', 'https://www.facebook.com/photo/?fbid=1'],
  ['facebook/post-en.html', 'https://www.facebook.com/gemeentevoorbeeld/posts/1'],
  ['facebook/feed-2022-en.html', 'https://www.facebook.com/'],
  ['facebook/timeline-2024-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'],
  ['facebook/timeline-2024-later-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'],
  ['facebook/feed-2025-nl.html', 'https://www.facebook.com/'],
  ['facebook/photo-viewer-2024-en.html', 'https://www.facebook.com/photo/?fbid=4747474747474747'],
];

const accepted = (doc: Document) => [...doc.querySelectorAll(facebookAdapter.candidateSelector)].filter((el) => facebookAdapter.accepts(el));

describe('the quiet read equals the full read on id, permalink, author, time (and so own-ness)', () => {
  it.each(FIXTURES)('%s', (file, url) => {
    let compared = 0;
    for (const el of accepted(loadPage(file, url))) {
      const full = readFacebookPost(el, NOW, true, NOW);
      const quiet = readFacebookQuiet(el, NOW, NOW);
      if (full === null) {
        expect(quiet).toBeNull();
        continue;
      }
      const { text, ...rest } = full;
      expect(quiet).toEqual({ ...rest, text: '' });
      expect(typeof text).toBe('string');
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('leaves out the text, which only an opened toolbar needs', () => {
    loadPage('facebook/post-en.html', 'https://www.facebook.com/gemeentevoorbeeld/posts/1');
    const texts = accepted(document).map((el) => readFacebookPost(el, NOW, true, NOW)?.text ?? '');
    expect(texts.filter((t) => t.length > 0).length).toBeGreaterThan(2);
  });
});

describe('the quiet point: no line of its own', () => {
  it('a comment’s mark goes after the time in its own action list (like · reply · time), a reply’s in its own', () => {
    for (const [file, url] of FIXTURES) {
      for (const el of accepted(loadPage(file, url))) {
        if (!el.matches('div[role="article"][aria-label]')) continue;
        const at = facebookAdapter.quietPoint!(el, facebookAdapter.mountPoint(el)!);
        if (at === null) continue; // a hand-made comment without an action list: a line under it
        expect(at.parent.tagName, file).toBe('LI');
        expect(at.parent.closest('div[role="article"]'), file).toBe(el);
        expect(at.parent.querySelector('a[href*="comment_id="]'), file).not.toBeNull();
        expect(at).toMatchObject({ before: null, inline: true, chip: true });
      }
    }
  });

  it('every comment of the realistic shapes has one', () => {
    for (const [file, url] of FIXTURES.slice(4)) {
      const comments = accepted(loadPage(file, url)).filter((el) => el.matches('div[role="article"][aria-label]'));
      for (const c of comments) expect(facebookAdapter.quietPoint!(c, facebookAdapter.mountPoint(c)!), file).not.toBeNull();
    }
  });

  it('a post’s mark goes at the end of its own action bar (like · comment · share), with no room for a chip', () => {
    let posts = 0;
    for (const [file, url] of FIXTURES.slice(4)) {
      for (const el of accepted(loadPage(file, url))) {
        if (el.matches('div[role="article"][aria-label]') || el.matches('div[role="dialog"]')) continue;
        const at = facebookAdapter.quietPoint!(el, facebookAdapter.mountPoint(el)!);
        expect(at, file).not.toBeNull();
        expect(at!.parent.querySelector('[data-ad-rendering-role="like_button"]')).not.toBeNull();
        expect(at!.parent.querySelector('[data-ad-rendering-role="share_button"]')).not.toBeNull();
        expect(at!.parent.querySelector('div[role="article"][aria-label]')).toBeNull();
        expect(at!.chip).toBeUndefined();
        posts++;
      }
    }
    expect(posts).toBeGreaterThanOrEqual(6);
  });
});
