/**
 * Issue #17 outside the content script, with the built extension in Chromium: the first-run setup opened on
 * install fills {{paraaf}}; the work queue lists the cases most urgent first, is driven by the keyboard and
 * opens the post in a site tab (reusing a tab that shows it); "no reply needed" changes the report's figures.
 * axe-core checks the queue and the setup page. Each test makes its own state in its own fresh profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { ALWAYS_OPEN, patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { withPostedTimes } from './support/x-pages';

const MIN = 60_000;
let loket: Loket | undefined;

afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

const request = (page: Page, name: string, payload: unknown) =>
  page.evaluate(([n, p]) => chrome.runtime.sendMessage({ protocol: 'loket/1', name: n, payload: p }), [name, payload] as const);

async function track(page: Page, id: string, author: string, postedAt: number): Promise<string> {
  const url = `https://x.com/${author.toLowerCase()}/status/${id}`;
  await request(page, 'case/track', { post: { caseId: `x:${id}`, site: 'x', url, author: { name: author, handle: `@${author.toLowerCase()}` }, text: `Vraag van ${author}`, postedAt, postedAtSource: 'page' } });
  return url;
}

describe('first-run setup', () => {
  it('opens on install, and the initials given there fill {{paraaf}}', async () => {
    loket = await launchLoket({ lang: 'nl' });
    const setupUrl = `chrome-extension://${loket.extensionId}/setup.html`;
    const setup = loket.context.pages().find((p) => p.url() === setupUrl) ?? (await loket.context.waitForEvent('page', (p) => p.url() === setupUrl));
    await setup.getByRole('heading', { name: 'Welkom bij Loket' }).waitFor();
    expect(await axeViolations(setup)).toEqual([]);
    await setup.getByLabel('Naam', { exact: false }).first().fill('Anna de Boer');
    await setup.getByLabel('Paraaf', { exact: false }).first().fill('AdB');
    await setup.getByLabel('Gemeente', { exact: true }).fill('Westerzand');
    await expect.poll(() => setup.getByTestId('paraaf-preview').innerText()).toContain('Met vriendelijke groet, ^AdB');
    await setup.getByRole('button', { name: 'Opslaan en beginnen' }).click();
    await setup.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
    const stored = await (await loket.worker()).evaluate(async () => (await chrome.storage.local.get('settings')).settings as { agentName: string; initials: string; municipality: string });
    expect(stored).toMatchObject({ agentName: 'Anna de Boer', initials: 'AdB', municipality: 'Westerzand' });
    expect(await axeViolations(setup)).toEqual([]);
  });
});

describe('work queue', () => {
  it('lists open cases most urgent first, works by keyboard, and opens the post in a site tab, reusing it', async () => {
    loket = await launchLoket({ lang: 'nl' });
    await patchSettings(await loket.worker(), { agentName: 'Anna', officeHours: ALWAYS_OPEN });
    const popup = await loket.openPopup();
    const now = Date.now();
    const oldest = await track(popup, '1700000000000000001', 'Oudste', now - 50 * MIN);
    await track(popup, '1700000000000000002', 'Middel', now - 20 * MIN);
    await track(popup, '1700000000000000003', 'Nieuwste', now - 5 * MIN);
    loket.serve(oldest, '<!doctype html><title>post</title><p>De vraag</p>');

    // The popup's link opens it as the options' first tab (queue.e2e.ts); here the queue page itself.
    const queue = await loket.open(`chrome-extension://${loket.extensionId}/queue.html`);
    const rows = queue.locator('.queue-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.locator('strong').allInnerTexts()).toEqual(['Oudste', 'Middel', 'Nieuwste']);
    expect(await axeViolations(queue)).toEqual([]);

    // A new case appears live, in its place.
    await track(popup, '1700000000000000004', 'Live', now - 60 * MIN);
    await expect.poll(() => rows.locator('strong').allInnerTexts()).toEqual(['Live', 'Oudste', 'Middel', 'Nieuwste']);

    // j moves down, t takes, k moves up.
    await rows.first().locator('a.open').focus();
    await queue.keyboard.press('j');
    await queue.keyboard.press('t');
    await expect.poll(() => rows.nth(1).locator('.assignee').innerText()).toBe('Bij mij');
    // x: "no reply needed" for the active row, chosen by keyboard; the case leaves the open list.
    await queue.keyboard.press('k');
    await expect.poll(() => rows.first().locator('a.open').evaluate((el) => el === document.activeElement)).toBe(true);
    await queue.keyboard.press('x');
    await queue.getByRole('menu', { name: 'Geen reactie nodig: reden' }).waitFor();
    await queue.keyboard.press('s'); // Spam
    await queue.keyboard.press('Enter');
    await expect.poll(() => rows.locator('strong').allInnerTexts()).toEqual(['Oudste', 'Middel', 'Nieuwste']);

    // / focuses the search; typing filters; Escape goes back to the list.
    await queue.keyboard.press('/');
    await queue.keyboard.type('Middel');
    await expect.poll(() => rows.count()).toBe(1);
    await queue.locator('input[type="search"]').fill('');
    await expect.poll(() => rows.count()).toBe(3);

    // Enter opens the post in a site tab; the second time the same tab is brought forward, not a new one.
    await rows.first().locator('a.open').focus();
    const [site] = await Promise.all([loket.context.waitForEvent('page'), queue.keyboard.press('Enter')]);
    await site.waitForURL(oldest);
    const tabs = loket.context.pages().length;
    await queue.bringToFront();
    await rows.first().locator('a.open').focus();
    await queue.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(loket.context.pages().length).toBe(tabs);
  });
});

describe('"no reply needed" in the reports', () => {
  it('leaves the case out of the response rate and counts it under coverage', async () => {
    loket = await launchLoket({ lang: 'nl' });
    await patchSettings(await loket.worker(), { agentName: 'Anna', officeHours: ALWAYS_OPEN });
    const popup = await loket.openPopup();
    const now = Date.now();
    await track(popup, '1800000000000000001', 'Vraag', now - 60 * MIN);
    await request(popup, 'case/responded', { id: 'x:1800000000000000001', at: now - 30 * MIN });
    await track(popup, '1800000000000000002', 'Dank', now - 40 * MIN);

    const reports = await loket.open(`chrome-extension://${loket.extensionId}/reports.html`);
    const card = (id: string) => reports.locator(`[data-figure="${id}"] .value`).innerText();
    await reports.getByTestId('headline').waitFor();
    await expect.poll(() => card('response-rate')).toMatch(/^50\s?%$/);
    expect(await card('no-reply')).toBe('0');

    // One click in the popup: "no reply needed" with its reason.
    await popup.reload();
    await popup.locator('[data-case-id="x:1800000000000000002"] [data-testid="row-no-reply"]').selectOption('thanks');
    await expect.poll(() => card('response-rate')).toMatch(/^100\s?%$/);
    expect(await card('no-reply')).toBe('1');
    expect(await card('made-by-hand')).toBe('2');
    // Automatic intake saw nothing here (the cases were made by hand): measured, and none.
    expect(await reports.locator('[data-figure="intake-seen"] .value').innerText()).toBe('0');
    const history = (await request(popup, 'case/history', { id: 'x:1800000000000000002' })) as { ok: boolean; value: Array<{ field?: string; after?: unknown }> };
    expect(history.value.some((e) => e.field === 'noReplyReason' && e.after === 'thanks')).toBe(true);
  });

  it('from the in-page toolbar in one choice: the report counts it apart, the history says so, reopening clears it', async () => {
    loket = await launchLoket({ lang: 'nl' });
    await patchSettings(await loket.worker(), { agentName: 'Anna', officeHours: ALWAYS_OPEN });
    const now = Date.now();
    loket.serve('https://x.com/home', withPostedTimes(fixture('x/x-home.html'), { '1000000000000000010': now - 30 * MIN }));
    const popup = await loket.openPopup();
    await track(popup, '1800000000000000011', 'Vraag', now - 60 * MIN);
    await request(popup, 'case/responded', { id: 'x:1800000000000000011', at: now - 40 * MIN });

    const home = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(home, 'x:1000000000000000010');
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    const reports = await loket.open(`chrome-extension://${loket.extensionId}/reports.html`);
    const card = (id: string) => reports.locator(`[data-figure="${id}"] .value`).innerText();
    await reports.getByTestId('headline').waitFor();
    await expect.poll(() => card('response-rate')).toMatch(/^50\s?%$/);

    // The toolbar's "Geen reactie nodig" opens a menu of reasons; the keyboard chooses one.
    await home.bringToFront();
    await toolbar.click('[data-lk="no-reply-open"]');
    await toolbar.waitFor('[role="menu"]', (m) => m.focused);
    await home.keyboard.press('s'); // Spam
    await home.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'closed');
    await toolbar.waitFor('[data-lk="history-open"]', (b) => b.focused); // the focus stays in the toolbar
    await expect.poll(() => card('response-rate')).toMatch(/^100\s?%$/);
    expect(await card('no-reply')).toBe('1');
    const history = async () => ((await request(popup, 'case/history', { id: 'x:1000000000000000010' })) as { value: Array<{ field?: string; after?: unknown }> }).value;
    expect((await history()).some((e) => e.field === 'noReplyReason' && e.after === 'spam')).toBe(true);

    // Reopened (the status menu): the reason goes, and the case counts again.
    await request(popup, 'case/update', { id: 'x:1000000000000000010', patch: { status: 'in_progress' } });
    await expect.poll(() => card('response-rate')).toMatch(/^50\s?%$/);
    expect(await card('no-reply')).toBe('0');
    expect((await history()).some((e) => e.field === 'noReplyReason' && e.after === null)).toBe(true);
  });
});
