/**
 * `npm run bench`: what Loket's content script costs on a heavy x.com timeline.
 * Loads a virtualised 1 000-tweet timeline (scripts/bench/timeline.ts) at https://x.com/home in Chromium,
 * scrolls through all of it, and compares the main thread's busy time with Loket loaded and without it (two
 * browsers open at once and scrolled in turn a chunk at a time, so the machine's drift touches both alike:
 * bench/interleaved.ts).
 * Reports, as the median of several runs: Loket's cost per tweet (recognise + read + mount, with the layout
 * sampled with the CPU profiler: its own JavaScript and the DOM calls it makes), the ratio of main-thread time
 * with / without Loket (which includes the layout its toolbars cause), and whether the event listeners per
 * toolbar on the page drift between the middle and the end (a leak would make them grow). A second scenario
 * does the same on a Facebook feed of 300 posts with 5 comments each, in realistic markup. Last, the popup: time from opening to
 * the rendered list with 500 open cases among 1 000 and among 100 000 stored.
 *   npm run bench -- --runs 7
 * Then the work queue: opening to the list drawn with 5 000 open among 100 000 stored, and scrolling fps.
 *   npm run bench -- --only x        (or x-full, facebook, popup, queue, tags: one part, for quick comparisons)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPEN_CASES, popupOpenMs } from './bench/popup';
import { QUEUE_OPEN_CASES, queueOpenMs } from './bench/queue';
import { tagToChipMs } from './bench/tag-latency';
import { interleaved } from './bench/interleaved';
import { benchScroll, openScenarioPage, scenario, type Scenario } from './bench/scenario-page';
import { median, middleHalf } from './bench/support/stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist', 'chrome');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const onlyArg = process.argv.indexOf('--only');
const ONLY = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
const part = (name: string) => ONLY === undefined || ONLY === name;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Sample {
  /** Time in samples whose stack holds a frame of Loket's content script (its JS and the DOM calls it makes). */
  loketMs: number;
  /** jsEventListeners and toolbars after half the page and after all of it: the ratio stays put unless we leak. */
  listenersHalf: number;
  toolbarsHalf: number;
  listenersEnd: number;
  toolbars: number;
  /** JS heap in use after a garbage collection at the end (MB). */
  heapMb: number;
  /** The page's scroll height at the end (px): Loket must not make it taller. */
  heightPx: number;
  /** Click on a mark to the next drawn frame (ms), per click; empty without Loket. */
  openMs: number[];
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

async function run(withLoket: boolean, scenario: Scenario): Promise<Sample> {
  const { page, cdp, close } = await openScenarioPage(scenario.url, scenario.html, withLoket ? extension : null);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const scroll = (until: number) => benchScroll(page, scenario.step, until);
    await scroll(scenario.until / 2);
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    const half = await cdp.send('Memory.getDOMCounters');
    const toolbarsHalf = await page.evaluate(() => document.querySelectorAll('[data-loket-post]').length);
    await scroll(scenario.until);
    await page.waitForTimeout(300); // let the last batch and the answers from the background land
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.send('HeapProfiler.collectGarbage');
    const end = await cdp.send('Memory.getDOMCounters');
    const toolbars = await page.evaluate(() => document.querySelectorAll('[data-loket-post]').length);
    const heap = await metrics(cdp);
    const heightPx = await page.evaluate(() => document.scrollingElement!.scrollHeight);
    const openMs = withLoket ? await openLatency(page) : [];
    return {
      heapMb: heap.JSHeapUsedSize! / 1e6,
      heightPx,
      openMs,
      loketMs: timeInScript(profile, '/content.js'),
      listenersHalf: half.jsEventListeners,
      toolbarsHalf,
      listenersEnd: end.jsEventListeners,
      toolbars,
    };
  } finally {
    await close();
  }
}

/**
 * Opening the full toolbar as the agent does — a real click on a quiet post's mark — timed from the click
 * event to the frame after the one that drew the toolbar (a message posted from requestAnimationFrame runs
 * once that frame is painted). Five posts in view, one after the other.
 */
