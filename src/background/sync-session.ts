/**
 * The background's side of signing in to the team server (src/sync/session.ts has the states and requests):
 * saving the settings with a login, the connection test, signing out, the sync loop's "may I send?", and the
 * one-time migration of a password an older version stored.
 */
import { NEVER_SIGNED_IN, loadSyncConfig, saveSession, writeSyncConfig, type SessionState, type StoredSyncConfig } from '../storage/sync-config';
import { testConnection, type ConnectionResult } from '../sync/couch-client';
import { canSync, login, logout, nextSession, sameAccount } from '../sync/session';
import { SyncError } from '../sync/couch-client';

export interface AccountInput {
  url: string;
  database: string;
  username: string;
  /** Typed by the agent to sign in; sent to the server once, never stored. */
  password?: string | undefined;
}

/**
 * Saves the settings. With a password: signs in first, and saves nothing if that fails (the SyncError says
 * why). Without one: keeps the session when server and name are unchanged.
 */
export async function saveAccount(input: AccountInput & { enabled: boolean }, now: number): Promise<StoredSyncConfig> {
  const previous = await loadSyncConfig();
  let session: SessionState = previous && sameAccount(previous, input) ? previous.session : NEVER_SIGNED_IN;
  if (input.password) {
    const name = await login(input.url, input.username, input.password);
    session = nextSession(session, { type: 'signed-in', name, at: now });
  }
  return writeSyncConfig({
    enabled: input.enabled,
    url: input.url,
    database: input.database,
    ...(input.username ? { username: input.username } : {}),
    session,
  });
}

/**
 * "Verbinding testen": with a password, signs in (the session is then kept, for this server and name only)
 * and tries the database with it; without one, tries the database with the session there is.
 */
export async function testAccount(input: AccountInput, now: number): Promise<ConnectionResult> {
  if (input.password) {
    try {
      const name = await login(input.url, input.username, input.password);
      const stored = await loadSyncConfig();
      if (stored && sameAccount(stored, input)) await saveSession(nextSession(stored.session, { type: 'signed-in', name, at: now }));
    } catch (error) {
      if (error instanceof SyncError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }
  return testConnection({ url: input.url, database: input.database, ...(input.username ? { username: input.username } : {}) });
}

/** Signs out: the server ends the session, Loket stops sending. */
export async function signOut(now: number): Promise<StoredSyncConfig | null> {
  const config = await loadSyncConfig();
  if (!config) return null;
  await logout(config.url);
  return writeSyncConfig({ ...config, session: nextSession(config.session, { type: 'signed-out', at: now }) });
}

/** The sync loop's question before each run; a stored password (older version) is turned into a session first. */
export async function sessionReady(now = Date.now()): Promise<boolean> {
  let config = await loadSyncConfig();
  if (config?.password !== undefined) config = await migrateStoredPassword(config, now);
  // Without a name there is nobody to sign in: a server open to anyone (not for real use, docs/sync-server.md).
  return config !== null && (!config.username || canSync(config.session));
}

/** A request was refused on the session: it expired or was revoked. */
export async function sessionRefused(now = Date.now()): Promise<void> {
  const config = await loadSyncConfig();
  if (config) await saveSession(nextSession(config.session, { type: 'refused', at: now }));
}

/**
 * An older Loket kept the password in storage.local. It is used once to get a session and deleted, whatever
 * the answer: signed in, or signed out with the reason shown ("Opnieuw inloggen").
 */
export async function migrateStoredPassword(config: StoredSyncConfig, now: number): Promise<StoredSyncConfig> {
  const { password, ...rest } = config;
  let session: SessionState = { state: 'signed-out', reason: 'expired', at: now };
  if (password && rest.username) {
    try {
      session = nextSession(rest.session, { type: 'signed-in', name: await login(rest.url, rest.username, password), at: now });
    } catch {
      // Wrong, offline or no access: the agent signs in on the options page.
    }
  }
  return writeSyncConfig({ ...rest, session });
}
