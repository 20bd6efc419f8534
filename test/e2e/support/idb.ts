/** Reads Loket's IndexedDB from inside the extension's service worker, to check what was really stored. */
import type { Worker } from 'playwright-core';

export async function readStore<T = Record<string, unknown>>(worker: Worker, store: 'cases' | 'events' | 'tags' | 'templates' | 'alerts'): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('loket');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result as T[]);
            db.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );
}
