/**
 * Issue #20 in a real Chromium with the built extension: the wrong-account warning when a template goes into
 * X's reply box while logged in as a personal account, and the municipality's reply kept with the case — in
 * the toolbar's history with its words, and in the access export.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { readStore } from './support/idb';
import { patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { statusPageWithComposer } from './support/x-pages';

// x-status.html: the focal tweet by @bob; the side navigation says the agent is logged in as @alice.
const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const FOCAL = 'x:1000000000000000001';
let loket: Loket;

const draftText = (page: Page) => page.evaluate(() => (window as unknown as { __draft: { plainText(w: string): string | null } }).__draft.plainText('inline'));

/**
 * The page with a reply by @alice already on the thread, under the focal tweet: as X shows a reply the
 * municipality wrote in another browser or the app. Made from the page's own tweet markup (as the composer
 * fixture does when a reply is posted), in the browser's DOMParser, so no Loket runs on it.
 */
function withReplyOnThread(page: Page, html: string, focal: string, reply: { id: string; text: string; at: string }): Promise<string> {
  return page.evaluate(
    ({ html, focal, reply }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const template = doc.querySelector('article[data-testid="tweet"]')!;
      const article = template.cloneNode(true) as Element;
      article.querySelectorAll('[data-fixture-composer]').forEach((el) => el.remove());
      const userName = article.querySelector('[data-testid="User-Name"]')!;
      userName.querySelectorAll('a').forEach((a) => a.setAttribute('href', '/alice'));
      const handle = [...userName.querySelectorAll('a[tabindex="-1"]')].find((a) => a.textContent?.startsWith('@'));
      if (handle) handle.textContent = '@alice';
      for (const a of article.querySelectorAll(`a[href^="/bob/status/${focal}"]`)) {
        a.setAttribute('href', a.getAttribute('href')!.replace(`/bob/status/${focal}`, `/alice/status/${reply.id}`));
        a.querySelector('time')?.setAttribute('datetime', reply.at);
      }
      article.querySelector('[data-testid="tweetText"]')!.textContent = reply.text;
      const cell = doc.createElement('div');
      cell.setAttribute('data-testid', 'cellInnerDiv');
      cell.append(article);
      (template.closest('[data-testid="cellInnerDiv"]') ?? template.parentElement)!.after(cell);
      return `<!doctype html>${doc.documentElement.outerHTML}`;
    },
    { html, focal, reply },
  );
}

beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve(STATUS_URL, await statusPageWithComposer());
});

afterEach(async () => {
  await loket?.close();
});

