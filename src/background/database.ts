/**
 * The worker's handle on IndexedDB. Opened lazily on the first request after each start of the worker; the
 * handle is a cache, not state: losing it when the browser stops the worker costs one reopen.
 */
import { openLoketDb, type LoketDatabase } from '../storage/db';

let opening: Promise<LoketDatabase> | undefined;

export function database(): Promise<LoketDatabase> {
  opening ??= openLoketDb().catch((error: unknown) => {
    opening = undefined; // try again on the next request
    throw error;
  });
  return opening;
}
