/**
 * Compares builds of the content script on one benchmark page, finely interleaved (interleaved.ts): each
 * build's main-thread time divided by the first build's, per repetition, with the median and middle half
 * over the repetitions, and the main thread's time per event kind.
 *   npx tsx scripts/bench/compare.ts facebook|x|x-full [--reps N] [--chunk N] name:- name:dir name:entry.ts …
 * `-` is no extension; a directory is a built extension (`dir#none`: one that draws no marks); a .ts file is bundled as the content script into a
 * copy of dist/chrome (run npm run build first), with what follows a '#' as process.env.LOKET_FLOOR, e.g.
 * scripts/bench/floor-facebook.ts#light.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleContentEntry } from './support/content-entry';
import { EVENT_KINDS, interleaved, type Build } from './interleaved';
import { scenario, type ScenarioName } from './scenario-page';
import { median, middleHalf } from './support/stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const value = Number(args[at + 1]);
  args.splice(at, 2);
  return value;
};
const REPS = option('--reps', 3);
const CHUNK = option('--chunk', 10);
const which = args.shift() as ScenarioName;
const specs = args.map((a) => {
  const at = a.indexOf(':');
  return { name: a.slice(0, at), path: a.slice(at + 1) };
});

async function buildOf(spec: string): Promise<Build> {
  if (spec === '-') return { extension: null, draws: false };
  const [path, kind] = spec.split('#') as [string, string | undefined];
  if (!path.endsWith('.ts')) return { extension: resolve(path), draws: kind !== 'none' };
  const dir = mkdtempSync(join(tmpdir(), 'loket-compare-'));
  cpSync(join(root, 'dist', 'chrome'), dir, { recursive: true });
  await bundleContentEntry(root, path, dir, { define: { 'process.env.LOKET_FLOOR': JSON.stringify(kind ?? '') } });
  return { extension: dir, draws: kind !== 'none' };
}

async function main(): Promise<void> {
  const bench = scenario(which, root);
  const builds = await Promise.all(specs.map((s) => buildOf(s.path)));
  const ratios = specs.map(() => [] as number[]);
  for (let rep = 0; rep < REPS; rep++) {
    const r = await interleaved(bench, builds, CHUNK);
    const base = r.taskMs[0]!;
    console.log(`rep ${rep + 1}: ${specs.map((s, i) => `${s.name} ${r.taskMs[i]!.toFixed(0)} ms (${(r.taskMs[i]! / base).toFixed(3)}, ${r.hosts[i]} hosts)`).join(' · ')}`);
    for (const kind of EVENT_KINDS) console.log(`  ${kind.padEnd(20)} ${r.kinds.map((m) => (m.get(kind) ?? 0).toFixed(0).padStart(6)).join(' ')}`);
    specs.forEach((_, i) => ratios[i]!.push(r.taskMs[i]! / base));
  }
  for (const [i, s] of specs.entries()) {
    const [low, high] = middleHalf(ratios[i]!);
    const all = [...ratios[i]!].sort((a, b) => a - b).map((x) => x.toFixed(3));
    console.log(`${s.name.padEnd(16)} ÷ ${specs[0]!.name}: median ${median(ratios[i]!).toFixed(3)}, middle half ${low.toFixed(3)}–${high.toFixed(3)}, all ${all.join(' ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
