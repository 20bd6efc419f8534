/**
 * The case filters the popup and the work queue share: status, channel, tag, whose, and a search over the
 * author, handle, text, reference and tags. One predicate per filter change (the query is split once), so a
 * list of 5 000 cases costs one pass, not one per keystroke and row.
 */
import type { Case, CaseStatus } from '../domain/case';
import { caseReference } from '../domain/case-id';
import type { Site } from '../domain/site';

export interface CaseFilters {
  status: CaseStatus | 'all';
  site: Site | 'all';
  /** A tag id, or 'all'. */
  tag: string;
  /**
   * 'mineOrFree': mine and nobody's (the popup's default; everything when no agent name is set);
   * 'mine': assigned to me; 'unassigned': nobody's; 'all': everyone's.
   */
  assignee: 'all' | 'mine' | 'mineOrFree' | 'unassigned';
  /** Words that must all occur in the author's name or handle, the text, the reference (W-7K3M9Q) or a tag id. */
  query: string;
}

export function caseFilter(f: CaseFilters, me: string): (c: Case) => boolean {
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  return (c) => {
    if (f.status !== 'all' && c.status !== f.status) return false;
    if (f.site !== 'all' && c.site !== f.site) return false;
    if (f.tag !== 'all' && !c.tags.includes(f.tag)) return false;
    if (f.assignee === 'mine' && c.assignee !== me) return false;
    if (f.assignee === 'mineOrFree' && me && c.assignee && c.assignee !== me) return false;
    if (f.assignee === 'unassigned' && c.assignee !== undefined) return false;
    if (words.length === 0) return true;
    const hay = `${c.author.name} ${c.author.handle ?? ''} ${c.text} ${caseReference(c.id)} ${c.tags.join(' ')}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  };
}
