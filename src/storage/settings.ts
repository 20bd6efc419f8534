/** The agent's own settings, kept in extension storage (never in the page). */
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { settingsSchema } from '../protocol/schemas';

const KEY = 'settings';


export async function loadSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  // Fields added in later versions take their defaults; what the agent set stays.
  const parsed = settingsSchema.safeParse(typeof stored === 'object' && stored !== null ? { ...DEFAULT_SETTINGS, ...stored } : stored);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export async function saveSettings(settings: Settings): Promise<Settings> {
  await browser.storage.local.set({ [KEY]: settings });
  return settings;
}
