/** Sets the agent's settings in extension storage directly, for tests whose subject is not the options page. */
import type { Worker } from 'playwright-core';

const ALL_DAY = [{ start: '00:00', end: '24:00' }];

/** An office that never closes: a test's office time is then wall-clock time, whenever CI runs it. */
export const ALWAYS_OPEN = {
  timeZone: 'Europe/Amsterdam',
  week: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY },
  goodFriday: false,
  liberationDay: 'never',
  closingDays: [],
};

export async function patchSettings(worker: Worker, patch: Record<string, unknown>): Promise<void> {
  await worker.evaluate(async (p) => {
    const current = ((await chrome.storage.local.get('settings')).settings ?? {}) as Record<string, unknown>;
    const defaults = { agentName: '', initials: '', municipality: '', ownAccounts: '' };
    await chrome.storage.local.set({ settings: { ...defaults, ...current, ...p } });
  }, patch);
}