async function openLatency(page: import('playwright-core').Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { openTimes: number[] };
    w.openTimes = [];
    window.addEventListener(
      'click',
      (e) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => w.openTimes.push(performance.now() - e.timeStamp);
        requestAnimationFrame(() => channel.port2.postMessage(null));
      },
      true,
    );
  });
  const results: number[] = [];
  for (let i = 0; i < 5; i++) {
    const box = await page.evaluate(async (n) => {
      const host = [...document.querySelectorAll('[data-loket-post]')].filter((h) => h.parentElement?.getAttribute('role') === 'group')[n * 3];
      if (!host) return null;
      host.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
      const r = host.getBoundingClientRect();
      (window as unknown as { openTimes: number[] }).openTimes = [];
      return { x: r.x + r.width / 2, y: r.y + r.height / 2, id: host.getAttribute('data-loket-post') };
    }, i);
    if (!box) break;
    await page.mouse.click(box.x, box.y);
    // Drawn: the open toolbar (a popover under the mark, or a line of its own where there are no popovers) is
    // what the page finds just under the mark — its host, as the shadow root is closed. Waited for, not assumed.
    const opened = await page
      .waitForFunction(
        ({ x, y, id }) => {
          const host = document.querySelector(`[data-loket-post="${id}"]`);
          const hit = document.elementFromPoint(x, y + 30);
          return host !== null && host === hit && (window as unknown as { openTimes: number[] }).openTimes.length > 0;
        },
        box,
        { timeout: 5_000, polling: 50 },
      )
      .then(() => true, () => false);
    if (!opened) {
      console.warn(`\n  (the toolbar of ${box.id} did not open within 5 s of the click; not counted)`);
      continue;
    }
    results.push(await page.evaluate(() => (window as unknown as { openTimes: number[] }).openTimes.at(-1)!));
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
  return results;
}

async function metrics(cdp: import('playwright-core').CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m: { name: string; value: number }) => [m.name, m.value]));
}

/**
 * A ratio's verdict from the runs' own ratios: when the target lies inside their middle half, the machine's
 * noise is larger than the margin to be judged, and the median alone would pass or fail by chance.
 */
const ratioVerdict = (ratios: number[], target: number): string => {
  const [low, high] = middleHalf(ratios);
  if (high <= target) return 'ok';
  if (low > target) return 'OVER TARGET';
  return `UNDECIDED (middle half of the runs ${low.toFixed(3)}–${high.toFixed(3)} spans the target: more runs, a quieter machine)`;
};

async function measure(scenario: Scenario) {
  const withL: Sample[] = [];
  const without: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Alternate, so drift in the machine's load touches both sides alike.
    without.push(await run(false, scenario));
    withL.push(await run(true, scenario));
    process.stdout.write('.');
  }
  // The main-thread ratio from interleaved runs (bench/interleaved.ts): run one after the other, the machine's
  // drift between them was larger than the target's margin.
  const pairs: Array<{ without: number; with: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const { taskMs } = await interleaved(scenario, [
      { extension: null, draws: false },
      { extension, draws: true },
    ]);
    pairs.push({ without: taskMs[0]!, with: taskMs[1]! });
    process.stdout.write('.');
  }
  return {
    scenario: scenario.name,
    items: scenario.items,
    mainThreadMsWithout: median(pairs.map((p) => p.without)),
    mainThreadMsWith: median(pairs.map((p) => p.with)),
    loketMsPerItem: median(withL.map((w) => w.loketMs / scenario.items)),
    overheadRatio: median(pairs.map((p) => p.with / p.without)),
    // Each interleaved run's ratio: the spread says how far one median can be trusted.
    overheadRatios: pairs.map((p) => Number((p.with / p.without).toFixed(3))),
    // Listeners per toolbar on the page, at the end minus halfway: 0 when every listener goes with its toolbar.
    listenerDrift: median(withL.map((w) => w.listenersEnd / Math.max(1, w.toolbars) - w.listenersHalf / Math.max(1, w.toolbarsHalf))),
    toolbarsAtEnd: median(withL.map((s) => s.toolbars)),
    heapRatio: median(withL.map((w, i) => w.heapMb / without[i]!.heapMb)),
    heapMbWithout: median(without.map((s) => s.heapMb)),
    heapMbWith: median(withL.map((s) => s.heapMb)),
    heightPxWithout: median(without.map((s) => s.heightPx)),
    heightPxWith: median(withL.map((s) => s.heightPx)),
    openMs: withL.flatMap((s) => s.openMs).length > 0 ? median(withL.flatMap((s) => s.openMs)) : Number.NaN,
    openMsMax: Math.max(...withL.flatMap((s) => s.openMs)),
  };
}

