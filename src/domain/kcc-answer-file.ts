/**
 * The KCC's answer file, for teams without sync: the KCC fills in the handover export (or its own sheet) with
 * the case reference, where it is (ontvangen / in behandeling / beantwoord) and its answer or its own
 * reference, and webcare imports it. CSV (comma or semicolon, as Excel saves) or JSON:
 *
 *   zaaknummer,status,antwoord,kcc_kenmerk
 *   W-7K3M9Q,beantwoord,"U kunt de pas ophalen bij de balie.",KCC-2291
 *
 *   { "format": "loket-kcc-answers/1", "answers": [{ "zaaknummer": "W-7K3M9Q", "status": "beantwoord", "antwoord": "…" }] }
 *
 * (Dutch or English column names; a row may name the case by its Loket id, the `zaak` column of the export,
 * instead.) The whole file is checked before anything is used: a broken file is refused with the reason and
 * the line, and changes nothing. Matching the rows to cases is separate (matchKccAnswers), so the import can
 * say which references it did not know.
 */
import { caseReference, isCaseId, type CaseId } from './case-id';
import { parseCsv } from './csv-parse';
import { KCC_STATES, type KccState } from './handover';

export interface KccAnswerRow {
  /** The case reference (W-7K3M9Q) or Loket case id, as the file gives it. */
  key: string;
  state: KccState;
  answer?: string;
  /** The KCC's own reference. */
  kccReference?: string;
  /** Where in the file (line for CSV, index + 1 for JSON), for messages. */
  line: number;
}

export type KccAnswerFileError = 'empty' | 'unreadable' | 'missing-column' | 'invalid';
export type ParsedKccAnswers = { ok: true; rows: KccAnswerRow[] } | { ok: false; code: KccAnswerFileError; detail: string };

export const MAX_ANSWER_ROWS = 5_000;
export const MAX_ANSWER_CHARS = 5_000;

const COLUMNS = {
  key: ['zaaknummer', 'reference', 'referentie', 'zaak', 'caseid', 'case'],
  state: ['status', 'state', 'kcc_status'],
  answer: ['antwoord', 'answer', 'kcc_antwoord'],
  kccReference: ['kcc_kenmerk', 'kenmerk', 'kccreference', 'kcc_reference', 'ticket'],
} as const;

const STATE_WORDS: Record<string, KccState> = {
  received: 'received',
  ontvangen: 'received',
  in_progress: 'in_progress',
  'in progress': 'in_progress',
  'in behandeling': 'in_progress',
  in_behandeling: 'in_progress',
  answered: 'answered',
  beantwoord: 'answered',
  afgehandeld: 'answered',
};

type Raw = { key?: string; state?: string; answer?: string; kccReference?: string };

export function parseKccAnswers(text: string): ParsedKccAnswers {
  const src = text.replace(/^\uFEFF/, '').trim();
  if (src === '') return { ok: false, code: 'empty', detail: 'the file is empty' };
  const raws = src.startsWith('{') || src.startsWith('[') ? fromJson(src) : fromCsv(src);
  if (!raws.ok) return raws;
  if (raws.rows.length === 0) return { ok: false, code: 'empty', detail: 'the file has no answers' };
  if (raws.rows.length > MAX_ANSWER_ROWS) return { ok: false, code: 'invalid', detail: `more than ${MAX_ANSWER_ROWS} rows` };
  const rows: KccAnswerRow[] = [];
  const problems: string[] = [];
  for (const { raw, line } of raws.rows) {
    const row = checkRow(raw, line);
    if (typeof row === 'string') problems.push(row);
    else rows.push(row);
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, 3);
    if (problems.length > 3) shown.push(`and ${problems.length - 3} more`);
    return { ok: false, code: 'invalid', detail: shown.join('; ') };
  }
  return { ok: true, rows };
}

function checkRow(raw: Raw, line: number): KccAnswerRow | string {
  const key = raw.key?.trim() ?? '';
  if (!key) return `line ${line}: no case reference`;
  const answer = raw.answer?.trim() ?? '';
  const kccReference = raw.kccReference?.trim() ?? '';
  const stateText = (raw.state ?? '').trim().toLocaleLowerCase('nl');
  // No state but an answer: the KCC answered.
  const state = stateText === '' ? (answer || kccReference ? 'answered' : undefined) : STATE_WORDS[stateText];
  if (!state) return `line ${line}: status ${JSON.stringify(raw.state ?? '')} is not one of ${KCC_STATES.join(', ')} (ontvangen, in behandeling, beantwoord)`;
  if (state === 'answered' && !answer && !kccReference) return `line ${line}: "answered" needs an answer or a KCC reference`;
  if (answer.length > MAX_ANSWER_CHARS) return `line ${line}: the answer is longer than ${MAX_ANSWER_CHARS} characters`;
  if (kccReference.length > 200) return `line ${line}: the KCC reference is longer than 200 characters`;
  return { key, state, line, ...(answer ? { answer } : {}), ...(kccReference ? { kccReference } : {}) };
}

