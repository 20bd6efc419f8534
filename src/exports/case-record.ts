/**
 * What the access export and the archive both write about a case: the post and its state as a record, its
 * handover and history as HTML, counts per site, and the cases and events in one stable order.
 */
import { isEstimatedTime } from '../domain/post-ref';
import type { Case } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { caseReference } from '../domain/case-id';
import type { Handover } from '../domain/handover';
import { eventsOf } from '../domain/person';
import type { Site } from '../domain/site';
import type { Tag } from '../domain/tag';
import { describeEvent, siteName } from './event-description';

export { tagLabeller } from './event-description';
import { DEFAULT_TIME_ZONE, escapeHtml, iso, timeHtml } from './html-document';

export interface ExportOptions {
  /** The tag list, to show labels instead of tag ids. */
  tags?: readonly Tag[];
  /** IANA time zone for the times in the HTML; JSON times are UTC (ISO 8601). Default Europe/Amsterdam. */
  timeZone?: string;
}



export function handoverHtml(h: Handover | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!h) return 'nee';
  const note = h.note ? `: ${escapeHtml(h.note)}` : '';
  const agent = h.agent ? `, door ${escapeHtml(h.agent)}` : '';
  return `${escapeHtml(h.category)}${note} (${timeHtml(h.at, timeZone)}${agent})`;
}

export function historyHtml(events: readonly CaseEvent[], tagLabel: (id: string) => string, timeZone = DEFAULT_TIME_ZONE): string {
  if (events.length === 0) return '<p>Geen gebeurtenissen vastgelegd.</p>';
  const items = events.map((e) => `<li>${timeHtml(e.at, timeZone)}, ${escapeHtml(e.actor || 'onbekend')}: ${escapeHtml(describeEvent(e, tagLabel))}</li>`);
  return `<ol class="history">\n${items.join('\n')}\n</ol>`;
}

export function perSiteText(perSite: Record<Site, { cases: number; events: number }>, what: 'cases' | 'events'): string {
  return (Object.keys(perSite) as Site[]).map((s) => `${siteName(s)}: ${perSite[s][what]}`).join(', ');
}

/** The post and its state as both exports write it. */
export function postRecord(c: Case, label: (id: string) => string) {
  return {
    reference: caseReference(c.id),
    id: c.id,
    site: c.site,
    url: c.url,
    author: { name: c.author.name, handle: c.author.handle ?? null, profileUrl: c.author.profileUrl ?? null },
    text: c.text,
    postedAt: iso(c.postedAt),
    postedAtEstimated: isEstimatedTime(c.postedAtSource),
    status: c.status,
    tags: c.tags.map(label),
  };
}

/**
 * Cases once each, by posted time then id (so the same data always reads the same); their events only,
 * oldest first, also grouped per case.
 */
export function collect(cases: readonly Case[], events: readonly CaseEvent[]): { sorted: Case[]; history: CaseEvent[]; byCase: Map<string, CaseEvent[]> } {
  const unique = [...new Map(cases.map((c) => [c.id, c])).values()];
  const sorted = unique.sort((a, b) => a.postedAt - b.postedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const history = eventsOf(sorted, events);
  const byCase = new Map<string, CaseEvent[]>(sorted.map((c) => [c.id, []]));
  for (const e of history) byCase.get(e.caseId)!.push(e);
  return { sorted, history, byCase };
}
