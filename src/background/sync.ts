/**
 * Team sync in the background: one SyncLoop per worker life, woken by local changes, by its own timers while
 * the worker runs, and by a one-minute alarm when the browser has stopped the worker. Local work never waits
 * for it. Cases the server brought are pushed to every view like any other change.
 */
import type { CaseId } from '../domain/case-id';
import { getCases } from '../storage/case-store';
import { activeSyncConfig } from '../storage/sync-config';
import { SyncLoop } from '../sync/sync-loop';
import type { RemovedCase } from '../sync/apply-pull';
import { logErasure } from '../storage/privacy-store';
import { SITES } from '../domain/site';
import type { ErasureSummary } from '../domain/person';
import { refreshTimers } from './alerts';
import { loadSettings } from '../storage/settings';
import { teamChanged } from './team';
import { broadcast } from './broadcast';
import { sessionReady, sessionRefused } from './sync-session';
import { database } from './database';

export const SYNC_ALARM = 'loket-sync';

let loop: SyncLoop | undefined;

export function syncLoop(): SyncLoop {
  loop ??= new SyncLoop({
    database,
    config: activeSyncConfig,
    signedIn: () => sessionReady(),
    onSignedOut: () => sessionRefused(),
    // While the worker runs, look for colleagues' changes every 10 s (a small _changes request when nothing
    // changed); the alarm covers the time the browser has stopped the worker.
    pollMs: 10_000,
    onStatus: (status) => void broadcast('sync/status', { status }),
    onChanged: (ids) => void pushChanged(ids),
    onRemoved: (removed) => void logRemoved(removed),
    identity: async () => {
      const { agentName, initials } = await loadSettings();
      return { name: agentName, initials };
    },
    // A colleague went away, came back or was last seen: whose cases alert whom may have changed.
    onTeam: () => void teamChanged(),
  });
  return loop;
}

async function pushChanged(ids: CaseId[]): Promise<void> {
  const cases = await getCases(await database(), ids);
  for (const c of cases) await broadcast('case/changed', { case: c });
  const gone = ids.filter((id) => !cases.some((c) => c.id === id));
  if (gone.length > 0) await broadcast('cases/removed', { ids: gone });
  await refreshTimers();
}

/** Who the audit log names for a deletion that came from the team server (done in a colleague's browser). */
export const SERVER_ACTOR = 'Loket (teamserver)';

/** Every case a deletion from the server removed here is in this browser's audit log too: counts, never ids. */
async function logRemoved(removed: readonly RemovedCase[]): Promise<void> {
  for (const reason of ['retention', 'request'] as const) {
    const mine = removed.filter((r) => r.reason === reason);
    if (mine.length === 0) continue;
    const perSite = Object.fromEntries(SITES.map((site) => [site, { cases: 0, events: 0 }])) as ErasureSummary['perSite'];
    for (const r of mine) {
      if (r.site === null) continue;
      perSite[r.site].cases++;
      perSite[r.site].events += r.events;
    }
    await logErasure(SERVER_ACTOR, Date.now(), { cases: mine.length, events: mine.reduce((n, r) => n + r.events, 0), perSite }, reason);
  }
}

/** A local change: sync soon (debounced), without waiting. */
export function changedLocally(): void {
  syncLoop().requestSync();
}