type Rows = { ok: true; rows: Array<{ raw: Raw; line: number }> } | { ok: false; code: KccAnswerFileError; detail: string };

function fromCsv(src: string): Rows {
  const parsed = parseCsv(src);
  if (!parsed.ok) return { ok: false, code: 'unreadable', detail: parsed.detail };
  const [header, ...body] = parsed.rows;
  if (!header) return { ok: false, code: 'empty', detail: 'the file has no header line' };
  const names = header.map((h) => h.trim().toLocaleLowerCase('nl').replace(/^'/, ''));
  const at = (field: keyof typeof COLUMNS) => names.findIndex((n) => (COLUMNS[field] as readonly string[]).includes(n));
  // The export has both `zaaknummer` and `zaak`: the reference first.
  const key = at('key');
  const state = at('state');
  if (key < 0) return { ok: false, code: 'missing-column', detail: `no column with the case reference (${COLUMNS.key.join(', ')})` };
  if (state < 0 && at('answer') < 0) return { ok: false, code: 'missing-column', detail: `no column with the status (${COLUMNS.state.join(', ')}) or the answer` };
  const cell = (row: string[], i: number) => (i >= 0 ? row[i] : undefined);
  return {
    ok: true,
    rows: body.map((row, i) => {
      const raw: Raw = {};
      const k = cell(row, key);
      const s = cell(row, state);
      const a = cell(row, at('answer'));
      const r = cell(row, at('kccReference'));
      if (k !== undefined) raw.key = k;
      if (s !== undefined) raw.state = s;
      if (a !== undefined) raw.answer = a;
      if (r !== undefined) raw.kccReference = r;
      return { raw, line: i + 2 };
    }),
  };
}

function fromJson(src: string): Rows {
  let data: unknown;
  try {
    data = JSON.parse(src);
  } catch (error) {
    return { ok: false, code: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
  const list = Array.isArray(data) ? data : isRecord(data) ? (data.answers ?? data.handovers) : undefined;
  if (!Array.isArray(list)) return { ok: false, code: 'unreadable', detail: 'expected a list of answers, or an object with "answers"' };
  const rows: Array<{ raw: Raw; line: number }> = [];
  for (const [i, item] of list.entries()) {
    if (!isRecord(item)) return { ok: false, code: 'invalid', detail: `answers[${i}]: expected an object` };
    const lower = Object.fromEntries(Object.entries(item).map(([k, v]) => [k.toLocaleLowerCase('nl'), v]));
    const pick = (field: keyof typeof COLUMNS): string | undefined => {
      for (const name of COLUMNS[field]) {
        const v = lower[name];
        if (typeof v === 'string') return v;
        if (typeof v === 'number') return String(v);
      }
      return undefined;
    };
    const raw: Raw = {};
    for (const field of ['key', 'state', 'answer', 'kccReference'] as const) {
      const v = pick(field);
      if (v !== undefined) raw[field] = v;
    }
    rows.push({ raw, line: i + 1 });
  }
  return { ok: true, rows };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface KccAnswerMatch {
  id: CaseId;
  state: KccState;
  answer?: string;
  reference?: string;
}

/**
 * The rows matched to the handed-over cases by reference (W-7K3M9Q, any case) or case id (also a case's
 * other ids). A reference twice: the later row wins. Rows whose reference no handed-over case has are listed
 * in `unknown` and change nothing.
 */
export function matchKccAnswers(rows: readonly KccAnswerRow[], cases: ReadonlyArray<{ id: CaseId; aliases?: CaseId[] }>): { matched: KccAnswerMatch[]; unknown: string[] } {
  const byKey = new Map<string, CaseId>();
  for (const c of cases) {
    byKey.set(caseReference(c.id).toUpperCase(), c.id);
    byKey.set(c.id, c.id);
    for (const alias of c.aliases ?? []) byKey.set(alias, c.id);
  }
  const matched = new Map<CaseId, KccAnswerMatch>();
  const unknown: string[] = [];
  for (const row of rows) {
    const id = byKey.get(isCaseId(row.key) ? row.key : row.key.toUpperCase());
    if (!id) {
      unknown.push(row.key);
      continue;
    }
    matched.delete(id);
    matched.set(id, { id, state: row.state, ...(row.answer ? { answer: row.answer } : {}), ...(row.kccReference ? { reference: row.kccReference } : {}) });
  }
  return { matched: [...matched.values()], unknown };
}
