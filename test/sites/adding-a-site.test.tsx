/**
 * Adding a site is its folder and one registry line: with a registry that lists a third site, everything
 * derived from the registry — manifest, policy schema, message schemas, default targets, policy reading,
 * template values, exports, person search and the forms — knows it, without another change.
 */
import { render } from 'preact';
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { SiteMeta } from '../../src/sites/site-meta';

vi.mock('../../src/sites/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/sites/registry')>();
  const instagram: SiteMeta<'instagram'> = {
    id: 'instagram',
    label: 'Instagram',
    domains: ['instagram.com'],
    hosts: ['instagram.com', 'www.instagram.com'],
    caseId: {
      prefix: 'ig',
      parse: (key) => (/^[A-Za-z0-9_-]{5,40}$/.test(key) ? { postId: key } : null),
      format: (postId) => postId,
    },
    firstResponseMinutes: 120,
    ownAccount: 'handle',
    ownAccountHelp: 'Instagram handles, e.g. ["@gemeentevoorbeeld"].',
  };
  const metas = [...real.SITE_METAS, instagram] as unknown as typeof real.SITE_METAS;
  return { ...real, ...real.createRegistry(metas as readonly SiteMeta<string>[]), SITE_METAS: metas };
});

// Every module below reaches the registry through its own imports.
const { SITES, caseIdFor, siteForHost } = await import('../../src/sites/registry');
const { manifestFor } = await import('../../scripts/manifest');
const { managedSchemaFor } = await import('../../scripts/managed-schema');
const { postRefSchema, requestSchemas } = await import('../../src/protocol/schemas');
const { slaSchema } = await import('../../src/domain/settings-schema');
const { DEFAULT_SLA_POLICY } = await import('../../src/domain/sla-policy');
const { parseManaged } = await import('../../src/domain/managed');
const { templateValues } = await import('../../src/domain/template-values');
const { handoverRecord } = await import('../../src/exports/handover-export');
const { personQuery } = await import('../../src/domain/person');
const { DEFAULT_SETTINGS } = await import('../../src/domain/settings');
const { OfficeHoursForm } = await import('../../src/options/office-hours-form');
const { PeriodChooser } = await import('../../src/reports/period-chooser');

type Site = (typeof SITES)[number];
const INSTAGRAM = 'instagram' as Site;

