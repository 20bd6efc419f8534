import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SiteHealth } from '../../src/content/site-health';
import { xAdapter, xPageKind } from '../../src/sites/x/adapter';
import { loadPage } from '../support/fixtures';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('site health', () => {
  it('reports once when a page full of rows has no recognised tweet for the grace period', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    for (const a of document.querySelectorAll('article')) a.setAttribute('data-testid', 'renamed');
    const report = vi.fn();
    const health = new SiteHealth(xAdapter, () => 0, report, 5_000);
    health.check();
    vi.advanceTimersByTime(4_999);
    expect(report).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(report).toHaveBeenCalledWith('home', '10 post-like blocks, 0 recognised');
    health.check();
    vi.advanceTimersByTime(10_000);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('stays quiet while tweets are recognised, or when the page is merely empty', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const report = vi.fn();
    new SiteHealth(xAdapter, () => 8, report, 5_000).check();
    document.body.innerHTML = '<main><div data-testid="cellInnerDiv"></div></main>';
    new SiteHealth(xAdapter, () => 0, report, 5_000).check();
    vi.advanceTimersByTime(10_000);
    expect(report).not.toHaveBeenCalled();
  });

  it('names page kinds without personal data', () => {
    expect(['/home', '/bob/status/12', '/search', '/notifications/mentions', '/i/bookmarks', '/i/lists/5', '/bob', '/settings/x'].map(xPageKind)).toEqual([
      'home',
      'status',
      'search',
      'notifications',
      'bookmarks',
      'lists',
      'profile',
      'other',
    ]);
  });
});

describe('site health on Facebook: recognised, but not all of it', () => {
  it('reports comments found without their post (the 2022–2024 failure), once', async () => {
    const { facebookAdapter } = await import('../../src/sites/facebook/adapter');
    loadPage('facebook/feed-2022-en.html', 'https://www.facebook.com/');
    // The posts as an adapter that does not know the unit-is-the-article shape saw them: not posts at all.
    const blind = { ...facebookAdapter, health: (doc: Document) => ({ ...facebookAdapter.health(doc), posts: 0, postsWithId: 0 }) };
    const report = vi.fn();
    const health = new SiteHealth(blind, () => 3, report, 5_000);
    health.check();
    vi.advanceTimersByTime(5_000);
    expect(report).toHaveBeenCalledWith('feed', '3 comments found, no post');
    health.check();
    vi.advanceTimersByTime(10_000);
    expect(report).toHaveBeenCalledTimes(1);
  });

  it('reports posts found of which none yields an id', async () => {
    const { facebookAdapter } = await import('../../src/sites/facebook/adapter');
    loadPage('facebook/feed-2025-nl.html', 'https://www.facebook.com/');
    // Every link only tracking, as before a hover (the sponsored unit's query-only byline too: then it is not told apart).
    for (const a of document.querySelectorAll('a[href]')) a.setAttribute('href', 'https://www.facebook.com/?__cft__[0]=AZ');
    const report = vi.fn();
    new SiteHealth(facebookAdapter, () => 0, report, 5_000).check();
    vi.advanceTimersByTime(5_000);
    expect(report.mock.calls).toEqual([
      ['feed', '5 post-like blocks, 0 recognised'],
      ['feed', '3 posts found, none yields an id'],
    ]);
  });

  it('stays quiet on the realistic pages as they are', async () => {
    const { facebookAdapter } = await import('../../src/sites/facebook/adapter');
    const report = vi.fn();
    for (const file of ['facebook/feed-2022-en.html', 'facebook/timeline-2024-nl.html', 'facebook/feed-2025-nl.html']) {
      loadPage(file, `https://www.facebook.com/${file.length}`);
      new SiteHealth(facebookAdapter, () => 3, report, 5_000).check();
      vi.advanceTimersByTime(5_000);
    }
    expect(report).not.toHaveBeenCalled();
  });
});
