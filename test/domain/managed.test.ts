import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MANAGED_KEYS,
  effectiveSettings,
  managedSettings,
  mergeTags,
  mergeTeamTemplates,
  parseManaged,
  parseManagedTags,
  withLastGood,
  type ManagedPolicy,
} from '../../src/domain/managed';
import { DEFAULT_CALENDAR } from '../../src/domain/office-hours';
import { SITES, siteMeta } from '../../src/domain/site';
import { DEFAULT_SLA_POLICY } from '../../src/domain/sla-policy';
import { managedSchemaFor } from '../../scripts/managed-schema';
import type { Tag } from '../../src/domain/tag';
import type { Template } from '../../src/domain/template';
import type { ImportedTemplate } from '../../src/domain/template-file';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/messages';
import { importedTemplate, storedTemplate } from '../support/templates';

const MINUTE = 60_000;
const NOW = Date.UTC(2025, 5, 2, 8, 0);

const WORKDAY = [{ start: '08:30', end: '17:00' }];
const officeHours = {
  timeZone: 'Europe/Amsterdam',
  week: { 1: WORKDAY, 2: WORKDAY, 3: WORKDAY, 4: WORKDAY, 5: [{ start: '08:30', end: '12:00' }], 6: [], 7: [] },
  goodFriday: true,
  liberationDay: 'every-year',
  closingDays: ['2025-12-24'],
};

/** A policy as IT writes it in policies JSON. */
const fullPolicy = {
  municipality: 'Gemeente Voorbeeld',
  ownAccounts: { x: ['gemeentevoorbeeld', '@Voorbeeld_Info'], facebook: ['Gemeente Voorbeeld'] },
  officeHours,
  sla: { firstResponseMinutes: { x: 30, facebook: 120 }, resolutionMinutes: { x: 2_880 }, soonMinutes: 10 },
  teamTemplates: [
    { id: 'welkom', title: 'Welkom', body: 'Dank voor uw bericht. {{paraaf}}', category: 'Algemeen', language: 'nl', sites: ['facebook', 'x'] },
    { id: 'afval', title: 'Afval', body: 'Meld het via de app.', category: 'Afval', language: 'nl', sites: ['x'], shortcut: 'afval', order: 3 },
  ],
  tags: [{ id: 'afval', label: 'Afval', group: 'Dienstverlening', color: '#C8E6C9' }],
  sync: { url: 'https://sync.voorbeeld.nl/', database: 'webcare' },
  retentionDays: 365,
  agentMayOverride: ['ownAccounts'],
};

const template = storedTemplate;
const incoming = importedTemplate;

