/**
 * The one IndexedDB database, `loket`, as a typed idb schema with cumulative migrations.
 * Only the background worker opens it: every write goes through there, one transaction per user action.
 *
 * "Open cases by due time" must cost what the open cases cost, not all cases ever handled. Open cases carry
 * `openDue` ([due time or +∞, posted time]); closed cases do not, and IndexedDB leaves a record
 * out of an index when the key path is missing. The `by-open-due` index therefore holds open cases only.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Case } from '../domain/case';
import { isOpen } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import type { CaseId } from '../domain/case-id';
import type { Diagnostic } from '../domain/diagnostic';
import type { Site } from '../domain/site';
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import type { SyncMetaEntry, SyncRecord } from './sync-records';
import { DEFAULT_TEMPLATES } from '../domain/default-templates';

export const DB_NAME = 'loket';

/**
 * Open cases carry their sort key: due time (+∞ when none, or when answered), then posted time, so the
 * oldest waits least.
 */
export type StoredCase = Case & { openDue?: [number, number] };
export type StoredEvent = CaseEvent & { seq: number };
/** An event as stored when it came from the server: where from, so it is not pushed back there. */
export type PulledEvent = StoredEvent & { origin?: { id: string; epoch: string } };

export interface LoketDB extends DBSchema {
  cases: {
    key: CaseId;
    value: StoredCase;
    indexes: { 'by-open-due': [number, number]; 'by-updated': number; 'by-status': string; 'by-handover': number; 'by-posted': number; 'by-alias': string };
  };
  events: {
    key: number;
    value: StoredEvent;
    indexes: { 'by-case': [string, number]; 'by-time': number };
  };
  templates: { key: string; value: Template };
  tags: { key: string; value: Tag };
  /** Response-timer alerts already shown, so a restart never shows one twice. Key: alertKey(). */
  alerts: { key: string; value: { key: string; caseId: CaseId; at: number } ; indexes: { 'by-case': string } };
  diagnostics: {
    key: number;
    value: Diagnostic & { seq: number };
    indexes: { 'by-time': number };
  };
  /**
   * Replication bookkeeping, one record per synced document (src/storage/sync-records.ts). Key: the document
   * id (`case:…`, `tag:…`, `template:…`, `event:…`). Records to push again carry `pending`, so the
   * `by-pending` index holds those only.
   */
  sync: { key: string; value: SyncRecord; indexes: { 'by-pending': number } };
  /** This browser's sync client id, a checkpoint per server and database, and the last sync status. */
  syncMeta: { key: string; value: SyncMetaEntry };
  /**
   * Posts automatic intake saw that matched its rules, once per post (key: the case id), when first seen: the
   * reports' "posts seen that matched intake" (intake-store.ts). No text or author, only the id and time.
   */
  intakeSeen: { key: CaseId; value: IntakeSeen; indexes: { 'by-at': number } };
}

export interface IntakeSeen {
  id: CaseId;
  site: Site;
  at: number;
}

export type LoketDatabase = IDBPDatabase<LoketDB>;
type UpgradeTx = IDBPTransaction<LoketDB, StoreNames<LoketDB>[], 'versionchange'>;

/**
 * Each entry moves the database from version i to i + 1. Never edit a shipped entry: add one.
 * A browser that skipped versions runs every step it missed, in order.
 */
