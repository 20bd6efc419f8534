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
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { httpsUrlSchema } from './https-url';
import { officeHoursSchema } from './office-calendar-schema';
import type { Settings } from './settings';
import { templateDraftSchema } from './template-draft-schema';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './sla-policy';
import { SITES, type Site } from './site';
import type { Tag } from './tag';
import type { Template } from './template';
import { importedTemplate, planImport, type ImportedTemplate } from './template-file';
import type { OfficeCalendar } from './office-hours';
import { OFFICIALESE_POLICY_EXPECTED, readOfficialesePolicy, type OfficialesePolicy } from './readability/officialese-policy';

z.config(en());

/** The settings (keys of Settings) a policy can set, and so the names agentMayOverride accepts. */
export const MANAGED_SETTING_KEYS = ['municipality', 'ownAccounts', 'officeHours', 'sla', 'retentionDays'] as const satisfies ReadonlyArray<keyof Settings>;
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
  agentMayOverride?: ManagedSettingKey[];
  /** The organisation's officialese for the B1 check (readability/officialese-policy.ts). */
  officialese?: OfficialesePolicy;
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

const MINUTE = 60_000;
/** Three months, as slaSchema allows. */
const MAX_MINUTES = 90 * 24 * 60;
const MAX_RETENTION_DAYS = 3_650;

type JsonType = 'string' | 'integer' | 'object' | 'array';

/** One key: the JSON type the schema declares, what IT should have written, and how to read it. */
interface KeyRule<K extends ManagedKey> {
  type: JsonType;
  expected: string;
  read(value: unknown): { ok: true; value: NonNullable<ManagedPolicy[K]>; problem?: string } | { ok: false; problem: string };
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

/** "sla.firstResponseMinutes.x: Invalid input: …" */
function describe(key: string, issues: readonly Issue[]): string {
  const at = (path: ReadonlyArray<PropertyKey>) => path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : `${out}.${String(p)}`), key);
  // zod says "Invalid input: expected string, received undefined" for a field left out.
  const say = (message: string) => message.replace(/^Invalid input: expected (\w+), received undefined$/, 'missing (expected $1)');
  const shown = issues.slice(0, 3).map((i) => `${at(i.path)}: ${say(i.message)}`);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  return shown.join('; ');
}

/** Checks `value` with a zod schema; the problem names the key and the place inside it. */
function using<T, K extends ManagedKey>(
  key: K,
  schema: z.ZodMiniType<T>,
  convert: (parsed: T) => { value: NonNullable<ManagedPolicy[K]> } | { problem: string },
): KeyRule<K>['read'] {
  return (value) => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return { ok: false, problem: describe(key, parsed.error.issues) };
    const converted = convert(parsed.data);
    return 'problem' in converted ? { ok: false, problem: `${key}: ${converted.problem}` } : { ok: true, value: converted.value };
  };
}

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const minutes = () => z.number().check(z.int(), z.nonnegative(), z.maximum(MAX_MINUTES));
const perSite = <T extends z.ZodMiniType>(item: T) => z.strictObject({ x: z.optional(item), facebook: z.optional(item) });

