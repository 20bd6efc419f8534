/**
 * Work queue benchmark: how long the queue page takes from opening to showing the list, with 5 000 open cases
 * among 100 000 stored ones, and how smoothly the list scrolls (frames while scrolling it top to bottom).
 * Same database filling and settling as the popup benchmark (popup.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const QUEUE_OPEN_CASES = 5_000;
const SETTLE_MS = 15_000;

export interface QueueSample {
  /** From the popup page's DOMContentLoaded to the first rendered row: Loket's own work. */
  loketMs: number;
  /** From navigation start: includes the browser creating the page, which Loket does not control. */
  totalMs: number;
  /** Frames per second while the list scrolls 200 px a frame, and the longest frame (ms). */
  fps: number;
  worstFrameMs: number;
}

/**
 * Scrolls the list 200 px a frame (at most 240 frames) and measures the frames. A string, not a function:
 * tsx names inner functions with a helper (`__name`) that does not exist in the page.
 */
const SCROLL_MEASURE = `new Promise((resolve) => {
  const el = document.querySelector('.queue-scroll');
  const frames = [];
  let last = performance.now();
  const start = last;
  const step = (t) => {
    frames.push(t - last);
    last = t;
    el.scrollTop += 200;
    if (frames.length < 240 && el.scrollTop + el.clientHeight < el.scrollHeight) requestAnimationFrame(step);
    else resolve({ fps: (frames.length * 1000) / (t - start), worstFrameMs: Math.max(...frames.slice(1)) });
  };
  requestAnimationFrame(step);
})`;

/** One sample per opening of the queue page, `runs` times. */
export async function queueOpenMs(executablePath: string, extension: string, stored: number, runs: number): Promise<QueueSample[]> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-bench-queue-'));
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
    await first.goto(`chrome-extension://${id}/queue.html`);
    await first.waitForSelector('.empty, .queue-list');
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
      [stored, QUEUE_OPEN_CASES],
    );
    // An agent's database grew over months; one just written in bulk is still being compacted by the browser
    // for a while, which slows reads. Measure the popup as the agent meets it: after the writes settled.
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    const samples: QueueSample[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (document.querySelector('li.queue-row')) {
            (window as unknown as { listAt: number }).listAt = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`chrome-extension://${id}/queue.html`);
      await page.waitForFunction(() => (window as unknown as { listAt?: number }).listAt !== undefined);
      const open = await page.evaluate(() => {
        const listAt = (window as unknown as { listAt: number }).listAt;
        const dcl = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd;
        return { loketMs: listAt - dcl, totalMs: listAt };
      });
      // Scrolling is measured over the whole list, once it has all arrived (5 000 rows × 64 px).
      await page.waitForFunction((open) => document.querySelector<HTMLElement>('.queue-list')?.style.height === `${open * 64}px`, QUEUE_OPEN_CASES);
      const scroll = (await page.evaluate(SCROLL_MEASURE)) as { fps: number; worstFrameMs: number };
      samples.push({ ...open, ...scroll });
      await page.close();
    }
    return samples;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
