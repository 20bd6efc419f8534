/**
 * The municipality's office calendar as a value: weekly hours (split shifts allowed), Dutch public holidays
 * and its own closing days, in one IANA time zone. Plain data and its default only; the office-time queries
 * are in office-time.ts, the checks in office-calendar-schema.ts (kept apart so the content script's bundle
 * gets no schema library).
 */
import type { Weekday } from './civil-date';

export type { Weekday };

/** One stretch of opening hours in local time, 'HH:MM'; start before end, '24:00' allowed as end. */
export interface Shift {
  start: string;
  end: string;
}

export interface OfficeCalendar {
  /** IANA time zone the hours and dates are in. */
  timeZone: string;
  /** The hours per weekday; several shifts make a split day (a lunch break is not office time). */
  week: Record<Weekday, Shift[]>;
  /** Is the office closed on Goede Vrijdag? Most municipalities are open. */
  goodFriday: boolean;
  /**
   * Bevrijdingsdag (5 May): closed every year, only in lustrum years (2025, 2030 …, as in most collective
   * agreements for government), or never.
   */
  liberationDay: 'every-year' | 'lustrum' | 'never';
  /** The municipality's own closing days ('YYYY-MM-DD'), e.g. a bridge day after Hemelvaart. */
  closingDays: string[];
}

const WORKDAY: Shift[] = [{ start: '08:30', end: '17:00' }];

export const DEFAULT_CALENDAR: OfficeCalendar = {
  timeZone: 'Europe/Amsterdam',
  week: { 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: WORKDAY, 6: [], 7: [] },
  goodFriday: false,
  liberationDay: 'lustrum',
  closingDays: [],
};