describe('reading the policy IT set', () => {
  it('reads every key, in the units the rest of Loket uses', () => {
    const { policy, problems } = parseManaged(fullPolicy);
    expect(problems).toEqual([]);
    expect(policy.municipality).toBe('Gemeente Voorbeeld');
    expect(policy.ownAccounts).toEqual({ x: ['@gemeentevoorbeeld', '@Voorbeeld_Info'], facebook: ['Gemeente Voorbeeld'] });
    expect(policy.officeHours).toEqual(officeHours);
    expect(policy.sla).toEqual({ firstResponseMs: { x: 30 * MINUTE, facebook: 120 * MINUTE }, resolutionMs: { x: 2_880 * MINUTE }, soonMs: 10 * MINUTE });
    expect(policy.teamTemplates).toEqual([
      { id: 'welkom', title: 'Welkom', body: 'Dank voor uw bericht. {{paraaf}}', category: 'Algemeen', language: 'nl', sites: ['x', 'facebook'] },
      { id: 'afval', title: 'Afval', body: 'Meld het via de app.', category: 'Afval', language: 'nl', sites: ['x'], shortcut: 'afval', order: 3 },
    ]);
    expect(policy.tags).toEqual([{ id: 'afval', label: 'Afval', group: 'Dienstverlening', color: '#c8e6c9' }]);
    expect(policy.sync).toEqual({ url: 'https://sync.voorbeeld.nl/', database: 'webcare' });
    expect(policy.retentionDays).toBe(365);
    expect(policy.agentMayOverride).toEqual(['ownAccounts']);
  });

  it('treats no policy at all as an empty policy, without problems', () => {
    for (const raw of [undefined, null, {}]) expect(parseManaged(raw)).toEqual({ policy: {}, problems: [] });
  });

  it('fills the response targets IT left out with the defaults', () => {
    const { policy } = parseManaged({ sla: { firstResponseMinutes: { facebook: 480 } } });
    expect(policy.sla).toEqual({ ...DEFAULT_SLA_POLICY, firstResponseMs: { x: DEFAULT_SLA_POLICY.firstResponseMs.x, facebook: 480 * MINUTE } });
  });

  it('reports a key of the wrong type by name, with what was expected, and still applies the others', () => {
    const { policy, problems } = parseManaged({ ...fullPolicy, municipality: 42, retentionDays: '30', tags: 'afval, parkeren' });
    expect(problems.map((p) => [p.key, p.code])).toEqual([
      ['municipality', 'wrong-type'],
      ['tags', 'wrong-type'],
      ['retentionDays', 'wrong-type'],
    ]);
    expect(problems.find((p) => p.key === 'retentionDays')?.message).toBe('retentionDays: expected a whole number of days from 1 to 3650, found a string ("30")');
    expect(problems.find((p) => p.key === 'municipality')?.message).toMatch(/^municipality: expected the name of the municipality .*, found a number \(42\)$/);
    expect(policy).not.toHaveProperty('municipality');
    expect(policy).not.toHaveProperty('retentionDays');
    expect(policy).not.toHaveProperty('tags');
    expect(policy.sla?.firstResponseMs.x).toBe(30 * MINUTE);
    expect(policy.teamTemplates).toHaveLength(2);
    expect(policy.agentMayOverride).toEqual(['ownAccounts']);
  });

  it('names the place of a wrong value inside a key', () => {
    const { policy, problems } = parseManaged({
      sla: { firstResponseMinutes: { x: -5, facebook: 120 } },
      officeHours: { ...officeHours, week: { ...officeHours.week, 2: [{ start: '8:30', end: '17:00' }] } },
      sync: { url: 'http://sync.voorbeeld.nl', database: 'webcare' },
      retentionDays: 0,
      municipality: 'Gemeente Voorbeeld',
    });
    expect(policy).toEqual({ municipality: 'Gemeente Voorbeeld' });
    expect(problems.every((p) => p.code === 'invalid')).toBe(true);
    const message = (key: string) => problems.find((p) => p.key === key)?.message ?? '';
    expect(message('sla')).toMatch(/^sla\.firstResponseMinutes\.x: /);
    expect(message('officeHours')).toMatch(/^officeHours\.week\.2\[0\]\.start: Tuesday, shift 1: start \"8:30\" is not a time/);
    expect(message('sync')).toMatch(/^sync\.url: not an https URL/);
    expect(message('retentionDays')).toMatch(/^retentionDays: .*\(expected a whole number of days from 1 to 3650\)$/);
  });

  it('refuses response targets given in milliseconds: the policy counts in minutes', () => {
    const { policy, problems } = parseManaged({ sla: { firstResponseMs: { x: 3_600_000, facebook: 14_400_000 } } });
    expect(policy).toEqual({});
    expect(problems[0]).toMatchObject({ key: 'sla', code: 'invalid' });
    expect(problems[0]?.message).toContain('firstResponseMs');
  });

  it('refuses the whole template or tag set when one entry is wrong, so no agent loses a template to a typo', () => {
    const { policy, problems } = parseManaged({
      teamTemplates: [...fullPolicy.teamTemplates, { id: 'leeg', title: 'Leeg', body: '', category: '', language: 'nl', sites: ['x'] }],
      tags: [...fullPolicy.tags, { id: 'afval', label: 'Nogmaals', color: '#ffffff' }],
    });
    expect(policy).toEqual({});
    expect(problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^teamTemplates\[2\]\.body: /),
      expect.stringMatching(/^tags: the tag id "afval" occurs twice/),
    ]);
  });

  it('checks own accounts per entry and keeps them fit for the settings', () => {
    const { policy, problems } = parseManaged({ ownAccounts: { x: ['@gemeente voorbeeld'], facebook: ['Gemeente, Voorbeeld'] } });
    expect(policy).toEqual({});
    expect(problems[0]?.message).toMatch(/^ownAccounts: x\[0\]: an X handle is @ followed by/);
    expect(parseManaged({ ownAccounts: { facebook: ['Gemeente, Voorbeeld'] } }).problems[0]?.message).toMatch(/^ownAccounts: facebook\[0\]: a Page name cannot contain a comma/);
  });

  it('reports an unknown key and an unknown setting name, and keeps the rest', () => {
    const { policy, problems } = parseManaged({ muncipality: 'Gemeente Voorbeeld', agentMayOverride: ['sla', 'theme', 'sla'] });
    expect(policy).toEqual({ agentMayOverride: ['sla'] });
    expect(problems).toEqual([
      { key: 'muncipality', code: 'unknown-key', message: 'muncipality: Loket has no setting by this name; ignored' },
      { key: 'agentMayOverride', code: 'invalid', message: expect.stringMatching(/^agentMayOverride: "theme" is not a setting .*; ignored$/) },
    ]);
  });

  it('uses inline templates and tags when a URL is set as well, and says so', () => {
    const { policy, problems } = parseManaged({
      ...fullPolicy,
      teamTemplatesUrl: 'https://intranet.voorbeeld.nl/loket/templates.json',
      tagsUrl: 'https://intranet.voorbeeld.nl/loket/tags.json',
    });
    expect(policy.teamTemplates).toHaveLength(2);
    expect(policy).not.toHaveProperty('teamTemplatesUrl');
    expect(policy).not.toHaveProperty('tagsUrl');
    expect(problems.map((p) => [p.key, p.code])).toEqual([
      ['teamTemplatesUrl', 'conflict'],
      ['tagsUrl', 'conflict'],
    ]);
    expect(parseManaged({ tagsUrl: 'https://intranet.voorbeeld.nl/loket/tags.json' })).toEqual({
      policy: { tagsUrl: 'https://intranet.voorbeeld.nl/loket/tags.json' },
      problems: [],
    });
  });

  it('reports a policy that is not an object at all', () => {
    expect(parseManaged('municipality=Voorbeeld')).toEqual({
      policy: {},
      problems: [{ key: '(policy)', code: 'wrong-type', message: '(policy): expected an object of settings, found a string ("municipality=Voorbeeld")' }],
    });
  });

  it('keeps working on the last good value of a key that is wrong now', () => {
    const lastGood = parseManaged(fullPolicy).policy;
    const now = parseManaged({ ...fullPolicy, tags: [{ id: 'afval', label: 'Afval', color: 'green' }], retentionDays: undefined, bogus: 1 });
    const applied = withLastGood(now.policy, now.problems, lastGood);
    expect(applied.tags).toEqual(lastGood.tags);
    // A key IT removed is removed, not taken from the last good policy.
    expect(applied).not.toHaveProperty('retentionDays');
    expect(applied).not.toHaveProperty('bogus');
    expect(withLastGood(now.policy, now.problems, undefined)).toBe(now.policy);
  });

  it('reads the example policies in the guide for IT without a problem', () => {
    const guide = readFileSync('docs/it-rollout.md', 'utf8');
    const examples = [...guide.matchAll(/```json\n([\s\S]*?)```/g)].map((m): unknown => JSON.parse(m[1]!));
    const at = (value: unknown, ...path: string[]) => path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
    const policies = examples
      .flatMap((e) => [at(e, '3rdparty', 'extensions', '<extension-id>'), at(e, 'policies', '3rdparty', 'Extensions', 'loket@webcare.gemeente.nl')])
      .filter((p) => p !== undefined);
    expect(policies).toHaveLength(2);
    for (const policy of policies) expect(parseManaged(policy).problems).toEqual([]);
  });

  it('reads exactly the keys the schema in the package declares to Chrome', () => {
    const schema = managedSchemaFor(JSON.parse(readFileSync('assets/managed_schema.json', 'utf8'))) as { type: string; properties: Record<string, { type?: string }> };
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
    // Each key's type in the schema is the one parseManaged expects: anything else is a wrong type.
    const otherThan: Record<string, unknown> = { string: 1, integer: '1', boolean: 'true', object: [], array: {} };
    for (const [key, { type }] of Object.entries(schema.properties)) {
      expect(parseManaged({ [key]: otherThan[type!] }).problems[0], key).toMatchObject({ key, code: 'wrong-type' });
    }
  });

  it('declares one key per site of the registry wherever a value is per site, and reads each', () => {
    type Node = { properties: Record<string, Node>; type: string };
    const schema = managedSchemaFor(JSON.parse(readFileSync('assets/managed_schema.json', 'utf8'))) as unknown as Node;
    const sla = schema.properties.sla!.properties;
    for (const keys of [schema.properties.ownAccounts!.properties, sla.firstResponseMinutes!.properties, sla.resolutionMinutes!.properties]) {
      expect(Object.keys(keys)).toEqual([...SITES]);
    }
    const minutes = Object.fromEntries(SITES.map((site, i) => [site, 10 + i]));
    const accounts = Object.fromEntries(SITES.map((site) => [site, [siteMeta(site).ownAccount === 'handle' ? '@gemeente' : 'Gemeente']]));
    const { policy, problems } = parseManaged({ ownAccounts: accounts, sla: { firstResponseMinutes: minutes, resolutionMinutes: minutes } });
    expect(problems).toEqual([]);
    for (const [i, site] of SITES.entries()) expect(policy.sla?.firstResponseMs[site]).toBe((10 + i) * 60_000);
  });

  it('reads the tag list a tagsUrl serves', () => {
    const tags = [{ id: 'afval', label: 'Afval', color: '#c8e6c9' }];
    expect(parseManagedTags(tags)).toEqual({ ok: true, tags });
    expect(parseManagedTags({ tags })).toEqual({ ok: true, tags });
    expect(parseManagedTags('<html>')).toEqual({ ok: false, message: expect.stringMatching(/^tagsUrl: expected a list of tags/) });
    expect(parseManagedTags([{ id: 'afval', label: 'Afval', color: 'green' }])).toEqual({ ok: false, message: 'tagsUrl: tags[0].color: a colour is #rrggbb' });
  });
});

