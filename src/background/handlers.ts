/** What the background does for each message. Every write is one transaction, then a push to all views. */
import browser from 'webextension-polyfill';
import type { Case, CasePatch } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { InvalidMoveError } from '../domain/case-lifecycle';
import { NoReplyNotClosedError } from '../domain/case';
import { noReplyPatch } from '../domain/no-reply';
import { IdFilter } from '../domain/id-filter';
import type { Handlers } from '../protocol/router';
import { RequestError } from '../protocol/router';
import {
  addNote,
  CaseNotFoundError,
  countOpen,
  getCase,
  getCases,
  listEvents,
  listHandovers,
  listOpenByDue,
  listPostedBetween,
  mergeAliases,
  recordReply,
  trackPost,
  updateCase,
  updateCases,
} from '../storage/case-store';
import { recentDiagnostics, recordDiagnostic } from '../storage/diagnostic-store';
import { eraseCases, erasureLog, eventsFor, expiredCases, findPersonData, logErasure, nextPurge } from '../storage/privacy-store';
import { listTags } from '../storage/tag-store';
import { allCaseKeys } from '../storage/case-keys';
import {
  deleteTemplate,
  importTemplates,
  listTemplates,
  markTemplateUsed,
  reorderTemplates,
  saveTemplate,
  TemplateNotFoundError,
} from '../storage/template-store';
import { loadSettings, loadSettingsState, saveSettings } from '../storage/settings';
import { readPolicy } from '../storage/policy';
import { loadSyncConfig, viewOf } from '../storage/sync-config';
import { loadSyncStatus } from '../storage/sync-meta';
import { checkServerUrl, SyncError } from '../sync/couch-client';
import { exportEverything, exportJson } from '../sync/export-everything';
import { changedLocally, syncLoop } from './sync';
import { saveAccount, signOut, testAccount } from './sync-session';
import { DAY_MS } from '../domain/retention';
import { readability } from '../domain/readability';
import { officialeseList } from '../domain/readability/officialese-policy';
import { retentionPolicy } from '../storage/team-retention';
import { broadcast } from './broadcast';
import { casesChanged, casesRemoved, dueRule, settingsChanged } from './changes';
import { database } from './database';
import { teamHandlers } from './team';
import { intakeHandlers } from './intake-handlers';
import { kccHandlers } from './kcc-handlers';

