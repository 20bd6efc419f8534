/**
 * The team server's settings: kept in extension storage, read by the background only. No password: the agent
 * types it on the options page to sign in (`POST /_session`), the background sends it once and forgets it,
 * and from then on the server's session cookie (`AuthSession`, in the browser's cookie store, HttpOnly, out of
 * reach of every page and of Loket's own code) signs each request; CouchDB renews it while it is used. What
 * is stored here is only whether that session is believed to be alive (src/sync/session.ts: the states).
 *
 * A password stored by an older version is used once to get a session, then deleted (background/sync-session.ts).
 */
import browser from 'webextension-polyfill';

/** Where the team server is and who signs in (the sync client's connection). */
export interface SyncConfig {
  /** The server's address, e.g. https://couch.gemeente.nl or https://example.nl/couchdb. */
  url: string;
  database: string;
  username?: string;
  /**
   * HTTP basic authentication, for tools outside the browser only (the benchmark, unit tests). The extension
   * never sets it: it signs in with the server's session.
   */
  password?: string;
}

/**
 * The session with the server, as far as Loket knows: signed in (since when, as whom), or not — never signed
 * in, signed out by the agent, or refused by the server (expired or revoked: "Opnieuw inloggen").
 */
export type SessionState =
  | { state: 'signed-in'; name: string; since: number }
  | { state: 'signed-out'; reason: 'never' | 'signed-out' | 'expired'; at?: number };

const KEY = 'syncConfig';

export interface StoredSyncConfig {
  enabled: boolean;
  url: string;
  database: string;
  username?: string;
  session: SessionState;
  /** Only in a config an older version stored: used once to sign in, then deleted. */
  password?: string;
}

/** What a view may see of it. */
export interface SyncConfigView {
  enabled: boolean;
  url: string;
  database: string;
  username: string;
  session: SessionState;
}

export const NEVER_SIGNED_IN: SessionState = { state: 'signed-out', reason: 'never' };

export async function loadSyncConfig(): Promise<StoredSyncConfig | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<StoredSyncConfig> | undefined;
  if (!stored || typeof stored.url !== 'string' || typeof stored.database !== 'string') return null;
  return { ...stored, enabled: stored.enabled === true, url: stored.url, database: stored.database, session: stored.session ?? NEVER_SIGNED_IN };
}

/** The config the sync loop uses: null while sync is off or not set up. Never with a password. */
export async function activeSyncConfig(): Promise<SyncConfig | null> {
  const config = await loadSyncConfig();
  if (!config?.enabled) return null;
  return { url: config.url, database: config.database, ...(config.username ? { username: config.username } : {}) };
}

export function viewOf(config: StoredSyncConfig | null): SyncConfigView {
  return {
    enabled: config?.enabled ?? false,
    url: config?.url ?? '',
    database: config?.database ?? '',
    username: config?.username ?? '',
    session: config?.session ?? NEVER_SIGNED_IN,
  };
}

/** Writes the whole config; a password is never written (and one stored before is dropped). */
export async function writeSyncConfig(config: StoredSyncConfig): Promise<StoredSyncConfig> {
  const { password: _dropped, ...kept } = config;
  await browser.storage.local.set({ [KEY]: kept });
  return kept;
}

/** Changes the session state only, keeping the rest as it is now. */
export async function saveSession(session: SessionState): Promise<void> {
  const config = await loadSyncConfig();
  if (config) await writeSyncConfig({ ...config, session });
}
