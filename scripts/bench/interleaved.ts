/**
 * Main-thread time of one benchmark page in several browsers at once, finely interleaved: one browser per
 * build (or without an extension), all open together, the page scrolled a chunk at a time in each in turn
 * (a different one first each round), so a change in the machine's speed touches every build alike. Only one
 * browser works at a time. On this project's 2-core VM the same page's main-thread time moves by ±20 %
 * between runs a minute apart; with and without Loket run one after the other, one run's ratio was anything
 * from 0.77 to 1.48. Interleaved, two browsers without an extension differ by ±5 % per repetition.
 */
import type { CDPSession } from 'playwright-core';
import { openScenarioPage, type Scenario, type ScenarioPage } from './scenario-page';

export interface Build {
  /** A built extension's directory, or null for none. */
  extension: string | null;
  /** Whether this build draws marks (the page is ready when the first are there). */
  draws: boolean;
}

export interface Interleaved {
  /** Main-thread time (CDP TaskDuration) per build over the whole scroll, in ms. */
  taskMs: number[];
  /** Thread time per trace event kind of the page's main thread, per build, in ms. */
  kinds: Array<Map<string, number>>;
  /** Loket hosts on the page at the end, per build. */
  hosts: number[];
}

/** Kinds worth printing: RunTask holds the others; FireAnimationFrame holds the script the page's frames run. */
export const EVENT_KINDS = ['RunTask', 'FireAnimationFrame', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint'];

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  tdur?: number;
}

async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
}

export async function interleaved(bench: Scenario, builds: Build[], chunk = 10): Promise<Interleaved> {
  const pages: ScenarioPage[] = [];
  try {
    for (const b of builds) pages.push(await openScenarioPage(bench.url, bench.html, b.extension, b.draws));
    const traces = pages.map((p) => {
      const events: TraceEvent[] = [];
      p.cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
      return { events, done: new Promise((r) => p.cdp.once('Tracing.tracingComplete', r)) };
    });
    for (const p of pages) {
      await p.cdp.send('Performance.enable');
      await p.cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
    }
    const sums = pages.map(() => 0);
    for (let at = chunk, round = 0; at - chunk < bench.until; at += chunk, round++) {
      for (let j = 0; j < pages.length; j++) {
        const i = (j + round) % pages.length;
        const p = pages[i]!;
        const before = await taskMs(p.cdp);
        // The chunk, then a frame and a moment for what it set off (Loket's answers from the background).
        await p.page.evaluate(
          ([step, until]) =>
            (window as unknown as { benchScroll(s: number, u: number): Promise<number> })
              .benchScroll(step!, until!)
              .then(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 30)))),
          [bench.step, Math.min(at, bench.until)],
        );
        sums[i]! += (await taskMs(p.cdp)) - before;
      }
    }
    const kinds: Array<Map<string, number>> = [];
    for (const [i, p] of pages.entries()) {
      await p.cdp.send('Tracing.end');
      await traces[i]!.done;
      const events = traces[i]!.events;
      // The page's renderer main thread: the one that parsed its HTML.
      const parse = events.find((e) => e.name === 'ParseHTML');
      const m = new Map<string, number>();
      for (const e of events) if (parse && e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X') m.set(e.name, (m.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
      kinds.push(m);
    }
    const hosts = await Promise.all(pages.map((p) => p.page.evaluate(() => document.querySelectorAll('[data-loket-post]').length)));
    return { taskMs: sums, kinds, hosts };
  } finally {
    for (const p of pages) await p.close();
  }
}
