/**
 * The foundation, as a user meets it: the built extension loaded into Debian's Chromium, pages served at the
 * real x.com and facebook.com URLs, and every check made on what the browser really did and stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { readStore } from './support/idb';
import { request } from './support/messages';
import { Toolbar } from './support/toolbar';

const TWEET = 'x:1000000000000000001';
const FB_COMMENT = 'fb:998877665544332/443322110099887';
const FB_POST_URL = 'https://www.facebook.com/permalink.php?story_fbid=pfbid0Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUvWxYz&id=100064999888777';

let loket: Loket;

async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Makes the tweet a case from its toolbar, as the agent does; resolves once the toolbar shows its status. */
async function track(page: Page, id: string): Promise<Toolbar> {
  const toolbar = new Toolbar(page, id);
  await toolbar.waitForText(/Geen zaak|No case/);
  await toolbar.click('[data-lk="track"]');
  await toolbar.waitFor('[data-lk="status"]', (b) => b.value === 'new');
  return toolbar;
}

// Every test starts from a browser profile of its own: no case, setting or tab of another test.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
  loket.serve(FB_POST_URL, fixture('facebook/post-en.html'));
});

afterEach(async () => {
  try {
    // Whatever a test did, the extension reported no error and the browser asked no host but the pages'.
    expect(loket.errors).toEqual([]);
    expect(loket.requests.filter((url) => !/^https:\/\/(x\.com|www\.facebook\.com)\//.test(url))).toEqual([]);
  } finally {
    await loket?.close();
  }
});

describe('Loket in Chromium', () => {
  it('loads as an MV3 extension with its service worker', async () => {
    const manifest = await (await loket.worker()).evaluate(() => chrome.runtime.getManifest());
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toMatch(/^Loket/);
    expect(loket.extensionId).toMatch(/^[a-p]{32}$/);
  });

  it('creates a case with one click and stores it, with its audit event, in IndexedDB', async () => {
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, TWEET);
    await toolbar.waitForText(/Geen zaak/);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]', (b) => b.value === 'new');
    const worker = await loket.worker();
    const cases = await readStore(worker, 'cases');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      id: TWEET,
      site: 'x',
      url: 'https://x.com/bob/status/1000000000000000001',
      author: { name: 'Carol Chen', handle: '@bob' },
      status: 'new',
      postedAt: Date.parse('2026-01-15T09:30:00.000Z'),
      postedAtSource: 'page',
      tags: [],
    });
    const events = await readStore(worker, 'events');
    expect(events).toMatchObject([{ caseId: TWEET, kind: 'created' }]);
    await page.close();
  });

  it('shows stored cases in the popup, hostile text as plain text', async () => {
    const x = await loket.open('https://x.com/home');
    await track(x, TWEET);
    const page = await loket.open(FB_POST_URL);
    const comment = new Toolbar(page, FB_COMMENT);
    await comment.waitForText(/No case|Geen zaak/);
    await comment.click('[data-lk="track"]');
    await comment.waitFor('[data-lk="status"]');
    const popup = await loket.openPopup();
    await popup.getByRole('list', { name: 'Open zaken' }).waitFor();
    expect(await popup.getByTestId('open-count').textContent()).toBe('2 open');
    const row = popup.locator(`[data-case-id="${FB_COMMENT}"]`);
    await expect.poll(() => row.textContent()).toContain('<script>alert(1)</script>');
    expect(await popup.locator('li script, li img').count()).toBe(0);
    expect(await row.textContent()).toContain('Sam Peters');
    expect(await popup.locator(`[data-case-id="${TWEET}"]`).textContent()).toContain('Carol Chen');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('nl');
    await popup.close();
    await page.close();
    await x.close();
  });

  it('keeps every view in step without a reload: two tabs and the popup', async () => {
    const [tabA, tabB] = [await loket.open('https://x.com/home'), await loket.open('https://x.com/home')];
    await track(tabA, TWEET);
    const popup = await loket.openPopup();
    const a = new Toolbar(tabA, TWEET);
    const b = new Toolbar(tabB, TWEET);
    await a.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    await b.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    await a.choose('[data-lk="status"]', 'In behandeling');
    await b.waitFor('[data-lk="status"]', (s) => s.value === 'in_progress');
    await expect.poll(() => popup.locator(`[data-case-id="${TWEET}"]`).textContent()).toContain('In behandeling');
    const events = await readStore<{ kind: string; field?: string; after?: unknown }>(await loket.worker(), 'events');
    expect(events.filter((e) => e.field === 'status')).toMatchObject([{ kind: 'changed', after: 'in_progress' }]);
    for (const p of [tabA, tabB, popup]) await p.close();
  });

  it('answers malformed and foreign-looking messages with a clear error and changes nothing', async () => {
    const popup = await loket.openPopup();
    // A case that a malformed request might hit, so that "changes nothing" has something to change.
    await request(popup, 'case/track', { post: { caseId: TWEET, site: 'x', url: 'https://x.com/bob/status/1000000000000000001', author: { name: 'Carol Chen', handle: '@bob' }, text: 'Vraag', postedAt: Date.now() - 60_000, postedAtSource: 'page' } });
    const worker = await loket.worker();
    const before = { cases: await readStore(worker, 'cases'), events: await readStore(worker, 'events') };
    const replies = await popup.evaluate(async () => {
      const send = (m: unknown) => chrome.runtime.sendMessage(m);
      return Promise.all([
        send({ hello: 'world' }),
        send({ protocol: 'loket/1', name: 'cases/dropAll', payload: {} }),
        send({ protocol: 'loket/1', name: 'case/update', payload: { id: 'x:1000000000000000001', patch: { status: 'gone' } } }),
        send({ protocol: 'loket/1', name: 'case/update', payload: { id: '<img src=x>', patch: { status: 'closed' } } }),
        send({ protocol: 'loket/1', name: 'case/update', payload: { id: 'x:42', patch: { status: 'closed' } } }),
      ]);
    });
    expect(replies).toMatchObject([
      { ok: false, error: { code: 'bad-request' } },
      { ok: false, error: { code: 'unknown-message' } },
      { ok: false, error: { code: 'bad-request', message: expect.stringContaining('patch.status') } },
      { ok: false, error: { code: 'bad-request', message: expect.stringContaining('not a valid case id') } },
      { ok: false, error: { code: 'not-found' } },
    ]);
    expect(before.cases).toHaveLength(1);
    expect(await readStore(worker, 'cases')).toEqual(before.cases);
    expect(await readStore(worker, 'events')).toEqual(before.events);
    await popup.close();
  });

  it('loses nothing when the browser stops the service worker, and wakes it with the next message', async () => {
    const page = await loket.open('https://x.com/home');
    // Something stored before the worker stops: a case that the agent moved on.
    const first = await track(page, TWEET);
    await first.choose('[data-lk="status"]', 'In behandeling');
    await first.waitFor('[data-lk="status"]', (s) => s.value === 'in_progress');
    const second = new Toolbar(page, 'x:1000000000000000009');
    await second.waitForText(/Geen zaak/);
    const worker = await loket.worker();
    const casesBefore = await readStore(worker, 'cases');
    await worker.evaluate(() => Object.assign(globalThis, { aliveSinceTest: true }));

    await stopServiceWorker(page);
    // The worker is gone; the user's click is the next message and must start it again and be answered.
    await second.click('[data-lk="track"]');
    await second.waitFor('[data-lk="status"]', (b) => b.value === 'new');
    // A fresh worker answered: the marker set in the old one is gone.
    expect(await (await loket.worker()).evaluate(() => 'aliveSinceTest' in globalThis)).toBe(false);

    // Stop it again in the middle of a burst of writes: each write is one transaction, so every case that
    // exists has its created event, and nothing stored before is lost.
    const third = new Toolbar(page, 'x:1000000000000000010');
    await third.click('[data-lk="track"]');
    await stopServiceWorker(page);
    const popup = await loket.openPopup(); // it reads its list itself; its other requests restart the worker
    await popup.getByTestId('open-count').waitFor();
    const w = await loket.worker();
    const cases = await readStore<{ id: string; status: string }>(w, 'cases');
    const events = await readStore<{ caseId: string; kind: string }>(w, 'events');
    for (const c of casesBefore as Array<{ id: string }>) expect(cases.map((x) => x.id)).toContain(c.id);
    expect(cases.map((c) => c.id)).toContain('x:1000000000000000009');
    for (const c of cases) expect(events.filter((e) => e.caseId === c.id && e.kind === 'created')).toHaveLength(1);
    expect(cases.find((c) => c.id === TWEET)?.status).toBe('in_progress');
    // Whatever happened to the interrupted click, the page tells the truth after a reload.
    await page.reload();
    const after = new Toolbar(page, 'x:1000000000000000010');
    const text = await after.waitForText(/Geen zaak|Status/);
    expect(text.includes('Status')).toBe(cases.some((c) => c.id === 'x:1000000000000000010'));
    await popup.close();
    await page.close();
  });

  it('saves the agent’s name in the options, and the next change in the page is recorded under it', async () => {
    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    await options.getByLabel('Uw naam').fill('Anna de Wit');
    await options.getByLabel('Paraaf (bijv. ^AB)').fill('^AW');
    await options.getByLabel('Gemeente', { exact: true }).fill('Voorbeeld');
    await options.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await options.reload();
    expect(await options.getByLabel('Uw naam').inputValue()).toBe('Anna de Wit');
    expect(await axeViolations(options)).toEqual([]);

    const page = await loket.open('https://x.com/home');
    const toolbar = await track(page, TWEET);
    await toolbar.choose('[data-lk="status"]', 'Wacht op inwoner');
    await toolbar.waitFor('[data-lk="status"]', (b) => b.value === 'waiting');
    const events = await readStore<{ caseId: string; actor: string; after?: unknown }>(await loket.worker(), 'events');
    expect(events.filter((e) => e.caseId === TWEET).map((e) => e.actor)).toEqual(['Anna de Wit', 'Anna de Wit']);
    expect(events.filter((e) => e.caseId === TWEET).at(-1)).toMatchObject({ actor: 'Anna de Wit', after: 'waiting' });
    await options.close();
    await page.close();
  });
});
