/**
 * The work queue's list, as plain functions: which cases a filter keeps, in which order, and which rows a
 * scrolled window draws. Kept apart from the page so it is tested without a browser, and so 5 000 cases cost
 * one pass each, not one per keystroke and row.
 */
import type { Case } from '../domain/case';
import { caseFilter, type CaseFilters } from '../ui/case-filters';

export interface QueueFilters extends CaseFilters {
  /** 'open': every open case (the default); 'all': closed ones too (search over the period). */
  scope: 'open' | 'all';
  /** Posted on or after (epoch ms), and before; null: no bound. */
  from: number | null;
  to: number | null;
}

export const DEFAULT_FILTERS: QueueFilters = { scope: 'open', status: 'all', site: 'all', tag: 'all', assignee: 'all', query: '', from: null, to: null };

/** The shared case filters (ui/case-filters.ts), with the scope and the period on top. */
export function queueFilter(f: QueueFilters, me: string): (c: Case) => boolean {
  const matches = caseFilter(f, me);
  return (c) => {
    if (f.scope === 'open' && c.status === 'closed') return false;
    if (f.from !== null && c.postedAt < f.from) return false;
    if (f.to !== null && c.postedAt >= f.to) return false;
    return matches(c);
  };
}

/**
 * Most urgent first, as the database's open-cases index orders them: open unanswered cases by due time
 * (none last), then answered ones, oldest post first on a tie; closed cases after all open ones, newest first.
 */
export function urgency(a: Case, b: Case): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2];
}

function sortKey(c: Case): [number, number, number] {
  if (c.status === 'closed') return [1, Number.POSITIVE_INFINITY, -c.postedAt];
  const due = c.firstResponseAt === undefined ? (c.dueAt ?? Number.POSITIVE_INFINITY) : Number.POSITIVE_INFINITY;
  return [0, due, c.postedAt];
}

/** Inserts or replaces one case in a list kept in urgency order (a push from the background). */
export function upsert(list: readonly Case[], c: Case): Case[] {
  const without = list.filter((x) => x.id !== c.id);
  let lo = 0;
  let hi = without.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (urgency(without[mid]!, c) <= 0) lo = mid + 1;
    else hi = mid;
  }
  without.splice(lo, 0, c);
  return without;
}

/** The rows a window of `viewport` px scrolled to `scrollTop` shows, with `overscan` rows either side. */
export function visibleRange(scrollTop: number, viewport: number, rowHeight: number, count: number, overscan = 8): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + Math.ceil(viewport / rowHeight) + overscan);
  return { start, end: Math.max(start, end) };
}
