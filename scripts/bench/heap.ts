/**
 * The JS heap after the benchmark scroll and a garbage collection, with and without a content script,
 * alternating runs (heap does not depend on the machine's load as time does). The content script is Loket's
 * (built as `npm run build` does) or, with LOKET_PROFILE_ENTRY, another entry such as the floor script.
 *   npx tsx scripts/bench/heap.ts x|x-full|facebook [runs]
 *   LOKET_PROFILE_ENTRY=scripts/bench/floor-content.ts npx tsx scripts/bench/heap.ts x
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContentEntry } from './support/content-entry';
import { benchScroll, openScenarioPage, scenario } from './scenario-page';
import { median } from './support/stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const which = (['x', 'x-full', 'facebook'] as const).find((w) => w === process.argv[2]) ?? 'x';
const runs = Number(process.argv[3] ?? 3);

async function heapAfterScroll(extension: string | null): Promise<number> {
  const bench = scenario(which, root);
  const { page, cdp, close } = await openScenarioPage(bench.url, bench.html, extension);
  try {
    await cdp.send('Performance.enable');
    await benchScroll(page, bench.step, bench.until);
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value / 1e6;
  } finally {
    await close();
  }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts')], { stdio: 'ignore' });
  const extension = join(tmpdir(), 'loket-heap-extension');
  rmSync(extension, { recursive: true, force: true });
  cpSync(join(root, 'dist', 'chrome'), extension, { recursive: true });
  if (process.env.LOKET_PROFILE_ENTRY) {
    await bundleContentEntry(root, process.env.LOKET_PROFILE_ENTRY, extension);
  }
  const without: number[] = [];
  const withIt: number[] = [];
  for (let i = 0; i < runs; i++) {
    without.push(await heapAfterScroll(null));
    withIt.push(await heapAfterScroll(extension));
  }
  console.log(`heap without: ${without.map((x) => x.toFixed(2)).join(' ')} MB`);
  console.log(`heap with:    ${withIt.map((x) => x.toFixed(2)).join(' ')} MB`);
  console.log(`median ratio ${(median(withIt) / median(without)).toFixed(3)} (${median(withIt).toFixed(2)} / ${median(without).toFixed(2)} MB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