/** The first id that occurs twice, if any. */
function duplicateId(items: ReadonlyArray<{ id: string }>): string | undefined {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

// An X handle is letters, digits and _ (15 at most today; the limit here only catches a pasted URL or name);
// a Facebook Page name is free text. The settings keep both in one comma-separated string, so a name may
// not contain a comma.
const xHandle = z.string().check(z.trim(), z.regex(/^@?[A-Za-z0-9_]{1,50}$/, 'an X handle is @ followed by letters, digits or _'));
const pageName = text(100).check(z.regex(/^[^,]*$/, 'a Page name cannot contain a comma'));

const tagSchema = z.object({
  id: text(100),
  label: text(100),
  group: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  color: z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb')),
});
const tagListSchema = z.array(tagSchema).check(z.maxLength(500));

const toTags = (tags: z.infer<typeof tagListSchema>): { value: ManagedTag[] } | { problem: string } => {
  const twice = duplicateId(tags);
  if (twice !== undefined) return { problem: `the tag id ${JSON.stringify(twice)} occurs twice` };
  return { value: tags.map((t) => ({ id: t.id, label: t.label, color: t.color.toLowerCase(), ...(t.group ? { group: t.group } : {}) })) };
};

// The same limits as a template saved from the options page; unknown fields are dropped (Chrome drops them too).
const templateSchema = z.object({ ...z.omit(templateDraftSchema, { scope: true }).shape });

const RULES: { [K in ManagedKey]-?: KeyRule<K> } = {
  municipality: {
    type: 'string',
    expected: 'the name of the municipality (text, at most 100 characters)',
    read: using('municipality', text(100), (value) => ({ value })),
  },
  ownAccounts: {
    type: 'object',
    expected: 'the own accounts per site, { "x": ["@handle"], "facebook": ["Page name"] }',
    read: using('ownAccounts', perSite(z.array(z.string())), (lists) => {
      // Checked per entry here, so the problem can name the entry.
      const x = z.array(xHandle).check(z.maxLength(20)).safeParse(lists.x ?? []);
      if (!x.success) return { problem: describe('x', x.error.issues) };
      const facebook = z.array(pageName).check(z.maxLength(20)).safeParse(lists.facebook ?? []);
      if (!facebook.success) return { problem: describe('facebook', facebook.error.issues) };
      const value = { x: x.data.map((h) => (h.startsWith('@') ? h : `@${h}`)), facebook: facebook.data };
      if (ownAccountsText(value).length > 500) return { problem: 'the accounts together are longer than 500 characters' };
      return { value };
    }),
  },
  officeHours: {
    type: 'object',
    expected: 'an office calendar { timeZone, week: { "1" … "7": [{ start, end }] }, goodFriday, liberationDay, closingDays }',
    read: (value) => {
      const parsed = officeHoursSchema.safeParse(value);
      return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: describe('officeHours', parsed.error.issues) };
    },
  },
  sla: {
    type: 'object',
    expected: 'response targets in minutes { firstResponseMinutes: { x, facebook }, resolutionMinutes: { x, facebook }, soonMinutes }',
    read: using(
      'sla',
      z.strictObject({
        firstResponseMinutes: z.optional(perSite(minutes())),
        resolutionMinutes: z.optional(perSite(minutes())),
        soonMinutes: z.optional(minutes()),
      }),
      (sla) => {
        const ms = (m: number) => m * MINUTE;
        const first = sla.firstResponseMinutes ?? {};
        const resolution: SlaPolicy['resolutionMs'] = {};
        for (const site of SITES) {
          const m = sla.resolutionMinutes?.[site];
          if (m !== undefined) resolution[site] = ms(m);
        }
        return {
          value: {
            firstResponseMs: {
              x: first.x !== undefined ? ms(first.x) : DEFAULT_SLA_POLICY.firstResponseMs.x,
              facebook: first.facebook !== undefined ? ms(first.facebook) : DEFAULT_SLA_POLICY.firstResponseMs.facebook,
            },
            // Given: the policy's targets only (a site left out has none). Not given: Loket's default.
            resolutionMs: sla.resolutionMinutes ? resolution : { ...DEFAULT_SLA_POLICY.resolutionMs },
            soonMs: sla.soonMinutes !== undefined ? ms(sla.soonMinutes) : DEFAULT_SLA_POLICY.soonMs,
          },
        };
      },
    ),
  },
  teamTemplates: {
    type: 'array',
    expected: 'a list of templates { id, title, body, category, language, sites, shortcut?, order? }',
    read: using('teamTemplates', z.array(templateSchema).check(z.maxLength(1_000)), (templates) => {
      const twice = duplicateId(templates);
      if (twice !== undefined) return { problem: `the template id ${JSON.stringify(twice)} occurs twice` };
      return { value: templates.map(importedTemplate) };
    }),
  },
  teamTemplatesUrl: {
    type: 'string',
    expected: 'the https URL of a Loket template file',
    read: using('teamTemplatesUrl', httpsUrlSchema, (value) => ({ value })),
  },
  tags: {
    type: 'array',
    expected: 'a list of tags { id, label, group?, color: "#rrggbb" }',
    read: using('tags', tagListSchema, toTags),
  },
  tagsUrl: {
    type: 'string',
    expected: 'the https URL of a JSON tag list',
    read: using('tagsUrl', httpsUrlSchema, (value) => ({ value })),
  },
  sync: {
    type: 'object',
    expected: 'the sync server { url: "https://…", database: "name" }',
    read: using(
      'sync',
      z.strictObject({ url: httpsUrlSchema, database: text(200).check(z.regex(/^\S+$/, 'a database name has no spaces')) }),
      (value) => ({ value }),
    ),
  },
  retentionDays: {
    type: 'integer',
    expected: `a whole number of days from 1 to ${MAX_RETENTION_DAYS}`,
    read: using('retentionDays', z.number().check(z.int(), z.minimum(1), z.maximum(MAX_RETENTION_DAYS)), (value) => ({ value })),
  },
  agentMayOverride: {
    type: 'array',
    expected: `a list of setting names (${MANAGED_SETTING_KEYS.join(', ')})`,
    read: (value) => {
      const parsed = z.array(z.string()).safeParse(value);
      if (!parsed.success) return { ok: false, problem: describe('agentMayOverride', parsed.error.issues) };
      // A name Loket does not know only makes the policy stricter, so it is reported and the rest is kept.
      const known = parsed.data.filter((name): name is ManagedSettingKey => (MANAGED_SETTING_KEYS as readonly string[]).includes(name));
      const unknown = parsed.data.filter((name) => !known.includes(name as ManagedSettingKey));
      const names = unknown.map((n) => JSON.stringify(n)).join(', ');
      const verb = unknown.length === 1 ? 'is not a setting' : 'are not settings';
      const problem = unknown.length ? `agentMayOverride: ${names} ${verb} an organisation sets (${MANAGED_SETTING_KEYS.join(', ')}); ignored` : undefined;
      return { ok: true, value: [...new Set(known)], ...(problem ? { problem } : {}) };
    },
  },
  officialese: { type: 'object', expected: OFFICIALESE_POLICY_EXPECTED, read: readOfficialesePolicy },
};

