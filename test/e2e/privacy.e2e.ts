/**
 * Privacy as the municipality exercises it: a person search on the options page finds one citizen's cases
 * on X and Facebook, exports them for an access request and erases them (the popup and the open page drop
 * them at once; the log keeps counts only); the retention purge runs on its alarm; and through all of it
 * the browser made no request to any host but the pages' own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
});

afterEach(async () => {
  try {
    // Through whatever the test did, the browser made no request to any host but the test pages' own.
    expect(loket.requests.filter((url) => !/^https:\/\/(x\.com|www\.facebook\.com)\//.test(url))).toEqual([]);
  } finally {
    await loket?.close();
  }
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
    await request(popup, 'case/track', {
      post: { caseId: 'fb:9999', site: 'facebook', url: 'https://www.facebook.com/gemeentevoorbeeld/posts/9999', author: { name: 'Henk' }, text: 'Andere vraag', postedAt: Date.now() - 60_000, postedAtSource: 'page' },
    });
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

  it('saves the archive of a period with the MDTO metadata of each case, valid against the published schema', async () => {
    const popup = await loket.openPopup();
    await request(popup, 'case/track', {
      post: { caseId: 'fb:7777', site: 'facebook', url: 'https://www.facebook.com/gemeentevoorbeeld/posts/7777', author: { name: 'Ingrid <i>' }, text: 'Is de milieustraat open?', postedAt: Date.now() - 60_000, postedAtSource: 'page' },
    });
    const options = await openOptions();
    const downloads: Array<{ name: string; path: string }> = [];
    options.on('download', (d) => void d.path().then((path) => downloads.push({ name: d.suggestedFilename(), path: path! })));
    await options.getByRole('button', { name: 'Archief exporteren' }).click();
    await options.getByTestId('privacy-status').filter({ hasText: /^Archief met \d+ zaken opgeslagen \(JSON, HTML, controlegetal en MDTO-metagegevens\)\.$/ }).waitFor();
    await expect.poll(() => downloads.length).toBe(4);
    const zip = downloads.find((d) => d.name.endsWith('-mdto.zip'))!;
    expect(downloads.map((d) => d.name.replace(/\d{4}-\d{2}-\d{2}/g, 'DATE')).sort()).toEqual([
      'loket-archief-DATE-DATE-mdto.zip',
      'loket-archief-DATE-DATE.html',
      'loket-archief-DATE-DATE.json',
      'loket-archief-DATE-DATE.json.sha256',
    ]);
    const files = unzipSync(readFileSync(zip.path));
    const xmlName = Object.keys(files).find((n) => n.endsWith('.mdto.xml') && !n.endsWith('.bestand.mdto.xml') && strFromU8(files[n]!).includes('<identificatieKenmerk>fb:7777</identificatieKenmerk>'));
    expect(xmlName).toBeDefined();
    const xml = strFromU8(files[xmlName!]!);
    expect(xml).toContain('<verwijzingNaam>Ingrid &lt;i&gt;</verwijzingNaam>');
    const dir = mkdtempSync(join(tmpdir(), 'loket-e2e-mdto-'));
    const paths = Object.entries(files)
      .filter(([n]) => n.endsWith('.xml'))
      .map(([n, bytes], i) => {
        const path = join(dir, `${i}-${n.split('/').pop()}`);
        writeFileSync(path, bytes);
        return path;
      });
    const xsd = join(process.cwd(), 'test/fixtures/mdto/MDTO-XML1.0.2.xsd');
    const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, ...paths], { encoding: 'utf8' });
    expect(lint.error).toBeUndefined();
    rmSync(dir, { recursive: true, force: true });
    expect(lint.status, lint.stderr).toBe(0);
    await options.close();
    await popup.close();
  });
});
