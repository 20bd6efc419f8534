/**
 * Popup benchmark: how long the popup takes from opening to showing the list, with 500 open cases among
 * 1 000 and among 100 000 stored ones — the open-cases index should make the two alike.
 */
import { launchSeeded, openTimed, type OpenTiming } from './support/seeded-extension';

export const OPEN_CASES = 500;

export type PopupSample = OpenTiming;

/** One sample per opening of the popup page, `runs` times. */
export async function popupOpenMs(executablePath: string, extension: string, stored: number, runs: number): Promise<PopupSample[]> {
  const loket = await launchSeeded(executablePath, extension, { path: 'popup.html', ready: '.empty, .cases' }, stored, OPEN_CASES);
  try {
    const samples: PopupSample[] = [];
    for (let i = 0; i < runs; i++) {
      const { page, loketMs, totalMs } = await openTimed(loket.context, `chrome-extension://${loket.id}/popup.html`, 'li.case');
      samples.push({ loketMs, totalMs });
      await page.close();
    }
    return samples;
  } finally {
    await loket.close();
  }
}
