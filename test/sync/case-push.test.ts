import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCase } from '../../src/domain/case';
import { toStored, type LoketDatabase } from '../../src/storage/db';
import { DB_VERSION } from '../../src/storage/db';
import { getClientId, newCheckpoint } from '../../src/storage/sync-meta';
import { readCaseChanges, type ScanPosition } from '../../src/sync/case-push';
import { post } from './support';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => {
  ({ db, dispose } = await openTestDatabase('case-push'));
});
afterEach(() => dispose());

async function seed(count: number, updatedAt: (i: number) => number): Promise<void> {
  const tx = db.transaction('cases', 'readwrite');
  for (let i = 0; i < count; i++) void tx.store.put(toStored({ ...newCase(post(String(5_000 + i)), 1), updatedAt: updatedAt(i) }));
  await tx.done;
}

async function scanAll(limit: number): Promise<string[]> {
  const clientId = await getClientId(db);
  const { epoch } = newCheckpoint('https://couch.example.nl/loket');
  const ids: string[] = [];
  let after: ScanPosition | null = null;
  for (let i = 0; i < 100; i++) {
    const read = await readCaseChanges(db, { epoch, from: Number.NEGATIVE_INFINITY, after, includePending: i === 0 }, clientId, limit);
    ids.push(...read.outgoing.map((o) => o.caseId));
    after = read.position;
    if (read.exhausted) return ids;
  }
  throw new Error('the scan did not end');
}

describe('finding cases to push', () => {
  it('has the sync stores after the migration', () => {
    expect(DB_VERSION).toBeGreaterThanOrEqual(6);
    expect([...db.objectStoreNames]).toEqual(expect.arrayContaining(['sync', 'syncMeta']));
  });

  it('finds every case once, in batches, by updatedAt', async () => {
    await seed(700, (i) => 1_000 + ((i * 7) % 700));
    const ids = await scanAll(200);
    expect(ids).toHaveLength(700);
    expect(new Set(ids).size).toBe(700);
  });

  it('finds every case once when a bulk change gave more cases one updatedAt than a read takes', async () => {
    await seed(1_200, (i) => (i < 1_100 ? 9_000 : 9_001));
    const ids = await scanAll(150);
    expect(ids).toHaveLength(1_200);
    expect(new Set(ids).size).toBe(1_200);
  });

  it('gives a case never synced the stamps of its audit events', async () => {
    await seed(1, () => 10);
    await db.add('events', { caseId: 'x:5000', at: 10, actor: 'Anna', kind: 'changed', field: 'status', before: 'new', after: 'closed' } as never);
    const clientId = await getClientId(db);
    const read = await readCaseChanges(db, { epoch: 'e', from: 0, after: null, includePending: true }, clientId, 10);
    expect(read.outgoing[0]?.version.clocks.fields.status).toEqual([{ at: 10, actor: 'Anna', id: `${clientId}-1` }]);
  });
});
