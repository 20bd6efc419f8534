/**
 * Team sync between two agents' browsers through a real CouchDB-protocol server (PouchDB Server, started
 * here): each agent sets the server up on the options page; a handover by agent A reaches agent B's popup
 * within seconds; both change the same case while the server is down and, once it is back, both changes are
 * on both sides; wrong credentials get a clear error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { readStore } from './support/idb';
import { extensionWithAccessTo } from './support/server-access';
import { patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { ADMIN, TestServer } from '../sync/support';

const DB = 'loket-team';
const TWEET = 'x:1000000000000000011';
let server: TestServer;
let a: Loket;
let b: Loket;

async function setUpSync(loket: Loket, password = ADMIN.password): Promise<Page> {
  const options = await loket.context.newPage();
  await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
  await options.getByLabel('Samenwerken via de teamserver').check();
  await options.getByLabel('Adres van de server').fill(server.url);
  await options.getByLabel('Database', { exact: true }).fill(DB);
  await options.getByLabel('Gebruikersnaam').fill(ADMIN.username);
  await options.getByLabel(/^Wachtwoord/).fill(password);
  return options;
}

/** Sets the team server up on the options page, as the agent does, and waits until it syncs. */
async function joinTeam(loket: Loket): Promise<void> {
  const options = await setUpSync(loket);
  await options.getByRole('button', { name: 'Verbinding testen' }).click();
  await options.getByTestId('sync-message').filter({ hasText: /^Verbinding in orde/ }).waitFor({ timeout: 30_000 });
  await options.getByRole('button', { name: 'Teamserver opslaan' }).click();
  await options.getByTestId('sync-message').filter({ hasText: /synchroniseert nu/ }).waitFor();
  await options.close();
}

const caseIn = async (loket: Loket, id: string) => (await readStore<{ id: string; status: string; tags: string[]; assignee?: string }>(await loket.worker(), 'cases')).find((c) => c.id === id);

// Every test has a server of its own (its own data directory) and two fresh browser profiles.
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
    await patchSettings(await loket.worker(), { agentName: name });
  }
}, 120_000);

afterEach(async () => {
  await a?.close();
  await b?.close();
  await server?.dispose();
});

describe('team sync', () => {
  it('says clearly when the credentials are wrong', async () => {
    const options = await setUpSync(a, 'fout');
    await options.getByRole('button', { name: 'Verbinding testen' }).click();
    await options.getByTestId('sync-message').filter({ hasText: /^Gebruikersnaam of wachtwoord klopt niet/ }).waitFor({ timeout: 30_000 });
    await options.close();
  });

  it('brings agent A’s handover to agent B’s popup within seconds', async () => {
    for (const loket of [a, b]) await joinTeam(loket);
    const page = await a.open('https://x.com/home');
    const toolbar = new Toolbar(page, TWEET);
    await toolbar.click('[data-lk="handover-open"]');
    await toolbar.waitFor('[data-lk="handover-category"]');
    await toolbar.choose('[data-lk="handover-category"]', 'Afval', 'arrows');
    await toolbar.click('[data-lk="handover-note"]');
    await page.keyboard.type('Graag terugbellen');
    const sent = Date.now();
    await toolbar.click('[data-lk="handover-submit"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'handed_over');

    const popup = await b.openPopup();
    await popup.getByTestId('handovers').locator(`[data-handover-id="${TWEET}"]`).waitFor({ timeout: 20_000 });
    const latency = Date.now() - sent;
    expect(latency).toBeLessThan(20_000);
    await popup.getByTestId('sync-state').filter({ hasText: /Laatst gesynchroniseerd/ }).waitFor();
    await popup.close();
    await page.close();
  });

  it('keeps both agents’ changes to one case made while the server was down', async () => {
    for (const loket of [a, b]) await joinTeam(loket);
    const pageA = await a.open('https://x.com/home');
    await new Toolbar(pageA, TWEET).click('[data-lk="track"]');
    await new Toolbar(pageA, TWEET).waitFor('[data-lk="status"]', (s) => s.value === 'new');
    await expect.poll(async () => (await caseIn(b, TWEET))?.status, { timeout: 20_000 }).toBe('new');
    await server.stop();
    const pageB = await b.open('https://x.com/home');
    // A takes the case; B tags it: different fields, both must survive.
    await new Toolbar(pageA, TWEET).click('[data-lk="take"]');
    await new Toolbar(pageA, TWEET).waitFor('[data-lk="assignee"]', (x) => x.text === 'Bij mij');
    const tb = new Toolbar(pageB, TWEET);
    await tb.click('[data-lk="tags"]');
    await tb.waitFor('[data-lk="tag-search"]');
    await pageB.keyboard.type('klacht');
    await pageB.keyboard.press('Enter');
    await tb.waitFor('[data-lk="chips"]', (c) => c.text.includes('Klacht'));
    // The popup says the server is out of reach and that changes wait.
    const popupB = await b.openPopup();
    await popupB.getByTestId('sync-state').filter({ hasText: /wachten|onbereikbaar/ }).waitFor({ timeout: 30_000 });

    await server.start();
    // The server is back: both sides converge, neither change lost (the loops retry with backoff; nudge them).
    for (const loket of [a, b]) await (await loket.worker()).evaluate(() => chrome.runtime.sendMessage({ protocol: 'loket/1', name: 'sync/now', payload: {} }).catch(() => undefined));
    for (const loket of [a, b]) {
      await expect
        .poll(async () => {
          const c = await caseIn(loket, TWEET);
          return c && { assignee: c.assignee, tags: c.tags };
        }, { timeout: 60_000, interval: 1_000 })
        .toEqual({ assignee: 'Anna', tags: ['klacht'] });
    }
    // B's toolbar shows who is answering, without a reload.
    await tb.waitFor('[data-lk="assignee"]', (x) => x.text === 'Anna beantwoordt dit', 30_000);
    // Nothing duplicated on the server: one case document.
    const all = await server.json(`/${DB}/_all_docs?startkey="case:"&endkey="case:\\ufff0"`);
    expect(all.rows.map((r: { id: string }) => r.id)).toEqual([`case:${TWEET}`]);
    for (const p of [pageA, pageB, popupB]) await p.close();
  }, 180_000);
});