export const MIGRATIONS: ReadonlyArray<(db: LoketDatabase, tx: UpgradeTx) => void> = [
  // 0 → 1: the initial stores.
  (db) => {
    const cases = db.createObjectStore('cases', { keyPath: 'id' });
    cases.createIndex('by-open-due', 'openDue');
    cases.createIndex('by-updated', 'updatedAt');
    cases.createIndex('by-status', 'status');
    const events = db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
    events.createIndex('by-case', ['caseId', 'at']);
    events.createIndex('by-time', 'at');
    db.createObjectStore('templates', { keyPath: 'id' });
    db.createObjectStore('tags', { keyPath: 'id' });
  },
  // 1 → 2: site-health findings from the content scripts.
  (db) => {
    const diagnostics = db.createObjectStore('diagnostics', { keyPath: 'seq', autoIncrement: true });
    diagnostics.createIndex('by-time', 'at');
  },
  // 2 → 3: cases handed over to the KCC, newest first, without reading the other cases.
  (_db, tx) => {
    tx.objectStore('cases').createIndex('by-handover', 'handover.at');
  },
  // 3 → 4: the default template library, seeded once. From here on the set is the municipality's: an
  // edited or deleted default stays edited or deleted. The first, smaller default set (ids `default:*`
  // not in the library) goes, unless the agent used it.
  (_db, tx) => {
    const store = tx.objectStore('templates');
    const shipped = new Set(DEFAULT_TEMPLATES.map((t) => t.id));
    void (async () => {
      for (const old of await store.getAll()) {
        if (old.id.startsWith('default:') && !shipped.has(old.id) && old.usageCount === 0) await store.delete(old.id);
      }
      for (const template of DEFAULT_TEMPLATES) if (!(await store.getKey(template.id))) await store.put(template);
    })();
  },
  // 4 → 5: reports read cases by posted time; alerts shown are remembered.
  (db, tx) => {
    tx.objectStore('cases').createIndex('by-posted', 'postedAt');
    db.createObjectStore('alerts', { keyPath: 'key' }).createIndex('by-case', 'caseId');
  },
  // 5 → 6: team sync over CouchDB: what was last agreed with the server, and checkpoints.
  (db) => {
    db.createObjectStore('sync', { keyPath: 'id' }).createIndex('by-pending', 'pending');
    db.createObjectStore('syncMeta', { keyPath: 'key' });
  },
  // 6 → 7: a case by the other ids of its post (Facebook's pfbid form of a post named by number).
  (_db, tx) => {
    tx.objectStore('cases').createIndex('by-alias', 'aliases', { multiEntry: true });
  },
  // 7 → 8: how each case began (issue #17). Every case stored so far was made by an agent's hand.
  (_db, tx) => {
    const cases = tx.objectStore('cases');
    void (async () => {
      for (let cursor = await cases.openCursor(); cursor; cursor = await cursor.continue()) {
        if (cursor.value.intake === undefined) await cursor.update({ ...cursor.value, intake: 'manual' });
      }
    })();
  },
  // 8 → 9: posts automatic intake saw that matched its rules, counted once per post (issue #17).
  (db) => {
    db.createObjectStore('intakeSeen', { keyPath: 'id' }).createIndex('by-at', 'at');
  },
];

export const DB_VERSION = MIGRATIONS.length;

/** A newer version (after an update) wants the database: an open connection lets it have it. */
function giveWayToUpgrade(_current: number, _blocked: number | null, event: IDBVersionChangeEvent): void {
  (event.target as IDBDatabase).close();
}

export function openLoketDb(name = DB_NAME, version = DB_VERSION): Promise<LoketDatabase> {
  return openDB<LoketDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let v = oldVersion; v < (newVersion ?? version); v++) MIGRATIONS[v]!(db, tx);
    },
    blocking: giveWayToUpgrade,
  });
}

/**
 * A connection for reading only, for the extension's own pages (the popup draws its list from it without a
 * round trip through a worker that may be asleep). It opens the database at the version it has: never creates
 * or migrates it — only the background writes and migrates. Null when the database does not exist yet, or is
 * at another version than this code's schema (the background migrates it on its next request); the caller
 * then asks the background. It gives way to an upgrade like the background's own connection.
 */
export async function openForReading(name = DB_NAME): Promise<LoketDatabase | null> {
  let db: LoketDatabase;
  try {
    db = await openDB<LoketDB>(name, undefined, {
      upgrade(_db, _oldVersion, _newVersion, tx) {
        // It did not exist: leave creating it to the background. (The open then fails, as it should.)
        tx.done.catch(() => undefined);
        tx.abort();
      },
      blocking: giveWayToUpgrade,
    });
  } catch {
    return null;
  }
  if (db.version !== DB_VERSION) {
    db.close();
    return null;
  }
  return db;
}

export function toStored(c: Case): StoredCase {
  const { openDue: _drop, ...plain } = c as StoredCase;
  // Answered cases wait for nobody: they sort after every case still waiting for its first response.
  const due = plain.firstResponseAt === undefined ? (plain.dueAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  return isOpen(plain) ? { ...plain, openDue: [due, plain.postedAt] } : plain;
}

export function fromStored(s: StoredCase): Case {
  const { openDue: _drop, ...plain } = s;
  return plain;
}
