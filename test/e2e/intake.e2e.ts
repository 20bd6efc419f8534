/**
 * Automatic intake (issue #17, item 1) in a real Chromium with the built extension: the municipality's X
 * mentions page and its Facebook Page with comments, each open in two tabs at once, make exactly the cases
 * the rules say — once each, made `auto`, with one 'intake' event —, the posts show as cases at once, and the
 * report's coverage counts them. And the account X shows the agent logged in as is offered on the setup page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { MENTIONS_TWEETS } from '../fixtures/x/build-mentions';
import { axeViolations } from './support/axe';
import { launchLoket, type Loket } from './support/chromium';
import { facebookPage } from './support/facebook-pages';
import { fixture } from './support/fixtures';
import { readStore } from './support/idb';
import { ALWAYS_OPEN, patchSettings } from './support/settings';
import { withPostedTimes } from './support/x-pages';

const MENTIONS = 'https://x.com/notifications/mentions';
const PAGE = 'https://www.facebook.com/gemeentevoorbeeld';
const status = (id: string) => `x:1790000000000000${id}`;
// page-feed-nl.html: the Page's post and the three comments under it (a reply among them).
const COMMENTS = ['fb:123456789012345/987654321098765', 'fb:123456789012345/555444333222111', 'fb:123456789012345/121212121212121'];
const EXPECTED_X = ['301', '302', '308', '309', '311'].map(status);

let loket: Loket | undefined;
afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

type StoredCase = { id: string; intake?: string; status: string };
type StoredEvent = { caseId: string; kind: string; after?: { reason?: string } };

const caseHosts = (page: Page) => page.$$eval('[data-loket-post][data-loket-sla]:not([data-loket-sla="none"])', (hosts) => [...new Set(hosts.map((h) => h.getAttribute('data-loket-post')!))].sort());

async function setUp(): Promise<Loket> {
  const l = await launchLoket({ lang: 'nl' });
  await patchSettings(await l.worker(), {
    agentName: 'Anna',
    officeHours: ALWAYS_OPEN,
    ownAccounts: '@gemeentevoorbeeld, Gemeente Voorbeeld',
    intake: { sites: { x: true, facebook: true }, mentionsOnly: false, keywords: '#gemeentewesterzand', teamAccounts: '@jan_gemeente' },
  });
  // The tweets were posted an hour ago, whenever the test runs (the report shows the last 30 days).
  const hourAgo = Date.now() - 3_600_000;
  l.serve(MENTIONS, withPostedTimes(fixture('x/x-mentions-nl.html'), Object.fromEntries(MENTIONS_TWEETS.map((t) => [`1790000000000000${t.id}`, hourAgo]))));
  l.serve(PAGE, await facebookPage('facebook/page-feed-nl.html'));
  return l;
}

describe('automatic intake', () => {
  it('makes each case addressed to the municipality once, from two tabs of X and of Facebook, and the report counts them', async () => {
    loket = await setUp();
    const worker = await loket.worker();
    // Two tabs of each page at once: every post is seen twice, in parallel.
    const [x1, x2, fb1, fb2] = await Promise.all([loket.open(MENTIONS), loket.open(MENTIONS), loket.open(PAGE), loket.open(PAGE)]);
    const expected = [...COMMENTS, ...EXPECTED_X].sort();
    await expect.poll(async () => (await readStore<StoredCase>(worker, 'cases')).map((c) => c.id).sort(), { timeout: 20_000 }).toEqual(expected);
    // Let any late message arrive, then look again: still these, once each.
    await new Promise((r) => setTimeout(r, 1_000));
    const cases = await readStore<StoredCase>(worker, 'cases');
    expect(cases.map((c) => c.id).sort()).toEqual(expected);
    expect(cases.every((c) => c.intake === 'auto' && c.status === 'new')).toBe(true);
    const events = await readStore<StoredEvent>(worker, 'events');
    for (const id of expected) {
      expect(events.filter((e) => e.caseId === id).map((e) => e.kind), id).toEqual(['created', 'intake']);
    }
    expect(events.find((e) => e.caseId === status('302') && e.kind === 'intake')?.after).toEqual({ reason: 'reply', detail: '@gemeentevoorbeeld' });
    expect(events.find((e) => e.caseId === COMMENTS[0] && e.kind === 'intake')?.after).toEqual({ reason: 'page-comment', detail: 'gemeente voorbeeld' });

    // Each tab shows them as cases (a chip with the timer), without a click; the others stay quiet.
    for (const page of [x1!, x2!]) await expect.poll(() => caseHosts(page)).toEqual([...EXPECTED_X].sort());
    for (const page of [fb1!, fb2!]) await expect.poll(() => caseHosts(page)).toEqual([...COMMENTS].sort());
    // Hostile text stayed text.
    expect(await x1!.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

    const reports = await loket.open(`chrome-extension://${loket.extensionId}/reports.html`);
    const card = (id: string) => reports.locator(`[data-figure="${id}"] .value`).innerText();
    await reports.getByTestId('coverage').waitFor();
    await expect.poll(() => card('intake-seen')).toBe('8');
    expect(await card('made-auto')).toBe('8');
    expect(await card('made-by-hand')).toBe('0');
    // Per channel.
    await reports.getByTestId('period-site').selectOption('facebook');
    await expect.poll(() => card('intake-seen')).toBe('3');
    expect(await card('made-auto')).toBe('3');
  });

  it('offers the account X showed the agent logged in as on the setup page, when no own account is set; the options page holds the intake settings', async () => {
    loket = await launchLoket({ lang: 'nl' });
    // x-status.html: the side navigation says the agent is logged in as @alice.
    const STATUS = 'https://x.com/bob/status/1000000000000000001';
    loket.serve(STATUS, fixture('x/x-status.html'));
    const x = await loket.open(STATUS);
    await x.waitForSelector('[data-loket-post]', { state: 'attached' });
    const setup = await loket.open(`chrome-extension://${loket.extensionId}/setup.html`);
    const offer = setup.getByTestId('account-offer-x');
    await offer.waitFor();
    expect(await setup.getByTestId('account-offer').innerText()).toMatch(/Gevonden op X: @alice/);
    expect(await axeViolations(setup)).toEqual([]);
    await offer.click();
    expect(await setup.locator('#s-ownAccounts').inputValue()).toBe('@alice');
    await expect.poll(() => setup.getByTestId('account-offer').count()).toBe(0);
    await setup.getByRole('button', { name: /Opslaan/ }).click();
    await setup.getByRole('status').filter({ hasText: /./ }).waitFor();
    const settings = await (await loket.worker()).evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { ownAccounts: string }).ownAccounts);
    expect(settings).toBe('@alice');

    // The options page: the intake section, saved with the agent's form; no offer once X has an own account.
    const options = await loket.open(`chrome-extension://${loket.extensionId}/options.html`);
    await options.getByTestId('intake-section').waitFor();
    expect(await options.getByTestId('account-offer').count()).toBe(0);
    await options.getByLabel('Alleen vermeldingen (op X geen antwoorden aan een eigen account)').check();
    await options.getByLabel('Extra trefwoorden of hashtags').fill('#gemeentewesterzand');
    await options.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect
      .poll(() => loket!.worker().then((w) => w.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { intake?: unknown }).intake)))
      .toEqual({ sites: { x: true, facebook: true }, mentionsOnly: true, keywords: '#gemeentewesterzand', teamAccounts: '' });
    expect(await axeViolations(options)).toEqual([]);
  });
});
