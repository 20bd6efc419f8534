/**
 * The reports page with the built extension: cases seeded through the background's real message contract
 * (as the content scripts send them), the page opened from the popup's link, charts drawn, tables filled,
 * and the figures CSV agreeing with the table. axe-core checks the page.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { ALWAYS_OPEN, patchSettings } from './support/settings';

const MIN = 60_000;
let loket: Loket;

/** Sends a request to the background from an extension page, as every view does. */
const request = (page: Page, name: string, payload: unknown) =>
  page.evaluate(([n, p]) => chrome.runtime.sendMessage({ protocol: 'loket/1', name: n, payload: p }), [name, payload] as const);

// Every test starts from a browser profile of its own.
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  await patchSettings(await loket.worker(), { agentName: 'Anna', officeHours: ALWAYS_OPEN });
});

afterEach(async () => {
  await loket?.close();
});

describe('reports', () => {
  it('draws the charts and tables for seeded cases, and its figures CSV matches the table', async () => {
    const popup = await loket.openPopup();
    const now = Date.now();
    // Six cases over the last days: four on X (three answered, one after 90 min), two on Facebook (one answered).
    const seeds = [
      { id: '1000000000000000101', site: 'x', ago: 3 * 24 * 60, answerAfter: 20, tag: 'afval' },
      { id: '1000000000000000102', site: 'x', ago: 2 * 24 * 60, answerAfter: 40, tag: 'afval' },
      { id: '1000000000000000103', site: 'x', ago: 24 * 60, answerAfter: 90, tag: 'klacht' },
      { id: '1000000000000000104', site: 'x', ago: 30 },
      { id: '2000001', site: 'facebook', ago: 2 * 24 * 60, answerAfter: 120, tag: 'parkeren' },
      { id: '2000002', site: 'facebook', ago: 5 * 60 },
    ] as const;
    for (const s of seeds) {
      const postedAt = now - s.ago * MIN;
      const caseId = s.site === 'x' ? `x:${s.id}` : `fb:${s.id}`;
      const url = s.site === 'x' ? `https://x.com/burger/status/${s.id}` : `https://www.facebook.com/gemeentevoorbeeld/posts/${s.id}`;
      await request(popup, 'case/track', { post: { caseId, site: s.site, url, author: { name: 'Burger' }, text: 'Vraag', postedAt, postedAtSource: 'page' } });
      if ('tag' in s) await request(popup, 'case/update', { id: caseId, patch: { addTags: [s.tag] } });
      if ('answerAfter' in s) await request(popup, 'case/responded', { id: caseId, at: postedAt + s.answerAfter * MIN });
    }

    const [reports] = await Promise.all([loket.context.waitForEvent('page'), popup.getByTestId('open-reports').click()]);
    await reports.waitForLoadState();
    expect(reports.url()).toBe(`chrome-extension://${loket.extensionId}/reports.html`);
    await reports.getByTestId('headline').waitFor();
    const card = (id: string) => reports.locator(`[data-figure="${id}"] .value`).innerText();
    expect(await card('cases')).toBe('6');
    expect(await card('response-rate')).toMatch(/^66,7\s?%$/);
    // Median of 20, 40, 90 and 120 minutes of office time (always open here): 65 minutes.
    expect(await card('median')).toBe('1 u 5 min');

    // Charts: one bar group per day of the default 30-day period, 168 heat-map cells, one row per tag.
    expect(await reports.locator('[data-testid="chart-per-day"] g.day').count()).toBe(30);
    expect(await reports.locator('[data-testid="chart-heatmap"] rect.cell').count()).toBe(168);
    expect(await reports.locator('[data-testid="chart-tags"] g.tag-row').count()).toBe(4); // afval, klacht, parkeren, untagged
    expect(await reports.locator('[data-testid="chart-per-day"] svg[role="img"]').getAttribute('aria-label')).toBeTruthy();

    const siteRow = (key: string) => reports.locator(`[data-testid="table-site"] tr[data-key="${key}"] td[data-column="cases"]`).innerText();
    expect(await siteRow('x')).toBe('4');
    expect(await siteRow('facebook')).toBe('2');

    const [download] = await Promise.all([reports.waitForEvent('download'), reports.getByTestId('export-figures').click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = csv.slice(1).trim().split('\r\n').map((r) => r.split(','));
    const header = rows[0]!;
    const row = (dimension: string, key: string) => rows.find((r) => r[0] === dimension && r[1] === key)!;
    expect(row('site', 'x')[header.indexOf('cases')]).toBe('4');
    expect(row('site', 'facebook')[header.indexOf('cases')]).toBe('2');
    expect(row('total', '')[header.indexOf('answered')]).toBe('4');
    expect(row('tag', 'afval')[header.indexOf('cases')]).toBe(await reports.locator('[data-testid="table-tag"] tr[data-key="afval"] td[data-column="cases"]').innerText());
    expect(Number(row('total', '')[header.indexOf('median_first_response_office_min')])).toBe(65);

    expect(await axeViolations(reports)).toEqual([]);
    await reports.close();
    await popup.close();
  });
});
