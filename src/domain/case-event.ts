/**
 * The audit log: every change to a case appends one event. Events are never updated or deleted
 * (except by retention and erasure, which are themselves recorded).
 */
import type { CaseId } from './case-id';
import type { CaseField } from './case';

/**
 * created: the case began; changed: one field changed (before/after); note: an internal note (in `after`);
 * merged: another case of the same post (its id in `before`) was folded into this one, with its history.
 * reply: a reply of the municipality's own account seen on the case's thread (a ReplyRecord in `after`).
 * intake: automatic intake made the case, and why (an IntakeRecord in `after`; intake-rules.ts).
 */
export type CaseEventKind = 'created' | 'changed' | 'note' | 'merged' | 'reply' | 'intake';

/** Why automatic intake made a case: the rule (an IntakeReason) and what matched ("@gemeente", "#westerzand"). */
export interface IntakeRecord {
  reason: string;
  detail: string;
}

/** The intake record an event keeps, or undefined (another kind, or one from a later version we cannot read). */
export function intakeOf(e: CaseEvent): IntakeRecord | undefined {
  if (e.kind !== 'intake' || typeof e.after !== 'object' || e.after === null) return undefined;
  const r = e.after as Partial<IntakeRecord>;
  return typeof r.reason === 'string' && typeof r.detail === 'string' ? { reason: r.reason, detail: r.detail } : undefined;
}

/**
 * How a reply reached the history. `loket`: sent from a reply box while Loket watched and then seen on the
 * page; `elsewhere`: seen on the thread without Loket seeing it sent (another browser, the site's app), so
 * the event's actor is the agent who saw it, not necessarily who wrote it.
 */
export type ReplyVia = 'loket' | 'elsewhere';

/** The municipality's own words, kept with the case: what was said, where, and when the site says it was posted. */
export interface ReplyRecord {
  /** The reply's own post id ("x:123…"): the same reply seen twice, in two tabs, is one event. */
  postId: CaseId;
  text: string;
  url: string;
  postedAt: number;
  via: ReplyVia;
}

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

/** The reply an event keeps, or undefined for other events (or a reply event from a later version we cannot read). */
export function replyOf(e: CaseEvent): ReplyRecord | undefined {
  if (e.kind !== 'reply' || typeof e.after !== 'object' || e.after === null) return undefined;
  const r = e.after as Partial<ReplyRecord>;
  if (typeof r.postId !== 'string' || typeof r.text !== 'string' || typeof r.url !== 'string' || typeof r.postedAt !== 'number') return undefined;
  return { postId: r.postId as CaseId, text: r.text, url: r.url, postedAt: r.postedAt, via: r.via === 'loket' ? 'loket' : 'elsewhere' };
}
