/** What the background does for each message. Every write is one transaction, then a push to all views. */
import browser from 'webextension-polyfill';
import type { Case, CasePatch } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { InvalidMoveError } from '../domain/case-lifecycle';
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
  trackPost,
  updateCase,
  updateCases,
} from '../storage/case-store';
import { recentDiagnostics, recordDiagnostic } from '../storage/diagnostic-store';
import { listTags } from '../storage/tag-store';
import { listTemplates, markTemplateUsed } from '../storage/template-store';
import { loadSettings, saveSettings } from '../storage/settings';
import { updateBadge } from './badge';
import { broadcast } from './broadcast';
import { database } from './database';

/** Runs a store operation, turning the store's refusals into the answers the contract names. */
async function answering<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CaseNotFoundError) throw new RequestError('not-found', error.message);
    if (error instanceof InvalidMoveError) throw new RequestError('invalid-move', error.message);
    throw error;
  }
}

export function createHandlers(now: () => number = Date.now): Handlers {
  const actor = async () => (await loadSettings()).agentName;
  /** Every view, and the badge, learn of a changed case. */
  const changed = async (c: Case) => {
    await broadcast('case/changed', { case: c });
    await updateBadge(await database(), now()).catch(() => undefined);
  };
  const update = (id: CaseId, patch: CasePatch) =>
    answering(async () => {
      const result = await updateCase(await database(), id, patch, await actor(), now());
      if (result.changes.length > 0) await changed(result.case);
      return result;
    });
  return {
    async ping() {
      return { version: browser.runtime.getManifest().version };
    },
    async 'cases/get'({ ids }) {
      return getCases(await database(), ids);
    },
    async 'case/track'({ post }) {
      const result = await trackPost(await database(), post, await actor(), now());
      if (result.changed) await changed(result.case);
      return { case: result.case, created: result.created };
    },
    async 'case/update'({ id, patch }) {
      return update(id, patch);
    },
    async 'cases/bulk'({ ids, patch }) {
      const { updated, skipped } = await updateCases(await database(), ids, patch, await actor(), now());
      for (const c of updated) await broadcast('case/changed', { case: c });
      if (updated.length > 0) await updateBadge(await database(), now()).catch(() => undefined);
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
    async 'case/history'({ id }) {
      return listEvents(await database(), id);
    },
    async 'cases/open'({ limit }) {
      const db = await database();
      const [cases, total] = await Promise.all([listOpenByDue(db, limit), countOpen(db)]);
      return { cases, total };
    },
    async 'case/responded'({ id, at }) {
      const db = await database();
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
    async 'health/report'(finding) {
      const stored = await recordDiagnostic(await database(), { ...finding, at: now() });
      if (stored) await broadcast('health/changed', { diagnostic: stored });
      return { recorded: stored !== null };
    },
    async 'health/list'() {
      return recentDiagnostics(await database(), now());
    },
    async 'settings/get'() {
      return loadSettings();
    },
    async 'settings/save'({ settings }) {
      const saved = await saveSettings(settings);
      await broadcast('settings/changed', { settings: saved });
      return saved;
    },
  };
}
