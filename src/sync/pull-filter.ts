/**
 * Which changes of a `_changes` page are worth fetching. The page is read without the documents (ids and
 * leaf revisions only); a change this browser already has — its own write coming back, with the revision its
 * sync record holds, or its own audit event — is not fetched at all. After an initial push of 10 000 cases
 * that is every change of the page: the run that pushed them no longer downloads all 23 000 documents
 * again to find it knew them. apply-pull.ts still decides about every document that is fetched.
 */
import type { LoketDatabase } from '../storage/db';
import type { SyncRecord } from '../storage/sync-records';
import { docKind } from './docs';

export interface ChangeRow {
  id: string;
  deleted?: boolean;
  /** The leaf revisions (`style=all_docs`), the winning one first; more than one: a conflict to resolve. */
  revs?: string[];
}

/** The ids of the page to fetch, in the page's order. */
export async function changesToFetch(db: LoketDatabase, rows: readonly ChangeRow[], epoch: string, clientId: string): Promise<string[]> {
  if (rows.length === 0) return [];
  const tx = db.transaction('sync');
  const records = await Promise.all(rows.map((row) => tx.store.get(row.id)));
  await tx.done;
  return rows.filter((row, i) => !knownHere(row, records[i], epoch, clientId)).map((row) => row.id);
}

function knownHere(row: ChangeRow, record: SyncRecord | undefined, epoch: string, clientId: string): boolean {
  const kind = docKind(row.id);
  if (kind === 'event') {
    // Event ids end in their author's client id and sequence number: this browser's own events are here.
    const own = row.id.slice(row.id.lastIndexOf(':') + 1).startsWith(`${clientId}-`);
    // A deleted event matters only where it is stored; a live one is new unless stored already.
    return row.deleted ? !own && record === undefined : own || record !== undefined;
  }
  if (row.revs?.length !== 1) return false;
  if (record?.kind === 'case' || record?.kind === 'item') return record.epoch === epoch && record.rev === row.revs[0];
  return false;
}
