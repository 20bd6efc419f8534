/**
 * Tag latency: from an agent's click on a tag in one tab's toolbar to the chip showing in the same post's
 * toolbar in another tab (content script → background → IndexedDB → push → other tab → render). Measured
 * in the browser, on one clock: the click's event time in tab A, and in tab B the moment a MutationObserver
 * on the toolbar's shadow root sees the chip (both as performance.timeOrigin + time).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { Toolbar } from '../../test/e2e/support/toolbar';

const TWEET = 'x:1000000000000000010';

/** Resolves with the epoch time (ms, sub-ms precision) at which tab B's toolbar shows a chip with `label`. */
async function whenChipShows(page: Page, label: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-loket-post="${TWEET}"]` });
  const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
  const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.shadowRoots![0]!.backendNodeId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId!,
    functionDeclaration: `function (label) {
      const has = () => [...this.querySelectorAll('[data-lk="chips"] li')].some((li) => li.textContent === label);
      return new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!has()) return;
          observer.disconnect();
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(this, { childList: true, subtree: true, characterData: true });
      });
    }`,
    arguments: [{ value: label }],
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  return result.value as number;
}

export async function tagToChipMs(executablePath: string, extension: string, root: string, runs: number): Promise<number[]> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-bench-tag-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const html = readFileSync(join(root, 'test/fixtures/x/x-home.html'), 'utf8');
  await context.route('**/*', (route) =>
    route.request().url().startsWith('chrome-extension://') ? route.continue() : route.request().url() === 'https://x.com/home' ? route.fulfill({ status: 200, contentType: 'text/html', body: html }) : route.abort(),
  );
  try {
    const [tabA, tabB] = [await context.newPage(), await context.newPage()];
    for (const tab of [tabA, tabB]) await tab.goto('https://x.com/home');
    // The click's own time, in tab A: a capture listener on the document sees it before the toolbar does.
    await tabA.evaluate(() => document.addEventListener('click', (e) => ((window as unknown as { clickAt: number }).clickAt = performance.timeOrigin + e.timeStamp), true));
    const a = new Toolbar(tabA, TWEET);
    const b = new Toolbar(tabB, TWEET);
    await b.waitFor('.lk');
    await a.click('[data-lk="tags"]');
    await a.waitFor('[data-lk="tag-search"]');
    await tabA.keyboard.type('klacht');
    const samples: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const shown = whenChipShows(tabB, 'Klacht');
      await a.click('[role="option"]'); // on
      const chipAt = await shown;
      const clickAt = await tabA.evaluate(() => (window as unknown as { clickAt: number }).clickAt);
      if (i > 0) samples.push(chipAt - clickAt); // the first includes making the post a case
      await a.click('[role="option"]'); // off again
      await b.waitFor('.lk', (box) => !box.text.includes('Klacht'));
    }
    return samples;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
