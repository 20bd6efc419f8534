/**
 * The archive export (Archiefwet, Woo): for the cases posted in a period, the post, our replies, the
 * handover and the timestamps, as one JSON file (the record, with a manifest) plus a readable HTML index,
 * and the SHA-256 of the JSON text so the archive can show the file is the one Loket made.
 *
 * The same cases, events and `now` always give the same JSON, byte for byte, and so the same checksum:
 * cases are ordered by posted time then id, events by time, and every record has its keys in one order.
 *
 * Loket records that and when a reply was given (the first response, and each event that records one), not
 * the reply's text: that lives on the site, under the municipality's own account.
 */
import type { Case } from '../domain/case';
import { closedAt, isReplyEvent, replyOf, type CaseEvent } from '../domain/case-event';
import { localDate } from '../domain/office-hours';
import type { ReportPeriod } from '../domain/report';
import { SITES, type Site } from '../domain/site';
import { collect, handoverHtml, perSiteText, postRecord, type ExportOptions } from './case-record';
import { siteName, statusName, tagLabeller } from './event-description';
import { DEFAULT_TIME_ZONE, escapeHtml, htmlDocument, iso, linkHtml, timeHtml } from './html-document';

export const ARCHIVE_FORMAT = 'loket-archive/1';

/** Posted time from (inclusive) to (exclusive), epoch milliseconds: the same period as the reports'. */
export type ArchivePeriod = ReportPeriod;

export interface ArchiveFiles {
  /** The archival record: manifest and cases. */
  json: string;
  /** A readable index of the same cases, with the JSON's checksum. */
  html: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `json`. */
  sha256: string;
}

/** Builds the archive for the cases posted in the period; events of other cases are left out. */
export async function buildArchive(
  cases: readonly Case[],
  events: readonly CaseEvent[],
  period: ArchivePeriod,
  now: number,
  options: ExportOptions = {},
): Promise<ArchiveFiles> {
  if (iso(period.from) === null || iso(period.to) === null || !(period.to > period.from)) {
    throw new RangeError(`Not a period: ${String(period.from)} – ${String(period.to)}`);
  }
  const inPeriod = cases.filter((c) => c.postedAt >= period.from && c.postedAt < period.to);
  const { sorted, byCase } = collect(inPeriod, events);
  const label = tagLabeller(options.tags);
  const records = sorted.map((c) => archiveRecord(c, byCase.get(c.id) ?? [], label));
  const perSite = Object.fromEntries(SITES.map((s) => [s, 0])) as Record<Site, number>;
  for (const c of sorted) perSite[c.site]++;
  const manifest = {
    format: ARCHIVE_FORMAT,
    generatedAt: iso(now),
    period: { from: iso(period.from), to: iso(period.to), toExclusive: true },
    counts: {
      cases: records.length,
      replies: records.reduce((n, r) => n + r.replies.length, 0),
      handovers: records.filter((r) => r.handover !== null).length,
      perSite,
    },
    ordering: 'cases by postedAt, then id; events by time',
    checksum: 'SHA-256 of this file, given beside it',
  };
  const json = `${JSON.stringify({ manifest, cases: records }, null, 2)}\n`;
  const sha256 = await sha256Hex(json);
  const html = archiveHtml(sorted, records, manifest.counts, period, now, sha256, options.timeZone ?? DEFAULT_TIME_ZONE);
  return { json, html, sha256 };
}

/** Whether the JSON text is the one the checksum was made of (hex, any letter case, spaces around ignored). */
export async function verifyArchive(json: string, sha256: string): Promise<boolean> {
  const expected = sha256.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(expected)) return false;
  return (await sha256Hex(json)) === expected;
}

/** Lower-case hex SHA-256 of the text's UTF-8 bytes (Web Crypto: browsers and Node 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type ArchiveRecord = ReturnType<typeof archiveRecord>;

/** A reply in the archive: with its words when they were kept, else only when and by whom. */
interface ArchiveReply {
  at: string | null;
  actor: string | null;
  text?: string;
  url?: string;
  writtenElsewhere?: boolean;
}

