/**
 * Working as a team: assigning, releasing and taking over cases, and being away (domain/assignment.ts,
 * domain/team.ts). Assignments are ordinary case changes (one transaction, one history event per case,
 * synced as the clocked field `assignee`); being away is this browser's presence, synced as its own document.
 */
import type { Case, CasePatch, FieldChange } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { assignPatch, releasePlan, ReleaseTargetError } from '../domain/assignment';
import { RequestError, type Handlers } from '../protocol/router';
import { listOpenByDue, updateCases } from '../storage/case-store';
import { saveOwnAway } from '../storage/presence-store';
import { loadSettings } from '../storage/settings';
import { refreshTimers } from './alerts';
import { broadcast } from './broadcast';
import { database } from './database';
import { teamView } from './team-view';

/** Views showing the team read it again; whose cases alert whom may have changed. */
export async function teamChanged(now: number = Date.now()): Promise<void> {
  await broadcast('team/changed', {});
  await refreshTimers(now);
}

export interface TeamDeps {
  now: () => number;
  update: (id: CaseId, patch: CasePatch) => Promise<{ case: Case; changes: FieldChange[] }>;
  changed: (...cases: Case[]) => Promise<void>;
  /** Sync at once: a colleague should learn soon that I am away. */
  syncNow: () => void;
}

type TeamHandlers = Pick<Handlers, 'case/assign' | 'cases/assign' | 'team/list' | 'presence/away' | 'presence/back'>;

export function teamHandlers({ now, update, changed, syncNow }: TeamDeps): TeamHandlers {
  return {
    async 'case/assign'({ id, to }) {
      return update(id, assignPatch(to));
    },
    async 'cases/assign'({ ids, to }) {
      const { updated, skipped } = await updateCases(await database(), ids, assignPatch(to), (await loadSettings()).agentName, now());
      if (updated.length > 0) await changed(...updated);
      return { updated: updated.length, skipped };
    },
    async 'team/list'() {
      return teamView(await database(), now());
    },
    async 'presence/away'({ until, release }) {
      const at = now();
      if (until !== undefined && until <= at) throw new RequestError('bad-request', 'the end of the absence is in the past');
      const settings = await loadSettings();
      if (settings.agentName.trim() === '') throw new RequestError('bad-request', 'set your name first (options): cases are assigned by name');
      const db = await database();
      let plan: ReturnType<typeof releasePlan>;
      try {
        plan = releasePlan(await listOpenByDue(db), settings.agentName, release);
      } catch (error) {
        if (error instanceof ReleaseTargetError) throw new RequestError('bad-request', error.message);
        throw error;
      }
      // The cases first: were the release refused, the agent is not marked away with their cases unwatched.
      const { updated } = plan.ids.length > 0 ? await updateCases(db, plan.ids, plan.patch, settings.agentName, at) : { updated: [] };
      const away = { since: at, ...(until !== undefined ? { until } : {}) };
      await saveOwnAway(db, { name: settings.agentName, initials: settings.initials }, away, at);
      if (updated.length > 0) await changed(...updated);
      await teamChanged(at);
      syncNow();
      return { released: updated.length, away };
    },
    async 'presence/back'() {
      const settings = await loadSettings();
      await saveOwnAway(await database(), { name: settings.agentName, initials: settings.initials }, null, now());
      await teamChanged(now());
      syncNow();
      return { away: null };
    },
  };
}
