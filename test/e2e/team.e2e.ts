/**
 * Working as a team, in two agents' browsers through a real CouchDB-protocol server (PouchDB Server, started
 * here, one per test): Anna assigns a case to Bram from the in-page toolbar and Bram's popup shows it as his,
 * with who assigned it in the history; Anna reports herself away, releasing her overdue case to everyone, and
 * Bram's browser alerts him for it (it did not while it was Anna's); Anna reassigns two cases at once from the
 * work queue with the keyboard.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { readStore } from './support/idb';
import { extensionWithAccessTo } from './support/server-access';
import { request, tweet } from './support/messages';
import { ALWAYS_OPEN, patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { ADMIN, TestServer } from '../sync/support';

const DB = 'loket-team';
const TWEET = 'x:1000000000000000011';
let server: TestServer;
let a: Loket;
let b: Loket;

/** Sets the team server up on the options page, as the agent does, and waits until it syncs. */
async function joinTeam(loket: Loket): Promise<void> {
  const options = await loket.context.newPage();
  await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
  await options.getByLabel('Samenwerken via de teamserver').check();
  await options.getByLabel('Adres van de server').fill(server.url);
  await options.getByLabel('Database', { exact: true }).fill(DB);
  await options.getByLabel('Gebruikersnaam').fill(ADMIN.username);
  await options.getByLabel(/^Wachtwoord/).fill(ADMIN.password);
  await options.getByRole('button', { name: 'Teamserver opslaan' }).click();
  await options.getByTestId('sync-message').filter({ hasText: /synchroniseert nu/ }).waitFor({ timeout: 30_000 });
  await options.close();
}

/** An extension page of this browser, to ask its background as the views do. */
async function extensionPage(loket: Loket): Promise<Page> {
  const page = await loket.context.newPage();
  await page.goto(`chrome-extension://${loket.extensionId}/options.html`);
  return page;
}

/** Waits until this browser's team list names `name` (their presence came through the server). */
async function knows(page: Page, name: string): Promise<void> {
  await expect
    .poll(
      async () => {
        await request(page, 'sync/now', {});
        const team = (await request(page, 'team/list', {})) as { ok: true; value: { members: Array<{ name: string }> } };
        return team.value.members.map((m) => m.name);
      },
      { timeout: 40_000, interval: 1_000 },
    )
    .toContain(name);
}

type StoredCase = { id: string; status: string; assignee?: string; dueAt?: number };
const caseIn = async (loket: Loket, id: string) => (await readStore<StoredCase>(await loket.worker(), 'cases')).find((c) => c.id === id);
const alertsIn = async (loket: Loket) => (await readStore<{ key: string; caseId: string }>(await loket.worker(), 'alerts')).map((x) => x.key);

beforeEach(async () => {
  server = new TestServer();
  await server.start();
  await server.createDb(DB);
  // Each agent allowed Loket access to the server (else the browser keeps no session cookie).
  const extensionDir = extensionWithAccessTo(server.url);
  a = await launchLoket({ lang: 'nl', extensionDir });
  b = await launchLoket({ lang: 'nl', extensionDir });
  for (const [loket, name] of [[a, 'Anna'], [b, 'Bram']] as const) {
    loket.serve('https://x.com/home', fixture('x/x-home.html'));
    loket.passThrough(server.url);
    // An office that never closes and a one-minute target: a post from an hour ago is overdue, whenever CI runs.
    await patchSettings(await loket.worker(), {
      agentName: name,
      initials: name.slice(0, 2).toUpperCase(),
      officeHours: ALWAYS_OPEN,
      sla: { firstResponseMs: { x: 60_000, facebook: 60_000 }, resolutionMs: {}, soonMs: 15_000 },
    });
  }
}, 120_000);

afterEach(async () => {
  await a?.close();
  await b?.close();
  await server?.dispose();
});

