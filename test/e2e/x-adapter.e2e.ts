/**
 * The X adapter in the real browser: every captured page kind served at its real x.com URL, one toolbar per
 * tweet with the right case id, toolbars that follow X's virtualised rows, X's themes, and a site-health
 * warning when X's markup is not recognised.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { Toolbar } from './support/toolbar';

const PAGES: Array<[string, string, number]> = [
  ['x/x-home.html', 'https://x.com/home', 8],
  ['x/x-status.html', 'https://x.com/bob/status/1000000000000000001', 1],
  ['x/x-profile.html', 'https://x.com/alice', 6],
  ['x/x-search.html', 'https://x.com/search?q=afval&src=typed_query', 8],
  ['x/x-bookmarks.html', 'https://x.com/i/bookmarks', 12],
  ['x/x-home-rich.html', 'https://twitter.com/home', 54],
  ['x/x-status-long.html', 'https://x.com/user6/status/1000000000000000006', 4],
  ['x/x-variants-nl.html', 'https://x.com/notifications/mentions', 10],
];

let loket: Loket;

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  for (const [file, url] of PAGES) loket.serve(url, fixture(file));
});

afterEach(async () => {
  await loket?.close();
});

const hostIds = (page: import('playwright-core').Page) =>
  page.$$eval('[data-loket-post]', (hosts) => hosts.map((h) => ({ id: h.getAttribute('data-loket-post'), inArticle: !!h.closest('article[data-testid="tweet"]') })));

describe('the X adapter in Chromium', () => {
  for (const [file, url, count] of PAGES) {
    it(`puts exactly one toolbar on each of the ${count} tweets of ${file} at ${new URL(url).host}${new URL(url).pathname}`, async () => {
      const page = await loket.open(url);
      await page.waitForFunction((n) => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === n, count);
      await page.waitForTimeout(300); // nothing more arrives
      const hosts = await hostIds(page);
      expect(hosts).toHaveLength(count);
      expect(new Set(hosts.map((h) => h.id)).size).toBe(count);
      expect(hosts.every((h) => h.inArticle && /^x:\d+$/.test(h.id!))).toBe(true);
      expect(await page.$$eval('[data-testid="placementTracking"] > article [data-loket-post], [role="link"][tabindex="0"] [data-loket-post]', (e) => e.length)).toBe(0);
      await page.close();
    });
  }

  it('follows virtualised rows: gone when the row goes, back when it returns, re-keyed when reused', async () => {
    const page = await loket.open('https://x.com/home');
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post]').length === 8);
    // X removes a row scrolled far away …
    await page.evaluate(() => {
      const cell = document.querySelector('[data-loket-post="x:1000000000000000001"]')!.closest('[data-testid="cellInnerDiv"]')!;
      (window as unknown as { parked: Element }).parked = cell;
      cell.remove();
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post]').length === 7);
    // … and renders it again when it comes back, without our host in it.
    await page.evaluate(() => {
      const cell = (window as unknown as { parked: Element }).parked;
      cell.querySelectorAll('[data-loket-post]').forEach((h) => h.remove());
      document.querySelector('[data-testid="cellInnerDiv"]')!.before(cell);
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post="x:1000000000000000001"]').length === 1);
    expect(await new Toolbar(page, 'x:1000000000000000001').waitForText(/Geen zaak/)).toBeTruthy();
    // X reuses a row's DOM for another tweet: the toolbar follows the new id.
    await page.evaluate(() => {
      const article = document.querySelector('[data-loket-post="x:1000000000000000009"]')!.closest('article')!;
      for (const a of article.querySelectorAll('a[href*="/status/1000000000000000009"]')) {
        a.setAttribute('href', a.getAttribute('href')!.replace('1000000000000000009', '1000000000000000999'));
      }
    });
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post="x:1000000000000000999"]').length === 1);
    expect(await page.$$eval('[data-loket-post="x:1000000000000000009"]', (e) => e.length)).toBe(0);
    expect(await page.$$eval('[data-loket-post]', (e) => e.length)).toBe(8);
    await page.close();
  });

  it('takes X’s theme: light, dim and lights out', async () => {
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, 'x:1000000000000000001');
    await toolbar.waitForText(/Geen zaak/);
    expect(await toolbar.style('.lk', 'background-color')).toBe('rgb(255, 255, 255)');
    for (const [body, expected] of [
      ['rgb(21, 32, 43)', 'rgb(21, 32, 43)'],
      ['rgb(0, 0, 0)', 'rgb(0, 0, 0)'],
    ] as const) {
      // X repaints the body and re-renders the timeline on a theme switch.
      await page.evaluate((bg) => {
        document.body.style.backgroundColor = bg;
        document.querySelector('[data-testid="cellInnerDiv"]')!.append(document.createElement('div'));
      }, body);
      await expect.poll(() => toolbar.style('.lk', 'background-color')).toBe(expected);
    }
    await page.close();
  });

  it('warns in the popup when X’s layout is not recognised', async () => {
    loket.serve('https://x.com/search?q=renamed', fixture('x/x-search.html').replaceAll('data-testid="tweet"', 'data-testid="post-v2"'));
    const page = await loket.open('https://x.com/search?q=renamed');
    const popup = await loket.openPopup();
    const warning = popup.getByTestId('health');
    await warning.waitFor({ timeout: 15_000 });
    expect(await warning.textContent()).toMatch(/X \(zoekresultaten, .*\): Loket herkende geen berichten/);
    await popup.close();
    await page.close();
  });
});