export const MANAGED_KEYS = Object.keys(RULES) as ManagedKey[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function hasType(value: unknown, type: JsonType): boolean {
  if (type === 'integer') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isRecord(value);
  return typeof value === type;
}

/** 'a string ("30")', 'a list', … */
function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  const brief = shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
  return `${typeof value === 'boolean' ? 'true/false' : `a ${typeof value}`} (${brief})`;
}

/**
 * Reads what `storage.managed.get()` returned. Each key is checked on its own: a wrong key is reported and
 * left out, the rest applies. Nothing set (undefined, null, {}) is an empty policy without problems.
 */
export function parseManaged(raw: unknown): { policy: ManagedPolicy; problems: ManagedProblem[] } {
  const policy: ManagedPolicy = {};
  const problems: ManagedProblem[] = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isRecord(raw)) {
    problems.push({ key: '(policy)', code: 'wrong-type', message: `(policy): expected an object of settings, found ${found(raw)}` });
    return { policy, problems };
  }

  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (!(key in RULES)) {
      problems.push({ key, code: 'unknown-key', message: `${key}: Loket has no setting by this name; ignored` });
      continue;
    }
    const k = key as ManagedKey;
    const rule = RULES[k] as KeyRule<ManagedKey>;
    if (!hasType(value, rule.type)) {
      problems.push({ key, code: 'wrong-type', message: `${key}: expected ${rule.expected}, found ${found(value)}` });
      continue;
    }
    const read = rule.read(value);
    if (read.ok) (policy as Record<ManagedKey, unknown>)[k] = read.value;
    if (read.problem) problems.push({ key, code: 'invalid', message: read.ok ? read.problem : `${read.problem} (expected ${rule.expected})` });
  }

  // Inline wins over a URL: it needs no network, and IT can see at chrome://policy what agents get.
  for (const [inline, url] of [['teamTemplates', 'teamTemplatesUrl'], ['tags', 'tagsUrl']] as const) {
    if (inline in raw && url in raw) {
      delete policy[url];
      problems.push({ key: url, code: 'conflict', message: `${url}: set together with ${inline}; ${inline} is used and ${url} ignored` });
    }
  }
  return { policy, problems };
}

/**
 * The policy with every key that is wrong now (a problem other than an unknown or conflicting key) taken from
 * `lastGood`, the last policy that had it right: Loket keeps working on the last good set until IT fixes it.
 */
export function withLastGood(policy: ManagedPolicy, problems: readonly ManagedProblem[], lastGood: ManagedPolicy | undefined): ManagedPolicy {
  if (!lastGood) return policy;
  const merged: Record<string, unknown> = { ...policy };
  for (const { key, code } of problems) {
    if ((code === 'wrong-type' || code === 'invalid') && !(key in policy) && key in lastGood) merged[key] = lastGood[key as ManagedKey];
  }
  return merged as ManagedPolicy;
}

