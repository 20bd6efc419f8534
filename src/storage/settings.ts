/**
 * Settings: the agent's own, kept in extension storage (never in the page), combined with what the
 * organisation set through enterprise policy (src/storage/policy.ts). Every context gets the settings in
 * force from the background; the options page also learns which ones the organisation locked.
 */
import browser from 'webextension-polyfill';
import { effectiveSettings } from '../domain/managed';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import { settingsSchema } from '../domain/settings-schema';
import { readPolicy } from './policy';

const KEY = 'settings';

/** What the agent set (defaults for what they did not). */
export async function loadPersonalSettings(): Promise<Settings> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  // Fields added in later versions take their defaults; what the agent set stays.
  const parsed = settingsSchema.safeParse(typeof stored === 'object' && stored !== null ? { ...DEFAULT_SETTINGS, ...stored } : stored);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/** The settings in force, and the keys the organisation locked. */
export async function loadSettingsState(): Promise<{ settings: Settings; lockedKeys: Array<keyof Settings> }> {
  const [{ policy }, personal] = await Promise.all([readPolicy(), loadPersonalSettings()]);
  const { settings, lockedKeys } = effectiveSettings(DEFAULT_SETTINGS, policy, personal);
  return { settings, lockedKeys: [...lockedKeys] };
}

export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsState()).settings;
}

/** Saves the agent's choices; a locked setting keeps the agent's own earlier value underneath. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const [{ policy }, previous] = await Promise.all([readPolicy(), loadPersonalSettings()]);
  const personal: Settings = { ...settings };
  for (const key of effectiveSettings(DEFAULT_SETTINGS, policy, previous).lockedKeys) (personal as Record<string, unknown>)[key] = previous[key];
  await browser.storage.local.set({ [KEY]: personal });
  return effectiveSettings(DEFAULT_SETTINGS, policy, personal).settings;
}