describe('the settings in force', () => {
  const personal: Settings = {
    ...DEFAULT_SETTINGS,
    agentName: 'Sanne de Vries',
    initials: 'SV',
    municipality: 'Gemeente Eigen',
    ownAccounts: '@eigen',
  };

  it('takes the organisation’s value over the agent’s, and the agent’s over the default', () => {
    const { policy } = parseManaged({ municipality: 'Gemeente Voorbeeld', sla: { firstResponseMinutes: { x: 30, facebook: 120 } }, retentionDays: 30 });
    const { settings, lockedKeys } = effectiveSettings(DEFAULT_SETTINGS, policy, { ...personal, retentionDays: 400 }, []);
    expect(settings).toEqual({
      ...personal,
      municipality: 'Gemeente Voorbeeld',
      sla: { ...DEFAULT_SLA_POLICY, firstResponseMs: { x: 30 * MINUTE, facebook: 120 * MINUTE } },
      retentionDays: 30,
    });
    expect(lockedKeys).toEqual(new Set(['municipality', 'sla', 'retentionDays']));
  });

  it('lets the agent’s own value win for a setting the organisation allows to change, without locking it', () => {
    const { policy } = parseManaged({ municipality: 'Gemeente Voorbeeld', ownAccounts: { x: ['@gemeentevoorbeeld'] }, agentMayOverride: ['ownAccounts'] });
    const { settings, lockedKeys } = effectiveSettings(DEFAULT_SETTINGS, policy, personal);
    expect(settings.ownAccounts).toBe('@eigen');
    expect(settings.municipality).toBe('Gemeente Voorbeeld');
    expect(lockedKeys).toEqual(new Set(['municipality']));
  });

  it('uses the organisation’s value as the starting value when the agent has not set one', () => {
    const { policy } = parseManaged({ ownAccounts: { x: ['@gemeentevoorbeeld'], facebook: ['Gemeente Voorbeeld'] }, officeHours, agentMayOverride: ['ownAccounts', 'officeHours'] });
    const { settings, lockedKeys } = effectiveSettings(DEFAULT_SETTINGS, policy, { ...DEFAULT_SETTINGS, agentName: 'Sanne' });
    expect(settings.ownAccounts).toBe('@gemeentevoorbeeld, Gemeente Voorbeeld');
    expect(settings.officeHours).toEqual(officeHours);
    expect(settings.agentName).toBe('Sanne');
    expect(lockedKeys.size).toBe(0);
  });

  it('counts a personal value equal to the default, in any key order, as not set', () => {
    const { policy } = parseManaged({ officeHours, agentMayOverride: ['officeHours'] });
    // As storage may give it back: the same calendar, its keys in another order.
    const week = Object.fromEntries(Object.entries(DEFAULT_CALENDAR.week).map(([day, shifts]) => [day, shifts.map(({ start, end }) => ({ end, start }))]));
    const reordered = Object.fromEntries(Object.entries({ ...DEFAULT_CALENDAR, week }).reverse()) as unknown as Settings['officeHours'];
    expect(effectiveSettings(DEFAULT_SETTINGS, policy, { officeHours: reordered }).settings.officeHours).toEqual(officeHours);
  });

  it('is the agent’s settings when there is no policy', () => {
    expect(effectiveSettings(DEFAULT_SETTINGS, {}, personal, [])).toEqual({ settings: personal, lockedKeys: new Set() });
    expect(effectiveSettings(DEFAULT_SETTINGS, {}, {}, []).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('gives the settings a policy sets in the form the settings keep them', () => {
    expect(managedSettings(parseManaged(fullPolicy).policy)).toEqual({
      municipality: 'Gemeente Voorbeeld',
      ownAccounts: '@gemeentevoorbeeld, @Voorbeeld_Info, Gemeente Voorbeeld',
      officeHours,
      sla: { firstResponseMs: { x: 30 * MINUTE, facebook: 120 * MINUTE }, resolutionMs: { x: 2_880 * MINUTE }, soonMs: 10 * MINUTE },
      retentionDays: 365,
    });
    expect(managedSettings({ tagsUrl: 'https://intranet.voorbeeld.nl/loket/tags.json' } satisfies ManagedPolicy)).toEqual({});
  });
});

describe('the team templates IT sets', () => {
  const existing: Template[] = [
    template('welkom', { order: 0, usageCount: 12, lastUsedAt: NOW - 1_000 }),
    template('mijn-groet', { scope: 'personal', order: 1, usageCount: 40, title: 'Mijn groet' }),
    template('oud', { order: 2, usageCount: 3 }),
    template('afval', { order: 3, usageCount: 7, body: 'Oude tekst' }),
  ];

  it('replaces the team set: added, changed and removed, keeping usage figures and the agent’s order', () => {
    const merged = mergeTeamTemplates(existing, [incoming('afval', { body: 'Nieuwe tekst' }), incoming('welkom'), incoming('parkeren')], NOW);
    expect(merged.map((t) => t.id)).toEqual(['welkom', 'mijn-groet', 'afval', 'parkeren']);
    const byId = new Map(merged.map((t) => [t.id, t]));
    expect(byId.get('welkom')).toBe(existing[0]); // unchanged: the same template, figures and all
    expect(byId.get('afval')).toMatchObject({ body: 'Nieuwe tekst', usageCount: 7, order: 3, updatedAt: NOW });
    expect(byId.get('parkeren')).toMatchObject({ scope: 'team', usageCount: 0, order: 4, updatedAt: NOW });
    expect(byId.has('oud')).toBe(false);
  });

  it('never touches personal templates, even when the team set is empty', () => {
    const merged = mergeTeamTemplates(existing, []);
    expect(merged).toEqual([existing[1]]);
    expect(merged[0]).toBe(existing[1]);
  });

  it('gives a team template whose id a personal template has its own id, the same every time', () => {
    const once = mergeTeamTemplates(existing, [incoming('mijn-groet', { title: 'Groet van het team' })]);
    expect(once.map((t) => [t.id, t.scope, t.title])).toEqual([
      ['mijn-groet', 'personal', 'Mijn groet'],
      ['team:mijn-groet', 'team', 'Groet van het team'],
    ]);
    const used = once.map((t) => (t.id === 'team:mijn-groet' ? { ...t, usageCount: 5 } : t));
    const twice = mergeTeamTemplates(used, [incoming('mijn-groet', { title: 'Groet van het team' })]);
    expect(twice).toEqual(used);
  });
});

describe('the tags IT sets', () => {
  const existing: Tag[] = [
    { id: 'afval', label: 'Afval', group: 'Dienstverlening', color: '#c8e6c9' },
    { id: 'parkeren', label: 'Parkeren', group: 'Dienstverlening', color: '#d1c4e9' },
    { id: 'corona', label: 'Corona', color: '#eeeeee', retired: true },
  ];

  it('retires a tag removed centrally, so old cases still show it, and adds and updates the others', () => {
    const merged = mergeTags(existing, [
      { id: 'afval', label: 'Afval en grondstoffen', group: 'Dienstverlening', color: '#dcedc8' },
      { id: 'wonen', label: 'Wonen', color: '#ffe0b2' },
    ]);
    expect(merged).toEqual([
      { id: 'afval', label: 'Afval en grondstoffen', group: 'Dienstverlening', color: '#dcedc8' },
      { id: 'wonen', label: 'Wonen', color: '#ffe0b2' },
      { id: 'parkeren', label: 'Parkeren', group: 'Dienstverlening', color: '#d1c4e9', retired: true },
      { id: 'corona', label: 'Corona', color: '#eeeeee', retired: true },
    ]);
  });

  it('brings a retired tag back when the organisation adds it again, and drops a group it no longer gives', () => {
    const merged = mergeTags(existing, [
      { id: 'corona', label: 'Corona', color: '#eeeeee' },
      { id: 'afval', label: 'Afval', color: '#c8e6c9' },
      { id: 'parkeren', label: 'Parkeren', group: 'Dienstverlening', color: '#d1c4e9' },
    ]);
    expect(merged.find((t) => t.id === 'corona')).toEqual({ id: 'corona', label: 'Corona', color: '#eeeeee' });
    expect(merged.find((t) => t.id === 'afval')).toEqual({ id: 'afval', label: 'Afval', color: '#c8e6c9' });
    expect(merged.some((t) => t.retired)).toBe(false);
  });
});

describe('the B1 indicator by policy', () => {
  it('is turned off and locked by readabilityIndicator: false, reported when it is no boolean, open to the agent when allowed', () => {
    const { policy, problems } = parseManaged({ readabilityIndicator: false });
    expect(problems).toEqual([]);
    const locked = effectiveSettings(DEFAULT_SETTINGS, policy, { readabilityIndicator: true });
    expect(locked.settings.readabilityIndicator).toBe(false);
    expect(locked.lockedKeys.has('readabilityIndicator')).toBe(true);
    expect(parseManaged({ readabilityIndicator: 'nee' }).problems.map((p) => p.key)).toEqual(['readabilityIndicator']);
    const open = effectiveSettings(DEFAULT_SETTINGS, { ...policy, agentMayOverride: ['readabilityIndicator'] }, {});
    expect(open.lockedKeys.has('readabilityIndicator')).toBe(false);
    expect(DEFAULT_SETTINGS.readabilityIndicator).toBe(true);
  });
});
