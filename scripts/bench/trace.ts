/**
 * Where the page's main-thread time goes with and without Loket: runs one benchmark scenario once each way
 * with Chromium's timeline tracing and prints the renderer main thread's time per event kind (PrePaint,
 * Layout, UpdateLayoutTree = style, FunctionCall = script, …). The overhead ratio's parts, side by side.
 *   npx tsx scripts/bench/trace.ts facebook|x      (builds nothing: run npm run build first)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { feedPage, FEED_POSTS } from './feed';
import { timelinePage, TIMELINE_TWEETS } from './timeline';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const which = process.argv[2] === 'x' ? 'x' : 'facebook';
const extension = join(root, 'dist', 'chrome');
const url = which === 'x' ? 'https://x.com/home' : 'https://www.facebook.com/';
const html = which === 'x' ? timelinePage(root) : feedPage();

async function traceOnce(withLoket: boolean): Promise<Map<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'loket-trace-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...(withLoket ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []), '--no-sandbox', '--disable-gpu'],
  });
  try {
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith('chrome-extension://')) return route.continue();
      return requested === url ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort();
    });
    if (withLoket) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    if (withLoket) await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length >= 30);
    await page.waitForTimeout(300);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await page.evaluate(
      ([until, step]) => (window as unknown as { benchScroll(step: number, until: number): Promise<number> }).benchScroll(step!, until!),
      [which === 'x' ? TIMELINE_TWEETS : FEED_POSTS, which === 'x' ? 8 : 2],
    );
    await page.waitForTimeout(300);
    await cdp.send('Tracing.end');
    await complete;
    // The page's renderer main thread: the one that parsed its HTML.
    const parse = events.find((e) => e.name === 'ParseHTML');
    const sums = new Map<string, number>();
    for (const e of events) {
      if (!parse || e.pid !== parse.pid || e.tid !== parse.tid || e.ph !== 'X' || !e.dur) continue;
      sums.set(e.name, (sums.get(e.name) ?? 0) + e.dur / 1000);
    }
    return sums;
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const without = await traceOnce(false);
  const withLoket = await traceOnce(true);
  const names = [...new Set([...without.keys(), ...withLoket.keys()])].sort((a, b) => (withLoket.get(b) ?? 0) - (withLoket.get(a) ?? 0)).slice(0, 14);
  console.log(`${which}: main-thread ms per event kind (nested kinds overlap: RunTask holds the others)`);
  console.log(`${'event'.padEnd(48)} ${'without'.padStart(8)} ${'with'.padStart(8)}`);
  for (const name of names) console.log(`${name.padEnd(48)} ${(without.get(name) ?? 0).toFixed(0).padStart(8)} ${(withLoket.get(name) ?? 0).toFixed(0).padStart(8)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
