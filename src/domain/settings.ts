/**
 * An agent's settings: who they are, the municipality, office hours, response targets and retention. The
 * type is the schema's (settings-schema.ts, imported as a type only, so this file costs a bundle no zod).
 */
import type { z } from 'zod/mini';
import { DEFAULT_CALENDAR } from './office-calendar';
import { DEFAULT_INTAKE } from './intake-settings';
import { DEFAULT_RETENTION } from './retention';
import type { settingsSchema } from './settings-schema';
import { DEFAULT_SLA_POLICY } from './sla-policy';

export type Settings = z.infer<typeof settingsSchema>;

/** Settings before the agent has set any: used by every context until the background answers. */
export const DEFAULT_SETTINGS: Settings = {
  agentName: '',
  initials: '',
  municipality: '',
  ownAccounts: '',
  officeHours: DEFAULT_CALENDAR,
  sla: DEFAULT_SLA_POLICY,
  retentionDays: DEFAULT_RETENTION.closedCaseDays,
  accountGuard: true,
  readabilityIndicator: true,
  intake: DEFAULT_INTAKE,
  kccRole: false,
};
