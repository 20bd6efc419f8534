/**
 * Which status moves a case may make — the one place that says so. A case starts new, is worked on, may
 * wait for the resident or go to the KCC, and is closed; a closed case can be reopened.
 *
 *   new ──▶ in_progress ◀──▶ waiting
 *    │         │  ▲             │
 *    │         ▼  │             ▼
 *    ├────▶ handed_over ────▶ closed ──(reopen)──▶ in_progress
 *    └──────────────────────────▲
 */

export const CASE_STATUSES = ['new', 'in_progress', 'waiting', 'handed_over', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const MOVES: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['in_progress', 'waiting', 'handed_over', 'closed'],
  in_progress: ['waiting', 'handed_over', 'closed'],
  waiting: ['in_progress', 'handed_over', 'closed'],
  handed_over: ['in_progress', 'closed'],
  closed: ['in_progress'],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return from === to || MOVES[from].includes(to);
}

/** The statuses a case in this status can show in a status menu: where it is, then where it may go. */
export function statusChoices(from: CaseStatus): CaseStatus[] {
  return [from, ...MOVES[from]];
}

export class InvalidMoveError extends Error {
  constructor(
    readonly from: CaseStatus,
    readonly to: CaseStatus,
  ) {
    super(`A case cannot move from ${from} to ${to}`);
    this.name = 'InvalidMoveError';
  }
}
