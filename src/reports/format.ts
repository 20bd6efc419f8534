/**
 * Numbers, rates, office durations and dates as the reports page shows them, in the catalogue's locale.
 * A missing value (no cases, no answers) is null here; the page shows it as a dash with a spoken "none".
 */
import { t, uiLocale } from '../ui/i18n';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n${uiLocale()}${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.NumberFormat(uiLocale(), options)));
  return f;
}

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d${uiLocale()}${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(uiLocale(), options)));
  return f;
}

export function formatCount(n: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(n);
}

/** "1 zaak", "5 zaken": chrome.i18n has no plurals, so the catalogue holds both forms and Intl picks one. */
export function formatCases(n: number): string {
  const one = new Intl.PluralRules(uiLocale()).select(n) === 'one';
  return t(one ? 'reportCasesOne' : 'reportCasesOther', formatCount(n));
}

/** 0.6667 → "66,7%"; null stays null. */
export function formatRate(rate: number | null): string | null {
  return rate === null ? null : numberFormat({ style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/**
 * Office time in hours and minutes, never days: "45 min", "26 u 5 min". A day of office time is not 24
 * hours, so "1 d" would mislead.
 */
export function formatOfficeDuration(ms: number | null): string | null {
  if (ms === null) return null;
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return t('durationMinutes', String(minutes));
  return t('durationHours', formatCount(Math.floor(minutes / 60)), String(minutes % 60));
}

/** The dates of the page are calendar dates ('YYYY-MM-DD'): formatted in UTC so no zone can shift them. */
function utcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** "5 jan." */
export function formatShortDate(date: string): string {
  return dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' }).format(utcDate(date));
}

/** "ma 5 jan. 2026" */
export function formatLongDate(date: string): string {
  return dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utcDate(date));
}

/** Short weekday names, Monday first: ma, di, wo, do, vr, za, zo. */
export function weekdayNames(style: 'short' | 'long' = 'short'): string[] {
  // 1 January 2024 was a Monday.
  return Array.from({ length: 7 }, (_, i) => dateFormat({ weekday: style, timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + i)));
}

/** "09:00–10:00" */
export function hourSpan(hour: number): string {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  return `${hh(hour)}–${hh(hour + 1)}`;
}
