// @vitest-environment node
/**
 * Signing in with the server's session instead of a stored password: the credential state machine, the real
 * `_session` flow against PouchDB Server (with a cookie jar standing in for the browser's), the sync loop
 * pausing on a refused session with nothing lost, and the migration of a password an older version stored.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { getCase, trackPost } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { loadSyncConfig, NEVER_SIGNED_IN, writeSyncConfig, type SessionState } from '../../src/storage/sync-config';
import { createCouchClient, SyncError, type Fetch } from '../../src/sync/couch-client';
import { canSync, login, nextSession, sameAccount, whoAmI } from '../../src/sync/session';
import { SyncLoop } from '../../src/sync/sync-loop';
import { saveAccount, sessionReady, sessionRefused } from '../../src/background/sync-session';
import { openTestDatabase } from '../support/test-database';
import { ADMIN, post, TestServer, ticking } from './support';

const AT = 1_700_000_000_000;
const signedIn: SessionState = { state: 'signed-in', name: 'anna', since: AT };

describe('the credential state machine', () => {
  it('signs in from any state, expires only a live session, and forgets it for another account', () => {
    expect(nextSession(NEVER_SIGNED_IN, { type: 'signed-in', name: 'anna', at: AT })).toEqual(signedIn);
    expect(nextSession(signedIn, { type: 'refused', at: AT + 1 })).toEqual({ state: 'signed-out', reason: 'expired', at: AT + 1 });
    // A refusal while signed out keeps the reason shown (never signed in stays "never").
    expect(nextSession(NEVER_SIGNED_IN, { type: 'refused', at: AT })).toEqual(NEVER_SIGNED_IN);
    const expired = nextSession(signedIn, { type: 'refused', at: AT + 1 });
    expect(nextSession(expired, { type: 'signed-in', name: 'anna', at: AT + 2 })).toEqual({ state: 'signed-in', name: 'anna', since: AT + 2 });
    expect(nextSession(signedIn, { type: 'signed-out', at: AT + 3 })).toEqual({ state: 'signed-out', reason: 'signed-out', at: AT + 3 });
    expect(nextSession(signedIn, { type: 'account-changed' })).toEqual(NEVER_SIGNED_IN);
    expect([signedIn, expired, NEVER_SIGNED_IN].map(canSync)).toEqual([true, false, false]);
  });

  it('treats the same server written differently as the same account, another name as another', () => {
    expect(sameAccount({ url: 'https://couch.gemeente.nl/', username: 'anna' }, { url: 'https://couch.gemeente.nl', username: 'anna' })).toBe(true);
    expect(sameAccount({ url: 'https://couch.gemeente.nl', username: 'anna' }, { url: 'https://couch.gemeente.nl', username: 'bram' })).toBe(false);
    expect(sameAccount({ url: 'https://couch.gemeente.nl', username: 'anna' }, { url: 'https://other.gemeente.nl', username: 'anna' })).toBe(false);
  });
});

/** The browser's cookie store for one server, as far as these tests need it: kept from Set-Cookie, sent with credentials. */
const realFetch = globalThis.fetch;
function cookieJar(): Fetch & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const jarFetch = (async (input: string, init: RequestInit) => {
    const headers = new Headers(init.headers);
    if (init.credentials === 'include' && cookies.size > 0) headers.set('Cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await realFetch(input, { ...init, headers });
    if (init.credentials === 'include') {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const eq = pair!.indexOf('=');
        const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
        if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
    }
    return response;
  }) as Fetch & { cookies: Map<string, string> };
  jarFetch.cookies = cookies;
  return jarFetch;
}

const DB = 'team';
let server: TestServer;

async function addMember(name: string, password: string): Promise<void> {
  await server.json(`/_users/org.couchdb.user:${name}`, { method: 'PUT', body: JSON.stringify({ name, password, roles: [], type: 'user' }) });
}

/** Every session the server gave out stops working, as when IT revokes them (a new server secret). */
async function revokeSessions(): Promise<void> {
  await server.json('/_config/couch_httpd_auth/secret', { method: 'PUT', body: JSON.stringify(crypto.randomUUID()) });
}

