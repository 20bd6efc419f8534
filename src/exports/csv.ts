/**
 * The one CSV writer: every CSV Loket makes (the KCC handovers, the report figures and cases) goes through
 * here. UTF-8 with a byte-order mark (Excel opens accents and emoji correctly), comma separated, CRLF line
 * ends, a cell quoted when it holds a quote, comma, semicolon, line break or surrounding space, and never a
 * formula: a spreadsheet would run "=HYPERLINK(…)" written by a resident, so a cell that starts with = + - @
 * or a control character is prefixed with an apostrophe.
 */

/** One cell, safe to open in a spreadsheet. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r\n\u0000-\u001F]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: the header row, then one row per record, each cell through csvCell. */
export function csvFile(columns: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [columns.map(csvCell).join(','), ...rows.map((cells) => cells.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