function archiveRecord(c: Case, events: readonly CaseEvent[], label: (id: string) => string) {
  // The replies kept with their words (issue #20), each at the time the site says it was posted; for a case
  // from before replies were kept, the first-response events, or a first response without its event.
  const kept = events.flatMap((e): ArchiveReply[] => {
    const r = replyOf(e);
    return r ? [{ at: iso(r.postedAt), actor: e.actor, text: r.text, url: r.url, writtenElsewhere: r.via === 'elsewhere' }] : [];
  });
  const replyEvents = events.filter(isReplyEvent);
  const replies: ArchiveReply[] =
    kept.length > 0
      ? kept
      : replyEvents.length > 0 || c.firstResponseAt === undefined
        ? replyEvents.map((e) => ({ at: iso(e.at), actor: e.actor }))
        : [{ at: iso(c.firstResponseAt), actor: null }];
  return {
    ...postRecord(c, label),
    firstResponseAt: c.firstResponseAt === undefined ? null : iso(c.firstResponseAt),
    replies,
    handover: c.handover ? { category: c.handover.category, note: c.handover.note, at: iso(c.handover.at), agent: c.handover.agent } : null,
    statusChanges: events
      .filter((e) => e.kind === 'changed' && e.field === 'status')
      .map((e) => ({ at: iso(e.at), from: e.before ?? null, to: e.after ?? null, actor: e.actor })),
    closedAt: c.status === 'closed' ? (iso(closedAt(events) ?? c.updatedAt) ?? null) : null,
    createdAt: iso(c.createdAt),
    updatedAt: iso(c.updatedAt),
  };
}

function archiveHtml(
  cases: readonly Case[],
  records: readonly ArchiveRecord[],
  counts: { cases: number; replies: number; handovers: number; perSite: Record<Site, number> },
  period: ArchivePeriod,
  now: number,
  sha256: string,
  tz: string,
): string {
  const perSite = perSiteText(
    Object.fromEntries(SITES.map((s) => [s, { cases: counts.perSite[s], events: 0 }])) as Record<Site, { cases: number; events: number }>,
    'cases',
  );
  const header = `<header>
<h1>Archief webcare</h1>
<p>Berichten van inwoners op sociale media met de antwoorden en overdrachten van de gemeente. Het JSON-bestand is het archiefstuk; deze pagina is er een leesbare index van.</p>
<dl>
<dt>Periode</dt><dd>geplaatst vanaf ${timeHtml(period.from, tz)} tot ${timeHtml(period.to, tz)}</dd>
<dt>Gemaakt op</dt><dd>${timeHtml(now, tz)}</dd>
<dt>Berichten</dt><dd>${counts.cases} (${perSite})</dd>
<dt>Antwoorden</dt><dd>${counts.replies}</dd>
<dt>Overdrachten aan KCC</dt><dd>${counts.handovers}</dd>
<dt>Formaat</dt><dd>${escapeHtml(ARCHIVE_FORMAT)}</dd>
<dt>SHA-256 van het JSON-bestand</dt><dd><code>${escapeHtml(sha256)}</code></dd>
</dl>
</header>`;
  const rows = cases.map((c, i) => {
    const r = records[i]!;
    const author = c.author.handle ? `${escapeHtml(c.author.name)} (${escapeHtml(c.author.handle)})` : escapeHtml(c.author.name);
    const replies = c.firstResponseAt === undefined ? 'nog niet' : timeHtml(c.firstResponseAt, tz);
    const more = r.replies.length > 1 ? ` (${r.replies.length} keer)` : '';
    const words = r.replies.map((reply) =>
      reply.text !== undefined ? `<p class="text">${escapeHtml(reply.text)}${reply.writtenElsewhere ? ' (buiten Loket geschreven)' : ''}</p>` : '',
    );
    return `<tr>
<td>${escapeHtml(r.reference)}</td>
<td>${timeHtml(c.postedAt, tz)}${r.postedAtEstimated ? ' (geschat)' : ''}</td>
<td>${escapeHtml(siteName(c.site))}</td>
<td>${author}</td>
<td class="text">${escapeHtml(c.text)}</td>
<td>${replies}${more}${words.join('')}</td>
<td>${handoverHtml(c.handover, tz)}</td>
<td>${escapeHtml(statusName(c.status))}</td>
<td>${linkHtml(c.url)}</td>
</tr>`;
  });
  const table =
    cases.length === 0
      ? '<p>Er zijn in deze periode geen berichten vastgelegd.</p>'
      : `<table>
<thead><tr><th scope="col">Zaak</th><th scope="col">Geplaatst</th><th scope="col">Kanaal</th><th scope="col">Afzender</th><th scope="col">Bericht</th><th scope="col">Eerste antwoord</th><th scope="col">Doorgezet naar KCC</th><th scope="col">Status</th><th scope="col">Link</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
  return htmlDocument(`Archief webcare ${localDate(period.from, tz)} tot ${localDate(period.to, tz)}`, `${header}\n<main>\n${table}\n</main>`);
}