async function main(): Promise<void> {
  if (!existsSync(executablePath)) throw new Error(`Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts')], { stdio: 'ignore' });
  const results = [];
  for (const which of ['x', 'x-full', 'facebook'] as const) if (part(which)) results.push(await measure(scenario(which, root)));
  const popup = [];
  for (const stored of part('popup') ? [1_000, 100_000] : []) {
    const samples = await popupOpenMs(executablePath, extension, stored, RUNS);
    popup.push({ stored, open: OPEN_CASES, loketMs: median(samples.map((x) => x.loketMs)), totalMs: median(samples.map((x) => x.totalMs)) });
    process.stdout.write('.');
  }
  const queue = [];
  if (part('queue')) {
    const samples = await queueOpenMs(executablePath, extension, 100_000, RUNS);
    queue.push({
      stored: 100_000,
      open: QUEUE_OPEN_CASES,
      loketMs: median(samples.map((x) => x.loketMs)),
      totalMs: median(samples.map((x) => x.totalMs)),
      fps: median(samples.map((x) => x.fps)),
      worstFrameMs: median(samples.map((x) => x.worstFrameMs)),
    });
    process.stdout.write('.');
  }
  const tagMs = part('tags') ? median(await tagToChipMs(executablePath, extension, root, Math.max(RUNS, 9))) : Number.NaN;
  process.stdout.write('\n');
  const chromiumVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'bench.json'), `${JSON.stringify({ date: new Date().toISOString(), chromium: chromiumVersion, runs: RUNS, results, popup, queue, tagToChipMs: tagMs }, null, 2)}\n`);
  const ok = (pass: boolean) => (pass ? 'ok' : 'OVER TARGET');
  console.log(`Loket's content script, median of ${RUNS} runs each (${chromiumVersion})`);
  for (const r of results) {
    console.log(`${r.scenario}`);
    console.log(`  main thread without / with Loket  ${r.mainThreadMsWithout.toFixed(0)} / ${r.mainThreadMsWith.toFixed(0)} ms`);
    console.log(`  Loket per post                    ${r.loketMsPerItem.toFixed(3)} ms  (target ≤ 0.1)   ${ok(r.loketMsPerItem <= 0.1)}`);
    // X: issue #19; Facebook: issue #16 (≤ 1.10; #19 asked ≤ 1.05 of every page).
    const ratioTarget = r.scenario.startsWith('x.com timeline, 1000 tweets (virtualised)') ? 1.03 : r.scenario.startsWith('facebook') ? 1.1 : 1.05;
    console.log(`  overhead ratio                    ${r.overheadRatio.toFixed(3)}     (target ≤ ${ratioTarget})  ${ratioVerdict(r.overheadRatios, ratioTarget)}  runs: ${r.overheadRatios.join(", ")}`);
    console.log(`  JS heap without / with (MB)       ${r.heapMbWithout.toFixed(1)} / ${r.heapMbWith.toFixed(1)}, ratio ${r.heapRatio.toFixed(3)} (target ≤ 1.10) ${ok(r.heapRatio <= 1.1)}`);
    console.log(`  page height without / with (px)   ${r.heightPxWithout} / ${r.heightPxWith}  ${ok(r.heightPxWith <= r.heightPxWithout)}`);
    if (!Number.isNaN(r.openMs)) console.log(`  open toolbar, click to drawn      ${r.openMs.toFixed(1)} ms median, ${r.openMsMax.toFixed(1)} max (target ≤ 16) ${ok(r.openMs <= 16)}`);
    console.log(`  listener drift per toolbar        ${r.listenerDrift.toFixed(3)}     (target 0)       ${ok(Math.abs(r.listenerDrift) <= 0.05)}`);
    console.log(`  toolbars in the DOM at the end    ${r.toolbarsAtEnd}`);
  }
  for (const p of popup) {
    console.log(
      `popup, ${p.open} open of ${p.stored} stored: page ready to list ${p.loketMs.toFixed(0)} ms (target ≤ 50) ${ok(p.loketMs <= 50)}; from navigation ${p.totalMs.toFixed(0)} ms`,
    );
  }
  for (const q of queue) {
    console.log(
      `work queue, ${q.open} open of ${q.stored} stored: page ready to list ${q.loketMs.toFixed(0)} ms (target ≤ 100) ${ok(q.loketMs <= 100)}; from navigation ${q.totalMs.toFixed(0)} ms; scrolling ${q.fps.toFixed(0)} fps (target 60) ${ok(q.fps >= 58)}, longest frame ${q.worstFrameMs.toFixed(0)} ms`,
    );
  }
  if (part('tags')) console.log(`tag click in one tab to the chip in another: ${tagMs.toFixed(1)} ms (target ≤ 30) ${ok(tagMs <= 30)}`);
  console.log('(written to dist/bench.json)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
