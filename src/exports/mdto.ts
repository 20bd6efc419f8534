/**
 * MDTO metadata for the archive export (Metagegevens voor Duurzaam Toegankelijke Overheidsinformatie, the
 * Nationaal Archief's standard; XML schema MDTO-XML 1.0.2, namespace https://www.nationaalarchief.nl/mdto).
 *
 * For every case in an archive (archive.ts, format loket-archive/1) this makes three files in a folder named
 * after the case reference, so a records system can take each case in as one record:
 *
 *   W-7K3M9Q/W-7K3M9Q.json                  the case's own record, as in the archive JSON
 *   W-7K3M9Q/W-7K3M9Q.mdto.xml              MDTO informatieobject: identifiers, name, dates (events),
 *                                           the municipality (archiefvormer), the people involved
 *                                           (betrokkene), the retention decision (waardering,
 *                                           bewaartermijn), the use restriction (personal data)
 *   W-7K3M9Q/W-7K3M9Q.json.bestand.mdto.xml MDTO bestand: size, format (PRONOM fmt/817) and SHA-256 of the
 *                                           record file
 *
 * It reads the archive's JSON text, not Loket's stores, so the metadata describes exactly what was archived.
 * Values come from residents (names, handles): every text is escaped, and characters XML 1.0 cannot hold
 * (control characters, lone surrogates) are dropped. Same input, same files, byte for byte.
 */
import { ARCHIVE_FORMAT, sha256Hex } from './archive';
import { localDate } from '../domain/office-hours';
import { isSite, siteLabel } from '../sites/registry';

export const MDTO_NAMESPACE = 'https://www.nationaalarchief.nl/mdto';
export const MDTO_SCHEMA_VERSION = 'MDTO-XML 1.0.2';

/** The organisation's retention decision for webcare records (its selectielijst), as the archive states it. */
export interface ArchiveRetention {
  /** V: destroy after the period; B: keep permanently (blijvend bewaren). */
  waardering: 'V' | 'B';
  /** For V: the period after the case was closed, as an ISO 8601 duration ("P1Y", "P90D"). */
  period?: string;
  /** The category of the selectielijst the decision rests on, when the organisation named one. */
  category?: { label: string; code?: string; list: string };
}

export interface MdtoOptions {
  /** The municipality: the archiefvormer. */
  municipality: string;
  retention: ArchiveRetention;
  /** When the metadata is made (the checksum's date). */
  now: number;
  timeZone?: string;
}

export interface MdtoFile {
  /** Path inside the package, "W-7K3M9Q/W-7K3M9Q.mdto.xml". */
  name: string;
  text: string;
}

/**
 * The retention decision from the agent's settings: Loket removes a closed case `retentionDays` after it was
 * closed, so that is the period (V) unless the organisation decided otherwise.
 */
export function retentionFromSettings(retentionDays: number): ArchiveRetention {
  return { waardering: 'V', period: `P${Math.max(1, Math.floor(retentionDays))}D` };
}

/** The parts of an archive record (archive.ts) this module reads. */
interface ArchivedCase {
  reference: string;
  id: string;
  site: string;
  url: string;
  author: { name: string; handle: string | null };
  postedAt: string | null;
  status: string;
  tags: string[];
  replies: Array<{ at: string | null; actor: string | null }>;
  handover: { category: string; at: string | null; agent: string } | null;
  statusChanges: Array<{ at: string | null; to: unknown; actor: string }>;
  closedAt: string | null;
}

const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';
const SOURCE = 'Loket';
const LISTS = {
  aggregation: 'Begrippenlijst Aggregatieniveaus MDTO',
  event: 'Begrippenlijst Event MDTO',
  appraisal: 'Begrippenlijst Waarderingen MDTO',
  checksum: 'Begrippenlijst Checksum Algoritmes MDTO',
  format: 'PRONOM-register',
  involvement: 'Loket: rollen bij een webcarebericht',
  trigger: 'Loket: start van een bewaartermijn',
  restriction: 'Loket: beperkingen op het gebruik',
};