describe('working as a team', () => {
  it('assigns a case to a colleague from the toolbar: his popup shows it as his, with who assigned it', async () => {
    for (const loket of [a, b]) await joinTeam(loket);
    const pageA = await extensionPage(a);
    await knows(pageA, 'Bram');

    const page = await a.open('https://x.com/home');
    const toolbar = new Toolbar(page, TWEET);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    // The team list arrives when the toolbar opens; "Toewijzen" is a native menu, chosen from the keyboard.
    await expect.poll(() => toolbar.texts('[data-lk="assign"] option'), { timeout: 10_000 }).toContain('Bram');
    await toolbar.choose('[data-lk="assign"]', 'Bram');
    await toolbar.waitFor('[data-lk="assignee"]', (x) => x.text === 'Bram beantwoordt dit');

    await expect.poll(async () => (await caseIn(b, TWEET))?.assignee, { timeout: 30_000, interval: 1_000 }).toBe('Bram');
    const popup = await b.openPopup();
    const row = popup.locator(`li[data-case-id="${TWEET}"]`);
    await row.getByTestId('row-mine').filter({ hasText: 'Bij mij' }).waitFor({ timeout: 10_000 });
    // The history (an event document of its own) says who assigned it to whom.
    await expect
      .poll(async () => {
        const history = (await request(popup, 'case/history', { id: TWEET })) as { value: Array<{ actor: string; field?: string; before?: unknown; after?: unknown }> };
        return history.value.filter((e) => e.field === 'assignee').map((e) => [e.actor, e.before ?? null, e.after]);
      }, { timeout: 30_000, interval: 1_000 })
      .toEqual([['Anna', null, 'Bram']]);
    for (const p of [page, popup, pageA]) await p.close();
  }, 180_000);

  it('going away releases my overdue case to everyone: my colleague is alerted for it', async () => {
    // Anna's case, overdue, before the team server is set up: it reaches Bram as hers from the start.
    const pageA = await extensionPage(a);
    const post = { ...tweet('1000000000000000777', 'Carol'), caseId: 'x:1000000000000000777', postedAt: Date.now() - 60 * 60_000 };
    await request(pageA, 'case/track', { post });
    await request(pageA, 'case/assign', { id: post.caseId, to: 'Anna' });
    // Anna's browser first, until the server has her case and her presence: Bram's first pull brings both, so
    // his browser never holds her case without knowing she is here.
    await joinTeam(a);
    await expect
      .poll(async () => (await server.json(`/${DB}/_all_docs?startkey="presence:"&endkey="presence:\\ufff0"`)).rows.length, { timeout: 30_000, interval: 500 })
      .toBe(1);
    await joinTeam(b);
    const pageB = await extensionPage(b);
    await knows(pageB, 'Anna');
    await expect.poll(async () => (await caseIn(b, post.caseId))?.assignee, { timeout: 30_000, interval: 1_000 }).toBe('Anna');
    // Anna is present: her overdue case alerts her, not Bram.
    await request(pageB, 'sync/now', {});
    expect((await alertsIn(b)).filter((k) => k.startsWith(`${post.caseId}|`))).toEqual([]);

    // Anna reports herself away in her popup, releasing her open cases to everyone.
    const popupA = await a.openPopup();
    await popupA.getByTestId('away-open').click();
    await popupA.getByLabel('Overdragen aan een collega').check();
    await popupA.getByLabel('Collega', { exact: true }).waitFor();
    expect(await axeViolations(popupA)).toEqual([]);
    await popupA.getByLabel('Vrijgeven aan iedereen').check();
    await popupA.getByRole('button', { name: 'Afwezig melden' }).click();
    await popupA.getByText('Afwezig gemeld; 1 open zaken doorgegeven.').waitFor();
    await popupA.getByTestId('away-state').filter({ hasText: 'U bent afwezig.' }).waitFor();
    expect((await caseIn(a, post.caseId))?.assignee).toBeUndefined();

    // Bram's browser gets the released case, and with it the overdue alert.
    await expect
      .poll(async () => {
        await request(pageB, 'sync/now', {});
        return (await alertsIn(b)).filter((k) => k.startsWith(`${post.caseId}|overdue|`)).length;
      }, { timeout: 40_000, interval: 1_000 })
      .toBe(1);
    // Bram sees Anna away in his team list (her presence and her released case are separate documents: the
    // push may bring them in either order).
    await expect
      .poll(async () => {
        await request(pageB, 'sync/now', {});
        const team = (await request(pageB, 'team/list', {})) as { value: { members: Array<{ name: string; away?: unknown }> } };
        return team.value.members.find((m) => m.name === 'Anna')?.away !== undefined;
      }, { timeout: 40_000, interval: 1_000 })
      .toBe(true);

    // Back: the away state ends, in her browser and then in his.
    await popupA.getByRole('button', { name: 'Ik ben terug' }).click();
    await popupA.getByTestId('away-open').waitFor();
    await expect
      .poll(async () => {
        await request(pageB, 'sync/now', {});
        const now = (await request(pageB, 'team/list', {})) as { value: { members: Array<{ name: string; away?: unknown }> } };
        return now.value.members.find((m) => m.name === 'Anna')?.away;
      }, { timeout: 40_000, interval: 1_000 })
      .toBeUndefined();
    for (const p of [pageA, pageB, popupA]) await p.close();
  }, 180_000);

  it('reassigns a selection in the work queue with the keyboard (a): both cases reach the colleague', async () => {
    for (const loket of [a, b]) await joinTeam(loket);
    const pageA = await extensionPage(a);
    await knows(pageA, 'Bram');
    const ids = ['1000000000000000881', '1000000000000000882'].map((n) => `x:${n}`);
    for (const [i, id] of ids.entries()) await request(pageA, 'case/track', { post: { ...tweet(id.slice(2), `Carol${i}`) } });

    const queue = await a.context.newPage();
    await queue.goto(`chrome-extension://${a.extensionId}/queue.html`);
    await queue.bringToFront();
    for (const id of ids) await queue.locator(`li[data-case-id="${id}"]`).waitFor();
    // The box shows the list's selection (drawn after the click), so click and wait for it rather than check().
    for (const id of ids) {
      const box = queue.locator(`li[data-case-id="${id}"] input[type="checkbox"]`);
      await box.click();
      await expect.poll(() => box.isChecked()).toBe(true);
    }
    await queue.getByTestId('queue-assign').waitFor();
    expect(await axeViolations(queue)).toEqual([]);
    // Focus in the list, then `a`: the selection's assign menu takes the keys; type the name and Enter.
    await queue.locator(`li[data-case-id="${ids[0]}"] a.open`).focus();
    await queue.keyboard.press('a');
    const menu = queue.getByTestId('queue-assign');
    await expect.poll(() => menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => menu.locator('option').allTextContents()).toContain('Bram');
    await queue.keyboard.type('Bram');
    await queue.keyboard.press('Enter');
    await queue.getByRole('status').filter({ hasText: 'Toegewezen aan Bram' }).waitFor();
    for (const id of ids) expect((await caseIn(a, id))?.assignee).toBe('Bram');

    for (const id of ids) await expect.poll(async () => (await caseIn(b, id))?.assignee, { timeout: 30_000, interval: 1_000 }).toBe('Bram');
    for (const p of [queue, pageA]) await p.close();
  }, 180_000);
});
