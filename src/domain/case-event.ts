/**
 * The audit log: every change to a case appends one event. Events are never updated or deleted
 * (except by retention and erasure, which are themselves recorded).
 */
import type { CaseId } from './case-id';
import type { CaseField } from './case';

/**
 * created: the case began; changed: one field changed (before/after); note: an internal note (in `after`);
 * merged: another case of the same post (its id in `before`) was folded into this one, with its history.
 */
export type CaseEventKind = 'created' | 'changed' | 'note' | 'merged';

export interface CaseEvent {
  /** Assigned by the store (auto-increment); absent before the event is written. */
  seq?: number;
  caseId: CaseId;
  at: number;
  /** The agent who acted, as set in the options; empty when none is set yet. */
  actor: string;
  kind: CaseEventKind;
  field?: CaseField;
  before?: unknown;
  after?: unknown;
}

/** The time of the case's last move to 'closed', or undefined when its events show none. */
export function closedAt(events: readonly CaseEvent[]): number | undefined {
  let last: CaseEvent | undefined;
  for (const e of events) {
    if (e.kind !== 'changed' || e.field !== 'status' || e.after !== 'closed') continue;
    if (last === undefined || e.at > last.at || (e.at === last.at && (e.seq ?? 0) > (last.seq ?? 0))) last = e;
  }
  return last?.at;
}

/** An event that records a reply of ours. */
export function isReplyEvent(e: CaseEvent): boolean {
  return e.kind === 'changed' && e.field === 'firstResponseAt';
}