/** The MDTO files of every case in the archive, in the archive's order. */
export async function buildMdto(archiveJson: string, options: MdtoOptions): Promise<MdtoFile[]> {
  const parsed = JSON.parse(archiveJson) as { manifest?: { format?: unknown }; cases?: unknown };
  if (parsed.manifest?.format !== ARCHIVE_FORMAT || !Array.isArray(parsed.cases)) throw new TypeError(`Not a Loket archive (${ARCHIVE_FORMAT})`);
  const { period } = options.retention;
  if (period !== undefined && !isRetentionPeriod(period)) throw new RangeError(`Not a retention period (ISO 8601, e.g. P1Y or P90D): ${period}`);
  const municipality = options.municipality.trim() || 'Gemeente (naam niet ingesteld in Loket)';
  const files: MdtoFile[] = [];
  for (const record of parsed.cases as ArchivedCase[]) {
    const ref = safeName(record.reference);
    const recordFile = `${ref}.json`;
    const recordText = `${JSON.stringify(record, null, 2)}\n`;
    const checksum = await sha256Hex(recordText);
    files.push({ name: `${ref}/${recordFile}`, text: recordText });
    files.push({ name: `${ref}/${ref}.mdto.xml`, text: informatieobject(record, recordFile, municipality, options) });
    files.push({
      name: `${ref}/${recordFile}.bestand.mdto.xml`,
      text: bestand(record, recordFile, new TextEncoder().encode(recordText).length, checksum, options.now),
    });
  }
  return files;
}

// ——— The two MDTO objects ———

function informatieobject(c: ArchivedCase, recordFile: string, municipality: string, options: MdtoOptions): string {
  const tz = options.timeZone ?? DEFAULT_TIME_ZONE;
  const site = isSite(c.site) ? siteLabel(c.site) : c.site;
  const posted = c.postedAt ? Date.parse(c.postedAt) : NaN;
  const resident = c.author.handle ? `${c.author.name} (${c.author.handle})` : c.author.name;
  const agents = [...new Set([...c.replies.map((r) => r.actor), c.handover?.agent, ...c.statusChanges.map((s) => s.actor)].filter((a): a is string => !!a?.trim()))];

  const events = [
    event('Ontvangst', c.postedAt, resident, `Bericht van een inwoner op ${site}`),
    ...c.replies.map((r) => event('Verzending', r.at, r.actor || municipality, `Antwoord van de gemeente op ${site}`)),
    ...(c.handover ? [event('Overdracht', c.handover.at, c.handover.agent || municipality, `Doorgezet naar het KCC (${c.handover.category})`)] : []),
    ...(c.closedAt ? [event('Afsluiting', c.closedAt, undefined, 'Zaak gesloten in Loket')] : []),
  ];

  const r = options.retention;
  const start = c.closedAt ? localDate(Date.parse(c.closedAt), tz) : undefined;
  const end = start && r.waardering === 'V' && r.period ? addDuration(start, r.period) : undefined;
  const bewaartermijn =
    r.waardering === 'V' && r.period
      ? el(
          'bewaartermijn',
          begrip('termijnTriggerStartLooptijd', 'Afsluiting zaak', undefined, LISTS.trigger),
          start ? el('termijnStartdatumLooptijd', text(start)) : '',
          el('termijnLooptijd', text(r.period)),
          end ? el('termijnEinddatum', text(end)) : '',
        )
      : '';

  const body = [
    identificatie(c.reference, `${SOURCE}: zaakreferentie`),
    identificatie(c.id, `${SOURCE}: zaak-id`),
    identificatie(c.url, `${site}: link naar het bericht`),
    el('naam', text(`Webcarebericht ${c.reference} op ${site}${Number.isFinite(posted) ? ` van ${localDate(posted, tz)}` : ''}`)),
    begrip('aggregatieniveau', 'Archiefstuk', undefined, LISTS.aggregation),
    ...c.tags.map((t) => el('trefwoord', text(t))),
    el('omschrijving', text(`Bericht van een inwoner op ${site} aan de gemeente, met de afhandeling door de gemeente (status: ${c.status}).`)),
    el('taal', 'nl'),
    ...events,
    begrip('waardering', r.waardering === 'B' ? 'Blijvend bewaren' : 'Vernietigen', r.waardering, LISTS.appraisal),
    bewaartermijn,
    r.category ? begrip('informatiecategorie', r.category.label, r.category.code, r.category.list) : '',
    verwijzing('heeftRepresentatie', recordFile, recordFile),
    verwijzing('archiefvormer', municipality),
    betrokkene('Indiener', resident, c.author.handle ?? undefined, site),
    ...agents.map((a) => betrokkene('Behandelaar', a)),
    verwijzing('activiteit', 'Webcare: vragen van inwoners op sociale media beantwoorden'),
    el(
      'beperkingGebruik',
      begrip('beperkingGebruikType', 'Persoonsgegevens (AVG)', undefined, LISTS.restriction),
      el('beperkingGebruikNadereBeschrijving', text('Bevat de naam en het bericht van een inwoner: alleen gebruiken voor de taak van de gemeente.')),
    ),
  ];
  return document(el('informatieobject', ...body));
}

