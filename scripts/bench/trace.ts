/**
 * Where the page's main-thread time goes with and without Loket: runs one benchmark scenario once each way
 * with Chromium's timeline tracing and prints the renderer main thread's time per event kind (PrePaint,
 * Layout, UpdateLayoutTree = style, FunctionCall = script, …). The overhead ratio's parts, side by side.
 *   npx tsx scripts/bench/trace.ts facebook|x      (builds nothing: run npm run build first)
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchScroll, openScenarioPage, scenario } from './scenario-page';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const which = (['x', 'x-full', 'facebook'] as const).find((w) => w === process.argv[2]) ?? 'facebook';
const extension = join(root, 'dist', 'chrome');
const bench = scenario(which, root);

async function traceOnce(withLoket: boolean): Promise<Map<string, number>> {
  const { page, cdp, close } = await openScenarioPage(bench.url, bench.html, withLoket ? extension : null);
  try {
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    await benchScroll(page, bench.step, bench.until);
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
    await close();
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
