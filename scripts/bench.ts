/**
 * `npm run bench`: what Loket's content script costs on a heavy x.com timeline.
 * Loads a virtualised 1 000-tweet timeline (scripts/bench/timeline.ts) at https://x.com/home in Chromium,
 * scrolls through all of it, and compares the main thread's busy time with Loket loaded and without it.
 * Reports, as the median of several runs: Loket's cost per tweet (recognise + read + mount, with the layout
 * sampled with the CPU profiler: its own JavaScript and the DOM calls it makes), the ratio of main-thread time
 * with / without Loket (which includes the layout its toolbars cause), and whether event listeners grow
 * between the middle and the end of the timeline (a leak would).
 *   npm run bench -- --runs 7
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TIMELINE_TWEETS, timelinePage } from './bench/timeline';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist', 'chrome');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Sample {
  taskMs: number;
  /** Time in samples whose stack holds a frame of Loket's content script (its JS and the DOM calls it makes). */
  loketMs: number;
  /** jsEventListeners after half the timeline and after all of it: equal when nothing leaks. */
  listenersHalf: number;
  listenersEnd: number;
  toolbars: number;
}

interface Profile {
  nodes: Array<{ id: number; callFrame: { url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

/** Sums the sampled time whose call stack passes through the content script. */
function timeInScript(profile: Profile, urlPart: string): number {
  const parent = new Map<number, number>();
  const own = new Map<number, boolean>();
  for (const node of profile.nodes) {
    own.set(node.id, node.callFrame.url.includes(urlPart));
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const inside = new Map<number, boolean>();
  const isInside = (id: number): boolean => {
    const known = inside.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const result = own.get(id) === true || (up !== undefined && isInside(up));
    inside.set(id, result);
    return result;
  };
  let micros = 0;
  profile.samples.forEach((id, i) => {
    if (isInside(id)) micros += profile.timeDeltas[i] ?? 0;
  });
  return micros / 1000;
}

async function run(withLoket: boolean, html: string): Promise<Sample> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(withLoket ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('chrome-extension://')) return route.continue();
      if (url === 'https://x.com/home') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      return route.abort();
    });
    if (withLoket) context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto('https://x.com/home');
    if (withLoket) await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length >= 30);
    await page.waitForTimeout(300);
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const before = await metrics(cdp);
    const scroll = (until: number) =>
      page.evaluate((n) => (window as unknown as { benchScroll(step: number, until: number): Promise<number> }).benchScroll(8, n), until);
    await scroll(TIMELINE_TWEETS / 2);
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    const half = await cdp.send('Memory.getDOMCounters');
    await scroll(TIMELINE_TWEETS);
    await page.waitForTimeout(300); // let the last batch and the answers from the background land
    const after = await metrics(cdp);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.send('HeapProfiler.collectGarbage');
    const end = await cdp.send('Memory.getDOMCounters');
    const toolbars = await page.evaluate(() => document.querySelectorAll('[data-loket-post]').length);
    return {
      taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
      loketMs: timeInScript(profile, '/content.js'),
      listenersHalf: half.jsEventListeners,
      listenersEnd: end.jsEventListeners,
      toolbars,
    };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function metrics(cdp: import('playwright-core').CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

async function main(): Promise<void> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts')], { stdio: 'ignore' });
  const html = timelinePage(root);
  const withL: Sample[] = [];
  const without: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift in the machine's load touches both sides alike.
    without.push(await run(false, html));
    withL.push(await run(true, html));
    process.stdout.write('.');
  }
  process.stdout.write('\n');
  const perTweet = median(withL.map((w) => w.loketMs / TIMELINE_TWEETS));
  const ratio = median(withL.map((w, i) => w.taskMs / without[i]!.taskMs));
  const listenerGrowth = median(withL.map((w) => (w.listenersEnd - w.listenersHalf) / (TIMELINE_TWEETS / 2)));
  const result = {
    date: new Date().toISOString(),
    chromium: execFileSync(executablePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(),
    runs: RUNS,
    tweets: TIMELINE_TWEETS,
    mainThreadMsWithout: median(without.map((s) => s.taskMs)),
    mainThreadMsWith: median(withL.map((s) => s.taskMs)),
    loketMsPerTweet: perTweet,
    overheadRatio: ratio,
    listenerGrowthPerTweet: listenerGrowth,
    toolbarsInWindow: median(withL.map((s) => s.toolbars)),
  };
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'bench.json'), `${JSON.stringify(result, null, 2)}\n`);
  const ok = (pass: boolean) => (pass ? 'ok' : 'OVER TARGET');
  console.log(`Loket on a virtualised ${TIMELINE_TWEETS}-tweet x.com timeline, median of ${RUNS} runs (${result.chromium})`);
  console.log(`  main thread without Loket   ${result.mainThreadMsWithout.toFixed(1)} ms`);
  console.log(`  main thread with Loket      ${result.mainThreadMsWith.toFixed(1)} ms`);
  console.log(`  Loket per tweet             ${perTweet.toFixed(3)} ms   (target ≤ 0.1)   ${ok(perTweet <= 0.1)}`);
  console.log(`  overhead ratio              ${ratio.toFixed(3)}      (target ≤ 1.05)  ${ok(ratio <= 1.05)}`);
  console.log(`  listener growth per tweet   ${listenerGrowth.toFixed(3)}      (target 0)       ${ok(listenerGrowth <= 0.01)}`);
  console.log(`  toolbars in the DOM window  ${result.toolbarsInWindow}`);
  console.log('  (written to dist/bench.json)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
