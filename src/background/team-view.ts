/**
 * The team as this browser knows it now: the policy's `team` and every presence pulled through sync, with my
 * own place in it (domain/team.ts). Read from storage each time: the worker keeps nothing in memory.
 */
import { isAwayAt, roleOf, teamList } from '../domain/team';
import type { TeamView } from '../protocol/messages';
import type { LoketDatabase } from '../storage/db';
import { readPolicy } from '../storage/policy';
import { loadOwnPresence, loadPresences } from '../storage/presence-store';
import { loadSettings } from '../storage/settings';
import { activeSyncConfig } from '../storage/sync-config';

export async function teamView(db: LoketDatabase, now: number): Promise<TeamView> {
  const [{ policy }, presences, own, settings, sync] = await Promise.all([readPolicy(), loadPresences(db), loadOwnPresence(db), loadSettings(), activeSyncConfig()]);
  const me = settings.agentName;
  // My own browser's presence carries my current name and initials, even before the next sync writes them.
  const mine = own ? [{ ...own.presence, name: me, initials: settings.initials, seenAt: now }] : me ? [{ client: '', name: me, initials: settings.initials, seenAt: now, changedAt: Number.NEGATIVE_INFINITY }] : [];
  const others = presences.filter((p) => p.client !== own?.presence.client);
  const members = teamList(policy.team ?? [], [...others, ...mine], now);
  const away = own?.presence.away;
  return { members, me: { name: me, role: roleOf(members, me), ...(isAwayAt(away, now) ? { away } : {}) }, synced: sync !== null };
}
