/**
 * The background's answers for the KCC round trip and reply actions: exports recorded on the handovers, the
 * KCC's progress (its queue, or its answer file), the KCC's set-up from the policy, a template's actions
 * applied to its case, and their undo. Each write is one transaction, then a push to every view (and sync).
 */
import { applyPatch, NoHandoverError, type Case, type CasePatch, type FieldChange } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { kccConfig, worksForKcc } from '../domain/handover';
import { actionsPatch, undoActions, UndoError } from '../domain/reply-actions';
import type { Handlers } from '../protocol/router';
import { RequestError } from '../protocol/router';
import { updateCase, updateCases } from '../storage/case-store';
import { readPolicy } from '../storage/policy';
import { loadSettings } from '../storage/settings';
import { database } from './database';

type KccHandlers = Pick<Handlers, 'handovers/exported' | 'kcc/config' | 'kcc/progress' | 'kcc/import' | 'template/apply' | 'case/undo'>;

export interface KccDeps {
  now(): number;
  actor(): Promise<string>;
  changed(...cases: Case[]): Promise<void>;
  /** Runs a store operation, turning its refusals into the answers the contract names. */
  answering<T>(work: () => Promise<T>): Promise<T>;
}

export function kccHandlers({ now, actor, changed, answering }: KccDeps): KccHandlers {
  const refusing = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await answering(work);
    } catch (error) {
      if (error instanceof NoHandoverError || error instanceof UndoError) throw new RequestError('invalid-move', error.message);
      throw error;
    }
  };
  const bulk = async (ids: readonly CaseId[], patch: (id: CaseId) => CasePatch) => {
    const result = await updateCases(await database(), ids, patch, await actor(), now());
    if (result.updated.length > 0) await changed(...result.updated);
    return result;
  };
  return {
    async 'handovers/exported'({ ids, via }) {
      const by = await actor();
      const { updated } = await bulk(ids, () => ({ handoverExport: { via, by } }));
      return { updated: updated.length };
    },
    async 'kcc/config'() {
      const [{ policy }, settings] = await Promise.all([readPolicy(), loadSettings()]);
      return { ...kccConfig(policy.kcc), isKcc: worksForKcc(settings.agentName, policy.team, settings.kccRole) };
    },
    async 'kcc/progress'({ id, state, answer, reference }) {
      return refusing(async () => {
        const by = await actor();
        const result = await updateCase(await database(), id, { kcc: { state, by, ...(answer ? { answer } : {}), ...(reference ? { reference } : {}) } }, by, now());
        if (result.changes.length > 0) await changed(result.case);
        return { case: result.case };
      });
    },
    async 'kcc/import'({ answers }) {
      const by = await actor();
      const byId = new Map(answers.map((a) => [a.id, a]));
      const { updated, skipped } = await bulk([...byId.keys()], (id) => {
        const a = byId.get(id)!;
        return { kcc: { state: a.state, by, ...(a.answer ? { answer: a.answer } : {}), ...(a.reference ? { reference: a.reference } : {}) } };
      });
      return { updated: updated.length, skipped };
    },
    async 'template/apply'({ id, templateId }) {
      return refusing(async () => {
        const db = await database();
        const template = await db.get('templates', templateId);
        if (!template) throw new RequestError('not-found', `No template ${templateId}`);
        const me = await actor();
        const at = now();
        let skipped: string[] = [];
        const result = await updateCase(
          db,
          id,
          (current) => {
            const planned = actionsPatch(template.actions ?? [], current, me);
            skipped = planned.skipped.map((a) => a.kind);
            return applyPatch(current, planned.patch, at);
          },
          me,
          at,
        );
        if (result.changes.length > 0) await changed(result.case);
        return { case: result.case, changes: result.changes, at, skipped };
      });
    },
    async 'case/undo'({ id, at }) {
      return refusing(async () => {
        const me = await actor();
        const time = now();
        const result: { case: Case; changes: FieldChange[] } = await updateCase(await database(), id, (current, history) => undoActions(current, history, at, me, time), me, time);
        if (result.changes.length > 0) await changed(result.case);
        return result;
      });
    },
  };
}
