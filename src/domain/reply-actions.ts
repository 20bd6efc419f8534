/**
 * Reply actions: what a template does to its case when it is inserted (a macro) — set the status, add tags,
 * hand over to the KCC with a category and a note, assign — and how that is undone.
 *
 *   template.actions ──actionsPatch──▶ CasePatch (one change, one transaction, one event per field)
 *   the events of that change ──undoActions──▶ the fields as they were (a change of its own, in the history)
 *
 * Undo reads what to restore from the audit events the change wrote (not from the page), restores only
 * while every field still holds the value the actions gave it (a colleague's later change is never
 * overwritten), and only within UNDO_WINDOW_MS.
 */
import { applyPatch, type Case, type CaseField, type CasePatch, type FieldChange } from './case';
import type { CaseEvent } from './case-event';
import { canMove, type CaseStatus } from './case-lifecycle';

export type ReplyAction =
  | { kind: 'status'; status: CaseStatus }
  | { kind: 'tags'; add: string[] }
  | { kind: 'handover'; category: string; note: string }
  /** `to`: an agent's name, or ME for whoever inserts the template. */
  | { kind: 'assign'; to: string };

export const REPLY_ACTION_KINDS = ['status', 'tags', 'handover', 'assign'] as const;
export const MAX_REPLY_ACTIONS = 8;
/** "Assign to whoever inserts it." */
export const ME = '@me';
/** How long the toolbar offers to undo a template's actions. */
export const UNDO_WINDOW_MS = 60_000;

/**
 * The one place an assign action becomes a change of the case. Another part of Loket adds assigning to a
 * colleague with its own message; when it lands, this is the function to point at it.
 */
export function assignPatch(to: string, me: string): CasePatch {
  const name = to === ME ? me : to;
  return name.trim() ? { assignee: name.trim() } : {};
}

/**
 * The change a template's actions make to `current`, as one patch. A status move the lifecycle does not allow
 * from where the case is (a closed case and "waiting") is left out and named in `skipped`, so the rest still
 * applies. A handover sets the status to handed over unless an action names another status.
 */
export function actionsPatch(actions: readonly ReplyAction[], current: Case, me: string): { patch: CasePatch; skipped: ReplyAction[] } {
  const patch: CasePatch = {};
  const skipped: ReplyAction[] = [];
  let status: CaseStatus | undefined;
  for (const action of actions) {
    switch (action.kind) {
      case 'status':
        status = action.status;
        break;
      case 'tags':
        patch.addTags = [...new Set([...(patch.addTags ?? []), ...action.add])];
        break;
      case 'handover':
        patch.handover = { category: action.category, note: action.note, agent: me };
        status ??= 'handed_over';
        break;
      case 'assign':
        Object.assign(patch, assignPatch(action.to, me));
        break;
    }
  }
  if (status !== undefined) {
    if (canMove(current.status, status)) patch.status = status;
    else skipped.push(...actions.filter((a) => a.kind === 'status'));
  }
  return { patch, skipped };
}

export class UndoError extends Error {
  constructor(
    readonly reason: 'nothing' | 'expired' | 'changed',
    message: string,
  ) {
    super(message);
    this.name = 'UndoError';
  }
}

/**
 * Undoes the change `actor` made to `current` at `appliedAt` (a template's actions), from that change's audit
 * events: every field goes back to its value before, in one change. Throws UndoError (changing nothing) when
 * there is nothing to undo, the minute is over, or a field has changed since.
 */
export function undoActions(current: Case, events: readonly CaseEvent[], appliedAt: number, actor: string, now: number): { next: Case; changes: FieldChange[] } {
  const made = events.filter((e) => e.kind === 'changed' && e.field !== undefined && e.at === appliedAt && e.actor === actor);
  if (made.length === 0) throw new UndoError('nothing', 'There is no change of yours at that time to undo');
  if (now - appliedAt > UNDO_WINDOW_MS) throw new UndoError('expired', 'The minute to undo is over');
  // Per field, the first event's `before` (a handover and its export in one change are two events).
  const before = new Map<CaseField, unknown>();
  const after = new Map<CaseField, unknown>();
  for (const e of made) {
    if (!before.has(e.field!)) before.set(e.field!, e.before);
    after.set(e.field!, e.after);
  }
  const record = current as unknown as Record<string, unknown>;
  for (const [field, value] of after) {
    if (!sameValue(record[field], value)) throw new UndoError('changed', `${field} has changed since; undo would overwrite that change`);
  }
  const next = { ...current } as unknown as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const [field, value] of before) {
    changes.push({ field, before: record[field] ?? null, after: value ?? null });
    if (value === null || value === undefined) delete next[field];
    else next[field] = structuredClone(value);
  }
  const restored = next as unknown as Case;
  restored.updatedAt = now;
  return { next: restored, changes };
}

function sameValue(p: unknown, q: unknown): boolean {
  return canonical(p ?? null) === canonical(q ?? null);
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

/** Whether applying the patch would change anything (so a template whose actions are already so records nothing). */
export function changesAnything(current: Case, patch: CasePatch, now: number): boolean {
  return Object.keys(patch).length > 0 && applyPatch(current, patch, now).changes.length > 0;
}
