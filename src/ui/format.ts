/** Formatting shared by the extension pages and the in-page UI. */
import { uiLocale } from './i18n';

export function formatDateTime(epochMs: number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(epochMs);
}

/** The first characters of a post, on one line, cut at a word where possible. */
export function snippet(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Sets the document language to the catalogue's, so screen readers pronounce our words right. */
export function applyDocumentLanguage(): void {
  document.documentElement.lang = uiLocale().slice(0, 2);
}
