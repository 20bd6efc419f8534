/**
 * Templates into X's own composer: a real Draft.js editor (draft-js 0.11.7 on React 18, with X's composer
 * attributes) in a real x.com capture. Success is judged by the editor's own state and X's Post button, the
 * way X itself decides whether a reply can be sent.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { readStore } from './support/idb';
import { Toolbar } from './support/toolbar';
import { statusPageWithComposer, statusPageWithDeadComposer, withDraft } from './support/x-pages';

const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const FOCAL = 'x:1000000000000000001';
let loket: Loket;

const draftText = (page: Page, which: 'inline' | 'dialog') =>
  page.evaluate((w) => (window as unknown as { __draft: { plainText(w: string): string | null } }).__draft.plainText(w), which);
const postEnabled = (page: Page, testId: string) =>
  page.$eval(`[data-testid="${testId}"]`, (b) => b.getAttribute('aria-disabled') !== 'true' && !(b as HTMLButtonElement).disabled);

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve(STATUS_URL, await statusPageWithComposer());
  loket.serve('https://x.com/home', await withDraft(fixture('x/x-home.html')));
  loket.serve('https://x.com/bob/status/1000000000000000002', statusPageWithDeadComposer().replaceAll('1000000000000000001', '1000000000000000002'));
  // The agent's settings fill {{paraaf}}.
  await loket.saveSettings({ 'Paraaf (bijv. ^AB)': '^AW' });
});

afterEach(async () => {
  await loket?.close();
});

describe('reply templates into X’s composer', () => {
  it('fills a template into the inline reply box: the editor state has it and Post enables', async () => {
    const page = await loket.open(STATUS_URL);
    await page.waitForSelector('[data-testid="tweetTextarea_0"]');
    expect(await postEnabled(page, 'tweetButtonInline')).toBe(false);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.pickTemplate('dm');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    expect(await draftText(page, 'inline')).toBe(
      'Hoi Bob, dat zoeken we graag voor u uit. Wilt u ons een DM sturen met uw naam, adres en telefoonnummer? Deel nooit uw BSN openbaar. ^AW',
    );
    expect(await postEnabled(page, 'tweetButtonInline')).toBe(true);
    await page.close();
  });

  it('keeps text already typed, keeps line breaks, and leaves the caret after the insert', async () => {
    const page = await loket.open(STATUS_URL);
    const editor = page.locator('[data-testid="tweetTextarea_0"]');
    await editor.click();
    await page.keyboard.type('Goedemorgen!');
    await page.keyboard.press('Enter');
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.pickTemplate('gesloten');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const text = await draftText(page, 'inline');
    expect(text).toMatch(/^Goedemorgen!\nHoi Bob, bedankt voor uw bericht\./);
    expect(text!.split('\n')).toHaveLength(4);
    expect(text).toMatch(/112\.\n\^AW$/);
    // Typing goes on where the insert ended.
    await page.keyboard.type(' Groet');
    await expect.poll(() => draftText(page, 'inline')).toMatch(/\^AW Groet$/);
    await page.close();
  });

  it('opens X’s reply dialog for a timeline tweet and fills it there', async () => {
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.waitForText(/Geen zaak/);
    await toolbar.pickTemplate('paspoort');
    // The template has a field to fill in: Enter went to it; typing and Enter inserts.
    await toolbar.waitFor('[data-lk="fill-0"]', (b) => b.focused);
    await page.keyboard.type('3 december');
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    await page.waitForSelector('#layers [role="dialog"] [data-testid="tweetTextarea_0"]');
    expect(await draftText(page, 'dialog')).toMatch(/^Hoi Carol, u maakt een afspraak voor een paspoort.* op 3 december\. /);
    expect(await postEnabled(page, 'tweetButton')).toBe(true);
    await page.close();
  });

  it('says plainly when the reply box did not take the text', async () => {
    const page = await loket.open('https://x.com/bob/status/1000000000000000002');
    const toolbar = new Toolbar(page, 'x:1000000000000000002');
    await toolbar.pickTemplate('dm');
    const notice = await toolbar.waitFor('[data-lk="notice"]');
    expect(notice.text).toBe('Het antwoordvak nam de tekst niet aan. Er staat niets klaar om te versturen.');
    await page.close();
  });

  it('records the first response when the agent’s reply is sent and appears', async () => {
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]');
    // Posted long ago, on the default promise of one office hour on X.
    expect(await page.$eval(`[data-loket-post="${FOCAL}"]`, (h) => h.getAttribute('data-loket-sla'))).toBe('overdue');
    await toolbar.pickTemplate('kcc');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const before = Date.now();
    await page.click('[data-testid="tweetButtonInline"]');
    // The reply shows up as a tweet by @alice, the logged-in account; then the case is answered.
    await page.waitForSelector('a[href^="/alice/status/19"]', { state: 'attached' });
    await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') === 'answered', FOCAL);
    const [stored] = await readStore<{ id: string; firstResponseAt?: number }>(await loket.worker(), 'cases');
    expect(stored!.firstResponseAt).toBeGreaterThanOrEqual(before - 1_000);
    expect(stored!.firstResponseAt).toBeLessThanOrEqual(Date.now());
    expect(await toolbar.text()).toMatch(/Beantwoord na/);
    await page.close();
  });

  it('shows hostile post text as text, in the page and in the popup', async () => {
    const hostile = fixture('x/x-status.html')
      .replaceAll('1000000000000000001', '1000000000000000007')
      .replace(/(<div[^>]*data-testid="tweetText"[^>]*>)/, '$1&lt;img src=x onerror="window.pwned=1"&gt;&lt;/script&gt;');
    loket.serve('https://x.com/bob/status/1000000000000000007', hostile);
    const page = await loket.open('https://x.com/bob/status/1000000000000000007');
    const toolbar = new Toolbar(page, 'x:1000000000000000007');
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]');
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    const popup = await loket.openPopup();
    await expect.poll(() => popup.locator('[data-case-id="x:1000000000000000007"]').textContent()).toContain('<img src=x onerror="window.pwned=1"></script>');
    expect(await popup.locator('li img').count()).toBe(0);
    expect(await popup.evaluate(() => 'pwned' in window)).toBe(false);
    await popup.close();
    await page.close();
  });
});
