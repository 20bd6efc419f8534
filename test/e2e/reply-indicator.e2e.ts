/**
 * Issue #20, item 2 in a real Chromium with the built extension: the B1 indicator beside the reply box, while
 * the agent types in X's real Draft.js composer and Facebook's real Lexical comment box — the verdict, the
 * tips with the plain word, keyboard use that never takes the editor's focus, axe-core with the tips open,
 * hiding it per box, and the setting that turns it off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { facebookPage } from './support/facebook-pages';
import { Indicator } from './support/reply-indicator';
import { patchSettings } from './support/settings';
import { fixture } from './support/fixtures';
import { statusPageWithComposer, withDraft } from './support/x-pages';

const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const FEED = 'https://www.facebook.com/gemeentevoorbeeld';
const HOME = 'https://x.com/home';
const X_BOX = '[data-testid="tweetTextarea_0"]';
const FB_BOX = '[aria-posinset="1"] form [data-lexical-editor="true"]';
const OFFICIALESE = 'Ingevolge de regeling retourneren wij het formulier binnen twee weken.';
const PLAIN = 'Wij halen het afval morgen op. Zet de bak voor acht uur aan de straat.';
const TOGGLE = '[data-lk="indicator-toggle"]';
let loket: Loket;

const draftText = (page: Page) => page.evaluate(() => (window as unknown as { __draft: { plainText(w: string): string | null } }).__draft.plainText('inline'));
const lexicalText = (page: Page, selector: string) =>
  page.evaluate((s) => (window as unknown as { __lexical: { text(el: Element): string | null } }).__lexical.text(document.querySelector(s)!), selector);
/** The element with the keyboard focus, as the page sees it (our host when the focus is inside the indicator). */
const focusedIn = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.hasAttribute('data-loket-indicator') ? 'indicator' : (el?.getAttribute('data-testid') ?? el?.getAttribute('aria-label') ?? el?.tagName ?? null);
  });

beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve(STATUS_URL, await statusPageWithComposer());
  loket.serve(FEED, await facebookPage('facebook/page-feed-nl.html'));
  loket.serve(HOME, await withDraft(fixture('x/x-home.html')));
});

afterEach(async () => {
  await loket?.close();
});

