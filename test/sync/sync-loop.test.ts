import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoketDatabase } from '../../src/storage/db';
import { loadSyncStatus } from '../../src/storage/sync-meta';
import type { Fetch } from '../../src/sync/couch-client';
import { retryDelay, SyncLoop } from '../../src/sync/sync-loop';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('loop'));
});
afterEach(() => dispose());

/** Timers the test fires by hand, and a clock it moves. */
function manual() {
  let now = 1_700_000_000_000;
  const pending: Array<{ run: () => void; at: number }> = [];
  return {
    clock: () => now,
    timers: {
      setTimeout: (run: () => void, ms: number) => {
        const t = { run, at: now + ms };
        pending.push(t);
        return t;
      },
      clearTimeout: (t: unknown) => {
        const i = pending.indexOf(t as (typeof pending)[number]);
        if (i >= 0) pending.splice(i, 1);
      },
    },
    next: () => pending.slice().sort((a, b) => a.at - b.at)[0],
    advance(ms: number) {
      now += ms;
    },
  };
}

const down: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
const config = async () => ({ url: 'https://couch.gemeente.nl', database: 'loket', username: 'anna', password: 'geheim' });

describe('the sync loop', () => {
  it('backs off from 5 seconds to 5 minutes while the server cannot be reached', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((f) => retryDelay(f))).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('shows offline with the error, keeps the backoff in the database, and does not hammer the server on local changes', async () => {
    const t = manual();
    let calls = 0;
    const loop = new SyncLoop({ database: async () => db, config, fetch: (u, i) => (calls++, down(u, i)), clock: t.clock, timers: t.timers });
    loop.start();
    const first = await loop.syncNow();
    expect(first).toMatchObject({ state: 'offline', failures: 1, retryAt: t.clock() + 5_000, error: { code: 'unreachable' } });
    expect(await loadSyncStatus(db)).toEqual(first);
    expect(t.next()?.at).toBe(t.clock() + 5_000);
    // A local change during the backoff waits for it.
    const before = calls;
    await loop.syncNow();
    expect(calls).toBe(before);
    t.advance(5_000);
    expect(await loop.syncNow()).toMatchObject({ state: 'offline', failures: 2, retryAt: t.clock() + 10_000 });
    // A new worker (after the browser stopped the old one) keeps the backoff.
    const restarted = new SyncLoop({ database: async () => db, config, fetch: down, clock: t.clock, timers: t.timers });
    expect(await restarted.syncNow()).toMatchObject({ failures: 2 });
    loop.stop();
  });

  it('reports wrong settings as an error, and tries again at once when forced (settings saved)', async () => {
    const t = manual();
    const unauthorised: Fetch = async () => new Response(JSON.stringify({ error: 'unauthorized', reason: 'Name or password is incorrect.' }), { status: 401 });
    const loop = new SyncLoop({ database: async () => db, config, fetch: unauthorised, clock: t.clock, timers: t.timers });
    const status = await loop.syncNow();
    expect(status).toMatchObject({ state: 'error', error: { code: 'unauthorised' }, retryAt: t.clock() + 300_000 });
    expect(await loop.syncNow(true)).toMatchObject({ failures: 2 });
  });

  it('stays idle with sync turned off', async () => {
    const loop = new SyncLoop({ database: async () => db, config: async () => null, fetch: down });
    expect(await loop.syncNow()).toEqual({ state: 'idle', pending: 0, failures: 0 });
  });
});

describe('syncing after local changes', () => {
  it('runs once soon after a burst of changes, and a stream of changes does not put it off', async () => {
    const t = manual();
    const loop = new SyncLoop({ database: async () => db, config, fetch: down, clock: t.clock, timers: t.timers, debounceMs: 1_500, pollMs: 30_000 });
    loop.start();
    await loop.syncNow(); // the start's run (offline: backoff)
    // Settings saved: try at once.
    loop.requestSync(0);
    expect(t.next()?.at).toBe(t.clock());
    await loop.syncNow(true);
    const due = t.next()!.at;
    loop.requestSync();
    expect(t.next()?.at).toBe(due <= t.clock() + 1_500 ? due : t.clock() + 1_500);
    t.advance(1_000);
    loop.requestSync();
    expect(t.next()?.at).toBeLessThanOrEqual(t.clock() + 1_500);
    loop.stop();
    expect(t.next()).toBeUndefined();
  });
});
