/**
 * Cases as agents work them: tagging from the toolbar with the keyboard, seen at once in another tab and in
 * the popup; the status menu offering only the moves the lifecycle allows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { readStore } from './support/idb';
import { request, tweet } from './support/messages';
import { patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';

const TWEET = 'x:1000000000000000010';
let loket: Loket;

/** Makes the tweet a case from its toolbar, as the agent does. */
async function track(page: Page, id: string): Promise<Toolbar> {
  const toolbar = new Toolbar(page, id);
  await toolbar.click('[data-lk="track"]');
  await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'new');
  return toolbar;
}

/** Cases handed over to the KCC, made through the background's message contract (the subject is elsewhere). */
async function handOver(ids: string[]): Promise<void> {
  const popup = await loket.openPopup();
  for (const [i, id] of ids.entries()) {
    await request(popup, 'case/track', { post: tweet(id, `Carol${i}`, 'Lantaarnpaal kapot') });
    await request(popup, 'case/handover', { id: `x:${id}`, category: 'Openbare ruimte', note: `Lamp bij nr. ${i + 4}` });
  }
  await popup.close();
}

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
});

afterEach(async () => {
  await loket?.close();
});

describe('cases and tags', () => {
  it('tags a tweet with the keyboard in one tab; the chip shows in a second tab and in the popup', async () => {
    const [tabA, tabB] = [await loket.open('https://x.com/home'), await loket.open('https://x.com/home')];
    const popup = await loket.openPopup();
    const a = new Toolbar(tabA, TWEET);
    const b = new Toolbar(tabB, TWEET);
    await b.waitForText(/Geen zaak/);
    await a.click('[data-lk="tags"]');
    await a.waitFor('[data-lk="tag-search"]');
    await tabA.keyboard.type('afv');
    await tabA.keyboard.press('Enter'); // Afval on: the post becomes a case with that tag
    await a.waitFor('[data-lk="chips"]', (c) => c.text.includes('Afval'));
    await tabA.keyboard.press('Backspace');
    await tabA.keyboard.press('Backspace');
    await tabA.keyboard.press('Backspace');
    await tabA.keyboard.type('klacht');
    await tabA.keyboard.press('Enter');
    await a.waitFor('[data-lk="chips"]', (c) => c.text.includes('Klacht'));
    await tabA.keyboard.press('Escape');
    // The other tab and the popup follow without a reload.
    await expect.poll(() => b.texts('[data-lk="chips"] li')).toEqual(['Afval', 'Klacht']);
    await expect.poll(() => popup.locator(`[data-case-id="${TWEET}"] .chip`).allTextContents()).toEqual(['Afval', 'Klacht']);
    const [stored] = await readStore<{ id: string; tags: string[] }>(await loket.worker(), 'cases');
    expect(stored).toMatchObject({ id: TWEET, tags: ['afval', 'klacht'] });
    expect(await axeViolations(popup)).toEqual([]);
    for (const p of [tabA, tabB, popup]) await p.close();
  });

  it('offers only the status moves the lifecycle allows, and refuses others with a clear error', async () => {
    const page = await loket.open('https://x.com/home');
    const toolbar = await track(page, TWEET);
    await toolbar.choose('[data-lk="status"]', 'Gesloten');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'closed');
    expect(await toolbar.texts('[data-lk="status"] option')).toEqual(['Gesloten', 'In behandeling']);
    const popup = await loket.openPopup();
    const reply = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ protocol: 'loket/1', name: 'case/update', payload: { id: 'x:1000000000000000010', patch: { status: 'waiting' } } }),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-move', message: 'A case cannot move from closed to waiting' } });
    await popup.close();
    await page.close();
  });

  it('works the list in the popup: status and take without leaving it, filters, search, badge, open the post', async () => {
    await loket.saveSettings({ 'Uw naam': 'Anna de Wit' });
    const page = await loket.open('https://x.com/home');
    const other = 'x:1000000000000000011';
    const toolbar = new Toolbar(page, other);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    const popup = await loket.openPopup();
    const row = popup.locator(`[data-case-id="${other}"]`);
    await row.waitFor();
    // Change the status in the popup; the toolbar in the page follows.
    await row.getByTestId('row-status').selectOption('waiting');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'waiting');
    // Take it: assigned to the agent, stored, and the button goes.
    await row.getByRole('button', { name: /^Neem zaak van/ }).click();
    await expect.poll(async () => (await readStore<{ id: string; assignee?: string }>(await loket.worker(), 'cases')).find((c) => c.id === other)?.assignee).toBe('Anna de Wit');
    await expect.poll(() => row.getByRole('button', { name: /^Neem zaak van/ }).count()).toBe(0);
    // Counts per status, and the filter they make.
    await popup.getByTestId('status-counts').getByRole('button', { name: /^Wacht op inwoner 1$/ }).click();
    await expect.poll(() => popup.locator('li.case').count()).toBe(1);
    await popup.getByTestId('status-counts').getByRole('button', { name: /^Alle/ }).click();
    await popup.getByRole('searchbox', { name: 'Zoeken in open zaken' }).fill('geen-enkele-zaak-heet-zo');
    await popup.getByText('Geen open zaken die hierbij passen.').waitFor();
    await popup.getByRole('searchbox', { name: 'Zoeken in open zaken' }).fill('');
    // The badge on the toolbar icon counts the open items.
    expect(await popup.evaluate(() => (chrome as unknown as { action: { getBadgeText(d: object): Promise<string> } }).action.getBadgeText({}))).toBe('1');
    expect(await axeViolations(popup)).toEqual([]);
    // A click on the post opens it (no tab shows it yet).
    const url = (await readStore<{ id: string; url: string }>(await loket.worker(), 'cases')).find((c) => c.id === other)!.url;
    loket.serve(url, fixture('x/x-home.html'));
    const opened = loket.context.waitForEvent('page');
    await row.locator('a.open').click();
    await (await opened).waitForURL(/^https:\/\/x\.com\/[a-z0-9]+\/status\/1000000000000000011$/);
    await page.close();
  });

  it('hands a tweet over to the KCC with a note, and exports the handover as CSV whose row matches', async () => {
    await patchSettings(await loket.worker(), { agentName: 'Anna de Wit' });
    const page = await loket.open('https://x.com/home');
    const tweet = 'x:1000000000000000012';
    const toolbar = new Toolbar(page, tweet);
    await toolbar.waitForText(/Geen zaak/);
    await toolbar.click('[data-lk="handover-open"]');
    await toolbar.waitFor('[data-lk="handover-category"]');
    // Submitting without a note is refused, with a message.
    await toolbar.choose('[data-lk="handover-category"]', 'Afval', 'arrows');
    await toolbar.click('[data-lk="handover-submit"]');
    await toolbar.waitFor('.warning', (w) => w.text.includes('Schrijf een korte notitie'));
    await toolbar.click('[data-lk="handover-note"]');
    await page.keyboard.type('=cmd| Bewoner wil teruggebeld worden');
    await toolbar.click('[data-lk="handover-submit"]');
    await toolbar.waitFor('[data-lk="notice"]', (n) => n.text === 'Doorgezet naar het KCC.');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'handed_over');
    // The note is internal: nothing of it in the page's DOM.
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('teruggebeld'))).toBe(false);
    const popup = await loket.openPopup();
    const section = popup.getByTestId('handovers');
    await section.locator(`[data-handover-id="${tweet}"]`).waitFor();
    const mail = await section.getByRole('link', { name: 'Mail naar het KCC' }).getAttribute('href');
    expect(decodeURIComponent(mail!)).toContain('Overdracht webcare: Afval');
    const downloading = popup.waitForEvent('download');
    await section.getByRole('button', { name: 'Exporteer CSV' }).click();
    const file = await (await downloading).path();
    const csv = (await import('node:fs')).readFileSync(file, 'utf8');
    const [header, row] = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toBe('overgedragen_op,kanaal,link,auteur,bericht,categorie,notitie,medewerker,zaak,zaaknummer');
    expect(row).toContain(',X,https://x.com/');
    expect(row).toMatch(/,Afval,'=cmd\| Bewoner wil teruggebeld worden,Anna de Wit,x:1000000000000000012,W-[0-9A-Z]{6}$/);
    await popup.close();
    await page.close();
  });

  it('exports only the handovers the agent ticks, and all of them when none is ticked', async () => {
    await handOver(['1000000000000000776', '1000000000000000777']);
    const popup = await loket.openPopup();
    const section = popup.getByTestId('handovers');
    await section.locator('[data-handover-id="x:1000000000000000777"]').waitFor();
    const rows = async () => {
      const downloading = popup.waitForEvent('download');
      await section.getByRole('button', { name: 'Exporteer CSV' }).click();
      const csv = (await import('node:fs')).readFileSync((await (await downloading).path())!, 'utf8');
      return csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
    };
    expect(await rows()).toHaveLength(2);
    // Exported once: the list now offers only new handovers, unless the agent asks for the exported ones too.
    await section.getByTestId('handovers-none-new').waitFor();
    await section.getByTestId('handovers-show-exported').check();
    await section.getByRole('checkbox', { name: /Carol1/ }).check();
    await section.getByTestId('handover-export-scope').filter({ hasText: '1 geselecteerd' }).waitFor();
    const chosen = await rows();
    expect(chosen).toHaveLength(1);
    expect(chosen[0]).toContain('Lamp bij nr. 5');
    await popup.close();
  });

  it('shows the case history with who did what, and keeps internal notes out of the page', async () => {
    await patchSettings(await loket.worker(), { agentName: 'Anna de Wit' });
    await handOver(['1000000000000000012']);
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, 'x:1000000000000000012');
    await toolbar.click('[data-lk="history-open"]');
    const list = await toolbar.waitFor('[data-lk="events"]', (l) => l.text.includes('doorgezet naar KCC'));
    expect(list.text).toContain('Anna de Wit: zaak gemaakt');
    expect(list.text).toContain('status: Nieuw → Doorgezet naar KCC');
    await page.keyboard.type('Gebeld, geen gehoor');
    await toolbar.click('[data-lk="note-add"]');
    await toolbar.waitFor('[data-lk="events"]', (l) => l.text.includes('notitie: Gebeld, geen gehoor'));
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('geen gehoor'))).toBe(false);
    const events = await readStore<{ caseId: string; kind: string; after?: unknown }>(await loket.worker(), 'events');
    expect(events.filter((e) => e.caseId === 'x:1000000000000000012' && e.kind === 'note')).toMatchObject([{ after: 'Gebeld, geen gehoor' }]);
    await page.close();
  });

  it('changes status and tags of several items at once from the popup', async () => {
    const page = await loket.open('https://x.com/home');
    for (const id of ['x:1000000000000000020', 'x:1000000000000000021']) {
      const toolbar = new Toolbar(page, id);
      await toolbar.click('[data-lk="track"]');
      await toolbar.waitFor('[data-lk="status"]');
    }
    const popup = await loket.openPopup();
    await popup.getByRole('checkbox', { name: /^Selecteer zaak van .*/ }).first().waitFor();
    for (const id of ['x:1000000000000000020', 'x:1000000000000000021']) await popup.locator(`[data-case-id="${id}"] input[type="checkbox"]`).check();
    const bulk = popup.getByTestId('bulk');
    expect(await bulk.textContent()).toContain('2 geselecteerd');
    await bulk.getByRole('combobox', { name: 'Label voor selectie' }).selectOption('vraag');
    await bulk.getByRole('combobox', { name: 'Status van selectie' }).selectOption('in_progress');
    await expect
      .poll(async () =>
        (await readStore<{ id: string; status: string; tags: string[] }>(await loket.worker(), 'cases'))
          .filter((c) => c.id.endsWith('020') || c.id.endsWith('021'))
          .map((c) => `${c.status}:${c.tags.join('+')}`),
      )
      .toEqual(['in_progress:vraag', 'in_progress:vraag']);
    await new Toolbar(page, 'x:1000000000000000020').waitFor('[data-lk="status"]', (s) => s.value === 'in_progress');
    await popup.close();
    await page.close();
  });

  it('keeps both edits when two tabs change the same case at the same moment', async () => {
    const [tabA, tabB] = [await loket.open('https://x.com/home'), await loket.open('https://x.com/home')];
    const id = 'x:1000000000000000021';
    const a = await track(tabA, id);
    const popup = await loket.openPopup();
    await request(popup, 'case/update', { id, patch: { addTags: ['vraag'] } });
    await popup.close();
    await a.waitFor('[data-lk="chips"]', (c) => c.text.includes('Vraag'));
    const b = new Toolbar(tabB, id);
    await b.waitFor('[data-lk="chips"]', (c) => c.text.includes('Vraag'));
    await b.waitFor('[data-lk="status"]');
    // Agent A gets a tag ready, then both act at the same moment: A tags it a complaint, B sets it waiting.
    // A works in tab A: it is in front (the popup that tagged the case had the focus), so A's keys go there.
    await tabA.bringToFront();
    await a.click('[data-lk="tags"]');
    await a.waitFor('[data-lk="tag-search"]');
    await tabA.keyboard.type('klacht');
    await Promise.all([tabA.keyboard.press('Enter'), b.choose('[data-lk="status"]', 'Wacht op inwoner')]);
    await expect
      .poll(async () => (await readStore<{ id: string; status: string; tags: string[] }>(await loket.worker(), 'cases')).find((c) => c.id === id))
      .toMatchObject({ status: 'waiting', tags: ['vraag', 'klacht'] });
    await a.waitFor('[data-lk="status"]', (s) => s.value === 'waiting');
    await expect.poll(() => b.texts('[data-lk="chips"] li')).toEqual(['Vraag', 'Klacht']);
    await tabA.close();
    await tabB.close();
  });

  it('takes a case from the toolbar: it shows as mine there and is stored with the agent’s name', async () => {
    await loket.saveSettings({ 'Uw naam': 'Anna de Wit' });
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, 'x:1000000000000000022');
    await toolbar.click('[data-lk="track"]');
    await toolbar.click('[data-lk="take"]');
    await toolbar.waitFor('[data-lk="assignee"]', (a) => a.text === 'Bij mij');
    const stored = (await readStore<{ id: string; assignee?: string }>(await loket.worker(), 'cases')).find((c) => c.id === 'x:1000000000000000022');
    expect(stored?.assignee).toBe('Anna de Wit');
    expect(await page.evaluate(() => document.documentElement.outerHTML.includes('Anna de Wit'))).toBe(false);
    await page.close();
  });

  it('draws the popup list from the database itself, without a request to the background, and keeps it in step', async () => {
    const page = await loket.open('https://x.com/home');
    const id = 'x:1000000000000000001';
    const toolbar = new Toolbar(page, id);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    const popup = await loket.context.newPage();
    // Record every request the popup sends before its list is drawn.
    await popup.addInitScript(() => {
      const sent: string[] = [];
      Object.assign(window, { sentBeforeList: sent });
      const record = (runtime: { sendMessage: (...args: unknown[]) => unknown } | undefined) => {
        if (!runtime) return;
        const original = runtime.sendMessage.bind(runtime);
        runtime.sendMessage = (...args: unknown[]) => {
          if (!document.querySelector('li.case')) sent.push(String((args[0] as { name?: unknown } | undefined)?.name));
          return original(...args);
        };
      };
      const g = globalThis as unknown as { chrome?: { runtime?: never }; browser?: { runtime?: never } };
      record(g.chrome?.runtime);
      if (g.browser?.runtime !== g.chrome?.runtime) record(g.browser?.runtime);
    });
    await popup.goto(`chrome-extension://${loket.extensionId}/popup.html`);
    const row = popup.locator(`[data-case-id="${id}"]`);
    await row.waitFor();
    const sent = await popup.evaluate(() => (window as unknown as { sentBeforeList: string[] }).sentBeforeList);
    expect(sent).toContain('settings/get'); // the recorder sees the popup's requests…
    expect(sent).not.toContain('cases/open'); // …and the list was not one of them
    // A change made in the page reaches the list (the push makes the popup read again).
    await toolbar.choose('[data-lk="status"]', 'Wacht op inwoner');
    await expect.poll(() => row.getByTestId('row-status').inputValue()).toBe('waiting');
    await popup.close();
    await page.close();
  });
});
