/**
 * The response-timer state of a case at a moment, in the words the page and reports use. The due time
 * itself comes from the SLA policy (office hours); this only compares.
 */
import type { Case } from './case';

export type SlaState = 'none' | 'ok' | 'soon' | 'overdue' | 'answered';

/** How long before the due time a case counts as "soon" unless the policy says otherwise. */
export const DEFAULT_SOON_MS = 15 * 60_000;

export function slaState(c: Case | null | undefined, now: number, soonMs = DEFAULT_SOON_MS): SlaState {
  if (!c) return 'none';
  if (c.firstResponseAt !== undefined || c.status === 'closed') return 'answered';
  if (c.dueAt === undefined) return 'none';
  if (now >= c.dueAt) return 'overdue';
  return c.dueAt - now <= soonMs ? 'soon' : 'ok';
}
