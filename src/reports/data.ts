/**
 * What the reports page asks of the background, in one place: the cases of a period, the office calendar
 * (from the settings) and the tags, plus the pushes that make the page reload. Settings do not carry an
 * office calendar in every version yet, so the calendar is read defensively here and falls back to the
 * default (Monday to Friday, 08:30–17:00, Europe/Amsterdam).
 */
import type { Case } from '../domain/case';
import { DEFAULT_CALENDAR, type OfficeCalendar } from '../domain/office-hours';
import type { ReportPeriod } from '../domain/report';
import type { Site } from '../domain/site';
import type { Tag } from '../domain/tag';
import { followSettings, onPush, send } from '../protocol/client';

/** Cases posted in [from, to). */
export function casesInPeriod(period: ReportPeriod): Promise<Case[]> {
  return send('cases/range', { from: period.from, to: period.to });
}

/** Posts seen in the period that matched automatic intake (of one channel, or all), or null when not known. */
export function intakeSeenIn(period: ReportPeriod, site: Site | 'all'): Promise<number | null> {
  return send('intake/seen-count', { from: period.from, to: period.to, ...(site === 'all' ? {} : { site }) }).then(
    (r) => r.count,
    () => null,
  );
}

export function listTags(): Promise<Tag[]> {
  return send('tags/list', {});
}

/** The office calendar, and each time the settings change, the calendar then (see followSettings). */
export async function followOfficeCalendar(signal: AbortSignal, onChange: (calendar: OfficeCalendar) => void): Promise<OfficeCalendar> {
  return calendarOf(await followSettings(signal, (settings) => onChange(calendarOf(settings))));
}

/** The office calendar in a settings object, or the default when it has none (or an unusable one). */
export function calendarOf(settings: unknown): OfficeCalendar {
  const candidate = (settings as { officeHours?: unknown } | null | undefined)?.officeHours;
  if (typeof candidate !== 'object' || candidate === null) return DEFAULT_CALENDAR;
  const cal = candidate as Partial<OfficeCalendar>;
  if (typeof cal.timeZone !== 'string' || typeof cal.week !== 'object' || cal.week === null || !Array.isArray(cal.closingDays)) return DEFAULT_CALENDAR;
  try {
    new Intl.DateTimeFormat('en', { timeZone: cal.timeZone });
  } catch {
    return DEFAULT_CALENDAR;
  }
  return cal as OfficeCalendar;
}

export interface ReportPushHandlers {
  /** A case was created or changed: the figures may have changed. */
  casesChanged(): void;
}

export function onReportPushes(handlers: ReportPushHandlers, signal: AbortSignal): void {
  onPush(
    {
      'case/changed': () => handlers.casesChanged(),
      'cases/removed': () => handlers.casesChanged(),
    },
    signal,
  );
}
