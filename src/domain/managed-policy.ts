/**
 * Settings the municipality's IT sets centrally, through enterprise policy (`storage.managed`; the keys are
 * declared in assets/managed_schema.json and documented for IT in docs/it-rollout.md), and how they combine
 * with what the agent set and with what is stored.
 *
 *   storage.managed ──parseManaged──▶ ManagedPolicy (+ problems, per key)
 *        ManagedPolicy + personal + defaults ──effectiveSettings──▶ Settings (+ the keys the agent cannot change)
 *        ManagedPolicy.teamTemplates + stored templates ──mergeTeamTemplates──▶ templates
 *        ManagedPolicy.tags + stored tags ──mergeTags──▶ tags (removed ones retired, not deleted)
 *
 * A policy is typed by hand in a JSON file or the registry, so each key is checked on its own: a key with a
 * wrong value is reported (naming the key and what was expected) and left out, and the other keys still
 * apply. Chrome itself drops a value whose JSON type does not match the schema before Loket sees it (see
 * docs/it-rollout.md), so the type checks here matter mostly for Firefox, which passes policy through as is;
 * ranges, formats and allowed words are only checked here. `withLastGood` lets the caller keep the last good
 * value of a key that is now wrong, so one typo does not switch a team back to the defaults (a key Chrome
 * dropped cannot be told from a key IT removed, so there it cannot help).
 *
 * Pure: no browser API. The units IT types are the units people think in (minutes, days); the policy this
 * module returns is in the units the rest of Loket uses (milliseconds).
 */
import type { OfficeCalendar } from './office-calendar';
import type { OfficialesePolicy } from './readability/officialese-policy';
import type { Settings } from './settings';
import { SITES, type Site } from './site';
import type { SlaPolicy } from './sla-policy';
import type { IntakeSettings } from './intake-settings';
import type { Tag } from './tag';
import type { PolicyMember } from './team';
import type { ImportedTemplate } from './template-file';

/** The settings (keys of Settings) a policy can set, and so the names agentMayOverride accepts. */
export const MANAGED_SETTING_KEYS = ['municipality', 'ownAccounts', 'officeHours', 'sla', 'retentionDays', 'accountGuard', 'readabilityIndicator', 'intake'] as const satisfies ReadonlyArray<keyof Settings>;
export type ManagedSettingKey = (typeof MANAGED_SETTING_KEYS)[number];

/** A tag as the organisation sets it; `retired` is Loket's own mark. */
export type ManagedTag = Omit<Tag, 'retired'>;

/** What a policy sets, checked and converted; a key is absent when the policy does not set it or sets it wrong. */
export interface ManagedPolicy {
  municipality?: string;
  /** Per site; X handles always start with '@'. */
  ownAccounts?: Record<Site, string[]>;
  officeHours?: OfficeCalendar;
  /** In milliseconds (the policy gives minutes); a part the policy leaves out is Loket's default. */
  sla?: SlaPolicy;
  teamTemplates?: ImportedTemplate[];
  /** A Loket template file (template-file.ts) on the municipality's server; never set together with teamTemplates. */
  teamTemplatesUrl?: string;
  tags?: ManagedTag[];
  /** A JSON tag list (parseManagedTags) on the municipality's server; never set together with tags. */
  tagsUrl?: string;
  sync?: { url: string; database: string };
  retentionDays?: number;
  /** false: no warning about replying from an account that is not the municipality's (teams that use personal accounts). */
  accountGuard?: boolean;
  /** false: no B1 indicator beside the reply box (the template picker's B1 check stays). */
  readabilityIndicator?: boolean;
  /** Automatic intake's switches, keywords and team accounts (parts the policy leaves out: Loket's default). */
  intake?: IntakeSettings;
  agentMayOverride?: ManagedSettingKey[];
  /** The organisation's officialese for the B1 check (readability/officialese-policy.ts). */
  officialese?: OfficialesePolicy;
  /** The team: names, initials and roles (team.ts); a lead gets the alerts for every overdue case. */
  team?: PolicyMember[];
  /** The KCC: its e-mail address for "send by e-mail", and its handover categories (else Loket's, handover.ts). */
  kcc?: { email?: string; categories?: string[] };
}
export type ManagedKey = keyof ManagedPolicy;

export interface ManagedProblem {
  /** The policy key, e.g. "sla"; "(policy)" when the whole policy is not an object. */
  key: string;
  /**
   * wrong-type: not the JSON type the schema declares; invalid: the right type, a wrong value; unknown-key:
   * a key Loket does not know (a typo?); conflict: two keys that exclude each other.
   */
  code: 'wrong-type' | 'invalid' | 'unknown-key' | 'conflict';
  /** English, for IT and the options page: "retentionDays: expected …, found a string ("30")". */
  message: string;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "@gemeentevoorbeeld, Gemeente Voorbeeld": the form Settings.ownAccounts keeps (see isOwnAccount). */
export function ownAccountsText(accounts: Record<Site, string[]>): string {
  return SITES.flatMap((site) => accounts[site]).join(', ');
}
