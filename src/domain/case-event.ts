/**
 * The audit log: every change to a case appends one event. Events are never updated or deleted
 * (except by retention and erasure, which are themselves recorded).
 */
import type { CaseId } from './case-id';
import type { CaseField } from './case';

/** created: the case began; changed: one field changed (before/after); note: an internal note (in `after`). */
export type CaseEventKind = 'created' | 'changed' | 'note';

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