/** Runs a store operation, turning the store's refusals into the answers the contract names. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CaseNotFoundError || error instanceof TemplateNotFoundError) throw new RequestError('not-found', error.message);
    if (error instanceof InvalidMoveError || error instanceof NoReplyNotClosedError) throw new RequestError('invalid-move', error.message);
    throw error;
  }
}

export function createHandlers(now: () => number = Date.now): Handlers {
  const actor = async () => (await loadSettings()).agentName;
  /** Every view, the sync, the badge and the alerts learn of changed cases. */
  const changed = (...cases: Case[]) => casesChanged(cases, now());
  const update = (id: CaseId, patch: CasePatch) =>
    answering(async () => {
      const result = await updateCase(await database(), id, patch, await actor(), now());
      if (result.changes.length > 0) await changed(result.case);
      return result;
    });
  /** Merges the cases of one post stored under its other ids into `id`; views drop the old ids and see the one case. */
  const link = async (id: CaseId, aliases: readonly CaseId[]): Promise<Case | null> => {
    const settings = await loadSettings();
    const result = await mergeAliases(await database(), id, aliases, settings.agentName, now(), dueRule(settings));
    if (!result) return null;
    await casesRemoved(result.removed, now());
    await changed(result.case);
    return result.case;
  };
  return {
    ...teamHandlers({ now, update, changed, syncNow: () => syncLoop().requestSync(0) }),
    ...kccHandlers({ now, actor, changed, answering }),
    async ping() {
      return { version: browser.runtime.getManifest().version };
    },
    async 'cases/get'({ ids }) {
      return getCases(await database(), ids);
    },
    async 'cases/known'() {
      const keys = await allCaseKeys(await database());
      // Room for the cases made while the page is open (the page adds those it hears of itself).
      return IdFilter.of(keys, keys.length + 1_000).data;
    },
    async 'case/track'({ post }) {
      const settings = await loadSettings();
      if (post.aliases?.length) await link(post.caseId, post.aliases);
      const result = await trackPost(await database(), post, settings.agentName, now(), dueRule(settings));
      if (result.changed) await changed(result.case);
      return { case: result.case, created: result.created };
    },
    async 'cases/link'({ links }) {
      const cases: Case[] = [];
      for (const { id, aliases } of links) {
        const merged = await link(id, aliases);
        if (merged) cases.push(merged);
      }
      return { cases };
    },
    async 'case/update'({ id, patch }) {
      return update(id, patch);
    },
    async 'case/no-reply'({ id, reason }) {
      return update(id, noReplyPatch(reason));
    },
    async 'cases/bulk'({ ids, patch, undo }) {
      const { updated, skipped } = await updateCases(await database(), ids, patch, await actor(), now(), { anyMove: undo === true });
      if (updated.length > 0) await changed(...updated);
      return { updated: updated.length, skipped };
    },
    async 'case/handover'({ id, category, note }) {
      const agent = await actor();
      const result = await update(id, { status: 'handed_over', handover: { category, note, agent } });
      return { case: result.case };
    },
    async 'case/note'({ id, text }) {
      return answering(async () => {
        const c = await addNote(await database(), id, text, await actor(), now());
        await changed(c);
        return { case: c };
      });
    },
    async 'handovers/list'() {
      return listHandovers(await database());
    },
    async 'cases/range'({ from, to }) {
      return listPostedBetween(await database(), from, to);
    },
    async 'case/history'({ id }) {
      return listEvents(await database(), id);
    },
    async 'cases/open'({ limit }) {
      const db = await database();
      const [cases, total] = await Promise.all([listOpenByDue(db, limit), countOpen(db)]);
      return { cases, total };
    },
    async 'case/responded'({ id, at, reply }) {
      const db = await database();
      if (reply) {
        const kept = await recordReply(db, id, reply, at, await actor(), now());
        if (kept?.added) await changed(kept.case);
        return { case: kept?.case ?? null };
      }
      const existing = await getCase(db, id);
      if (!existing) return { case: null };
      if (existing.firstResponseAt !== undefined) return { case: existing };
      const result = await updateCase(db, id, { firstResponseAt: at }, await actor(), now());
      if (result.changes.length > 0) await changed(result.case);
      return { case: result.case };
    },
    async 'templates/list'() {
      return listTemplates(await database());
    },
    async 'tags/list'() {
      return listTags(await database());
    },
    async 'template/used'({ id }) {
      return (await markTemplateUsed(await database(), id, now())) ?? null;
    },
    async 'template/save'({ template }) {
      const saved = await saveTemplate(await database(), template, now());
      await broadcast('templates/changed', {});
      changedLocally();
      return saved;
    },
    async 'template/delete'({ id }) {
      await answering(async () => deleteTemplate(await database(), id));
      await broadcast('templates/changed', {});
      changedLocally();
      return { deleted: true as const };
    },
    async 'templates/reorder'({ ids }) {
      const list = await reorderTemplates(await database(), ids);
      await broadcast('templates/changed', {});
      return list;
    },
    async 'templates/import'({ scope, templates }) {
      const plan = await importTemplates(await database(), scope, templates, now());
      if (plan.add.length + plan.replace.length > 0) await broadcast('templates/changed', {});
      return { added: plan.add.length, replaced: plan.replace.length, unchanged: plan.unchanged.length };
    },
    async 'health/report'(finding) {
      const stored = await recordDiagnostic(await database(), { ...finding, at: now() });
      if (stored) await broadcast('health/changed', { diagnostic: stored });
      return { recorded: stored !== null };
    },
    async 'health/list'() {
      return recentDiagnostics(await database(), now());
    },
    async 'person/find'({ query }) {
      return findPersonData(await database(), query);
    },
    async 'person/erase'({ query, ids }) {
      // Only cases that are still this person's: a stale or tampered list erases nothing else.
      const db = await database();
      const found = new Set((await findPersonData(db, query)).cases.map((c) => c.id));
      const chosen = ids.filter((id) => found.has(id));
      const erased = await eraseCases(db, chosen);
      const record = await logErasure(await actor(), now(), erased, 'request');
      await casesRemoved(chosen, now());
      return { erased, record };
    },
    async 'events/for'({ ids }) {
      return eventsFor(await database(), ids);
    },
    async 'privacy/status'() {
      const db = await database();
      return { nextPurgeAt: await nextPurge(db, await retentionPolicy(db), now()), log: await erasureLog() };
    },
    async 'retention/expired'({ withinDays }) {
      const db = await database();
      return expiredCases(db, await retentionPolicy(db), now() + withinDays * DAY_MS);
    },
    async 'sync/config'() {
      return viewOf(await loadSyncConfig());
    },
    async 'sync/save'(config) {
      if (config.enabled) {
        const checked = checkServerUrl(config);
        if (!checked.ok) throw new RequestError('bad-request', checked.message);
      }
      let saved;
      try {
        saved = await saveAccount(config, now());
      } catch (error) {
        // A login that failed saves nothing; the page says why.
        if (error instanceof SyncError) return { ok: false, code: error.code, message: error.message };
        throw error;
      }
      if (saved.enabled) {
        syncLoop().start();
        syncLoop().requestSync(0);
      } else syncLoop().stop();
      return { ok: true, view: viewOf(saved) };
    },
    async 'sync/test'(config) {
      return testAccount(config, now());
    },
    async 'sync/logout'() {
      const config = await signOut(now());
      syncLoop().requestSync(0);
      return viewOf(config);
    },
    async 'sync/status'() {
      // A view that shows the sync state is open (the popup): fetch colleagues' changes now.
      syncLoop().requestSync(0);
      return loadSyncStatus(await database());
    },
    async 'sync/now'() {
      return syncLoop().syncNow(true);
    },
    async 'export/all'() {
      return exportJson(await exportEverything(await database(), now()));
    },
    async 'settings/get'() {
      return loadSettings();
    },
    async 'readability/check'({ text }) {
      return readability(text, officialeseList((await readPolicy()).policy.officialese));
    },
    async 'policy/status'() {
      const [{ lockedKeys }, { problems }] = await Promise.all([loadSettingsState(), readPolicy()]);
      return { lockedKeys, problems: problems.map(({ key, message }) => ({ key, message })) };
    },
    async 'settings/save'({ settings }) {
      const before = await loadSettings();
      const saved = await saveSettings(settings);
      await settingsChanged(before, saved, now());
      return saved;
    },
    ...intakeHandlers(now),
  };
}
