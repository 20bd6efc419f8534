/**
 * Handing a case over to the customer contact centre (KCC): what the KCC needs and nothing more (data
 * minimisation) — the link, who asked, what they wrote, a category and the advisor's note — and the export
 * formats a KCC can take in: CSV (opens in Excel), JSON, or a prepared e-mail.
 */
import type { Case } from './case';

export const KCC_CATEGORIES = ['Afval', 'Burgerzaken', 'Parkeren', 'Openbare ruimte', 'WMO/zorg', 'Belastingen', 'Verkeer', 'Vergunningen', 'Overig'] as const;

export interface Handover {
  category: string;
  note: string;
  at: number;
  agent: string;
}

/** One row of a handover export. */
export interface HandoverRecord {
  caseId: string;
  channel: 'X' | 'Facebook';
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
];

export function handoverRecord(c: Case & { handover: Handover }): HandoverRecord {
  return {
    caseId: c.id,
    channel: c.site === 'x' ? 'X' : 'Facebook',
    link: c.url,
    author: c.author.handle ? `${c.author.name} (${c.author.handle})` : c.author.name,
    text: c.text,
    category: c.handover.category,
    note: c.handover.note,
    handedOverAt: new Date(c.handover.at).toISOString(),
    agent: c.handover.agent,
  };
}

/**
 * A CSV cell: quoted when needed, and never a formula — a spreadsheet would run "=HYPERLINK(…)" written by
 * a resident, so a cell starting with = + - @ or a control character is prefixed with an apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a byte-order mark, so Excel opens accents and emoji correctly; CRLF line ends. */
export function handoversCsv(records: readonly HandoverRecord[]): string {
  const header = CSV_COLUMNS.map(([, name]) => name).join(',');
  const rows = records.map((r) => CSV_COLUMNS.map(([key]) => csvCell(r[key])).join(','));
  return `\uFEFF${[header, ...rows].join('\r\n')}\r\n`;
}

export function handoversJson(records: readonly HandoverRecord[]): string {
  return `${JSON.stringify({ format: 'loket-handovers/1', handovers: records }, null, 2)}\n`;
}

/** A prepared e-mail for KCCs that take work by mail. Kept short: mail clients cut long mailto: links. */
export function handoversMailto(records: readonly HandoverRecord[], to = ''): string {
  const subject = records.length === 1 ? `Overdracht webcare: ${records[0]!.category}` : `Overdracht webcare: ${records.length} berichten`;
  const body = records
    .map((r) => [`${r.category} — ${r.channel}, ${r.handedOverAt}`, `Van: ${r.author}`, `Bericht: ${r.text}`, `Notitie: ${r.note}`, `Link: ${r.link}`].join('\n'))
    .join('\n\n---\n\n');
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.slice(0, 1800))}`;
}
