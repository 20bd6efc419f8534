/**
 * A citizen's access request (AVG art. 15): everything Loket holds about one person, as JSON (complete,
 * for the file) and as one printable HTML page in Dutch (for the letter, or "print to PDF"); see
 * html-document.ts for why that page cannot run anything.
 */
import type { Case } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { caseReference } from '../domain/case-id';
import { eraseSummary } from '../domain/person';
import { collect, handoverHtml, historyHtml, perSiteText, postRecord, type ExportOptions } from './case-record';
import { describeEvent, siteName, statusName, tagLabeller } from './event-description';
import { DEFAULT_TIME_ZONE, escapeHtml, htmlDocument, iso, linkHtml, optionalIso, timeHtml } from './html-document';

export type { ExportOptions };

export const ACCESS_EXPORT_FORMAT = 'loket-access-export/1';

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
<dt>Geplaatst op</dt><dd>${timeHtml(c.postedAt, tz)}${c.postedAtSource === 'first-seen' ? ' (geschat: het moment dat Loket het bericht zag)' : c.postedAtSource === 'page-relative' ? ' (geschat: het vroegste moment dat past bij wat de pagina toonde)' : ''}</dd>
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
