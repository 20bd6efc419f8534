/** Formatting shared by the extension pages and the in-page UI. */
import { t, uiLocale } from './i18n';

let dateTimeFormat: Intl.DateTimeFormat | undefined;

/** "26 nov 2026, 10:15" in the UI language. One formatter for the page: creating one costs ~0.2 ms, per row. */
export function formatDateTime(epochMs: number): string {
  dateTimeFormat ??= new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  return dateTimeFormat.format(epochMs);
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

/** A waiting time in the words of the UI: "12 min", "2 u 5 min", "1 d 3 u". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return t('durationMinutes', String(minutes));
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('durationHours', String(hours), String(minutes % 60));
  return t('durationDays', String(Math.floor(hours / 24)), String(hours % 24));
}
