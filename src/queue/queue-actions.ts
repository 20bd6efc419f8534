/**
 * What a keyboard or menu choice in the work queue does to its targets (the active row, or the selection),
 * as plain data: the `cases/bulk` requests that make the change, and the requests that undo it. One choice is
 * one action, however many cases it touches, and one undo puts every one of them back.
 *
 * Undo sets each case's field back to what it was (grouped by that value: one request per distinct value).
 * A status goes back where it came from even where the lifecycle has no such move (new ← in progress), so the
 * undo requests carry `undo: true`. A KCC handover is not undone: the handover is sent, not a state.
 */
import type { Case, CasePatch, CaseStatus } from '../domain/case';
import { canMove } from '../domain/case-lifecycle';
import type { CaseId } from '../domain/case-id';
import { noReplyPatch, type NoReplyReason } from '../domain/no-reply';

export type QueueAction =
  | { kind: 'status'; status: CaseStatus }
  /** Puts the tag on every target, or, when every target has it already, takes it off every one. */
  | { kind: 'tag'; tag: string }
  | { kind: 'take'; agent: string }
  | { kind: 'noReply'; reason: NoReplyReason };

export interface BulkRequest {
  ids: CaseId[];
  patch: CasePatch;
  undo?: true;
}

export interface Plan {
  /** Empty: nothing to change (every target is already so, or none can make the move). */
  requests: BulkRequest[];
  undo: BulkRequest[];
  /** How many targets the change applies to. */
  count: number;
  /** Targets left alone because the lifecycle does not allow the move (a closed case to "waiting"). */
  refused: number;
}

/** The tag action's direction: off when every target has the tag already, else on. */
export function tagTurnsOn(tag: string, targets: readonly Case[]): boolean {
  return !targets.every((c) => c.tags.includes(tag));
}

export function plan(action: QueueAction, targets: readonly Case[]): Plan {
  switch (action.kind) {
    case 'status': {
      const moving = targets.filter((c) => c.status !== action.status);
      const can = moving.filter((c) => canMove(c.status, action.status));
      return done([{ ids: ids(can), patch: { status: action.status } }], restore(can, (c) => ({ status: c.status })), can.length, moving.length - can.length);
    }
    case 'tag': {
      const on = tagTurnsOn(action.tag, targets);
      const changing = targets.filter((c) => c.tags.includes(action.tag) !== on);
      const patch: CasePatch = on ? { addTags: [action.tag] } : { removeTags: [action.tag] };
      const back: CasePatch = on ? { removeTags: [action.tag] } : { addTags: [action.tag] };
      return done([{ ids: ids(changing), patch }], [{ ids: ids(changing), patch: back }], changing.length, 0);
    }
    case 'take': {
      const changing = targets.filter((c) => c.assignee !== action.agent);
      return done([{ ids: ids(changing), patch: { assignee: action.agent } }], restore(changing, (c) => ({ assignee: c.assignee ?? null })), changing.length, 0);
    }
    case 'noReply': {
      // A case already closed is left as it is: "no reply needed" is a way of closing, not a label.
      const open = targets.filter((c) => c.status !== 'closed');
      return done([{ ids: ids(open), patch: noReplyPatch(action.reason) }], restore(open, (c) => ({ status: c.status })), open.length, targets.length - open.length);
    }
  }
}

function ids(cases: readonly Case[]): CaseId[] {
  return cases.map((c) => c.id);
}

function done(requests: BulkRequest[], undo: BulkRequest[], count: number, refused: number): Plan {
  const nonEmpty = (r: BulkRequest) => r.ids.length > 0;
  return { requests: requests.filter(nonEmpty), undo: undo.filter(nonEmpty), count, refused };
}

/** One undo request per distinct earlier value (JSON of the patch), each marked as an undo. */
function restore(cases: readonly Case[], before: (c: Case) => CasePatch): BulkRequest[] {
  const groups = new Map<string, BulkRequest>();
  for (const c of cases) {
    const patch = before(c);
    const key = JSON.stringify(patch);
    const group = groups.get(key);
    if (group) group.ids.push(c.id);
    else groups.set(key, { ids: [c.id], patch, undo: true });
  }
  return [...groups.values()];
}

/** Splits a request into the sizes `cases/bulk` accepts (500 ids at most). */
export function chunks(request: BulkRequest, size = 500): BulkRequest[] {
  const out: BulkRequest[] = [];
  for (let i = 0; i < request.ids.length; i += size) out.push({ ...request, ids: request.ids.slice(i, i + size) });
  return out;
}
