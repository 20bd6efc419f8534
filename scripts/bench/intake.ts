/**
 * What automatic intake (issue #17) costs per post on the benchmark pages: the x.com timeline with every row
 * kept and the realistic Facebook feed, loaded in Chromium without the extension and scrolled to the end.
 * Then Loket's X or Facebook adapter and its Intake, bundled from src/, run in the page on every post there:
 * each post is read quietly once (what the post controller hands intake), and `Intake.seen` is timed over
 * many rounds, each with a fresh Intake (nothing remembered from the round before), against the quiet read
 * itself in the same minutes. Intake is on, with the own accounts set (the state that costs the most):
 * posts that match are read in full, which is the read the case is made from.
 *   npx tsx scripts/bench/intake.ts [x-full|facebook] [--runs 5] [--rounds 40] [--own "Gemeente Elders"]
 */
import * as esbuild from 'esbuild';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchScroll, openScenarioPage, scenario, type ScenarioName } from './scenario-page';
import { median } from './support/stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 5);
const ROUNDS = arg('--rounds', 40);
const WHICH = (['x-full', 'facebook'] as const).filter((w) => process.argv.includes(w));

/** The own accounts per page: the benchmark feed is the municipality's Page; the timeline mentions nobody's. */
const OWN: Record<'x-full' | 'facebook', string> = { 'x-full': '@gemeentevoorbeeld', facebook: 'Gemeente Voorbeeld' };
/** `--own "Gemeente Elders"`: other own accounts (on Facebook: a feed that is not the municipality's Page). */
const ownArg = process.argv.indexOf('--own');
const OWN_OVERRIDE = ownArg > 0 ? process.argv[ownArg + 1] : undefined;

const HARNESS = `
import { SITE_ADAPTERS } from './src/sites/adapters';
import { Intake } from './src/content/intake';
import { DEFAULT_SETTINGS } from './src/protocol/messages';

(window as any).__intakeBench = (site: 'x' | 'facebook', own: string, rounds: number) => {
  const adapter = SITE_ADAPTERS[site];
  const settings = { ...DEFAULT_SETTINGS, ownAccounts: own };
  const now = Date.now();
  const els = [...document.querySelectorAll(adapter.candidateSelector)].filter((el) => adapter.accepts(el));
  const posts: Array<[any, Element]> = [];
  for (const el of els) {
    const post = adapter.readQuiet ? adapter.readQuiet(el, now) : adapter.readPost(el, now);
    if (post) posts.push([post, el]);
  }
  let taken = 0;
  const services = { settings: () => settings, take: async (items: unknown[]) => { taken += items.length; return []; }, put() {} };
  // Warm up both (the code compiled and optimised before it is timed).
  for (let r = 0; r < 3; r++) {
    const intake = new Intake(adapter, services, 1e9);
    for (const [p, el] of posts) intake.seen(p, el);
    for (const [, el] of posts) adapter.readQuiet?.(el, now);
  }
  let intakeMs = 0;
  let quietMs = 0;
  let matched = 0;
  for (let r = 0; r < rounds; r++) {
    const intake = new Intake(adapter, services, 1e9);
    const t0 = performance.now();
    for (const [p, el] of posts) intake.seen(p, el);
    intakeMs += performance.now() - t0;
    matched = (intake as any).taken.size;
    const t1 = performance.now();
    for (const [, el] of posts) adapter.readQuiet?.(el, now);
    quietMs += performance.now() - t1;
  }
  return { posts: posts.length, matched, intakeMs: intakeMs / rounds / posts.length, quietMs: quietMs / rounds / posts.length };
};
`;

async function harness(): Promise<string> {
  const out = await esbuild.build({
    stdin: { contents: HARNESS, resolveDir: root, loader: 'ts', sourcefile: 'intake-bench.ts' },
    bundle: true,
    write: false,
    format: 'iife',
    target: ['chrome120'],
    minify: true,
    logLevel: 'warning',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0]!.text;
}


async function main(): Promise<void> {
  const code = await harness();
  for (const which of WHICH.length > 0 ? WHICH : (['x-full', 'facebook'] as const)) {
    const bench = scenario(which as ScenarioName, root);
    const samples: Array<{ posts: number; matched: number; intakeMs: number; quietMs: number }> = [];
    for (let run = 0; run < RUNS; run++) {
      const { page, close } = await openScenarioPage(bench.url, bench.html, null);
      try {
        await benchScroll(page, bench.step, bench.until);
        await page.evaluate(code);
        samples.push(await page.evaluate(([site, own, rounds]) => (window as any).__intakeBench(site, own, rounds), [which === 'facebook' ? 'facebook' : 'x', OWN_OVERRIDE ?? OWN[which], ROUNDS] as const));
      } finally {
        await close();
      }
    }
    const s = samples[0]!;
    const fmt = (xs: number[]) => `${median(xs).toFixed(4)} ms (${Math.min(...xs).toFixed(4)}–${Math.max(...xs).toFixed(4)})`;
    console.log(`${bench.name}: ${s.posts} posts on the page, ${s.matched} taken by intake; ${RUNS} runs × ${ROUNDS} rounds`);
    console.log(`  Intake.seen per post  ${fmt(samples.map((x) => x.intakeMs))}`);
    console.log(`  quiet read per post   ${fmt(samples.map((x) => x.quietMs))}  (for scale: what the controller reads anyway)`);
  }
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
