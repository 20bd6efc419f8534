/**
 * The `syncMeta` store: this browser's sync client id, a checkpoint per server and database, and the last
 * sync status (what the popup and options page show). Ids are random UUIDs.
 */
import type { LoketDatabase } from './db';
import type { Checkpoint, SyncStatus, TeamSettings } from './sync-records';

export async function getClientId(db: LoketDatabase): Promise<string> {
  const tx = db.transaction('syncMeta', 'readwrite');
  const found = await tx.store.get('client');
  let clientId = found && 'clientId' in found ? found.clientId : undefined;
  if (!clientId) {
    clientId = crypto.randomUUID();
    await tx.store.put({ key: 'client', clientId });
  }
  await tx.done;
  return clientId;
}

export async function loadCheckpoint(db: LoketDatabase, target: string): Promise<Checkpoint | undefined> {
  const found = await db.get('syncMeta', `checkpoint:${target}`);
  return found && 'target' in found ? found : undefined;
}

export function newCheckpoint(target: string): Checkpoint {
  return { key: `checkpoint:${target}`, target, epoch: crypto.randomUUID(), since: 0, pushedUpdatedAt: Number.NEGATIVE_INFINITY, pushedEventSeq: 0 };
}

export async function saveCheckpoint(db: LoketDatabase, checkpoint: Checkpoint): Promise<void> {
  await db.put('syncMeta', checkpoint);
}

export const IDLE_STATUS: SyncStatus = { state: 'idle', pending: 0, failures: 0 };

export async function loadSyncStatus(db: LoketDatabase): Promise<SyncStatus> {
  const found = await db.get('syncMeta', 'status');
  return found && 'status' in found ? found.status : { ...IDLE_STATUS };
}

export async function saveSyncStatus(db: LoketDatabase, status: SyncStatus): Promise<void> {
  await db.put('syncMeta', { key: 'status', status });
}

/** The team's shared settings as last pulled from the server (empty when it has none). */
export async function loadTeamSettings(db: LoketDatabase): Promise<TeamSettings> {
  const found = await db.get('syncMeta', 'team');
  return found && 'rev' in found && found.key === 'team' ? { ...(found.retentionDays !== undefined ? { retentionDays: found.retentionDays } : {}) } : {};
}
