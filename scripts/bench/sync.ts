/**
 * Sync benchmark: the initial sync of 10 000 cases from one browser through a CouchDB-protocol server to
 * another, and the steady-state latency of one change (change in A → visible in B).
 *   npx tsx scripts/bench/sync.ts [--cases 10000] [--changes 20]
 * Runs in Node with fake-indexeddb standing in for the browser's IndexedDB (slower than the real one, so the
 * figures are an upper bound for Loket's own work) and PouchDB Server on this machine (no network latency).
 */
import 'fake-indexeddb/auto';
import { caseIdFor, type CaseId } from '../../src/domain/case-id';
import { newCase } from '../../src/domain/case';
import { getCase, updateCase } from '../../src/storage/case-store';
import { openLoketDb, toStored, type LoketDatabase, type StoredEvent } from '../../src/storage/db';
import { createCouchClient, type SyncConfig } from '../../src/sync/couch-client';
import { syncOnce } from '../../src/sync/replicator';
import { ADMIN, post, TestServer } from '../../test/sync/support';
import { median } from './support/stats';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = arg('cases', 10_000);
const CHANGES = arg('changes', 20);

async function seed(db: LoketDatabase, count: number, start: number): Promise<void> {
  const tx = db.transaction(['cases', 'events'], 'readwrite');
  for (let i = 0; i < count; i++) {
    const id = String(1_800_000_000_000_000_000n + BigInt(i));
    // Cases tracked over the last hours, one tag on every third.
    const at = start - (count - i) * 1_000;
    const c = { ...newCase(post(id, `Vraag ${i} over de afvalinzameling: de container is niet geleegd.`, at), at), tags: i % 3 === 0 ? ['afval'] : [] };
    void tx.objectStore('cases').put(toStored(c));
    void tx.objectStore('events').add({ caseId: c.id, at, actor: 'Anna', kind: 'created' } as StoredEvent);
    if (i % 3 === 0) void tx.objectStore('events').add({ caseId: c.id, at, actor: 'Anna', kind: 'changed', field: 'tags', before: [], after: ['afval'] } as StoredEvent);
  }
  await tx.done;
}

const ms = (t: number) => `${t.toFixed(0)} ms`;

async function main(): Promise<void> {
  const server = new TestServer();
  await server.start();
  try {
    await server.createDb('bench');
    const config: SyncConfig = { url: server.url, database: 'bench', ...ADMIN };
    const a = await openLoketDb('bench-a');
    const b = await openLoketDb('bench-b');
    let now = Date.now();
    const clock = () => (now += 1);
    await seed(a, CASES, clock());
    const events = await a.count('events');
    console.log(`Seeded ${CASES} cases with ${events} events in browser A.`);

    let t = performance.now();
    const push = await syncOnce(a, createCouchClient(config), {}, clock());
    const pushMs = performance.now() - t;
    t = performance.now();
    const pull = await syncOnce(b, createCouchClient(config), {}, clock());
    const pullMs = performance.now() - t;
    console.log(`Initial sync A → server: ${ms(pushMs)} (${push.pushed} documents, ${((push.pushed / pushMs) * 1000).toFixed(0)} docs/s)`);
    console.log(`Initial sync server → B: ${ms(pullMs)} (${pull.pulled} documents, ${((pull.pulled / pullMs) * 1000).toFixed(0)} docs/s)`);
    console.log(`Initial sync total: ${ms(pushMs + pullMs)}; B holds ${await b.count('cases')} cases, ${await b.count('events')} events`);

    // Steady state: one change in A, A's run pushes it, B's run pulls it.
    const latencies: number[] = [];
    const pushes: number[] = [];
    const pulls: number[] = [];
    for (let i = 0; i < CHANGES; i++) {
      const id = caseIdFor('x', String(1_800_000_000_000_000_000n + BigInt(i))) as CaseId;
      const start = performance.now();
      await updateCase(a, id, { assignee: `Agent ${i}` }, 'Anna', clock());
      const p0 = performance.now();
      await syncOnce(a, createCouchClient(config), {}, clock());
      const p1 = performance.now();
      await syncOnce(b, createCouchClient(config), {}, clock());
      const p2 = performance.now();
      if ((await getCase(b, id))?.assignee !== `Agent ${i}`) throw new Error('change did not arrive');
      latencies.push(p2 - start);
      pushes.push(p1 - p0);
      pulls.push(p2 - p1);
    }
    console.log(
      `Steady state, one change (median of ${CHANGES}): A's sync run ${ms(median(pushes))}, B's sync run ${ms(median(pulls))}, change → visible in B ${ms(median(latencies))} of sync work`,
    );
    console.log('With the SyncLoop, add the debounce after a local change in A (1.5 s) and, on average, half of B\'s poll interval (30 s by default, or the alarm period).');
    a.close();
    b.close();
  } finally {
    await server.dispose();
  }
}

await main();