describe('signing in with the server’s session (PouchDB Server)', () => {
  let db: LoketDatabase;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    server = new TestServer();
    await server.start();
    await server.createDb(DB);
    await addMember('anna', 'appelboom');
    await server.json(`/${DB}/_security`, { method: 'PUT', body: JSON.stringify({ admins: { names: [ADMIN.username], roles: [] }, members: { names: ['anna'], roles: [] } }) });
  }, 60_000);
  afterAll(() => server.dispose());
  beforeEach(async () => {
    ({ db, dispose } = await openTestDatabase('session'));
  });
  afterEach(() => dispose());

  it('signs in once with the password, then every request carries the session, not the password', async () => {
    const jar = cookieJar();
    const seen: RequestInit[] = [];
    const watched: Fetch = (u, i) => (seen.push(i), jar(u, i));
    expect(await login(server.url, 'anna', 'appelboom', { fetch: watched })).toBe('anna');
    expect(jar.cookies.has('AuthSession')).toBe(true);
    const client = createCouchClient({ url: server.url, database: DB, username: 'anna' }, { fetch: watched });
    expect((await client.databaseInfo()).docCount).toBe(0);
    expect(await whoAmI(server.url, { fetch: watched })).toBe('anna');
    // The password crossed once, in the login's body; no request carries it in a header.
    expect(seen.filter((i) => String(i.body ?? '').includes('appelboom'))).toHaveLength(1);
    expect(seen.some((i) => new Headers(i.headers).has('Authorization'))).toBe(false);
  });

  it('says which of name, password or browser access is wrong', async () => {
    await expect(login(server.url, 'anna', 'fout', { fetch: cookieJar() })).rejects.toMatchObject({ code: 'unauthorised' });
    // The server accepts, but the browser keeps no cookie (no host access to the server): no session.
    await expect(login(server.url, 'anna', 'appelboom', { fetch: (u, i) => realFetch(u, i) })).rejects.toMatchObject({ code: 'no-access' });
    const closed = createCouchClient({ url: server.url, database: DB, username: 'anna' }, { fetch: cookieJar() });
    await expect(closed.databaseInfo()).rejects.toMatchObject({ code: 'signed-out' });
  });

  it('pauses on a revoked session with the changes pending, and sends them after a new login', async () => {
    const jar = cookieJar();
    let session: SessionState = signedIn;
    await login(server.url, 'anna', 'appelboom', { fetch: jar });
    let requests = 0;
    const loop = new SyncLoop({
      database: async () => db,
      config: async () => ({ url: server.url, database: DB, username: 'anna' }),
      signedIn: async () => canSync(session),
      onSignedOut: async () => {
        session = nextSession(session, { type: 'refused', at: Date.now() });
      },
      fetch: (u, i) => (requests++, jar(u, i)),
      timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    });
    const clock = ticking();
    await trackPost(db, post('7001'), 'Anna', clock());
    expect(await loop.syncNow(true)).toMatchObject({ state: 'idle', pending: 0 });

    await revokeSessions();
    await trackPost(db, post('7002'), 'Anna', clock());
    const paused = await loop.syncNow(true);
    expect(paused).toMatchObject({ state: 'signed-out', error: { code: 'signed-out' } });
    expect(paused.pending).toBeGreaterThan(0); // the case and its history event
    expect(session).toMatchObject({ state: 'signed-out', reason: 'expired' });
    // While signed out nothing is sent, however often the loop is asked.
    const before = requests;
    await trackPost(db, post('7003'), 'Anna', clock());
    const still = await loop.syncNow(true);
    expect(still.state).toBe('signed-out');
    expect(still.pending).toBeGreaterThan(paused.pending);
    expect(requests).toBe(before);
    expect(await getCase(db, post('7002').caseId)).toBeDefined();

    // Signed in again: both cases reach the server.
    session = nextSession(session, { type: 'signed-in', name: await login(server.url, 'anna', 'appelboom', { fetch: jar }), at: Date.now() });
    expect(await loop.syncNow(true)).toMatchObject({ state: 'idle', pending: 0 });
    const all = await server.json(`/${DB}/_all_docs?startkey="case:"&endkey="case:\\ufff0"`);
    expect(all.rows.map((r: { id: string }) => r.id)).toEqual(['case:x:7001', 'case:x:7002', 'case:x:7003']);
  }, 60_000);

  it('uses a password an older version stored once, to sign in, and deletes it whatever the answer', async () => {
    const jar = cookieJar();
    vi.stubGlobal('fetch', jar);
    try {
      const legacy = { enabled: true, url: server.url, database: DB, username: 'anna', password: 'appelboom' };
      await browser.storage.local.set({ syncConfig: legacy });
      expect(await sessionReady(AT)).toBe(true);
      expect((await browser.storage.local.get('syncConfig')).syncConfig).toEqual({ enabled: true, url: server.url, database: DB, username: 'anna', session: { state: 'signed-in', name: 'anna', since: AT } });

      await browser.storage.local.set({ syncConfig: { ...legacy, password: 'verkeerd' } });
      expect(await sessionReady(AT)).toBe(false);
      const after = (await browser.storage.local.get('syncConfig')).syncConfig as Record<string, unknown>;
      expect(after).not.toHaveProperty('password');
      expect(after.session).toEqual({ state: 'signed-out', reason: 'expired', at: AT });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('saves nothing when the login fails, keeps the session for the same account, and forgets it for another', async () => {
    vi.stubGlobal('fetch', cookieJar());
    try {
      await expect(saveAccount({ enabled: true, url: server.url, database: DB, username: 'anna', password: 'fout' }, AT)).rejects.toBeInstanceOf(SyncError);
      expect(await loadSyncConfig()).toBeNull();
      await saveAccount({ enabled: true, url: server.url, database: DB, username: 'anna', password: 'appelboom' }, AT);
      expect((await loadSyncConfig())?.session).toEqual({ state: 'signed-in', name: 'anna', since: AT });
      expect(JSON.stringify(await browser.storage.local.get('syncConfig'))).not.toContain('appelboom');
      await saveAccount({ enabled: false, url: `${server.url}/`, database: DB, username: 'anna' }, AT + 1);
      expect((await loadSyncConfig())?.session.state).toBe('signed-in');
      await sessionRefused(AT + 2);
      expect((await loadSyncConfig())?.session).toEqual({ state: 'signed-out', reason: 'expired', at: AT + 2 });
      await writeSyncConfig({ enabled: true, url: server.url, database: DB, username: 'anna', session: signedIn });
      await saveAccount({ enabled: true, url: server.url, database: DB, username: 'bram' }, AT + 3);
      expect((await loadSyncConfig())?.session).toEqual(NEVER_SIGNED_IN);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
