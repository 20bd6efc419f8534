/**
 * Privacy as the municipality exercises it: a person search on the options page finds one citizen's cases
 * on X and Facebook, exports them for an access request and erases them (the popup and the open page drop
 * them at once; the log keeps counts only); the retention purge runs on its alarm; and through all of it
 * the browser made no request to any host but the pages' own.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { readStore } from './support/idb';
import { Toolbar } from './support/toolbar';

const TWEET = 'x:1000000000000000010'; // by "Grace" (@frank) in the home capture
let loket: Loket;

const request = (page: Page, name: string, payload: unknown) =>
  page.evaluate(([n, p]) => chrome.runtime.sendMessage({ protocol: 'loket/1', name: n, payload: p }), [name, payload] as const);
const openOptions = async () => {
  const options = await loket.context.newPage();
  await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
  return options;
};

beforeAll(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
});

afterAll(async () => {
  await loket?.close();
});

describe('privacy', () => {
  it('finds a citizen on both sites, exports the cases for an access request, and erases them everywhere', async () => {
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, TWEET);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]');
    const popup = await loket.openPopup();
    await request(popup, 'case/track', {
      post: { caseId: 'fb:4455667788', site: 'facebook', url: 'https://www.facebook.com/gemeentevoorbeeld/posts/4455667788', author: { name: 'Grace' }, text: 'Wanneer wordt <b>het</b> grofvuil opgehaald?', postedAt: Date.now() - 60_000, postedAtSource: 'page' },
    });
    await request(popup, 'case/track', {
      post: { caseId: 'fb:9999', site: 'facebook', url: 'https://www.facebook.com/gemeentevoorbeeld/posts/9999', author: { name: 'Henk' }, text: 'Andere vraag', postedAt: Date.now() - 60_000, postedAtSource: 'page' },
    });
    await popup.locator('[data-case-id="fb:4455667788"]').waitFor();

    const options = await openOptions();
    await options.getByLabel('Account, naam of profiellink').fill('Grace');
    await options.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const results = options.getByTestId('person-results');
    await results.getByText(/^2 zaken en \d+ gebeurtenissen gevonden voor ‘Grace’\.$/).waitFor();
    expect((await results.locator('[data-case-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-case-id')))).sort()).toEqual(['fb:4455667788', TWEET]);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Inzage exporteren (afdrukbaar)' }).click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('&lt;b&gt;het&lt;/b&gt; grofvuil');
    expect(html).not.toContain('<b>het</b>');
    expect(html).toContain('https://x.com/frank/status/1000000000000000010');
    expect(await axeViolations(options)).toEqual([]);

    await options.getByRole('button', { name: 'Wissen…' }).click();
    const erase = options.getByRole('button', { name: 'Definitief wissen' });
    expect(await erase.isDisabled()).toBe(true);
    await options.getByLabel(/verzoek tot verwijdering ontvangen/).check();
    await erase.click();
    await options.getByTestId('privacy-status').filter({ hasText: /^Gewist: 2 zaken/ }).waitFor();
    await options.getByTestId('erasure-log').filter({ hasText: /verzoek · 2 zaken/ }).waitFor();

    // Gone from the popup and the page without a reload; Henk's case stays.
    await popup.locator('[data-case-id="fb:4455667788"]').waitFor({ state: 'detached' });
    expect(await popup.locator(`[data-case-id="${TWEET}"]`).count()).toBe(0);
    expect(await popup.locator('[data-case-id="fb:9999"]').count()).toBe(1);
    await toolbar.waitForText(/Geen zaak/);
    const worker = await loket.worker();
    expect((await readStore<{ id: string }>(worker, 'cases')).map((c) => c.id)).toEqual(['fb:9999']);
    const left = JSON.stringify([await readStore(worker, 'events'), await readStore(worker, 'alerts')]);
    expect(left).not.toMatch(/Grace|frank|4455667788|1000000000000000010/);
    for (const p of [options, popup, page]) await p.close();
  });

  it('removes closed cases after the retention period, on its alarm', async () => {
    const popup = await loket.openPopup();
    await request(popup, 'case/update', { id: 'fb:9999', patch: { status: 'closed' } });
    const worker = await loket.worker();
    // The case was closed 91 days ago and not touched since: move it and its history back, as time would.
    await worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('loket');
          open.onsuccess = () => {
            const tx = open.result.transaction(['cases', 'events'], 'readwrite');
            const back = 91 * 86_400_000;
            tx.objectStore('cases').get('fb:9999').onsuccess = (e) => {
              const c = (e.target as IDBRequest).result;
              tx.objectStore('cases').put({ ...c, updatedAt: c.updatedAt - back });
            };
            const events = tx.objectStore('events');
            events.getAll().onsuccess = (e) => {
              for (const event of (e.target as IDBRequest).result) events.put({ ...event, at: event.at - back });
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    const options = await openOptions();
    await options.getByTestId('next-purge').filter({ hasText: /^Volgende verwijdering: / }).waitFor();
    await worker.evaluate(() => chrome.alarms.create('loket-hourly', { when: Date.now() + 200 }));
    await expect.poll(async () => (await readStore(worker, 'cases')).length, { timeout: 10_000 }).toBe(0);
    await options.getByTestId('erasure-log').filter({ hasText: /bewaartermijn · 1 zaken/ }).waitFor();
    await options.close();
    await popup.close();
  });

  it('made no request to any host but the test pages’ own', () => {
    const foreign = loket.requests.filter((url) => !/^https:\/\/(x\.com|www\.facebook\.com)\//.test(url));
    expect(foreign).toEqual([]);
  });
});
