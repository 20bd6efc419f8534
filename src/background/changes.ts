/**
 * What follows a change, wherever it came from (an agent's request, the retention purge, the organisation's
 * policy): every view hears of it, the team sync is nudged, and the badge and alerts are redrawn. One place,
 * so a purge or a policy change is followed exactly like a change made in the options page.
 */
import type { Case } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { firstResponseDue } from '../domain/sla-policy';
import type { Settings } from '../protocol/messages';
import { recomputeDue, type DueRule } from '../storage/case-store';
import { refreshTimers } from './alerts';
import { broadcast } from './broadcast';
import { database } from './database';
import { changedLocally } from './sync';

/** The due time of a post's first response under the agent's SLA policy and office hours. */
export const dueRule =
  (settings: Settings): DueRule =>
  (postedAt, site) =>
    firstResponseDue(postedAt, site, settings.sla, settings.officeHours);

export async function casesChanged(cases: readonly Case[], now: number): Promise<void> {
  for (const c of cases) await broadcast('case/changed', { case: c });
  changedLocally();
  await refreshTimers(now);
}

/** Cases erased (a request, or retention): views drop them. */
export async function casesRemoved(ids: readonly CaseId[], now: number): Promise<void> {
  if (ids.length === 0) return;
  await broadcast('cases/removed', { ids: [...ids] });
  changedLocally();
  await refreshTimers(now);
}

/**
 * The settings in force changed (the agent saved them, or the organisation's policy did). A new SLA policy or
 * calendar works every waiting case's due time out again; another agent name changes whose cases alert.
 */
export async function settingsChanged(before: Settings, after: Settings, now: number): Promise<void> {
  await broadcast('settings/changed', {});
  if (JSON.stringify([before.officeHours, before.sla]) !== JSON.stringify([after.officeHours, after.sla])) {
    await casesChanged(await recomputeDue(await database(), dueRule(after), now), now);
  } else if (before.agentName !== after.agentName) {
    await refreshTimers(now);
  }
}
