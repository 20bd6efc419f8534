// @vitest-environment node
/**
 * Retention in a team, against a real CouchDB-protocol server (PouchDB Server): the period is the team's, a
 * purge never beats a later edit, an erasure always does, and every deletion is in the audit log.
 */
import { deleteDB } from 'idb';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseId } from '../../src/domain/case-id';
import { DAY_MS, retentionInForce } from '../../src/domain/retention';
import { getCase, listEvents, trackPost, updateCase } from '../../src/storage/case-store';
import { openLoketDb, type LoketDatabase } from '../../src/storage/db';
import { eraseCases, erasureLog, purgeExpired } from '../../src/storage/privacy-store';
import { loadTeamSettings } from '../../src/storage/sync-meta';
import { createCouchClient } from '../../src/sync/couch-client';
import { syncOnce } from '../../src/sync/replicator';
import { ADMIN, post, TestServer, ticking } from './support';

const server = new TestServer();
let n = 0;
let dbName = '';
const opened: Array<{ db: LoketDatabase; name: string }> = [];
const clock = ticking();

beforeAll(() => server.start(), 60_000);
afterAll(() => server.dispose());
afterEach(async () => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await deleteDB(name);
  }
});

class Agent {
  constructor(
    readonly name: string,
    readonly db: LoketDatabase,
    /** The agent's own retention setting. */
    readonly days: number,
  ) {}

  sync() {
    return syncOnce(this.db, createCouchClient({ url: server.url, database: dbName, ...ADMIN }), {}, clock());
  }

  async trackClosed(id: string) {
    await trackPost(this.db, post(id), this.name, clock());
    await this.update(id, { status: 'closed' });
  }

  update(id: string, patch: Parameters<typeof updateCase>[2]) {
    return updateCase(this.db, `x:${id}` as CaseId, patch, this.name, clock());
  }

  get(id: string) {
    return getCase(this.db, `x:${id}` as CaseId);
  }

  /** The hourly purge, `days` from now, with the period in force for this agent in a team. */
  async purge(days: number) {
    const team = await loadTeamSettings(this.db);
    const policy = retentionInForce({ days: this.days, locked: false, team: true, ...(team.retentionDays !== undefined ? { teamDays: team.retentionDays } : {}) });
    return purgeExpired(this.db, policy, 'Loket (bewaartermijn)', clock() + days * DAY_MS);
  }
}

async function team(...agents: Array<[string, number]>): Promise<Agent[]> {
  dbName = `retention-${++n}`;
  await server.createDb(dbName);
  return Promise.all(
    agents.map(async ([name, days]) => {
      const db = await openLoketDb(`${name}-r${n}`);
      opened.push({ db, name: `${name}-r${n}` });
      return new Agent(name, db, days);
    }),
  );
}

const serverDoc = (id: string) => server.json(`/${dbName}/${encodeURIComponent(`case:x:${id}`)}`);
const serverEvents = async (id: string) =>
  (await server.json(`/${dbName}/_all_docs?startkey=${encodeURIComponent(`"event:x:${id}:"`)}&endkey=${encodeURIComponent(`"event:x:${id}:\ufff0"`)}`)).rows;

