/**
 * The retention period in force for this browser's purge (domain/retention.ts `retentionInForce`): the
 * agent's setting, the organisation's policy, and — with team sync — the team's shared value from the server.
 */
import { retentionInForce, type RetentionPolicy } from '../domain/retention';
import type { LoketDatabase } from './db';
import { readPolicy } from './policy';
import { loadSettingsState } from './settings';
import { activeSyncConfig } from './sync-config';
import { loadSyncStatus, loadTeamSettings } from './sync-meta';

/** A purge in a team waits for a sync this recent, so it decides on the merged cases, not a stale copy. */
export const MERGED_WITHIN_MS = 60 * 60_000;

export async function retentionPolicy(db: LoketDatabase): Promise<ReturnType<typeof retentionInForce>> {
  const [{ settings, lockedKeys }, sync, team, { policy }] = await Promise.all([loadSettingsState(), activeSyncConfig(), loadTeamSettings(db), readPolicy()]);
  return retentionInForce({
    days: settings.retentionDays,
    locked: lockedKeys.includes('retentionDays'),
    ...(policy.retentionDays !== undefined ? { policyDays: policy.retentionDays } : {}),
    team: sync !== null,
    ...(team.retentionDays !== undefined ? { teamDays: team.retentionDays } : {}),
  });
}

/**
 * The policy to purge with now, or null when the purge must wait: in a team, until a sync has merged the
 * colleagues' changes within the last hour (a case reopened elsewhere must be seen before it is judged).
 */
export async function purgePolicy(db: LoketDatabase, now: number): Promise<RetentionPolicy | null> {
  const policy = await retentionPolicy(db);
  if ((await activeSyncConfig()) === null) return policy;
  const status = await loadSyncStatus(db);
  if (status.lastSyncAt === undefined || now - status.lastSyncAt > MERGED_WITHIN_MS) return null;
  return policy;
}