function bestand(c: ArchivedCase, recordFile: string, bytes: number, sha256: string, now: number): string {
  const at = new Date(now).toISOString();
  return document(
    el(
      'bestand',
      identificatie(recordFile, `${SOURCE}: archiefexport`),
      el('naam', text(recordFile)),
      el('omvang', String(bytes)),
      begrip('bestandsformaat', 'JSON Data Interchange Format', 'fmt/817', LISTS.format),
      el('checksum', begrip('checksumAlgoritme', 'SHA-256', undefined, LISTS.checksum), el('checksumWaarde', sha256), el('checksumDatum', at)),
      verwijzing('isRepresentatieVan', `Webcarebericht ${c.reference}`, c.reference, `${SOURCE}: zaakreferentie`),
    ),
  );
}

// ——— XML pieces ———

function document(root: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<MDTO xmlns="${MDTO_NAMESPACE}">\n${root}\n</MDTO>\n`;
}

/** An element; children are already XML. */
function el(name: string, ...children: string[]): string {
  const inner = children.filter(Boolean);
  if (inner.length === 1 && !inner[0]!.startsWith('<')) return `<${name}>${inner[0]}</${name}>`;
  return `<${name}>\n${inner.map((c) => c.replace(/^/gm, '  ')).join('\n')}\n</${name}>`;
}

/** A value as XML text: escaped, without characters XML 1.0 forbids, never empty (MDTO's NietLegeWaarde). */
function text(value: string): string {
  const clean = value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .trim();
  return (clean || '(leeg)').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function identificatie(kenmerk: string, bron: string, name = 'identificatie'): string {
  return el(name, el('identificatieKenmerk', text(kenmerk)), el('identificatieBron', text(bron)));
}

function verwijzing(name: string, naam: string, kenmerk?: string, bron = `${SOURCE}: archiefexport`): string {
  return el(name, el('verwijzingNaam', text(naam)), kenmerk ? identificatie(kenmerk, bron, 'verwijzingIdentificatie') : '');
}

function begrip(name: string, label: string, code: string | undefined, list: string): string {
  return el(name, el('begripLabel', text(label)), code ? el('begripCode', text(code)) : '', verwijzing('begripBegrippenlijst', list));
}

function event(type: string, at: string | null, actor: string | undefined, result: string): string {
  return el(
    'event',
    begrip('eventType', type, undefined, LISTS.event),
    at ? el('eventTijd', text(at)) : '',
    actor?.trim() ? verwijzing('eventVerantwoordelijkeActor', actor) : '',
    el('eventResultaat', text(result)),
  );
}

function betrokkene(role: string, name: string, handle?: string, site?: string): string {
  return el(
    'betrokkene',
    begrip('betrokkeneTypeRelatie', role, undefined, LISTS.involvement),
    verwijzing('betrokkeneActor', name || handle || 'onbekend', handle, site ? `${site}: account` : undefined),
  );
}

/** A folder and file name from a case reference: letters, digits and - only. */
function safeName(reference: string): string {
  return reference.replace(/[^A-Za-z0-9-]/g, '_') || 'zaak';
}

/** A retention period: an xsd:duration of whole years, months and days ("P1Y", "P90D", "P1Y6M"). */
const PERIOD = /^P(?=\d)(?:(\d{1,4})Y)?(?:(\d{1,5})M)?(?:(\d{1,6})D)?$/;

export function isRetentionPeriod(period: string): boolean {
  return PERIOD.test(period);
}

/** "2026-11-26" + "P1Y2M10D" → "2028-02-05"; undefined for a date or period it cannot read. */
export function addDuration(date: string, duration: string): string | undefined {
  const m = PERIOD.exec(duration);
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !d) return undefined;
  const [, y = '0', mo = '0', days = '0'] = m;
  const at = new Date(Date.UTC(Number(d[1]) + Number(y), Number(d[2]) - 1 + Number(mo), Number(d[3]) + Number(days)));
  return at.toISOString().slice(0, 10);
}
