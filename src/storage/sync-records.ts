/**
 * The shapes of the sync bookkeeping kept in IndexedDB (the `sync` and `syncMeta` stores of db.ts). Storage
 * owns them so the database schema needs nothing from sync/; the push and pull steps in src/sync/ read and
 * write them, and sync-meta.ts here keeps the checkpoint, client id and status.
 *
 * - `sync` holds one record per synced document: for a case the server revision last seen, the case's
 *   updatedAt and agent fields when this browser and the server last agreed (`base`), and the histories of
 *   those fields (merge.ts); for a tag or team template the JSON last agreed; for an event pulled from the
 *   server its local sequence number (so it is stored once). A case is pending when it has no record, or
 *   its updatedAt or agent fields differ from the record, or a merge left it `pending`.
 * - Pending cases are found through the `by-updated` index from the push checkpoint on (the checkpoint
 *   trails the clock by a minute, so a write that raced a scan is seen by the next one); events by
 *   sequence number; tags and templates are few and are compared whole.
 * - `syncMeta` holds a checkpoint per server and database (`since` for pulling, the push marks, and the
 *   `epoch`: an id this browser writes into a `_local` document on the server, so a database that was
 *   deleted and made again is noticed and everything is pushed again), the client id, and the status.
 *
 * Pulled pages are applied in one transaction each (src/sync/apply-pull.ts).
 */
import type { Presence } from '../domain/team';

/** Why the team server could not be used (couch-client.ts says it in words). */
export type SyncErrorCode =
  | 'invalid-url'
  | 'insecure'
  | 'unreachable'
  | 'unauthorised'
  | 'signed-out'
  | 'no-access'
  | 'database-missing'
  | 'not-couchdb'
  | 'server-error';

/** One change of one field (or one tag) by one agent. `id` is unique across clients. */
export interface Stamp {
  at: number;
  actor: string;
  id: string;
}

/** The registers whose changes are stamped; tags are stamped tag by tag. */
export const CLOCKED_FIELDS = ['status', 'assignee', 'firstResponseAt', 'dueAt', 'handover', 'noReplyReason', 'kcc'] as const;
export type ClockedField = (typeof CLOCKED_FIELDS)[number];

export interface CaseClocks {
  fields: Partial<Record<ClockedField, Stamp[]>>;
  tags: Record<string, Stamp[]>;
}

/**
 * The agent fields as last agreed with the server: the tags (tag ids), and a fingerprint of each other
 * field's value. Fingerprints are enough to see what changed, and keep personal data (a handover note) out of
 * the sync records: an erased case leaves no readable trace here.
 */
export interface AgentFields {
  tags: string[];
  fields: Partial<Record<ClockedField, string>>;
}

/** Why a case was deleted here: an erasure request, or the retention purge after the last change it saw (merge.ts). */
export type Deletion = { kind: 'erasure' } | { kind: 'retention'; lastChangeAt: number };

export interface CaseSyncRecord {
  id: string;
  kind: 'case';
  /** The server revision last seen, valid in this epoch (see Checkpoint). */
  epoch?: string;
  rev?: string;
  updatedAt: number;
  base: AgentFields;
  clocks: CaseClocks;
  /** A merge produced a version the server does not have yet. */
  pending?: 1;
  /**
   * Set when the case was deleted here (the record stays until the server has the deletion): a retention
   * purge says so, so a later edit elsewhere still wins over it. Absent: an erasure.
   */
  deletion?: Deletion;
}

export interface ItemSyncRecord {
  id: string;
  kind: 'item';
  epoch?: string;
  rev?: string;
  /** stableJson of the shared content last agreed. */
  base: string;
  changedAt: number;
  pending?: 1;
}

export interface EventSyncRecord {
  id: string;
  kind: 'event';
  /** The event's sequence number in this browser's `events` store. */
  seq: number;
}

export type SyncRecord = CaseSyncRecord | ItemSyncRecord | EventSyncRecord;

export interface Checkpoint {
  key: string;
  target: string;
  /** Changes to revisions from the server are valid in this epoch only; a new epoch pushes everything again. */
  epoch: string;
  /** Where pulling goes on from (CouchDB's last_seq). */
  since: string | number;
  /** Cases with updatedAt from here on are looked at for pushing. */
  pushedUpdatedAt: number;
  /** Events after this sequence number are pushed. */
  pushedEventSeq: number;
  /**
   * When all cases were last looked at, not only those from pushedUpdatedAt on: a change stamped while the
   * computer's clock was behind is found within the hour.
   */
  fullScanAt?: number;
}

/** `signed-out`: the server's session is gone (expired, revoked, never made): sync waits for a new login. */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'signed-out';

/** What the popup shows. `pending`: local changes the server does not have yet. */
export interface SyncStatus {
  state: SyncState;
  lastSyncAt?: number;
  pending: number;
  error?: { code: SyncErrorCode | 'internal'; message: string };
  /** Failed attempts in a row; the next try is at `retryAt`. */
  failures: number;
  retryAt?: number;
}

/** The team's shared settings from the server's `settings:team` document (none: the document is not there). */
export interface TeamSettings {
  /** Days a closed case is kept after its last change, for the whole team (domain/retention.ts). */
  retentionDays?: number;
}

/**
 * One browser's presence (domain/team.ts): this browser's own (pending until the server has it), or a
 * colleague's browser as last pulled. `rev`: the server revision last seen.
 */
export interface PresenceEntry {
  key: `presence:${string}`;
  presence: Presence;
  rev?: string;
  pending?: 1;
}

export type SyncMetaEntry = Checkpoint | { key: 'client'; clientId: string } | { key: 'status'; status: SyncStatus } | ({ key: 'team'; rev: string } & TeamSettings) | PresenceEntry;
