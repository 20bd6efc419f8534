/**
 * The handover export for the KCC: what the KCC needs and nothing more (data minimisation) — the link, who
 * asked, what they wrote, a category and the advisor's note — as CSV (opens in Excel), JSON, or a prepared
 * e-mail.
 */
import type { Case } from '../domain/case';
import { caseReference } from '../domain/case-id';
import type { Handover } from '../domain/handover';
import { csvFile } from './csv';
import { siteName } from './event-description';

/** One row of a handover export. */
export interface HandoverRecord {
  caseId: string;
  /** The case reference (W-7K3M9Q): the KCC's answer file names the case by it. */
  reference: string;
  channel: string;
  link: string;
  author: string;
  text: string;
  category: string;
  note: string;
  handedOverAt: string;
  agent: string;
}

export const CSV_COLUMNS: ReadonlyArray<[keyof HandoverRecord, string]> = [
  ['handedOverAt', 'overgedragen_op'],
  ['channel', 'kanaal'],
  ['link', 'link'],
  ['author', 'auteur'],
  ['text', 'bericht'],
  ['category', 'categorie'],
  ['note', 'notitie'],
  ['agent', 'medewerker'],
  ['caseId', 'zaak'],
  ['reference', 'zaaknummer'],
];

export function handoverRecord(c: Case & { handover: Handover }): HandoverRecord {
  return {
    caseId: c.id,
    reference: caseReference(c.id),
    channel: siteName(c.site),
    link: c.url,
    author: c.author.handle ? `${c.author.name} (${c.author.handle})` : c.author.name,
    text: c.text,
    category: c.handover.category,
    note: c.handover.note,
    handedOverAt: new Date(c.handover.at).toISOString(),
    agent: c.handover.agent,
  };
}

/** The handovers as CSV (the one CSV writer: BOM, CRLF, no formulas), one row per handover. */
export function handoversCsv(records: readonly HandoverRecord[]): string {
  return csvFile(
    CSV_COLUMNS.map(([, name]) => name),
    records.map((r) => CSV_COLUMNS.map(([key]) => r[key])),
  );
}

export function handoversJson(records: readonly HandoverRecord[]): string {
  return `${JSON.stringify({ format: 'loket-handovers/1', handovers: records }, null, 2)}\n`;
}

/** A prepared e-mail for KCCs that take work by mail. Kept short: mail clients cut long mailto: links. */
export function handoversMailto(records: readonly HandoverRecord[], to = ''): string {
  const subject = records.length === 1 ? `Overdracht webcare: ${records[0]!.category}` : `Overdracht webcare: ${records.length} berichten`;
  const body = records
    .map((r) => [`${r.category} — ${r.channel}, ${r.handedOverAt}`, `Van: ${r.author}`, `Bericht: ${r.text}`, `Notitie: ${r.note}`, `Link: ${r.link}`, `Zaaknummer: ${r.reference}`].join('\n'))
    .join('\n\n---\n\n');
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.slice(0, 1800))}`;
}
