/** The popup's filters (status, channel, tag, mine or everyone) and its search, as one test of a case. */
import type { Case, CaseStatus } from '../domain/case';
import { caseReference } from '../domain/case-id';
import type { Site } from '../domain/site';

export interface Filters {
  status: CaseStatus | 'all';
  site: Site | 'all';
  tag: string;
  assignee: 'mine' | 'all';
  query: string;
}

export function matchesFilters(c: Case, f: Filters, me: string): boolean {
  if (f.status !== 'all' && c.status !== f.status) return false;
  if (f.site !== 'all' && c.site !== f.site) return false;
  if (f.tag !== 'all' && !c.tags.includes(f.tag)) return false;
  if (f.assignee === 'mine' && me && c.assignee && c.assignee !== me) return false;
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = `${c.author.name} ${c.author.handle ?? ''} ${c.text} ${caseReference(c.id)}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}
