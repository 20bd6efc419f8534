/**
 * "Export everything": every record this browser holds, as one JSON document, for the archive
 * (Archiefwet, Woo), for a citizen's access request (AVG), or to move to another browser. Reads IndexedDB
 * only, so it works without a sync server. Sync bookkeeping is left out (it is not the municipality's data);
 * so are credentials, which live in extension storage, never in the database.
 */
import { fromStored, type LoketDatabase, type StoredCase } from '../storage/db';

export const EXPORT_FORMAT = 'loket-export/1';

export interface LoketExport {
  format: typeof EXPORT_FORMAT;
  exportedAt: string;
  database: { name: string; version: number };
  /** One array per object store: cases, events, tags, templates, alerts, diagnostics, … */
  stores: Record<string, unknown[]>;
}

const INTERNAL_STORES = new Set(['sync', 'syncMeta']);

export async function exportEverything(db: LoketDatabase, now = Date.now()): Promise<LoketExport> {
  const names = [...db.objectStoreNames].filter((name) => !INTERNAL_STORES.has(name));
  // One read transaction: the export is one consistent moment, not stores read at different times.
  const tx = db.transaction(names);
  const all = await Promise.all(names.map((name) => tx.objectStore(name).getAll()));
  await tx.done;
  const stores: Record<string, unknown[]> = {};
  names.forEach((name, i) => {
    stores[name] = name === 'cases' ? (all[i] as StoredCase[]).map(fromStored) : all[i]!;
  });
  return { format: EXPORT_FORMAT, exportedAt: new Date(now).toISOString(), database: { name: db.name, version: db.version }, stores };
}

/** The export as the text of a .json file. */
export function exportJson(data: LoketExport): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
