/**
 * Work queue benchmark: how long the queue page takes from opening to showing the list, with 5 000 open cases
 * among 100 000 stored ones, and how smoothly the list scrolls (frames while scrolling it top to bottom).
 * The database is filled and settled as for the popup (support/seeded-extension.ts).
 */
import { launchSeeded, openTimed, type OpenTiming } from './support/seeded-extension';

export const QUEUE_OPEN_CASES = 5_000;
const ROW_HEIGHT = 64;

export interface QueueSample extends OpenTiming {
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
  const loket = await launchSeeded(executablePath, extension, { path: 'queue.html', ready: '.empty, .queue-list' }, stored, QUEUE_OPEN_CASES);
  try {
    const samples: QueueSample[] = [];
    for (let i = 0; i < runs; i++) {
      const { page, loketMs, totalMs } = await openTimed(loket.context, `chrome-extension://${loket.id}/queue.html`, 'li.queue-row', { width: 1280, height: 800 });
      // Scrolling is measured over the whole list, once it has all arrived.
      await page.waitForFunction((height) => document.querySelector<HTMLElement>('.queue-list')?.style.height === `${height}px`, QUEUE_OPEN_CASES * ROW_HEIGHT);
      const scroll = (await page.evaluate(SCROLL_MEASURE)) as { fps: number; worstFrameMs: number };
      samples.push({ loketMs, totalMs, ...scroll });
      await page.close();
    }
    return samples;
  } finally {
    await loket.close();
  }
}
