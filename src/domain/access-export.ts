/**
 * A citizen's access request (AVG art. 15): everything Loket holds about one person, as JSON (complete,
 * for the file) and as one printable HTML page in Dutch (for the letter, or "print to PDF").
 *
 * The HTML is a document of its own: no scripts, no external resources, and a CSP that forbids both, so a
 * post that says `<img src=x onerror=…>` stays text even if escaping were ever missed. Every value from the
 * data is escaped; only https links become links. The archive export (archive.ts) builds on the same
 * helpers.
 */
import { CASE_STATUSES, type Case, type CaseStatus } from './case';
import type { CaseEvent } from './case-event';
import { caseReference } from './case-id';
import type { Handover } from './handover';
import { eraseSummary, eventsOf } from './person';
import type { Site } from './site';
import type { Tag } from './tag';

export const ACCESS_EXPORT_FORMAT = 'loket-access-export/1';

export interface ExportOptions {
  /** The tag list, to show labels instead of tag ids. */
  tags?: readonly Tag[];
  /** IANA time zone for the times in the HTML; JSON times are UTC (ISO 8601). Default Europe/Amsterdam. */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** The access export as pretty JSON: a header (generated at, query, counts) and each case with its history. */
export function accessExportJson(person: string, cases: readonly Case[], events: readonly CaseEvent[], now: number, options: ExportOptions = {}): string {
  const { sorted, history, byCase } = collect(cases, events);
  const summary = eraseSummary(sorted, history);
  const label = tagLabeller(options.tags);
  const body = {
    format: ACCESS_EXPORT_FORMAT,
    generatedAt: iso(now),
    query: person,
    counts: { cases: summary.cases, events: summary.events, perSite: summary.perSite },
    cases: sorted.map((c) => ({
      ...postRecord(c, label),
      assignee: c.assignee ?? null,
      firstResponseAt: optionalIso(c.firstResponseAt),
      dueAt: optionalIso(c.dueAt),
      handover: c.handover ? { category: c.handover.category, note: c.handover.note, at: iso(c.handover.at), agent: c.handover.agent } : null,
      createdAt: iso(c.createdAt),
      updatedAt: iso(c.updatedAt),
      history: byCase.get(c.id)!.map((e) => ({
        at: iso(e.at),
        actor: e.actor,
        kind: e.kind,
        field: e.field ?? null,
        before: e.before ?? null,
        after: e.after ?? null,
        description: describeEvent(e, label),
      })),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** The access export as one printable, self-contained HTML page in Dutch. */
export function accessExportHtml(person: string, cases: readonly Case[], events: readonly CaseEvent[], now: number, options: ExportOptions = {}): string {
  const { sorted, history, byCase } = collect(cases, events);
  const summary = eraseSummary(sorted, history);
  const label = tagLabeller(options.tags);
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const header = `<header>
<h1>Inzage in persoonsgegevens (AVG artikel 15)</h1>
<p>Dit overzicht bevat alle berichten die de gemeente met Loket over deze persoon heeft vastgelegd, met wat ermee is gedaan.</p>
<dl>
<dt>Gemaakt op</dt><dd>${timeHtml(now, tz)}</dd>
<dt>Gezocht op</dt><dd>${escapeHtml(person)}</dd>
<dt>Berichten</dt><dd>${summary.cases} (${perSiteText(summary.perSite, 'cases')})</dd>
<dt>Gebeurtenissen</dt><dd>${summary.events}</dd>
</dl>
</header>`;
  const sections = sorted.map((c, i) => {
    const own = byCase.get(c.id)!;
    const author = c.author.handle ? `${escapeHtml(c.author.name)} (${escapeHtml(c.author.handle)})` : escapeHtml(c.author.name);
    return `<section class="case">
<h2>Bericht ${i + 1}: ${escapeHtml(siteName(c.site))}, ${timeHtml(c.postedAt, tz)}</h2>
<dl>
<dt>Zaaknummer</dt><dd>${escapeHtml(caseReference(c.id))}</dd>
<dt>Kanaal</dt><dd>${escapeHtml(siteName(c.site))}</dd>
<dt>Link</dt><dd>${linkHtml(c.url)}</dd>
<dt>Afzender</dt><dd>${author}${c.author.profileUrl ? `<br>${linkHtml(c.author.profileUrl)}` : ''}</dd>
<dt>Geplaatst op</dt><dd>${timeHtml(c.postedAt, tz)}${c.postedAtSource === 'first-seen' ? ' (geschat: het moment dat Loket het bericht zag)' : ''}</dd>
<dt>Status</dt><dd>${escapeHtml(statusName(c.status))}</dd>
<dt>Labels</dt><dd>${c.tags.length > 0 ? escapeHtml(c.tags.map(label).join(', ')) : 'geen'}</dd>
<dt>Eerste antwoord</dt><dd>${c.firstResponseAt === undefined ? 'nog niet' : timeHtml(c.firstResponseAt, tz)}</dd>
<dt>Doorgezet naar KCC</dt><dd>${handoverHtml(c.handover, tz)}</dd>
</dl>
<h3>Tekst van het bericht</h3>
<p class="text">${escapeHtml(c.text)}</p>
<h3>Geschiedenis</h3>
${historyHtml(own, label, tz)}
</section>`;
  });
  const main = sorted.length === 0 ? '<p>Er zijn geen berichten over deze persoon gevonden.</p>' : sections.join('\n');
  return htmlDocument(`Inzageverzoek: ${person}`, `${header}\n<main>\n${main}\n</main>`);
}

// ——— Shared with the archive export ———

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML content and quoted attribute values alike. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** The URL to link to when it is an https URL; anything else (javascript:, data:, http:, junk) is not linked. */
export function httpsHref(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** A link for an https URL, the URL as plain text otherwise. */
export function linkHtml(url: string): string {
  const href = httpsHref(url);
  return href === undefined ? escapeHtml(url) : `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(url)}</a>`;
}

export const PRINT_CSS = `body{font:11pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff;max-width:52rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;padding-top:1rem;border-top:1px solid #888}h3{font-size:1rem;margin:1rem 0 .25rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.5rem 0}dt{font-weight:600}dd{margin:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;border-left:3px solid #bbb;padding-left:.75rem}
a{color:#0b4f9c;overflow-wrap:anywhere}ol{padding-left:1.5rem}
table{border-collapse:collapse;width:100%;font-size:10pt}th,td{border:1px solid #999;padding:.25rem .4rem;text-align:left;vertical-align:top}td.text{border-left:1px solid #999;padding-left:.4rem}
@media print{body{margin:0;max-width:none;padding:0}a{color:inherit}h2,h3{break-after:avoid}tr,li{break-inside:avoid}thead{display:table-header-group}}`;

/**
 * A complete Dutch HTML document around `body` (already escaped). The CSP allows the inline style and
 * nothing else: no script, no image, no font, no request of any kind.
 */
export function htmlDocument(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${PRINT_CSS}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** "26 nov 2026, 10:00" in the time zone, inside a <time> with the exact UTC instant. */
export function timeHtml(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  const at = iso(epochMs);
  if (at === null) return 'onbekend';
  let format = timeFormats.get(timeZone);
  if (!format) timeFormats.set(timeZone, (format = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeStyle: 'short', timeZone })));
  const text = format.format(epochMs);
  return `<time datetime="${at}">${escapeHtml(text)}</time>`;
}

export function siteName(site: Site): string {
  return site === 'x' ? 'X' : 'Facebook';
}

const STATUS_NAMES: Record<CaseStatus, string> = {
  new: 'Nieuw',
  in_progress: 'In behandeling',
  waiting: 'Wacht op inwoner',
  handed_over: 'Doorgezet naar KCC',
  closed: 'Gesloten',
};

export function statusName(status: unknown): string {
  return (CASE_STATUSES as readonly unknown[]).includes(status) ? STATUS_NAMES[status as CaseStatus] : String(status ?? '');
}

/** One audit event in Dutch words, as the toolbar's history says it. Plain text: escape before use in HTML. */
export function describeEvent(e: CaseEvent, tagLabel: (id: string) => string = (id) => id): string {
  if (e.kind === 'created') return 'zaak gemaakt';
  if (e.kind === 'note') return `notitie: ${String(e.after ?? '')}`;
  switch (e.field) {
    case 'status':
      return `status: ${statusName(e.before)} → ${statusName(e.after)}`;
    case 'tags': {
      const ids = Array.isArray(e.after) ? e.after.map(String) : [];
      return `labels: ${ids.map(tagLabel).join(', ') || '—'}`;
    }
    case 'assignee':
      return e.after ? `toegewezen aan ${String(e.after)}` : 'niet meer toegewezen';
    case 'handover': {
      const h = (e.after ?? {}) as Partial<Handover>;
      return `doorgezet naar KCC (${String(h.category ?? '')}): ${String(h.note ?? '')}`;
    }
    case 'firstResponseAt':
      return 'eerste antwoord gegeven';
    case 'dueAt':
      return 'uiterlijk antwoorden gewijzigd';
    default:
      return 'gewijzigd';
  }
}

/** Tag ids to labels, falling back to the id for a tag that no longer exists. */
export function tagLabeller(tags: readonly Tag[] | undefined): (id: string) => string {
  const labels = new Map((tags ?? []).map((t) => [t.id, t.label]));
  return (id) => labels.get(id) ?? id;
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

/** ISO 8601 in UTC; null for a time that is no time (NaN, or beyond what a Date can hold). */
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
    postedAtEstimated: c.postedAtSource === 'first-seen',
    status: c.status,
    tags: c.tags.map(label),
  };
}

export function iso(epochMs: number): string | null {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15 ? new Date(epochMs).toISOString() : null;
}

function optionalIso(epochMs: number | undefined): string | null {
  return epochMs === undefined ? null : iso(epochMs);
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
