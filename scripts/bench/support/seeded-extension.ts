/**
 * What the popup and work-queue benchmarks share: Loket in a fresh Chromium profile with its database filled
 * directly (`stored` cases, the first `open` of them open, one a minute back from now) and left to settle,
 * and a page of the extension opened and timed to its first list row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const SETTLE_MS = 15_000;

export interface SeededExtension {
  context: BrowserContext;
  /** The extension's id (its pages are chrome-extension://<id>/…). */
  id: string;
  close(): Promise<void>;
}

export interface OpenTiming {
  /** From the page's DOMContentLoaded to the first rendered row: Loket's own work. */
  loketMs: number;
  /** From navigation start: includes the browser creating the page, which Loket does not control. */
  totalMs: number;
}

/**
 * Launches Loket, wakes its database by opening `first.path` (the first request creates it) until
 * `first.ready` shows, fills it, and waits for the writes to settle.
 */
export async function launchSeeded(executablePath: string, extension: string, first: { path: string; ready: string }, stored: number, open: number): Promise<SeededExtension> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`, '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${first.path}`);
    await page.waitForSelector(first.ready);
    await page.close();
    await worker.evaluate(
      ([total, openCount]) =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('loket');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('cases', 'readwrite');
            const store = tx.objectStore('cases');
            const now = Date.now();
            for (let i = 0; i < total!; i++) {
              const isOpen = i < openCount!;
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
      [stored, open],
    );
    // An agent's database grew over months; one just written in bulk is still being compacted by the browser
    // for a while, which slows reads. Measure the page as the agent meets it: after the writes settled.
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    return { context, id, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens an extension page and times it to the first element matching `row`. The page stays open. */
export async function openTimed(context: BrowserContext, url: string, row: string, viewport?: { width: number; height: number }): Promise<{ page: Page } & OpenTiming> {
  const page = await context.newPage();
  // In front of the first-run tab the install opened: headless Chromium draws a tab behind it about once a second.
  await page.bringToFront();
  await page.addInitScript((selector: string) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(selector)) {
        (window as unknown as { listAt: number }).listAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  }, row);
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { listAt?: number }).listAt !== undefined);
  const timing = await page.evaluate(() => {
    const listAt = (window as unknown as { listAt: number }).listAt;
    const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
    return { loketMs: listAt - dcl, totalMs: listAt };
  });
  return { page, ...timing };
}
