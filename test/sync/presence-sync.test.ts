// @vitest-environment node
/**
 * Presence through a real CouchDB-protocol server (PouchDB Server): who is in the team, when each was last
 * seen, and who is away — written by each browser for itself, and not on every run.
 */
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { teamList } from '../../src/domain/team';
import { openLoketDb, type LoketDatabase } from '../../src/storage/db';
import { loadPresences, saveOwnAway } from '../../src/storage/presence-store';
import { createCouchClient } from '../../src/sync/couch-client';
import { PRESENCE_EVERY_MS } from '../../src/sync/presence-push';
import { syncOnce } from '../../src/sync/replicator';
import { ADMIN, TestServer } from './support';

const server = new TestServer();
let n = 0;
let dbName = '';
const opened: Array<{ db: LoketDatabase; name: string }> = [];

beforeAll(() => server.start(), 60_000);
afterAll(() => server.dispose());
afterEach(async () => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await deleteDB(name);
  }
});

async function browsers(...names: string[]): Promise<Array<{ name: string; db: LoketDatabase; sync: (now: number) => ReturnType<typeof syncOnce> }>> {
  dbName = `presence-${++n}`;
  await server.createDb(dbName);
  return Promise.all(
    names.map(async (name) => {
      const file = `${name}-presence-${n}`;
      const db = await openLoketDb(file);
      opened.push({ db, name: file });
      const client = createCouchClient({ url: server.url, database: dbName, ...ADMIN });
      return { name, db, sync: (now: number) => syncOnce(db, client, { presence: { name, initials: name.slice(0, 2).toUpperCase() } }, now) };
    }),
  );
}

const T = Date.UTC(2026, 11, 3, 9, 0);

describe('presence through team sync', () => {
  it('each browser sees the other in the team list, with when it was last seen', async () => {
    const [anna, bram] = await browsers('Anna', 'Bram');
    await anna!.sync(T);
    const first = await bram!.sync(T + 1_000);
    expect(first.presencePulled).toBe(1);
    await anna!.sync(T + 2_000);
    const seenByAnna = teamList([], await loadPresences(anna!.db), T + 3_000);
    expect(seenByAnna.map((m) => [m.name, m.initials, m.seenAt])).toEqual([
      ['Anna', 'AN', T],
      ['Bram', 'BR', T + 1_000],
    ]);
  });

  it('"away" reaches a colleague at the next run; "back" too', async () => {
    const [anna, bram] = await browsers('Anna', 'Bram');
    await anna!.sync(T);
    await saveOwnAway(anna!.db, { name: 'Anna', initials: 'AN' }, { since: T + 500, until: T + 3_600_000 }, T + 500);
    await anna!.sync(T + 1_000);
    await bram!.sync(T + 2_000);
    expect(teamList([], await loadPresences(bram!.db), T + 3_000).find((m) => m.name === 'Anna')?.away).toEqual({ since: T + 500, until: T + 3_600_000 });
    await saveOwnAway(anna!.db, { name: 'Anna', initials: 'AN' }, null, T + 4_000);
    await anna!.sync(T + 5_000);
    await bram!.sync(T + 6_000);
    expect(teamList([], await loadPresences(bram!.db), T + 7_000).find((m) => m.name === 'Anna')?.away).toBeUndefined();
  });

  it('is written when it changed or is getting old, not on every run', async () => {
    const [anna, bram] = await browsers('Anna', 'Bram');
    await anna!.sync(T);
    expect((await anna!.sync(T + 10_000)).pushed).toBe(0);
    expect((await anna!.sync(T + PRESENCE_EVERY_MS)).pushed).toBe(1);
    await bram!.sync(T + PRESENCE_EVERY_MS + 1);
    expect((await loadPresences(bram!.db)).find((p) => p.name === 'Anna')?.seenAt).toBe(T + PRESENCE_EVERY_MS);
  });

  it('a browser whose agent has no name writes none', async () => {
    const [nameless, bram] = await browsers('', 'Bram');
    await nameless!.sync(T);
    await bram!.sync(T + 1);
    await nameless!.sync(T + 2);
    const onServer = await createCouchClient({ url: server.url, database: dbName, ...ADMIN }).listIds('presence:', 'presence:\uffff');
    expect(onServer).toHaveLength(1);
    expect((await loadPresences(nameless!.db)).map((p) => p.name)).toEqual(['Bram']);
  });
});