describe('retention in a team', () => {
  it('lets no agent’s short setting remove the team’s cases: the team’s period decides', async () => {
    const [anna, bram] = await team(['Anna', 7], ['Bram', 365]);
    await server.json(`/${dbName}/settings:team`, { method: 'PUT', body: JSON.stringify({ type: 'settings', team: { retentionDays: 30 } }) });
    await anna!.trackClosed('10');
    await anna!.sync();
    await bram!.sync();
    expect(await loadTeamSettings(anna!.db)).toEqual({ retentionDays: 30 });
    // Ten days on: Anna's own 7 days would have removed it; the team keeps 30.
    expect((await anna!.purge(10)).ids).toEqual([]);
    await anna!.sync();
    expect(await bram!.get('10')).toBeDefined();
    expect((await serverDoc('10')).case).toBeDefined();
    // Past the team's period the purge runs, reaches the server and Bram, and both audit logs say so.
    const logBefore = (await erasureLog()).length;
    expect((await anna!.purge(31)).ids).toEqual(['x:10']);
    await anna!.sync();
    const pulled = await bram!.sync();
    expect(await bram!.get('10')).toBeUndefined();
    expect(pulled.removed).toEqual([{ site: 'x', reason: 'retention', events: 2 }]);
    expect((await erasureLog()).slice(logBefore).map((r) => r.reason)).toEqual(['retention']);
    expect((await serverDoc('10')).error).toBe('not_found');
    expect(await serverEvents('10')).toEqual([]);
  }, 30_000);

  it('without a team document, keeps at least the default 90 days in a team', async () => {
    const [anna] = await team(['Anna', 7]);
    await anna!.trackClosed('11');
    await anna!.sync();
    expect((await anna!.purge(60)).ids).toEqual([]);
    expect((await anna!.purge(91)).ids).toEqual(['x:11']);
  }, 30_000);

  it('keeps a case a colleague reopened while another browser purged it (the purge reached the server first)', async () => {
    const [anna, bram] = await team(['Anna', 7], ['Bram', 7]);
    await anna!.trackClosed('12');
    await anna!.sync();
    await bram!.sync();
    // Offline, Bram reopens the case; Anna's browser, not having seen that, purges it and syncs first.
    await bram!.update('12', { status: 'in_progress' });
    expect((await anna!.purge(91)).ids).toEqual(['x:12']);
    await anna!.sync();
    expect((await serverDoc('12')).error).toBe('not_found');
    await bram!.sync();
    await anna!.sync();
    for (const agent of [anna!, bram!]) expect(await agent.get('12')).toMatchObject({ status: 'in_progress' });
    expect(await anna!.get('12')).toEqual(await bram!.get('12'));
    expect((await serverDoc('12')).case.status).toBe('in_progress');
    // Bram's history is whole; the reopen is on the server for everyone.
    expect((await listEvents(bram!.db, 'x:12' as CaseId)).map((e) => e.kind)).toEqual(['created', 'changed', 'changed']);
    expect((await serverEvents('12')).length).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('keeps a case reopened on the server before the purging browser synced (the edit reached the server first)', async () => {
    const [anna, bram] = await team(['Anna', 7], ['Bram', 7]);
    await anna!.trackClosed('13');
    await anna!.sync();
    await bram!.sync();
    await bram!.update('13', { status: 'in_progress' });
    await bram!.sync();
    expect((await anna!.purge(91)).ids).toEqual(['x:13']);
    const run = await anna!.sync();
    expect(run.restored).toBe(1);
    expect(await anna!.get('13')).toMatchObject({ status: 'in_progress' });
    expect((await serverDoc('13')).case.status).toBe('in_progress');
    expect((await serverEvents('13')).length).toBe(3);
  }, 30_000);

  it('lets an erasure win over an edit made elsewhere, in either order', async () => {
    const [anna, bram] = await team(['Anna', 90], ['Bram', 90]);
    await anna!.trackClosed('14');
    await anna!.trackClosed('15');
    await anna!.sync();
    await bram!.sync();
    // 14: the erasure reaches the server first, Bram's later edit after it.
    await eraseCases(anna!.db, ['x:14' as CaseId]);
    await bram!.update('14', { status: 'in_progress' });
    await anna!.sync();
    const pulled = await bram!.sync();
    expect(await bram!.get('14')).toBeUndefined();
    expect(pulled.removed).toEqual([{ site: 'x', reason: 'request', events: 3 }]);
    // 15: Bram's edit reaches the server first, the erasure after it.
    await bram!.update('15', { status: 'in_progress' });
    await bram!.sync();
    await eraseCases(anna!.db, ['x:15' as CaseId]);
    await anna!.sync();
    await bram!.sync();
    for (const id of ['14', '15']) {
      for (const agent of [anna!, bram!]) expect(await agent.get(id)).toBeUndefined();
      expect((await serverDoc(id)).error).toBe('not_found');
      expect(await serverEvents(id)).toEqual([]);
    }
    const tomb = await server.json(`/${dbName}/_changes?include_docs=true`);
    expect(tomb.results.find((r: { id: string }) => r.id === 'case:x:15').doc.deletion).toEqual({ kind: 'erasure' });
  }, 30_000);
});
