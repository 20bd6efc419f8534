/**
 * Popup benchmark: how long the popup takes from opening to showing the list, with 500 open cases among
 * 1 000 and among 100 000 stored ones — the open-cases index should make the two alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const OPEN_CASES = 500;
const SETTLE_MS = 15_000;

export interface PopupSample {
  /** From the popup page's DOMContentLoaded to the first rendered row: Loket's own work. */
  loketMs: number;
  /** From navigation start: includes the browser creating the page, which Loket does not control. */
  totalMs: number;
}

/** One sample per opening of the popup page, `runs` times. */
export async function popupOpenMs(executablePath: string, extension: string, stored: number, runs: number): Promise<PopupSample[]> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-bench-popup-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    // Wake the worker's database (the first request creates it), then fill it directly.
    const first = await context.newPage();
    await first.goto(`chrome-extension://${id}/popup.html`);
    await first.waitForSelector('.empty, .cases');
    await first.close();
    await worker.evaluate(
      ([total, open]) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('loket');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('cases', 'readwrite');
            const store = tx.objectStore('cases');
            const now = Date.now();
            for (let i = 0; i < total!; i++) {
              const isOpen = i < open!;
              const postedAt = now - i * 60_000;
              store.put({
                id: `x:${1700000000000000000n + BigInt(i)}`,
                site: 'x',
                url: `https://x.com/inwoner${i}/status/${1700000000000000000n + BigInt(i)}`,
                author: { name: `Inwoner ${i}`, handle: `@inwoner${i}` },
                text: `Vraag ${i} over de afvalinzameling in de wijk, de container is niet geleegd.`,
                postedAt,
                postedAtSource: 'page',
                status: isOpen ? 'new' : 'closed',
                tags: i % 3 === 0 ? ['afval'] : [],
                createdAt: postedAt,
                updatedAt: postedAt,
                ...(isOpen ? { dueAt: postedAt + 3_600_000, openDue: [postedAt + 3_600_000, postedAt] } : {}),
              });
            }
            tx.oncomplete = () => {
              db.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
          req.onerror = () => reject(req.error);
        }),
      [stored, OPEN_CASES],
    );
    // An agent's database grew over months; one just written in bulk is still being compacted by the browser
    // for a while, which slows reads. Measure the popup as the agent meets it: after the writes settled.
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    const samples: PopupSample[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('li.case')) {
            (window as unknown as { listAt: number }).listAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`chrome-extension://${id}/popup.html`);
      await page.waitForFunction(() => (window as unknown as { listAt?: number }).listAt !== undefined);
      samples.push(
        await page.evaluate(() => {
          const listAt = (window as unknown as { listAt: number }).listAt;
          const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
          return { loketMs: listAt - dcl, totalMs: listAt };
        }),
      );
      await page.close();
    }
    return samples;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
