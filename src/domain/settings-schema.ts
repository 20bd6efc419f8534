/**
 * The check of an agent's settings (the `settings/save` message, and what extension storage holds).
 */
import * as z from 'zod/mini';
import { officeHoursSchema } from './office-calendar-schema';
import { SITES, type Site } from './site';
import { DEFAULT_SLA_POLICY } from './sla-policy';

const setting = (max: number) => z.string().check(z.trim(), z.maxLength(max));

const duration = z.number().check(z.int(), z.nonnegative(), z.maximum(90 * 24 * 3_600_000));

/** One key per site of the registry. */
const perSite = <T extends z.ZodMiniType>(item: (site: Site) => T) => z.strictObject(Object.fromEntries(SITES.map((s) => [s, item(s)])) as Record<Site, T>);

export const slaSchema = z.strictObject({
  // A site added since the settings were saved takes its default target; the agent's other settings stay.
  firstResponseMs: perSite((site) => z._default(duration, DEFAULT_SLA_POLICY.firstResponseMs[site])),
  resolutionMs: perSite(() => z.optional(duration)),
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
  /** Warn when the page shows the agent acting as an account that is not one of ownAccounts (issue #20). */
  accountGuard: z.boolean(),
  /** Show the B1 indicator beside the site's reply box while the agent writes (issue #20). */
  readabilityIndicator: z.boolean(),
  /** Automatic intake (issue #17): per channel on/off, mentions only, keywords, the team's accounts. */
  intake: z.strictObject({
    sites: perSite(() => z._default(z.boolean(), true)),
    mentionsOnly: z.boolean(),
    keywords: setting(500),
    teamAccounts: setting(1000),
  }),
  /** "Ik werk voor het KCC": shows the KCC's handover queue (when the organisation's policy lists no team). */
  kccRole: z.optional(z.boolean()),
});