describe('a site added to the registry', () => {
  it('is a site, with its hosts and case ids', () => {
    expect([...SITES]).toEqual(['x', 'facebook', 'instagram']);
    expect(siteForHost('www.instagram.com')).toBe('instagram');
    expect(caseIdFor(INSTAGRAM, 'C0dEabc123')).toBe('ig:C0dEabc123');
  });

  it('is in both browsers’ manifests: host permissions and content-script matches', () => {
    const base = JSON.parse(readFileSync('manifest.json', 'utf8'));
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifestFor(base, browser, '1.0.0') as { host_permissions: string[]; content_scripts: Array<{ matches: string[] }> };
      expect(m.host_permissions).toEqual(expect.arrayContaining(['https://x.com/*', 'https://www.facebook.com/*', 'https://instagram.com/*', 'https://www.instagram.com/*']));
      expect(m.content_scripts[0]!.matches).toEqual(m.host_permissions);
    }
  });

  it('has its keys in the policy schema, and a policy for it is read', () => {
    type Node = { properties: Record<string, Node>; items: Node; description?: string };
    const schema = managedSchemaFor(JSON.parse(readFileSync('assets/managed_schema.json', 'utf8'))) as unknown as Node;
    expect(Object.keys(schema.properties.ownAccounts!.properties)).toEqual(['x', 'facebook', 'instagram']);
    expect(schema.properties.ownAccounts!.properties.instagram!.description).toMatch(/Instagram handles/);
    expect(Object.keys(schema.properties.sla!.properties.firstResponseMinutes!.properties)).toEqual(['x', 'facebook', 'instagram']);
    expect(schema.properties.teamTemplates!.items.properties.sites!.description).toBe('Where the template is offered: "x", "facebook", "instagram".');

    const { policy, problems } = parseManaged({ ownAccounts: { instagram: ['gemeente'] }, sla: { firstResponseMinutes: { instagram: 30 } } });
    expect(problems).toEqual([]);
    expect(policy.ownAccounts).toEqual({ x: [], facebook: [], instagram: ['@gemeente'] });
    expect(policy.sla?.firstResponseMs).toEqual({ x: 3_600_000, facebook: 14_400_000, instagram: 1_800_000 });
    expect(parseManaged({ ownAccounts: { instagram: ['not a handle'] } }).problems[0]?.message).toMatch(/instagram\[0\].*an Instagram handle/);
  });

  it('is in the message schemas and has its default response target', () => {
    expect(DEFAULT_SLA_POLICY.firstResponseMs).toEqual({ x: 3_600_000, facebook: 14_400_000, instagram: 7_200_000 });
    const post = { caseId: 'ig:C0dEabc123', site: 'instagram', url: 'https://www.instagram.com/p/C0dEabc123/', author: { name: 'Jan' }, text: 'Hoi', postedAt: 1, postedAtSource: 'page' };
    expect(postRefSchema.safeParse(post).success).toBe(true);
    expect(postRefSchema.safeParse({ ...post, site: 'facebook' }).success).toBe(false);
    expect(requestSchemas['health/report'].safeParse({ site: 'instagram', kind: 'layout-not-recognised', pageKind: 'home', detail: '' }).success).toBe(true);
    expect(requestSchemas['health/report'].safeParse({ site: 'tiktok', kind: 'layout-not-recognised', pageKind: 'home', detail: '' }).success).toBe(false);
    // Settings saved before the site existed keep what the agent set; the new site takes its default.
    const saved = slaSchema.parse({ firstResponseMs: { x: 60_000, facebook: 120_000 }, resolutionMs: {}, soonMs: 0 });
    expect(saved.firstResponseMs).toEqual({ x: 60_000, facebook: 120_000, instagram: 7_200_000 });
  });

  it('is named by its label in templates, handovers, and found by its profile links', () => {
    const caseId = caseIdFor(INSTAGRAM, 'C0dEabc123');
    const values = templateValues({ author: { name: 'Jan' }, caseId, site: INSTAGRAM }, { municipality: 'Voorbeeld', agentName: 'Sanne', initials: 'SV' }, 0);
    expect(values.kanaal).toBe('Instagram');
    const c = { id: caseId, site: INSTAGRAM, url: 'https://www.instagram.com/p/C0dEabc123/', author: { name: 'Jan', handle: '@jan' }, text: 'Hoi' };
    expect(handoverRecord({ ...c, handover: { category: 'Afval', note: 'n', at: 0, by: 'Sanne' } } as never).channel).toBe('Instagram');
    expect(personQuery('https://www.instagram.com/jan_de_vries')).toMatchObject({ site: 'instagram', profile: 'instagram.com/jan_de_vries', handle: 'jan_de_vries' });
  });

  it('gets its response targets on the options page and its channel in the reports', () => {
    const options = document.createElement('div');
    render(<OfficeHoursForm settings={{ ...DEFAULT_SETTINGS }} onSaved={() => undefined} locked={false} />, options);
    const labels = [...options.querySelectorAll('label')].map((l) => l.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Eerste reactie op X', 'Eerste reactie op Facebook', 'Eerste reactie op Instagram']));
    expect((options.querySelector('#sla-instagram') as HTMLInputElement).value).toBe('120');

    const reports = document.createElement('div');
    const choice = { preset: 'custom' as const, range: { from: '2026-11-01', to: '2026-11-30' }, site: 'all' as const };
    render(<PeriodChooser choice={choice} onPreset={() => undefined} onRange={() => undefined} onSite={() => undefined} />, reports);
    const channels = [...reports.querySelectorAll('[data-testid="period-site"] option')].map((o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(channels).toEqual([['all', expect.any(String)], ['x', 'X'], ['facebook', 'Facebook'], ['instagram', 'Instagram']]);
  });
});
