import { describe, expect, it } from 'vitest';
import { xAdapter } from '../../../src/sites/x/adapter';
import { loadPage } from '../../support/fixtures';

describe('who is logged in on X', () => {
  it('reads the handle from the side navigation’s profile link on every real capture', () => {
    const pages: Array<[string, string, string]> = [
      ['x/x-home.html', 'https://x.com/home', '@alice'],
      ['x/x-profile.html', 'https://x.com/alice', '@alice'],
      ['x/x-search.html', 'https://x.com/search?q=a', '@alice'],
      ['x/x-bookmarks.html', 'https://x.com/i/bookmarks', '@user74'],
      ['x/x-home-rich.html', 'https://x.com/home', '@user74'],
    ];
    for (const [file, url, handle] of pages) expect(xAdapter.actingAccount!(loadPage(file, url)), file).toEqual({ handle });
  });

  it('knows nobody when the page shows no profile link, or one that is no handle', () => {
    document.body.innerHTML = '<main></main>';
    expect(xAdapter.actingAccount!(document)).toBeNull();
    document.body.innerHTML = '<a data-testid="AppTabBar_Profile_Link" href="/i/flow/login">x</a>';
    expect(xAdapter.actingAccount!(document)).toBeNull();
  });
});