/** The tag list a tagsUrl serves: an array of tags, or { "tags": [...] }. */
export function parseManagedTags(raw: unknown): { ok: true; tags: ManagedTag[] } | { ok: false; message: string } {
  const list = isRecord(raw) && 'tags' in raw ? raw.tags : raw;
  if (!Array.isArray(list)) return { ok: false, message: `tagsUrl: expected ${RULES.tags.expected}, found ${found(list)}` };
  const read = RULES.tags.read(list);
  return read.ok ? { ok: true, tags: read.value } : { ok: false, message: `tagsUrl: ${read.problem}` };
}

/** "@gemeentevoorbeeld, Gemeente Voorbeeld": the form Settings.ownAccounts keeps (see isOwnAccount). */
function ownAccountsText(accounts: Record<Site, string[]>): string {
  return SITES.flatMap((site) => accounts[site]).join(', ');
}

/** The settings a policy sets, in the form Settings keeps them. */
export function managedSettings(policy: ManagedPolicy): Partial<Settings> {
  const settings: Partial<Settings> = {};
  if (policy.municipality !== undefined) settings.municipality = policy.municipality;
  if (policy.ownAccounts !== undefined) settings.ownAccounts = ownAccountsText(policy.ownAccounts);
  if (policy.officeHours !== undefined) settings.officeHours = policy.officeHours;
  if (policy.sla !== undefined) settings.sla = policy.sla;
  if (policy.retentionDays !== undefined) settings.retentionDays = policy.retentionDays;
  return settings;
}

/** Structural equality of JSON values, ignoring the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
}

/**
 * The settings in force: the organisation's value wins over the agent's, and the agent's over the default,
 * except for the keys in `overridable` (the policy's agentMayOverride), where the agent's own value wins if
 * the agent set one and the organisation's value is only the starting value. `lockedKeys` are the settings
 * the options page shows read-only, "set by your organisation".
 *
 * A personal value counts as set when it differs from the default: the settings are stored as a whole, so a
 * value equal to the default cannot be told apart from one never touched.
 */
export function effectiveSettings(
  defaults: Settings,
  managed: ManagedPolicy,
  personal: Partial<Settings>,
  overridable: Iterable<string> = managed.agentMayOverride ?? [],
): { settings: Settings; lockedKeys: Set<keyof Settings> } {
  const fromPolicy = managedSettings(managed);
  const mayOverride = new Set(overridable);
  const settings: Settings = { ...defaults };
  const lockedKeys = new Set<keyof Settings>();

  const decide = <K extends keyof Settings>(key: K) => {
    const own = personal[key];
    const org = fromPolicy[key];
    const ownIsSet = own !== undefined && !sameJson(own, defaults[key]);
    if (org !== undefined && !mayOverride.has(key)) {
      settings[key] = org as Settings[K];
      lockedKeys.add(key);
    } else if (ownIsSet) settings[key] = own as Settings[K];
    else if (org !== undefined) settings[key] = org as Settings[K];
  };
  for (const key of Object.keys(defaults) as Array<keyof Settings>) decide(key);
  return { settings, lockedKeys };
}

/**
 * The stored templates after the organisation's team set arrived: the team set replaces the team-scope
 * templates (new ones added at the end, changed ones updated, ones no longer in the set removed); personal
 * templates are untouched. A template that stays keeps its usage figures and the agent's place for it. An
 * id of the team set that a personal template already has is given the id `team:<id>`, as an import does.
 * `now` stamps `updatedAt` on added and changed templates.
 */
export function mergeTeamTemplates(existing: readonly Template[], managedTeam: readonly ImportedTemplate[], now?: number): Template[] {
  const plan = planImport(existing, managedTeam, 'team');
  const stamp = (t: Template): Template => (now === undefined ? t : { ...t, updatedAt: now });
  const team = [...plan.unchanged, ...plan.replace.map((r) => stamp(r.after)), ...plan.add.map(stamp)];
  const personal = existing.filter((t) => t.scope !== 'team');
  return [...personal, ...team].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * The stored tags after the organisation's tag set arrived: new tags added, labels, groups and colours
 * updated, and a tag no longer in the set kept with `retired: true`, so old cases still show it (as retired)
 * while the picker no longer offers it. A retired tag that comes back is active again. The set's order
 * first, then the retired tags in their stored order.
 */
export function mergeTags(existing: readonly Tag[], managedTags: readonly ManagedTag[]): Tag[] {
  const central = new Set(managedTags.map((t) => t.id));
  const current = managedTags.map((t): Tag => ({ id: t.id, label: t.label, color: t.color, ...(t.group ? { group: t.group } : {}) }));
  const retired = existing.filter((t) => !central.has(t.id)).map((t): Tag => ({ ...t, retired: true }));
  return [...current, ...retired];
}
