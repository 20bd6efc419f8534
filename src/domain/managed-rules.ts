/**
 * How each policy key is read: the JSON type the schema (assets/managed_schema.json) declares, what IT should
 * have written, and the check and conversion (minutes to milliseconds, '@' in front of X handles, …).
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { httpsUrlSchema } from './https-url';
import { MANAGED_SETTING_KEYS, ownAccountsText, type ManagedKey, type ManagedPolicy, type ManagedSettingKey, type ManagedTag } from './managed-policy';
import { officeHoursSchema } from './office-calendar-schema';
import { DEFAULT_INTAKE } from './intake-settings';
import { OFFICIALESE_POLICY_EXPECTED, readOfficialesePolicy } from './readability/officialese-policy';
import { SITE_METAS, SITES, type Site } from './site';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from './sla-policy';
import { readTeamPolicy, TEAM_POLICY_EXPECTED } from './team';
import { templateDraftSchema } from './template-draft-schema';
import { importedTemplate } from './template-file';

z.config(en());

const MINUTE = 60_000;
/** Three months, as slaSchema allows. */
const MAX_MINUTES = 90 * 24 * 60;
const MAX_RETENTION_DAYS = 3_650;

export type JsonType = 'string' | 'integer' | 'boolean' | 'object' | 'array';

/** One key: the JSON type the schema declares, what IT should have written, and how to read it. */
export interface KeyRule<K extends ManagedKey> {
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
// One optional key per site of the registry.
const perSite = <T extends z.ZodMiniType>(item: T) => z.strictObject(Object.fromEntries(SITES.map((s) => [s, z.optional(item)])) as Record<Site, z.ZodMiniOptional<T>>);

/** The first id that occurs twice, if any. */
function duplicateId(items: ReadonlyArray<{ id: string }>): string | undefined {
  const seen = new Set<string>();
  for (const { id } of items) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

// An own account is a handle (X: letters, digits and _, 15 at most today; the limit here only catches a
// pasted URL or name) or a name as the page shows it (a Facebook Page), as the site's meta says. The settings
// keep all in one comma-separated string, so a name may not contain a comma.
const handle = (label: string) => z.string().check(z.trim(), z.regex(/^@?[A-Za-z0-9_]{1,50}$/, `an ${label} handle is @ followed by letters, digits or _`));
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

export const RULES: { [K in ManagedKey]-?: KeyRule<K> } = {
  municipality: {
    type: 'string',
    expected: 'the name of the municipality (text, at most 100 characters)',
    read: using('municipality', text(100), (value) => ({ value })),
  },
  ownAccounts: {
    type: 'object',
    expected: `the own accounts per site, { ${SITE_METAS.map((m) => `"${m.id}": ["${m.ownAccount === 'handle' ? '@handle' : 'Page name'}"]`).join(', ')} }`,
    read: using('ownAccounts', perSite(z.array(z.string())), (lists) => {
      // Checked per entry here, so the problem can name the entry.
      const value = {} as Record<Site, string[]>;
      for (const meta of SITE_METAS) {
        const entry = meta.ownAccount === 'handle' ? handle(meta.label) : pageName;
        const parsed = z.array(entry).check(z.maxLength(20)).safeParse(lists[meta.id] ?? []);
        if (!parsed.success) return { problem: describe(meta.id, parsed.error.issues) };
        value[meta.id] = meta.ownAccount === 'handle' ? parsed.data.map((h) => (h.startsWith('@') ? h : `@${h}`)) : parsed.data;
      }
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
    expected: `response targets in minutes { firstResponseMinutes: { ${SITES.join(', ')} }, resolutionMinutes: { ${SITES.join(', ')} }, soonMinutes }`,
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
        const firstResponse = { ...DEFAULT_SLA_POLICY.firstResponseMs };
        for (const site of SITES) {
          const m = sla.resolutionMinutes?.[site];
          if (m !== undefined) resolution[site] = ms(m);
          const f = first[site];
          if (f !== undefined) firstResponse[site] = ms(f);
        }
        return {
          value: {
            firstResponseMs: firstResponse,
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
  accountGuard: {
    type: 'boolean',
    expected: 'true (warn when replying from an account that is not one of ownAccounts) or false',
    read: using('accountGuard', z.boolean(), (value) => ({ value })),
  },
  readabilityIndicator: {
    type: 'boolean',
    expected: 'true (show the B1 indicator beside the reply box) or false',
    read: using('readabilityIndicator', z.boolean(), (value) => ({ value })),
  },
  intake: {
    type: 'object',
    expected: `automatic intake { sites: { ${SITES.join(', ')}: true | false }, mentionsOnly, keywords: ["#hashtag"], teamAccounts: ["@colleague"] }`,
    read: using(
      'intake',
      z.strictObject({
        sites: z.optional(perSite(z.boolean())),
        mentionsOnly: z.optional(z.boolean()),
        // Kept in the settings as one comma-separated text each, so an entry may hold no comma.
        keywords: z.optional(z.array(text(100).check(z.regex(/^[^,]*$/, 'a keyword cannot contain a comma'))).check(z.maxLength(50))),
        teamAccounts: z.optional(z.array(text(100).check(z.regex(/^[^,]*$/, 'an account cannot contain a comma'))).check(z.maxLength(100))),
      }),
      (intake) => {
        const keywords = (intake.keywords ?? []).join(', ');
        const teamAccounts = (intake.teamAccounts ?? []).join(', ');
        if (keywords.length > 500) return { problem: 'the keywords together are longer than 500 characters' };
        if (teamAccounts.length > 1000) return { problem: 'the team accounts together are longer than 1000 characters' };
        const sites = { ...DEFAULT_INTAKE.sites };
        for (const site of SITES) sites[site] = intake.sites?.[site] ?? sites[site];
        return { value: { sites, mentionsOnly: intake.mentionsOnly ?? DEFAULT_INTAKE.mentionsOnly, keywords, teamAccounts } };
      },
    ),
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
  team: { type: 'array', expected: TEAM_POLICY_EXPECTED, read: readTeamPolicy },
  kcc: {
    type: 'object',
    expected: 'the KCC { email?: "kcc@gemeente.nl", categories?: ["Afval", …] }',
    read: using(
      'kcc',
      z.strictObject({
        email: z.optional(z.string().check(z.trim(), z.maxLength(200), z.regex(/^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/, 'an e-mail address'))),
        categories: z.optional(z.array(text(100)).check(z.minLength(1), z.maxLength(50))),
      }),
      (kcc) => ({ value: { ...(kcc.email ? { email: kcc.email } : {}), ...(kcc.categories ? { categories: [...new Set(kcc.categories)] } : {}) } }),
    ),
  },
};

export const MANAGED_KEYS = Object.keys(RULES) as ManagedKey[];
