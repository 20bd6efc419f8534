import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { trackPost } from '../../src/storage/case-store';
import { DB_VERSION, openForReading } from '../../src/storage/db';
import { openTestDatabase } from '../support/test-database';

const send = vi.hoisted(() => vi.fn());
vi.mock('../../src/protocol/client', () => ({ send }));
const { openCasesReader } = await import('../../src/ui/open-cases');

const post = (id: string, postedAt: number): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/inwoner/status/${id}`,
  author: { name: 'Inwoner', handle: '@inwoner' },
  text: 'Wanneer wordt de container geleegd?',
  postedAt,
  postedAtSource: 'page',
});
const dueIn = (ms: number) => (postedAt: number) => postedAt + ms;

afterEach(() => send.mockReset());

describe('the popup reads open cases straight from the database', () => {
  it('reads the most urgent open cases and their count, without asking the background', async () => {
    const { db, name, dispose } = await openTestDatabase('popup-read');
    try {
      for (let i = 1; i <= 5; i++) await trackPost(db, post(String(i), 1_000 * i), 'Anna', 10_000, dueIn(60_000));
      const reader = await openForReading(name);
      expect(reader).not.toBeNull();
      const read = openCasesReader(async () => reader);
      const { cases, total } = await read(3);
      expect(total).toBe(5);
      expect(cases.map((c) => c.id)).toEqual([caseIdFor('x', '1'), caseIdFor('x', '2'), caseIdFor('x', '3')]);
      expect(send).not.toHaveBeenCalled();
      reader!.close();
    } finally {
      await dispose();
    }
  });

  it('never creates a database that is not there: that is the background’s work', async () => {
    const name = 'loket-popup-absent';
    expect(await openForReading(name)).toBeNull();
    // Had the read created it, this open would find version 1 rather than start from nothing.
    let from = -1;
    const created = await openDB(name, 1, { upgrade: (_db, oldVersion) => void (from = oldVersion) });
    expect(from).toBe(0);
    created.close();
    await deleteDB(name);
  });

  it('leaves a database of another version to the background, and asks the background instead', async () => {
    const name = 'loket-popup-old';
    const old = await openDB(name, DB_VERSION - 1, { upgrade: (db) => void db.createObjectStore('cases', { keyPath: 'id' }) });
    old.close();
    expect(await openForReading(name)).toBeNull();
    send.mockResolvedValue({ cases: [], total: 0 });
    const read = openCasesReader(() => openForReading(name));
    expect(await read(25)).toEqual({ cases: [], total: 0 });
    expect(send).toHaveBeenCalledWith('cases/open', { limit: 25 });
    await deleteDB(name);
  });

  it('asks the background once its connection was closed for an upgrade', async () => {
    const { name, dispose, db } = await openTestDatabase('popup-closed');
    try {
      await trackPost(db, post('9', 1), 'Anna', 2, dueIn(60_000));
      const reader = await openForReading(name);
      reader!.close(); // as the blocking handler does when a newer version asks for the database
      send.mockResolvedValue({ cases: [], total: 1 });
      const read = openCasesReader(async () => reader);
      expect(await read(25)).toEqual({ cases: [], total: 1 });
      expect(await read(25)).toEqual({ cases: [], total: 1 });
      expect(send).toHaveBeenCalledTimes(2);
    } finally {
      await dispose();
    }
  });
});