describe('the reply as a record', () => {
  it('warns once, in the toolbar, when a template goes into the reply box of a personal account; dismissed, it stays away', async () => {
    await patchSettings(await loket.worker(), { ownAccounts: '@gemeente', accountGuard: true });
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.pickTemplate('dm');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const warning = await toolbar.waitFor('[data-lk="account-warning"]');
    expect(warning.text).toMatch(/^Je reageert als @alice, niet als @gemeente\. Klopt dat\?/);
    // Advice, not a block: the text is in X's editor and X would send it.
    expect(await draftText(page)).toMatch(/^Hoi Bob/);
    expect(await page.$eval('[data-testid="tweetButtonInline"]', (b) => b.getAttribute('aria-disabled'))).not.toBe('true');
    // axe-core cannot enter the closed shadow root: it checks the toolbar's markup and styles on a page of their own.
    loket.serve('https://x.com/loket-axe-account-warning', await toolbar.snapshot());
    const probe = await loket.open('https://x.com/loket-axe-account-warning');
    expect(await axeViolations(probe)).toEqual([]);
    await probe.close();

    await toolbar.click('[data-lk="account-warning-dismiss"]');
    await expect.poll(() => toolbar.find('[data-lk="account-warning"]')).toBeNull();
    await toolbar.pickTemplate('dm');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    expect(await toolbar.find('[data-lk="account-warning"]')).toBeNull();
    await page.close();
  });

  it('says nothing when the page shows one of the municipality’s own accounts', async () => {
    await patchSettings(await loket.worker(), { ownAccounts: '@gemeente, @alice', accountGuard: true });
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.pickTemplate('dm');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    expect(await toolbar.find('[data-lk="account-warning"]')).toBeNull();
    await page.close();
  });

  it('keeps a reply sent on a case with its words: in the toolbar’s history and in the access export', async () => {
    await patchSettings(await loket.worker(), { ownAccounts: '@alice', agentName: 'Anna' });
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]');
    await toolbar.pickTemplate('kcc');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    const sent = (await draftText(page))!;
    expect(sent.length).toBeGreaterThan(20);
    await page.click('[data-testid="tweetButtonInline"]');
    await page.waitForSelector('a[href^="/alice/status/19"]', { state: 'attached' });
    await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') === 'answered', FOCAL);

    // One reply event, with the words as the page shows them, the reply's own link, and the agent.
    const worker = await loket.worker();
    await expect
      .poll(async () => (await readStore<{ kind: string; caseId: string }>(worker, 'events')).filter((e) => e.kind === 'reply' && e.caseId === FOCAL).length)
      .toBe(1);
    const [event] = (await readStore<{ kind: string; caseId: string; actor: string; after: { text: string; url: string; via: string } }>(worker, 'events')).filter(
      (e) => e.kind === 'reply' && e.caseId === FOCAL,
    );
    expect(event!.actor).toBe('Anna');
    expect(event!.after.via).toBe('loket');
    expect(event!.after.url).toMatch(/^https:\/\/x\.com\/alice\/status\/19\d+$/);
    const firstWords = sent.split('\n')[0]!.slice(0, 40);
    expect(event!.after.text).toContain(firstWords);

    await toolbar.click('[data-lk="history-open"]');
    const history = await toolbar.waitFor('[data-lk="events"]', (b) => b.text.includes('antwoord: '));
    expect(history.text).toContain(`antwoord: ${firstWords}`);
    expect(history.text).toContain(event!.after.url);

    // Seen again after a reload (the reply is on the thread now): still one event.
    await page.reload();
    await page.waitForSelector(`[data-loket-post="${FOCAL}"]`, { state: 'attached' });
    await page.waitForTimeout(500);
    expect((await readStore<{ kind: string; caseId: string }>(worker, 'events')).filter((e) => e.kind === 'reply' && e.caseId === FOCAL)).toHaveLength(1);

    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    await options.getByLabel('Account, naam of profiellink').fill('@bob');
    await options.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await options.getByTestId('person-results').locator(`[data-case-id="${FOCAL}"]`).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Inzage exporteren (afdrukbaar)' }).click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain(`antwoord: ${firstWords}`);
    for (const p of [options, page]) await p.close();
  });

  it('keeps a reply written elsewhere, seen on the thread when the page is read, marked as such — once', async () => {
    // A browser of its own: another status (no case from the tests above), the agent Anna as @alice.
    const own = await launchLoket({ lang: 'nl' });
    try {
      const statusId = '1000000000000000077';
      const url = `https://x.com/bob/status/${statusId}`;
      const plain = (await statusPageWithComposer()).replaceAll('1000000000000000001', statusId);
      own.serve(url, plain);
      await patchSettings(await own.worker(), { ownAccounts: '@alice', agentName: 'Anna' });
      const page = await own.open(url);
      const toolbar = new Toolbar(page, `x:${statusId}`);
      await toolbar.click('[data-lk="track"]');
      await toolbar.waitFor('[data-lk="status"]');

      // Meanwhile @alice answered from a browser without Loket; this agent opens the thread again.
      const text = 'Dank voor uw melding. We halen de container morgen op.';
      own.serve(url, await withReplyOnThread(page, plain, statusId, { id: '1900000000000000777', text, at: new Date(Date.now() - 5 * 60_000).toISOString() }));
      await page.reload();
      await page.waitForSelector('a[href="/alice/status/1900000000000000777"]', { state: 'attached' });
      const worker = await own.worker();
      type ReplyEvent = { kind: string; caseId: string; actor: string; after: { text: string; url: string; via: string } };
      const replies = async () => (await readStore<ReplyEvent>(worker, 'events')).filter((e) => e.kind === 'reply' && e.caseId === `x:${statusId}`);
      await expect.poll(async () => (await replies()).length).toBe(1);
      const [event] = await replies();
      expect(event!.after).toMatchObject({ text, url: 'https://x.com/alice/status/1900000000000000777', via: 'elsewhere' });
      expect(event!.actor).toBe('Anna'); // who saw it
      await page.waitForFunction((id) => document.querySelector(`[data-loket-post="${id}"]`)?.getAttribute('data-loket-sla') === 'answered', `x:${statusId}`);
      await toolbar.click('[data-lk="history-open"]');
      const history = await toolbar.waitFor('[data-lk="events"]', (b) => b.text.includes('buiten Loket geschreven'));
      expect(history.text).toContain(`antwoord, buiten Loket geschreven: ${text}`);

      // Seen again: still one event.
      await page.reload();
      await page.waitForSelector(`[data-loket-post="x:${statusId}"]`, { state: 'attached' });
      await page.waitForTimeout(500);
      expect(await replies()).toHaveLength(1);
      await page.close();
    } finally {
      await own.close();
    }
  });
});
