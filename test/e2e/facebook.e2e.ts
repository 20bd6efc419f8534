/**
 * The Facebook adapter in the real browser: hand-built pages (Dutch and English UI) at their real
 * www.facebook.com URLs, with real Lexical 0.52 comment boxes. Insertion is judged by Lexical's own state.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLoket, type Loket } from './support/chromium';
import { facebookPage } from './support/facebook-pages';
import { readStore } from './support/idb';
import { MARK, Toolbar } from './support/toolbar';

const FEED = 'https://www.facebook.com/gemeentevoorbeeld';
const POST_EN = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUvWxYz&id=100064999888777';
const GROUP = 'https://www.facebook.com/groups/wijzijnnoord';
const PHOTO = 'https://www.facebook.com/photo/?fbid=990011223344556&set=a.112233445566';
// The post's links say pfbid; its comments' base64 ids name it by number, which is its case id.
const P1 = 'fb:123456789012345';
const JAN = `${P1}/987654321098765`;

let loket: Loket;

const ids = (page: Page) => page.$$eval('[data-loket-post][data-loket-sla]', (hosts) => hosts.map((h) => h.getAttribute('data-loket-post')!));
const lexicalText = (page: Page, selector: string) =>
  page.evaluate((s) => (window as unknown as { __lexical: { text(el: Element): string | null } }).__lexical.text(document.querySelector(s)!), selector);

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve(FEED, await facebookPage('facebook/page-feed-nl.html'));
  loket.serve(POST_EN, await facebookPage('facebook/post-en.html'));
  loket.serve(GROUP, await facebookPage('facebook/group-feed-nl.html'));
  loket.serve(PHOTO, await facebookPage('facebook/photo-viewer-nl.html'));
  await loket.saveSettings({ 'Paraaf (bijv. ^AB)': '^AW' });
});

afterEach(async () => {
  await loket?.close();
});

describe('the Facebook adapter in Chromium', () => {
  it('puts one toolbar on each post, comment and reply, none on the sponsored unit, and reveals a "#" permalink when its mark is clicked', async () => {
    const page = await loket.open(FEED);
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === 5);
    expect((await ids(page)).sort()).toEqual([P1, JAN, `${P1}/555444333222111`, `${P1}/121212121212121`, 'fb:112233445566778'].sort());
    expect(await page.$$eval('[aria-posinset="3"] [data-loket-post]', (e) => e.length)).toBe(0);
    // The post whose permalink is "#" has its mark under a placeholder; the first click on it reads its id.
    const placeholder = await page.getAttribute('[aria-posinset="4"] [data-loket-post]', 'data-loket-post');
    expect(placeholder).toMatch(/^fb:pending-\d+$/);
    await new Toolbar(page, placeholder!).click(MARK);
    await new Toolbar(page, 'fb:778899001122334').waitForText(/Geen zaak/);
    await page.close();
  });

  it('reads English UI and a group feed the same way', async () => {
    const en = await loket.open(POST_EN);
    await en.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === 3);
    const group = await loket.open(GROUP);
    await group.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === 2);
    expect(await ids(group)).toEqual(['fb:3344556677889900', 'fb:4455667788990011']);
    // Facebook's dark mode: the toolbar follows it.
    expect(await new Toolbar(en, 'fb:998877665544332').style('.lk', 'background-color')).toBe('rgb(0, 0, 0)');
    await en.close();
    await group.close();
  });

  it('puts toolbars on the photo viewer’s post and its comment, and fills that comment’s reply box', async () => {
    const page = await loket.open(PHOTO);
    await page.waitForFunction(() => document.querySelectorAll('[role="dialog"] [data-loket-post][data-loket-sla]').length === 2);
    expect((await ids(page)).sort()).toEqual(['fb:990011223344556', 'fb:990011223344556/333222111000']);
    const henk = new Toolbar(page, 'fb:990011223344556/333222111000');
    await henk.pickTemplate('melding');
    await henk.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    expect(await lexicalText(page, 'li:has(> [aria-label="Opmerking van Henk Vos"]) > form [data-lexical-editor="true"]')).toMatch(/^Hoi Henk, bedankt voor uw melding\./);
    await page.close();
  });

  it('gives comments loaded later their toolbars', async () => {
    const page = await loket.open(FEED);
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === 5);
    await page.click('[data-fixture-more-comments]');
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === 7);
    await page.close();
  });

  it('fills a template into the reply box of this comment, opening it: Lexical’s state has the text', async () => {
    const page = await loket.open(FEED);
    const jan = new Toolbar(page, JAN);
    await jan.waitForText(/Geen zaak/);
    await jan.pickTemplate('dm');
    await jan.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const box = 'li:has(> [aria-label^="Opmerking van Jan"]) > form [data-lexical-editor="true"]';
    expect(await lexicalText(page, box)).toBe(
      'Hoi Jan, dat zoeken we graag voor u uit. Wilt u ons een DM sturen met uw naam, adres en telefoonnummer? Deel nooit uw BSN openbaar. ^AW',
    );
    // The post's own box was not touched.
    expect(await lexicalText(page, '[aria-posinset="1"] form.x1ed109x [data-lexical-editor="true"]')).toBe('');
    await page.close();
  });

  it('keeps typed text and line breaks in the post’s comment box', async () => {
    const page = await loket.open(POST_EN);
    const box = '[aria-label="Write a comment…"]';
    await page.click(box);
    await page.keyboard.type('Hello Sam,');
    const post = new Toolbar(page, 'fb:998877665544332');
    await post.pickTemplate('gesloten');
    await post.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const text = (await lexicalText(page, box))!;
    expect(text).toMatch(/^Hello Sam,Hoi Town, bedankt voor uw bericht\./);
    expect(text.split('\n')).toHaveLength(3);
    expect(text).toMatch(/112\.\n\^AW$/);
    await page.close();
  });

  it('records the first response when the Page’s reply to a tracked comment appears', async () => {
    await loket.saveSettings({ 'Eigen accounts': 'Gemeente Voorbeeld, @gemeentevoorbeeld' });
    const page = await loket.open(FEED);
    const jan = new Toolbar(page, JAN);
    // A comment on the Page's own post is a question to the municipality: with the own accounts known, intake
    // makes it a case by itself (before or after the agent could press "track"), so the test waits for that.
    await page.waitForFunction((id) => (document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') ?? 'none') !== 'none', JAN);
    await jan.waitFor('[data-lk="status"]');
    await jan.pickTemplate('kcc');
    await jan.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const before = Date.now();
    await page.keyboard.press('Enter'); // Facebook sends a comment with Enter
    await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') === 'answered', JAN);
    const stored = (await readStore<{ id: string; firstResponseAt?: number }>(await loket.worker(), 'cases')).find((c) => c.id === JAN)!;
    expect(stored.firstResponseAt).toBeGreaterThanOrEqual(before - 1_000);
    // The Page's own comment is marked as such and offers no case.
    const own = await page.$$eval('[data-loket-post]', (hosts) => hosts.map((h) => h.getAttribute('data-loket-post')!).filter((id) => id.includes('/7000')));
    expect(own).toHaveLength(1);
    await new Toolbar(page, own[0]!).waitForText(/Eigen bericht/);
    // The Page's own post is not incoming work either.
    await new Toolbar(page, P1).waitForText(/Eigen bericht/);
    await page.close();
  });
});
