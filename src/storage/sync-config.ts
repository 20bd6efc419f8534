/**
 * The team server's settings: kept in extension storage, read by the background only. The password never
 * leaves the background (views are told whether one is set), and never goes into the page.
 */
import browser from 'webextension-polyfill';

/** Where the team server is and how to sign in (the sync client's connection). */
export interface SyncConfig {
  /** The server's address, e.g. https://couch.gemeente.nl or https://example.nl/couchdb. */
  url: string;
  database: string;
  username?: string;
  password?: string;
}

const KEY = 'syncConfig';

export interface StoredSyncConfig extends SyncConfig {
  enabled: boolean;
}

/** What a view may see of it. */
export interface SyncConfigView {
  enabled: boolean;
  url: string;
  database: string;
  username: string;
  hasPassword: boolean;
}

export async function loadSyncConfig(): Promise<StoredSyncConfig | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as StoredSyncConfig | undefined;
  return stored && typeof stored.url === 'string' && typeof stored.database === 'string' ? stored : null;
}

/** The config the sync loop uses: null while sync is off or not set up. */
export async function activeSyncConfig(): Promise<SyncConfig | null> {
  const config = await loadSyncConfig();
  if (!config?.enabled) return null;
  const { enabled: _enabled, ...rest } = config;
  return rest;
}

export function viewOf(config: StoredSyncConfig | null): SyncConfigView {
  return {
    enabled: config?.enabled ?? false,
    url: config?.url ?? '',
    database: config?.database ?? '',
    username: config?.username ?? '',
    hasPassword: Boolean(config?.password),
  };
}

/** Saves; a missing password keeps the one stored (the views never see it to send it back). */
export async function saveSyncConfig(next: { enabled: boolean; url: string; database: string; username: string; password?: string | undefined }): Promise<StoredSyncConfig> {
  const previous = await loadSyncConfig();
  const password = next.password ?? previous?.password;
  const config: StoredSyncConfig = { enabled: next.enabled, url: next.url, database: next.database, ...(next.username ? { username: next.username } : {}), ...(password ? { password } : {}) };
  await browser.storage.local.set({ [KEY]: config });
  return config;
}
