/**
 * Firefox smoke test: the built dist/firefox installed into Debian's firefox-esr (puppeteer-core over
 * WebDriver BiDi). Shows the content script finds the posts, the background (an event page here) answers
 * and stores, and what it stored survives the background being suspended. Firefox's extension pages cannot
 * be driven over BiDi, so the popup and options are tested in Chromium only; the toolbar's closed shadow
 * root is driven here with the keyboard, as a keyboard user would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture } from './support/fixtures';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXTENSION_DIR = resolve('dist/firefox');
const TWEET = 'x:1000000000000000001';

let browser: Browser;
let foreign: string[] = [];

const SERVED: Record<string, string> = {
  'https://x.com/home': 'x/x-home.html',
  'https://www.facebook.com/gemeentevoorbeeld': 'facebook/page-feed-nl.html',
};

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const requested = request.url();
    const file = SERVED[requested];
    if (file) void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: fixture(file) });
    else {
      // The page's own requests (favicon) stay on its site; anything to another host would be ours.
      if (!/^(moz-extension:|data:|https:\/\/(x\.com|www\.facebook\.com)\/)/.test(requested)) foreign.push(requested);
      void request.abort();
    }
  });
  await page.goto(url);
  // A fresh profile opens Loket's first-run page on install, which may come up in front of this tab: the
  // agent's keys go to the tab in front.
  await page.bringToFront();
  return page;
}

const openX = () => open('https://x.com/home');

/** Moves keyboard focus to Loket's mark on a tweet: from the last control of X's action bar, one Tab. */
async function tabIntoToolbar(page: Page, caseId: string): Promise<void> {
  await page.evaluate((id) => {
    const host = document.querySelector(`[data-loket-post="${id}"]`)!;
    const article = host.closest('article')!;
    const bar = article.querySelector('[data-testid="reply"]')!.closest('[role="group"]')!;
    const focusable = [...bar.querySelectorAll<HTMLElement>('button, a[href]')];
    focusable.at(-1)!.focus();
  }, caseId);
  await page.keyboard.press('Tab');
}

const sla = (page: Page, caseId: string) => page.$eval(`[data-loket-post="${caseId}"]`, (el) => el.getAttribute('data-loket-sla'));

// Every test starts a Firefox of its own, with a fresh profile.
beforeEach(async () => {
  foreign = [];
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`)) throw new Error('dist/firefox is missing: run `npm run build` first');
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Suspend the background after 2 s idle, so the test sees it stop and start again.
      'extensions.background.idle.timeout': 2000,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: '11111111-2222-3333-4444-555555555555' }),
    },
  });
  await browser.installExtension(EXTENSION_DIR);
});

afterEach(async () => {
  try {
    // Whatever the test did, nothing was requested from any other host.
    expect(foreign).toEqual([]);
  } finally {
    await browser?.close();
  }
});

function geckoId(): string {
  return JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')).browser_specific_settings.gecko.id;
}

describe('Loket in Firefox', () => {
  it('puts one toolbar on every tweet and gets each post’s case state from the background', async () => {
    const page = await openX();
    // data-loket-sla appears only once the background has answered for that post.
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla="none"]').length === 8, { timeout: 20_000 });
    const ids = await page.$$eval('[data-loket-post]', (els) => els.map((e) => e.getAttribute('data-loket-post')));
    expect(new Set(ids).size).toBe(8);
    await page.close();
  });

  it('creates and closes a case from the keyboard, and keeps it after the background was suspended', async () => {
    const page = await openX();
    await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"][data-loket-sla]`), { timeout: 20_000 }, TWEET);
    await tabIntoToolbar(page, TWEET);
    await page.keyboard.press('Enter'); // the mark: opens the full toolbar, focus stays on the mark
    await new Promise((r) => setTimeout(r, 300));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "Maak zaak"
    // Once the case exists its timer state leaves "none"; the open toolbar (a popover under the mark) stays
    // open where it is. The mark of an open toolbar closes it: then the host moves from X's action bar to the
    // line under it, where the chip has room.
    await page.waitForFunction((id) => !['none', null].includes(document.querySelector(`[data-loket-post="${id}"]`)!.getAttribute('data-loket-sla')), { timeout: 10_000 }, TWEET);
    await tabIntoToolbar(page, TWEET);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => !document.querySelector(`[data-loket-post="${id}"]`)!.closest('[role="group"]'), { timeout: 10_000 }, TWEET);
    // Back to the mark, open the toolbar again and pick "closed" in the status select.
    await tabIntoToolbar(page, TWEET);
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter'); // a keyboard choice in the status menu applies on Enter
    await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') === 'answered', { timeout: 10_000 }, TWEET);

    // Let the idle background suspend (2 s), then load the page again: the state comes back from IndexedDB.
    await new Promise((r) => setTimeout(r, 4_000));
    await page.reload();
    await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"][data-loket-sla]`), { timeout: 20_000 }, TWEET);
    expect(await sla(page, TWEET)).toBe('answered');
    expect(await sla(page, 'x:1000000000000000009')).toBe('none');
    await page.close();
  });

  it('puts a toolbar on each post, comment and reply on a Facebook Page', async () => {
    const page = await open('https://www.facebook.com/gemeentevoorbeeld');
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla="none"]').length === 5, { timeout: 20_000 });
    const ids = await page.$$eval('[data-loket-post]', (els) => els.map((e) => e.getAttribute('data-loket-post')!));
    expect(ids.filter((id) => id.includes('/'))).toHaveLength(3);
    await page.close();
  });
});
