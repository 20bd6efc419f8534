import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../src/sites/x/adapter';
import { ownHandle, readText, statusFromHref } from '../../../src/sites/x/read-post';
import { X } from '../../../src/sites/x/selectors';
import { loadPage } from '../../support/fixtures';

const FIRST_SEEN = Date.UTC(2026, 10, 26, 9, 0);

function readAll(doc: Document) {
  return [...doc.querySelectorAll(X.tweet)].filter((a) => xAdapter.accepts(a)).map((a) => xAdapter.readPost(a, FIRST_SEEN));
}

describe('x.com: reading tweets from real captures', () => {
  it('reads every tweet on the home timeline and skips the promoted ones', () => {
    const doc = loadPage('x/x-home.html', 'https://x.com/home');
    const all = doc.querySelectorAll(X.tweet);
    expect(all).toHaveLength(10);
    // Two rows are ads: wrapped in placementTracking.
    const promoted = [...all].filter((a) => a.parentElement?.closest(X.promotedWrapper));
    expect(promoted).toHaveLength(2);
    expect(promoted.some((a) => xAdapter.accepts(a))).toBe(false);
    const posts = readAll(doc);
    expect(posts).toHaveLength(8);
    expect(posts.every((p) => p !== null)).toBe(true);
    const first = posts[0]!;
    expect(first).toMatchObject({
      caseId: 'x:1000000000000000001',
      site: 'x',
      url: 'https://x.com/bob/status/1000000000000000001',
      author: { name: 'Carol Chen', handle: '@bob' },
      postedAt: Date.parse('2026-01-15T09:30:00.000Z'),
      postedAtSource: 'page',
    });
    expect(new Set(posts.map((p) => p!.caseId)).size).toBe(8);
  });

  it('keeps tweets whose video player carries placementTracking inside the article', () => {
    const doc = loadPage('x/x-home-rich.html', 'https://x.com/home');
    const videoTweets = [...doc.querySelectorAll(X.tweet)].filter(
      (a) => a.querySelector(X.promotedWrapper) && !a.parentElement?.closest(X.promotedWrapper),
    );
    expect(videoTweets.length).toBeGreaterThan(0);
    expect(videoTweets.every((a) => xAdapter.accepts(a))).toBe(true);
  });

  it('reads emoji from img alt and keeps line breaks', () => {
    const doc = loadPage('x/x-home.html', 'https://x.com/home');
    doc.body.innerHTML = '<div data-testid="tweetText"><span>Container vol</span><img alt="🗑️" src="x.png"><br><span>Dorpsstraat</span></div>';
    expect(readText(doc.querySelector('[data-testid="tweetText"]')!)).toBe('Container vol🗑️\nDorpsstraat');
  });

  it('gives a quote tweet its own id, never the quoted tweet’s', () => {
    const doc = loadPage('x/x-bookmarks.html', 'https://x.com/i/bookmarks');
    const articles = [...doc.querySelectorAll(X.tweet)];
    const withQuote = articles.filter((a) => a.querySelector(X.quoted)?.querySelector('time'));
    expect(withQuote.length).toBeGreaterThan(0);
    for (const article of withQuote) {
      const post = xAdapter.readPost(article, FIRST_SEEN)!;
      const quotedTimeLink = article.querySelector(X.quoted)!.querySelector('time')?.closest('a')?.getAttribute('href');
      const quotedId = quotedTimeLink ? statusFromHref(quotedTimeLink)?.id : undefined;
      expect(post.caseId).not.toBe(`x:${quotedId}`);
      expect(post.text).not.toContain(article.querySelector(X.quoted)!.querySelector(X.tweetText)?.textContent ?? '\u0000');
    }
    const ids = articles.map((a) => xAdapter.readPost(a, FIRST_SEEN)?.caseId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads the focal tweet on its own page', () => {
    const doc = loadPage('x/x-status.html', 'https://x.com/alice/status/1000000000000000001');
    const [post] = readAll(doc);
    expect(post).not.toBeNull();
    expect(post!.caseId).toMatch(/^x:\d+$/);
    expect(post!.postedAtSource).toBe('page');
  });

  it('finds one readable post per tweet on every captured page', () => {
    for (const [file, url, count] of [
      ['x/x-profile.html', 'https://x.com/alice', 6],
      ['x/x-search.html', 'https://x.com/search?q=afval', 8],
      ['x/x-status-long.html', 'https://x.com/alice/status/1000000000000000001', 4],
      ['x/x-home-rich.html', 'https://x.com/home', 66],
    ] as const) {
      const doc = loadPage(file, url);
      const accepted = [...doc.querySelectorAll(X.tweet)].filter((a) => xAdapter.accepts(a));
      const posts = accepted.map((a) => xAdapter.readPost(a, FIRST_SEEN));
      expect(posts.filter((p) => p === null), file).toHaveLength(0);
      expect(new Set(posts.map((p) => p!.caseId)).size, file).toBe(accepted.length);
      expect(accepted.length, file).toBeLessThanOrEqual(count);
      for (const article of accepted) expect(xAdapter.mountPoint(article), file).not.toBeNull();
    }
  });

  it('marks reposts and knows the logged-in account', () => {
    const doc = loadPage('x/x-profile.html', 'https://x.com/alice');
    expect(ownHandle(doc)).toMatch(/^[a-z0-9_]+$/);
    const reposts = readAll(doc).filter((p) => p?.isRepost);
    expect(reposts).toHaveLength(1);
  });

  it('reads the theme from the body colour', () => {
    const doc = loadPage('x/x-home.html', 'https://x.com/home');
    expect(xAdapter.theme(doc)).toBe('light');
    doc.body.style.backgroundColor = 'rgb(21, 32, 43)';
    expect(xAdapter.theme(doc)).toBe('dim');
    doc.body.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(xAdapter.theme(doc)).toBe('dark');
  });
});

describe('statusFromHref', () => {
  it.each([
    ['/bob/status/123', { handle: 'bob', id: '123' }],
    ['https://x.com/bob/status/123/', { handle: 'bob', id: '123' }],
    ['/bob/status/123/analytics', null],
    ['/bob/status/123/photo/1', null],
    ['/bob/status/123/quotes', null],
    ['/i/status/abc', null],
    [null, null],
  ])('%j', (href, expected) => {
    expect(statusFromHref(href)).toEqual(expected);
  });
});

describe('x.com: the cheap key read', () => {
  it('gives every tweet on every capture the id a full read gives', () => {
    const pages: Array<[string, string]> = [
      ['x/x-home.html', 'https://x.com/home'],
      ['x/x-home-rich.html', 'https://x.com/home'],
      ['x/x-bookmarks.html', 'https://x.com/i/bookmarks'],
      ['x/x-profile.html', 'https://x.com/gemeentevoorbeeld'],
      ['x/x-search.html', 'https://x.com/search?q=afval'],
      ['x/x-status.html', 'https://x.com/gemeentevoorbeeld/status/1'],
      ['x/x-status-long.html', 'https://x.com/gemeentevoorbeeld/status/1'],
      ['x/x-variants-nl.html', 'https://x.com/home'],
    ];
    let compared = 0;
    for (const [file, url] of pages) {
      const doc = loadPage(file, url);
      for (const article of doc.querySelectorAll(X.tweet)) {
        const post = xAdapter.readPost(article, FIRST_SEEN);
        expect(xAdapter.readKey(article), file).toBe(post?.caseId ?? null);
        if (post) compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});

describe('x.com: the quiet read', () => {
  it('gives every tweet on every capture the id, link, author, time and own-ness a full read gives, and no text', () => {
    const pages: Array<[string, string]> = [
      ['x/x-home.html', 'https://x.com/home'],
      ['x/x-home-rich.html', 'https://x.com/home'],
      ['x/x-bookmarks.html', 'https://x.com/i/bookmarks'],
      ['x/x-profile.html', 'https://x.com/gemeentevoorbeeld'],
      ['x/x-search.html', 'https://x.com/search?q=afval'],
      ['x/x-status.html', 'https://x.com/gemeentevoorbeeld/status/1'],
      ['x/x-status-long.html', 'https://x.com/gemeentevoorbeeld/status/1'],
      ['x/x-variants-nl.html', 'https://x.com/home'],
    ];
    let compared = 0;
    let own = 0;
    for (const [file, url] of pages) {
      const doc = loadPage(file, url);
      for (const article of doc.querySelectorAll(X.tweet)) {
        const post = xAdapter.readPost(article, FIRST_SEEN);
        const quiet = xAdapter.readQuiet!(article, FIRST_SEEN);
        if (!post) {
          expect(quiet, file).toBeNull();
          continue;
        }
        const { caseId, site, url: link, author, postedAt, postedAtSource } = post;
        expect(quiet, file).toMatchObject({ caseId, site, url: link, author, postedAt, postedAtSource, text: '' });
        expect(Boolean(quiet!.isOwn), `${file} ${caseId}`).toBe(Boolean(post.isOwn));
        compared++;
        if (post.isOwn) own++;
      }
    }
    expect(compared).toBeGreaterThan(40);
    expect(own).toBeGreaterThan(0);
  }, 30_000);
});
