/**
 * The one check of an office calendar, as a zod schema: used on a calendar saved from the options page (the
 * `settings/save` message), on one set by the organisation's policy, and by the options form to show what
 * is wrong before saving. Every problem is named in plain English, with the weekday and shift it is about.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { parseDate, parseTime, WEEKDAYS } from './civil-date';
import type { OfficeCalendar, Shift } from './office-calendar';
import { isKnownTimeZone } from './time-zone';

z.config(en());

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
const LIBERATION_DAY_RULES = ['every-year', 'lustrum', 'never'] as const;

/** A shift's times are checked with the whole day (weekProblems), so each problem names its weekday. */
const shifts = () => z.array(z.strictObject({ start: z.string().check(z.maxLength(5)), end: z.string().check(z.maxLength(5)) })).check(z.maxLength(6));

/** What is wrong with a week's shifts: times that are no times, shifts that end before they start or overlap, no hours at all. */
function weekProblems(week: OfficeCalendar['week']): Array<{ path: PropertyKey[]; message: string }> {
  const problems: Array<{ path: PropertyKey[]; message: string }> = [];
  let anyHours = false;
  for (const d of WEEKDAYS) {
    const day = WEEKDAY_NAMES[d - 1] as string;
    const valid: Array<[number, number, string, number]> = [];
    week[d].forEach((shift: Shift, i) => {
      const label = `${day}, shift ${i + 1}`;
      const start = parseTime(shift.start);
      const end = parseTime(shift.end);
      if (start === undefined || start === 24 * 60) problems.push({ path: [String(d), i, 'start'], message: `${label}: start ${JSON.stringify(shift.start)} is not a time (HH:MM, 00:00–23:59).` });
      if (end === undefined) problems.push({ path: [String(d), i, 'end'], message: `${label}: end ${JSON.stringify(shift.end)} is not a time (HH:MM, 00:00–24:00).` });
      if (start === undefined || end === undefined || start === 24 * 60) return;
      if (start >= end) problems.push({ path: [String(d), i], message: `${label}: starts at ${shift.start}, not before its end ${shift.end}.` });
      else valid.push([start, end, `${shift.start}–${shift.end}`, i]);
    });
    valid.sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < valid.length; i++) {
      const a = valid[i - 1] as [number, number, string, number];
      const b = valid[i] as [number, number, string, number];
      if (b[0] < a[1]) problems.push({ path: [String(d), b[3]], message: `${day}: shifts ${a[2]} and ${b[2]} overlap.` });
    }
    if (valid.length > 0) anyHours = true;
  }
  if (!anyHours) problems.push({ path: [], message: 'The office is never open: no day has a valid shift.' });
  return problems;
}

export const officeHoursSchema = z.strictObject({
  timeZone: z.string().check(
    z.minLength(1),
    z.maxLength(64),
    z.refine(isKnownTimeZone, { error: (issue) => `Unknown time zone ${JSON.stringify(issue.input)}.` }),
  ),
  week: z.strictObject({ 1: shifts(), 2: shifts(), 3: shifts(), 4: shifts(), 5: shifts(), 6: shifts(), 7: shifts() }).check(
    z.superRefine((week, ctx) => {
      for (const { path, message } of weekProblems(week)) ctx.issues.push({ code: 'custom', message, path, input: week });
    }),
  ),
  goodFriday: z.boolean(),
  liberationDay: z.enum(LIBERATION_DAY_RULES, {
    error: (issue) => `Bevrijdingsdag must be "every-year", "lustrum" or "never", not ${JSON.stringify(issue.input)}.`,
  }),
  closingDays: z
    .array(
      z.string().check(
        z.refine((date) => parseDate(date) !== undefined, { error: (issue) => `Closing day ${JSON.stringify(issue.input)} is not a date (YYYY-MM-DD).` }),
      ),
    )
    .check(z.maxLength(1_000)),
}) satisfies z.ZodMiniType<OfficeCalendar>;

/**
 * What is wrong with a calendar, in plain English, for the options page; [] when it is fine. A problem
 * with the calendar's shape (not one of the named checks) says where it is.
 */
export function calendarProblems(cal: unknown): string[] {
  const parsed = officeHoursSchema.safeParse(cal);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => (issue.code === 'custom' || issue.path.length <= 1 ? issue.message : `${issue.path.join('.')}: ${issue.message}`));
}
