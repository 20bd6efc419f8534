/** A fresh `loket` database (fake-indexeddb) for one test, with the way to remove it afterwards. */
import { deleteDB } from 'idb';
import { openLoketDb, type LoketDatabase } from '../../src/storage/db';

let n = 0;

export async function openTestDatabase(prefix: string): Promise<{ db: LoketDatabase; name: string; dispose: () => Promise<void> }> {
  const name = `loket-${prefix}-${++n}`;
  const db = await openLoketDb(name);
  return {
    db,
    name,
    dispose: async () => {
      db.close();
      await deleteDB(name);
    },
  };
}
