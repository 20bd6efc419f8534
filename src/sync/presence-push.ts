/**
 * This browser's presence on the team server (`presence:<client id>`, docs.ts): who its agent is, when it
 * last synced, and whether the agent is away. Written when something in it changed (away, back, a new name)
 * and otherwise at most every PRESENCE_EVERY_MS, so a sync every 10 s does not write a revision every 10 s;
 * "not seen for a working day" (domain/alert-audience.ts) needs nothing finer. Only this browser writes its
 * document; a stale revision (the database was made again, a second profile with the same id) is fetched and
 * the write tried once more.
 */
import type { Presence } from '../domain/team';
import type { LoketDatabase } from '../storage/db';
import { isPresenceEntry, presenceKey } from '../storage/presence-store';
import { getClientId } from '../storage/sync-meta';
import type { CouchClient } from './couch-client';
import { presenceDocId, type PresenceDoc } from './docs';

export const PRESENCE_EVERY_MS = 10 * 60_000;

export interface Identity {
  name: string;
  initials: string;
}

/** Writes this browser's presence when due. Returns whether it was written. An agent without a name has none. */
export async function pushPresence(db: LoketDatabase, client: CouchClient, who: Identity, now: number): Promise<boolean> {
  if (who.name.trim() === '') return false;
  const clientId = await getClientId(db);
  const found = await db.get('syncMeta', presenceKey(clientId));
  const entry = isPresenceEntry(found) ? found : undefined;
  const before = entry?.presence;
  const renamed = before !== undefined && (before.name !== who.name || before.initials !== who.initials);
  const due = entry === undefined || entry.pending === 1 || renamed || entry.rev === undefined || !(now - before!.seenAt < PRESENCE_EVERY_MS && now >= before!.seenAt);
  if (!due) return false;
  const presence: Presence = {
    client: clientId,
    name: who.name,
    initials: who.initials,
    seenAt: now,
    changedAt: renamed || before === undefined ? now : before.changedAt,
    ...(before?.away ? { away: before.away } : {}),
  };
  const id = presenceDocId(clientId);
  const doc = (rev: string | undefined): PresenceDoc => ({ _id: id, ...(rev ? { _rev: rev } : {}), type: 'presence', presence });
  let [result] = await client.bulkDocs([doc(entry?.rev)]);
  if (result && !result.ok && result.error === 'conflict') {
    const current = (await client.getDocs([id])).get(id) as { _rev?: unknown } | null;
    [result] = await client.bulkDocs([doc(typeof current?._rev === 'string' ? current._rev : undefined)]);
  }
  if (!result?.ok) return false;
  // Saved unless the agent changed their away state while the request was out: then that stays pending.
  const tx = db.transaction('syncMeta', 'readwrite');
  const latest = await tx.store.get(presenceKey(clientId));
  const changedMeanwhile = isPresenceEntry(latest) && (before === undefined || latest.presence.changedAt !== before.changedAt);
  if (changedMeanwhile) await tx.store.put({ ...latest, rev: result.rev });
  else await tx.store.put({ key: presenceKey(clientId), presence, rev: result.rev });
  await tx.done;
  return true;
}
