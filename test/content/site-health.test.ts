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