describe('the B1 indicator beside the reply box', () => {
  it('on X: says what is officialese while the agent types, opens the tips from the keyboard, and passes plain text as B1', async () => {
    const page = await loket.open(STATUS_URL);
    const indicator = new Indicator(page);
    await page.click(X_BOX);
    expect(await indicator.present()).toBe(false); // nothing before there is text
    await page.keyboard.type(OFFICIALESE);
    const verdict = await indicator.waitFor(TOGGLE, (b) => b.verdict === 'advice');
    expect(verdict.text).toMatch(/^Taal: /);
    expect(verdict.expanded).toBe('false');
    // It never took the focus, and never blocks sending.
    expect(await focusedIn(page)).toBe('tweetTextarea_0');
    expect(await draftText(page)).toBe(OFFICIALESE);
    expect(await page.$eval('[data-testid="tweetButtonInline"]', (b) => b.getAttribute('aria-disabled'))).not.toBe('true');
    // The verdict was said once, politely.
    expect((await indicator.locate('[data-lk="indicator-live"]'))!.text).toMatch(/^Nog niet B1: Flesch-Douma \d+/);
    // In X's toolbar row, beside the Reply button: no line of its own.
    const reply = await page.$eval('[data-testid="tweetButtonInline"]', (b) => b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2);
    expect(Math.abs(verdict.y - reply)).toBeLessThan(16);

    // Keyboard: Tab from the editor reaches it, Enter opens the tips, Escape closes them and stays on the button.
    await page.keyboard.press('Tab');
    await indicator.waitFor(TOGGLE, (b) => b.focused);
    await page.keyboard.press('Enter');
    const panel = await indicator.waitFor('[data-lk="indicator-panel"]');
    expect(panel.text).toMatch(/Ambtelijk: “Ingevolge”, liever: volgens/i);
    expect(panel.text).toMatch(/Ambtelijk: “retourneren”, liever: terugsturen/);
    expect((await indicator.locate(TOGGLE))!.expanded).toBe('true');
    // axe-core cannot enter the closed shadow root: the indicator, tips open, on a page of its own.
    loket.serve('https://x.com/loket-axe-indicator', await indicator.snapshot());
    const probe = await loket.open('https://x.com/loket-axe-indicator');
    expect(await axeViolations(probe)).toEqual([]);
    await probe.close();
    await page.bringToFront();
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await indicator.locate('[data-lk="indicator-panel"]')) === null).toBe(true);
    expect((await indicator.locate(TOGGLE))!.focused).toBe(true);

    // Plain words: B1 ✓, and the change of verdict is said.
    await page.click(X_BOX);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(PLAIN);
    const pass = await indicator.waitFor(TOGGLE, (b) => b.verdict === 'pass');
    expect(pass.text).toBe('B1 ✓');
    expect((await indicator.locate('[data-lk="indicator-live"]'))!.text).toMatch(/^Voldoet aan B1: Flesch-Douma \d+/);
    expect(await draftText(page)).toBe(PLAIN);
    await page.close();
  });

  it('on X: hidden with its ×, it stays away for that reply box; the setting turns it off', async () => {
    const page = await loket.open(STATUS_URL);
    const indicator = new Indicator(page);
    await page.click(X_BOX);
    await page.keyboard.type(OFFICIALESE);
    await indicator.waitFor(TOGGLE);
    await indicator.click('[data-lk="indicator-dismiss"]');
    await expect.poll(() => indicator.present()).toBe(false);
    await page.click(X_BOX);
    await page.keyboard.type(' Ingevolge.');
    await page.waitForTimeout(1_000); // well past the 300 ms the indicator waits for
    expect(await indicator.present()).toBe(false);
    await page.close();

    // Off in the settings: no indicator on a fresh page either.
    await patchSettings(await loket.worker(), { readabilityIndicator: false });
    const again = await loket.open(STATUS_URL);
    await again.click(X_BOX);
    await again.keyboard.type(OFFICIALESE);
    await again.waitForTimeout(1_000);
    expect(await new Indicator(again).present()).toBe(false);
    await again.close();
  });

  it('on X: in the reply dialog of a timeline tweet too, beside the dialog’s Reply button', async () => {
    const page = await loket.open(HOME);
    const indicator = new Indicator(page);
    await page.locator('article[data-testid="tweet"] [data-testid="reply"]').first().click();
    const box = '#layers [role="dialog"] [data-testid="tweetTextarea_0"]';
    await page.click(box);
    await page.keyboard.type(OFFICIALESE);
    const verdict = await indicator.waitFor(TOGGLE, (b) => b.verdict === 'advice');
    const reply = await page.$eval('#layers [data-testid="tweetButton"]', (b) => b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2);
    expect(Math.abs(verdict.y - reply)).toBeLessThan(16);
    expect(await page.$eval('#layers [data-testid="tweetButton"]', (b) => b.previousElementSibling?.hasAttribute('data-loket-indicator'))).toBe(true);
    await page.close();
  });

  it('on Facebook: the comment box’s indicator gives the same advice, and B1 ✓ for plain words', async () => {
    const page = await loket.open(FEED);
    const indicator = new Indicator(page);
    await page.click(FB_BOX);
    await page.keyboard.type(OFFICIALESE);
    await indicator.waitFor(TOGGLE, (b) => b.verdict === 'advice');
    expect(await focusedIn(page)).toBe('Schrijf een opmerking…');
    await indicator.click(TOGGLE);
    const panel = await indicator.waitFor('[data-lk="indicator-panel"]');
    expect(panel.text).toMatch(/Ambtelijk: “Ingevolge”, liever: volgens/i);
    loket.serve('https://www.facebook.com/loket-axe-indicator', await indicator.snapshot());
    const probe = await loket.open('https://www.facebook.com/loket-axe-indicator');
    expect(await axeViolations(probe)).toEqual([]);
    await probe.close();
    await page.bringToFront();

    await page.click(FB_BOX);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(PLAIN);
    expect((await indicator.waitFor(TOGGLE, (b) => b.verdict === 'pass')).text).toBe('B1 ✓');
    expect(await lexicalText(page, FB_BOX)).toBe(PLAIN);
    await page.close();
  });
});
