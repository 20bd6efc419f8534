/**
 * Reply templates as an agent uses them: typed trigger in the site's own composer, keyboard-only choice,
 * fill-in fields, the result in the real editors' state (Draft.js on X, Lexical on Facebook); the keyboard
 * shortcut; and the options page changing a template that an open picker then shows without a reload.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { facebookPage } from './support/facebook-pages';
import { readStore } from './support/idb';
import { Toolbar } from './support/toolbar';
import { statusPageWithComposer } from './support/x-pages';

const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const FOCAL = 'x:1000000000000000001';
const FEED = 'https://www.facebook.com/gemeentevoorbeeld';
const JAN = 'fb:123456789012345/987654321098765'; // the comment's base64 id names its post by number
let loket: Loket;

const draftText = (page: Page) => page.evaluate(() => (window as unknown as { __draft: { plainText(w: string): string | null } }).__draft.plainText('inline'));
const lexicalText = (page: Page, selector: string) =>
  page.evaluate((s) => (window as unknown as { __lexical: { text(el: Element): string | null } }).__lexical.text(document.querySelector(s)!), selector);

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve(STATUS_URL, await statusPageWithComposer());
  loket.serve(FEED, await facebookPage('facebook/page-feed-nl.html'));
  await loket.saveSettings({ 'Paraaf (bijv. ^AB)': '^AW', Gemeente: 'Voorbeeld' });
});

afterEach(async () => {
  await loket?.close();
});

describe('reply templates', () => {
  it('on X, by keyboard only: ";;" in the reply box opens the picker, a field is filled, the template replaces the trigger', async () => {
    const page = await loket.open(STATUS_URL);
    await page.focus('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type('Goedemorgen! ;;');
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('grofvuil');
    await toolbar.waitFor('[data-lk="preview"]', (b) => /grofvuil/i.test(b.text));
    // The picker offers the fill-in field, and says so until it is filled.
    expect((await toolbar.texts('[role="alert"]')).join(' ')).toMatch(/Vul eerst ‘Ophaaldatum’ in/);
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="fill-0"]', (b) => b.focused);
    await page.keyboard.type('dinsdag 8 december');
    await toolbar.waitFor('[data-lk="preview"]', (b) => b.text.includes('dinsdag 8 december'));
    // The B1 check of the reply, in words.
    await toolbar.waitFor('[data-lk="readability-score"]', (b) => /^✓ Voldoet aan B1: Flesch-Douma \d+/.test(b.text));
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const text = (await draftText(page))!;
    expect(text).toMatch(/^Goedemorgen! Hoi Bob, /);
    expect(text).toContain('dinsdag 8 december');
    expect(text).not.toContain(';;');
    expect(text).not.toMatch(/\[Ophaaldatum\]|\{\{/);
    expect(text).toMatch(/\^AW$/);
    // The picker's use is counted, for "most used first" and the reports.
    const used = (await readStore<{ id: string; usageCount: number }>(await loket.worker(), 'templates')).find((t) => t.id === 'default:grofvuil');
    expect(used?.usageCount).toBe(1);
    await page.close();
  });

  it('on X, puts the caret where the template’s {{cursor}} is, so the agent types on there', async () => {
    const page = await loket.open(STATUS_URL);
    await page.focus('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type(';;');
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('container');
    await toolbar.waitFor('[data-lk="preview"]', (b) => /container/.test(b.text));
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    await page.keyboard.type(' Excuses voor het ongemak.');
    await expect.poll(() => draftText(page)).toMatch(/langs\. Excuses voor het ongemak\. \^AW$/);
    await page.close();
  });

  it('on Facebook: ";;" in a comment’s reply box fills the template into Lexical’s state, replacing the trigger', async () => {
    const page = await loket.open(FEED);
    const jan = new Toolbar(page, JAN);
    await jan.waitForText(/Geen zaak/);
    // Open this comment's reply box as the agent would, then type the trigger.
    await jan.pickTemplate('dank');
    await jan.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const box = 'li:has(> [aria-label^="Opmerking van Jan"]) > form [data-lexical-editor="true"]';
    // The caret is where the first template's {{cursor}} put it (before the signature): type the trigger there.
    await page.focus(box);
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(';;');
    await jan.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('dm');
    await jan.waitFor('[data-lk="preview"]', (b) => /DM/.test(b.text));
    await page.keyboard.press('Enter');
    await jan.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    await expect.poll(() => lexicalText(page, box)).toMatch(/Deel nooit uw BSN openbaar\./);
    const text = (await lexicalText(page, box))!;
    // Both templates, each once, and the trigger gone.
    expect(text).not.toContain(';;');
    expect(text.match(/compliment/g)).toHaveLength(1);
    expect(text.match(/Deel nooit uw BSN openbaar\./g)).toHaveLength(1);
    expect(text.match(/\^AW/g)).toHaveLength(2);
    await page.close();
  });

  it('adds several templates to one reply with "insert and add another"', async () => {
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="templates"]');
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('dank');
    await toolbar.waitFor('[data-lk="preview"]', (b) => /compliment/.test(b.text));
    await page.keyboard.press('Shift+Enter');
    // The picker stays open, its search focused again, for the next one.
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused && b.value === '');
    await page.keyboard.type('afsluiten');
    await toolbar.waitFor('[data-lk="preview"]');
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const text = (await draftText(page))!;
    expect(text.match(/\^AW/g), text).toHaveLength(2);
    expect(text).toMatch(/compliment/);
    await page.close();
  });

  it('opens the picker at the focused reply box when the background sends the shortcut command', async () => {
    // Headless Chromium does not deliver extension shortcuts; the background's listener sends exactly this.
    const page = await loket.open(STATUS_URL);
    await page.focus('[data-testid="tweetTextarea_0"]');
    await page.evaluate(() => (document.title = 'shortcut-target'));
    const worker = await loket.worker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ title: 'shortcut-target' });
      await chrome.tabs.sendMessage(tab!.id!, { protocol: 'loket/1', push: 'templates/open', payload: {} });
    });
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.close();
  });

  it('has no axe-core violations in the open picker', async () => {
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="templates"]');
    await page.keyboard.type('paspoort');
    await toolbar.waitFor('[data-lk="fill-0"]');
    await toolbar.waitFor('[data-lk="readability"]');
    loket.serve('https://x.com/loket-axe-probe', await toolbar.snapshot());
    const probe = await loket.open('https://x.com/loket-axe-probe');
    expect(await axeViolations(probe)).toEqual([]);
    await probe.close();
    await page.close();
  });

  it('shows a template edited on the options page in an open picker, without a reload', async () => {
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="templates"]');
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('woz');
    await toolbar.waitFor('[data-lk="preview"]', (b) => /WOZ/.test(b.text));

    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    await options.getByRole('button', { name: /^Sjabloon .*WOZ.* bewerken$/ }).first().click();
    const body = options.getByLabel('Tekst', { exact: true });
    await body.fill('Hoi {{voornaam}}, de WOZ-beschikking staat in de Berichtenbox. {{paraaf}}');
    await options.getByTestId('template-preview').filter({ hasText: 'Hoi Jan, de WOZ-beschikking staat in de Berichtenbox.' }).waitFor();
    await options.getByRole('button', { name: 'Sjabloon opslaan' }).click();
    await options.getByTestId('templates-status').filter({ hasText: /opgeslagen/ }).waitFor();
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    await toolbar.waitFor('[data-lk="preview"]', (b) => b.text === 'Hoi Bob, de WOZ-beschikking staat in de Berichtenbox. ^AW');
    await page.close();
  });

  it('imports a template file after showing what it will do, and refuses a broken one without changing anything', async () => {
    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    const before = await readStore<{ id: string }>(await loket.worker(), 'templates');
    await options.getByTestId('import-file').setInputFiles({ name: 'kapot.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"loket-templates","version":1,"scope":"team","templates":[{"id":"x"}]}') });
    await options.getByTestId('import-error').filter({ hasText: /‘kapot\.json’ bevat fouten; er is niets veranderd\. templates\[0\]/ }).waitFor();
    expect(await readStore(await loket.worker(), 'templates')).toHaveLength(before.length);

    const file = {
      format: 'loket-templates',
      version: 1,
      scope: 'team',
      exportedAt: new Date().toISOString(),
      templates: [
        { id: 'team:evenement', title: 'Evenementenvergunning', body: 'Hoi {{voornaam}}, een evenement meldt u via onze website. {{paraaf}}', category: 'Vergunningen', language: 'nl', sites: ['x', 'facebook'], shortcut: 'evenement' },
      ],
    };
    await options.getByTestId('import-file').setInputFiles({ name: 'team.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
    await options.getByTestId('import-plan').filter({ hasText: '1 sjablonen toevoegen' }).waitFor();
    expect(await readStore(await loket.worker(), 'templates')).toHaveLength(before.length); // nothing yet
    await options.getByRole('button', { name: 'Importeren', exact: true }).click();
    await options.getByText('Geïmporteerd: 1 toegevoegd, 0 vervangen.').waitFor();
    await options.getByText('Evenementenvergunning').waitFor();
    expect(await readStore(await loket.worker(), 'templates')).toHaveLength(before.length + 1);
    await options.close();
  });
});
