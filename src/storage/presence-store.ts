/**
 * Presence in the `syncMeta` store (no store of its own, so no database version): this browser's own
 * (`presence:<client id>`, away or not, pending until the team server has it) and each colleague's browser as
 * last pulled. The team list (domain/team.ts) is built from these and the policy's `team`.
 */
import { isAwayAt, type Away, type Presence } from '../domain/team';
import type { LoketDatabase } from './db';
import { getClientId } from './sync-meta';
import type { PresenceEntry } from './sync-records';

export const PRESENCE_PREFIX = 'presence:';
export const presenceKey = (client: string): PresenceEntry['key'] => `presence:${client}`;

export const isPresenceEntry = (entry: unknown): entry is PresenceEntry =>
  typeof entry === 'object' && entry !== null && typeof (entry as { key?: unknown }).key === 'string' && (entry as { key: string }).key.startsWith(PRESENCE_PREFIX) && 'presence' in entry;

/** Every browser's presence known here, this browser's own included. */
export async function loadPresences(db: LoketDatabase): Promise<Presence[]> {
  const found = await db.getAll('syncMeta', IDBKeyRange.bound(PRESENCE_PREFIX, `${PRESENCE_PREFIX}\uffff`));
  return found.filter(isPresenceEntry).map((e) => e.presence);
}

export async function loadOwnPresence(db: LoketDatabase): Promise<PresenceEntry | undefined> {
  const found = await db.get('syncMeta', presenceKey(await getClientId(db)));
  return isPresenceEntry(found) ? found : undefined;
}

/** Am I away now (my own browser's word)? */
export async function ownAway(db: LoketDatabase, now: number): Promise<Away | undefined> {
  const own = await loadOwnPresence(db);
  return isAwayAt(own?.presence.away, now) ? own!.presence.away : undefined;
}

/**
 * Sets this browser's away state (null: back), with the agent's name and initials as they are now. Pending
 * until the next sync run has written it to the server.
 */
export async function saveOwnAway(db: LoketDatabase, who: { name: string; initials: string }, away: Away | null, now: number): Promise<Presence> {
  const client = await getClientId(db);
  const tx = db.transaction('syncMeta', 'readwrite');
  const found = await tx.store.get(presenceKey(client));
  const before = isPresenceEntry(found) ? found : undefined;
  const presence: Presence = { client, name: who.name, initials: who.initials, seenAt: before?.presence.seenAt ?? now, changedAt: now, ...(away ? { away } : {}) };
  await tx.store.put({ key: presenceKey(client), presence, ...(before?.rev ? { rev: before.rev } : {}), pending: 1 });
  await tx.done;
  return presence;
}
