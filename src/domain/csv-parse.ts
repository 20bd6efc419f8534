/**
 * Reads a CSV file as a spreadsheet writes it (RFC 4180): quoted cells with doubled quotes and line breaks,
 * CRLF or LF, a byte-order mark, and the separator of the header line — a comma, or the semicolon Excel
 * uses with a Dutch locale. Pure; the files are small (a KCC's answers), so no streaming.
 */

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; detail: string };

export function parseCsv(text: string): CsvResult {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.slice(0, src.search(/\r?\n|$/));
  const separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"') {
      if (cell.trim() !== '') return { ok: false, detail: `line ${line}: a quote inside a cell that does not start with one` };
      cell = '';
      quoted = true;
    } else if (ch === separator) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      line++;
    } else cell += ch;
  }
  if (quoted) return { ok: false, detail: `line ${line}: a quoted cell is not closed` };
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return { ok: true, rows: rows.filter((r) => r.some((c) => c.trim() !== '')) };
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
