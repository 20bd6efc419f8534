/**
 * Printable, self-contained HTML documents in Dutch (the access export, the archive index). A document of its
 * own: no scripts, no external resources, and a CSP that forbids both, so a post that says
 * `<img src=x onerror=…>` stays text even if escaping were ever missed. Every value from the data is escaped;
 * only https links become links.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

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

/** ISO 8601 in UTC; null for a time that is no time (NaN, or beyond what a Date can hold). */
export function iso(epochMs: number): string | null {
  return Number.isFinite(epochMs) && Math.abs(epochMs) <= 8.64e15 ? new Date(epochMs).toISOString() : null;
}

export function optionalIso(epochMs: number | undefined): string | null {
  return epochMs === undefined ? null : iso(epochMs);
}
