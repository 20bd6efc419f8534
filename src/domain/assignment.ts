/**
 * Assigning cases: to a colleague, back to the pool (nobody's), or taken over from a colleague — one change
 * of the case's `assignee`, which its history records with who made it and when (from → to, by: the audit
 * event's before, after and actor). Going away releases the agent's open cases in one bulk change.
 *
 * The background's messages `case/assign` and `cases/assign` apply `assignPatch`; a template action or any
 * other caller that assigns uses the same patch, so there is one meaning of "assign".
 */
import { isOpen, type Case, type CasePatch } from './case';
import type { CaseId } from './case-id';
import { sameAgent } from './team';

/** To a colleague by name, or null: released to the pool. */
export type AssignTarget = string | null;

/** The one patch that assigns (a name) or releases (null) a case. */
export function assignPatch(to: AssignTarget): CasePatch {
  return { assignee: to === null ? null : to.trim() };
}

/** Going away: where my open cases go. */
export type ReleaseTo = { to: 'pool' } | { to: 'colleague'; name: string };

export class ReleaseTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseTargetError';
  }
}

/**
 * Which of these cases an agent going away releases — their own open ones — and the patch that does it.
 * Releasing to oneself is refused (it would change nothing and leave the cases unwatched).
 */
export function releasePlan(cases: readonly Case[], me: string, target: ReleaseTo): { ids: CaseId[]; patch: CasePatch } {
  if (target.to === 'colleague') {
    if (target.name.trim() === '') throw new ReleaseTargetError('name the colleague to hand your cases to');
    if (sameAgent(target.name, me)) throw new ReleaseTargetError('you cannot hand your cases to yourself while you are away');
  }
  const ids = me.trim() === '' ? [] : cases.filter((c) => isOpen(c) && sameAgent(c.assignee, me)).map((c) => c.id);
  return { ids, patch: assignPatch(target.to === 'pool' ? null : target.name) };
}
