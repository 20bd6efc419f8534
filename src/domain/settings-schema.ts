/**
 * The check of an agent's settings (the `settings/save` message, and what extension storage holds).
 */
import * as z from 'zod/mini';
import { officeHoursSchema } from './office-calendar-schema';

const setting = (max: number) => z.string().check(z.trim(), z.maxLength(max));

const duration = z.number().check(z.int(), z.nonnegative(), z.maximum(90 * 24 * 3_600_000));

export const slaSchema = z.strictObject({
  firstResponseMs: z.strictObject({ x: duration, facebook: duration }),
  resolutionMs: z.strictObject({ x: z.optional(duration), facebook: z.optional(duration) }),
  soonMs: duration,
});

export const settingsSchema = z.strictObject({
  agentName: setting(100),
  initials: setting(10),
  municipality: setting(100),
  ownAccounts: setting(500),
  officeHours: officeHoursSchema,
  sla: slaSchema,
  /** Closed cases are removed this many days after they were closed (AVG: no longer than needed). */
  retentionDays: z.number().check(z.int(), z.minimum(1), z.maximum(3_650)),
});
