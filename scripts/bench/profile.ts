/**
 * Where the content script's time goes on the benchmark pages: builds an unminified copy of the extension,
 * runs one scenario once with the CPU profiler, and prints the functions with the most time (self time, and
 * time inside Loket's frames including the DOM calls they make).
 *   npx tsx scripts/bench/profile.ts x|x-full|facebook
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContentEntry } from './support/content-entry';
import { benchScroll, openScenarioPage, scenario } from './scenario-page';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const which = (['x', 'x-full', 'facebook'] as const).find((w) => w === process.argv[2]) ?? 'x';

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts')], { stdio: 'ignore' });
  // Kept after the run, so the line numbers printed can be looked up in its content.js.
  const extension = join(tmpdir(), 'loket-profile-extension');
  rmSync(extension, { recursive: true, force: true });
  cpSync(join(root, 'dist', 'chrome'), extension, { recursive: true });
  await bundleContentEntry(root, process.env.LOKET_PROFILE_ENTRY ?? 'src/content/index.ts', extension, { minify: false });
  const bench = scenario(which, root);
  const { page, cdp, close } = await openScenarioPage(bench.url, bench.html, extension);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    await benchScroll(page, bench.step, bench.until);
    await page.waitForTimeout(300);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    let total = 0;
    profile.samples.forEach((id, i) => {
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      // The stack, innermost first; Loket's innermost frame takes the DOM calls below it.
      const stack: Node[] = [];
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
      const ours = stack.filter((n) => n.callFrame.url.includes('/content.js'));
      if (ours.length === 0) return;
      total += dt;
      const leaf = stack[0]!;
      const key = (n: Node) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
      const selfKey = leaf.callFrame.url.includes('/content.js') ? key(leaf) : `${key(ours[0]!)} → ${leaf.callFrame.functionName || leaf.callFrame.url || '(native)'}`;
      self.set(selfKey, (self.get(selfKey) ?? 0) + dt);
      for (const k of new Set(ours.map(key))) inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    });
    const items = bench.items;
    console.log(`in Loket: ${total.toFixed(1)} ms, ${(total / items).toFixed(3)} ms per item`);
    const top = (m: Map<string, number>, title: string) => {
      console.log(title);
      for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
    };
    top(self, 'self (with the DOM calls under it):');
    top(inclusive, 'inclusive:');
  } finally {
    await close();
  }
  console.log(`(line numbers are of ${join(extension, 'content.js')}, 0-based)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
