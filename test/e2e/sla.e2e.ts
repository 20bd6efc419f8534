/**
 * Response timers as the agent sees them: tweets posted at known times on a one-office-hour promise show
 * ok, soon and overdue in words and on the host element; a reply marks a case answered and the popup
 * re-sorts; the badge counts overdue cases; the alarm brings a notification, once. The office is set to
 * never close, so office time equals wall-clock time whenever the tests run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { readStore } from './support/idb';
import { ALWAYS_OPEN, patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { statusPageWithComposer, withDraft, withPostedTimes } from './support/x-pages';

const MIN = 60_000;
const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const OVERDUE = 'x:1000000000000000001';
const SOON = 'x:1000000000000000009';
const OK = 'x:1000000000000000010';
let loket: Loket;

const sla = (page: Page, id: string) => page.$eval(`[data-loket-post="${id}"]`, (h) => h.getAttribute('data-loket-sla'));

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  const now = Date.now();
  loket.serve(STATUS_URL, withPostedTimes(await statusPageWithComposer(), { '1000000000000000001': now - 120 * MIN }));
  loket.serve('https://x.com/home', await withDraft(withPostedTimes(fixture('x/x-home.html'), { '1000000000000000009': now - 50 * MIN, '1000000000000000010': now - 10 * MIN })));
  await patchSettings(await loket.worker(), { initials: '^AW', officeHours: ALWAYS_OPEN, sla: { firstResponseMs: { x: 60 * MIN, facebook: 240 * MIN }, resolutionMs: {}, soonMs: 15 * MIN } });
});

afterEach(async () => {
  await loket?.close();
});

describe('response timers and SLA', () => {
  it('shows ok, soon and overdue in words; a reply marks the case answered, the popup re-sorts and the badge follows', async () => {
    const home = await loket.open('https://x.com/home');
    for (const id of [SOON, OK]) {
      const toolbar = new Toolbar(home, id);
      await toolbar.click('[data-lk="track"]');
      await toolbar.waitFor('[data-lk="timer"]');
    }
    await expect.poll(() => sla(home, SOON)).toBe('soon');
    expect(await sla(home, OK)).toBe('ok');
    expect((await new Toolbar(home, SOON).find('[data-lk="timer"]'))!.text).toMatch(/^Bijna te laat · 50 min gewacht · nog (9|10) min$/);
    expect((await new Toolbar(home, OK).find('[data-lk="timer"]'))!.text).toMatch(/^Op tijd · 10 min gewacht · nog (49|50) min$/);

    const status = await loket.open(STATUS_URL);
    const focal = new Toolbar(status, OVERDUE);
    await focal.click('[data-lk="track"]');
    await focal.waitFor('[data-lk="timer"]', (b) => /^Te laat · 2 u 0 min gewacht · 1 u 0 min te laat$/.test(b.text));
    expect(await sla(status, OVERDUE)).toBe('overdue');
    const stored = (await readStore<{ id: string; dueAt: number; postedAt: number }>(await loket.worker(), 'cases')).find((c) => c.id === OVERDUE)!;
    expect(stored.dueAt - stored.postedAt).toBe(60 * MIN);

    const popup = await loket.openPopup();
    const order = () => popup.locator('[data-case-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')));
    await expect.poll(order).toEqual([OVERDUE, SOON, OK]);
    expect(await popup.locator(`[data-case-id="${OVERDUE}"] .timer`).textContent()).toMatch(/^Te laat/);
    const badge = () => loket.worker().then((w) => w.evaluate(() => chrome.action.getBadgeText({})));
    expect(await badge()).toBe('1');

    // The agent answers the overdue one.
    await focal.pickTemplate('kcc');
    await focal.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    await status.click('[data-testid="tweetButtonInline"]');
    await status.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') === 'answered', OVERDUE);
    await expect.poll(order).toEqual([SOON, OK, OVERDUE]);
    expect(await popup.locator(`[data-case-id="${OVERDUE}"] .timer`).textContent()).toMatch(/^Beantwoord na 2 u/);
    await expect.poll(badge).toBe('3'); // nothing overdue: the badge counts the open items again
    for (const p of [home, status, popup]) await p.close();
  });

  it('moves every waiting case’s due time when the agent changes the promise on the options page; the page follows', async () => {
    const home = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(home, SOON);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="timer"]');
    await expect.poll(() => sla(home, SOON)).toBe('soon');
    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    await options.getByLabel('Eerste reactie op X', { exact: true }).fill('120');
    await options.getByRole('button', { name: 'Kantoortijden opslaan' }).click();
    await options.getByTestId('hours-status').filter({ hasText: /opnieuw berekend/ }).waitFor();
    const stored = (await readStore<{ id: string; dueAt: number; postedAt: number }>(await loket.worker(), 'cases')).find((c) => c.id === SOON)!;
    expect(stored.dueAt - stored.postedAt).toBe(120 * MIN);
    // No reload: the page hears of the new due time.
    await expect.poll(() => sla(home, SOON)).toBe('ok');
    await options.close();
    await home.close();
  });

  it('notifies when a case becomes "soon" and again when it becomes overdue, each once (shortened times)', async () => {
    const id = '1000000000000000003';
    const url = `https://x.com/bob/status/${id}`;
    loket.serve(url, withPostedTimes((await statusPageWithComposer()).replaceAll('1000000000000000001', id), { [id]: Date.now() }));
    await patchSettings(await loket.worker(), { sla: { firstResponseMs: { x: 20_000, facebook: 240 * MIN }, resolutionMs: {}, soonMs: 10_000 } });
    const page = await loket.open(url);
    const toolbar = new Toolbar(page, `x:${id}`);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="timer"]');
    const alerts = async () => (await readStore<{ key: string }>(await loket.worker(), 'alerts')).map((a) => a.key.replace(/\|\d+$/, '')).filter((k) => k.startsWith(`x:${id}`));
    expect(await alerts()).toEqual([]);
    // The alarm wakes the worker at "soon" (10 s before due) and at the due time.
    await expect.poll(alerts, { timeout: 25_000, interval: 500 }).toEqual([`x:${id}|soon`]);
    const shown = () => loket.worker().then((w) => w.evaluate(() => chrome.notifications.getAll()));
    expect(Object.keys(await shown())).toContain(`loket:x:${id}`);
    await expect.poll(alerts, { timeout: 25_000, interval: 500 }).toEqual([`x:${id}|overdue`, `x:${id}|soon`]);
    await expect.poll(() => sla(page, `x:${id}`), { timeout: 35_000 }).toBe('overdue');
    await page.close();
  }, 90_000);
});
