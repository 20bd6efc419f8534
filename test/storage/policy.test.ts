import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/protocol/messages';
import type { LoketDatabase } from '../../src/storage/db';
import { applyPolicyData, policyChanged, readPolicy } from '../../src/storage/policy';
import { loadPersonalSettings, loadSettings, loadSettingsState, saveSettings } from '../../src/storage/settings';
import { saveTemplate } from '../../src/storage/template-store';
import { listTags } from '../../src/storage/tag-store';
import { resetFakeBrowser, setManaged } from '../support/fake-browser';
import { openTestDatabase } from '../support/test-database';

const realFetch = globalThis.fetch;
let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => {
  resetFakeBrowser();
  policyChanged();
  ({ db, dispose } = await openTestDatabase('policy'));
});
afterEach(async () => {
  globalThis.fetch = realFetch;
  await dispose();
});

const teamTemplate = { id: 'org:afval', title: 'Afval (gemeente)', body: 'Hoi {{voornaam}}, {{paraaf}}', category: 'Afval', language: 'nl', sites: ['x', 'facebook'] };

describe('the organisation’s policy in the background', () => {
  it('locks what the organisation set, keeps the agent’s own value underneath, and lets allowed keys be overridden', async () => {
    setManaged({ municipality: 'Gemeente Voorbeeld', retentionDays: 30, agentMayOverride: ['retentionDays'] });
    const state = await loadSettingsState();
    expect(state.settings.municipality).toBe('Gemeente Voorbeeld');
    expect(state.lockedKeys).toEqual(['municipality']);
    await saveSettings({ ...state.settings, municipality: 'Iets anders', agentName: 'Anna', retentionDays: 60 });
    expect(await loadSettings()).toMatchObject({ municipality: 'Gemeente Voorbeeld', agentName: 'Anna', retentionDays: 60 });
    expect((await loadPersonalSettings()).municipality).toBe(DEFAULT_SETTINGS.municipality);
  });

  it('reports a wrong value by key and keeps the last good one', async () => {
    setManaged({ municipality: 'Gemeente Voorbeeld', retentionDays: 30 });
    expect((await loadSettings()).retentionDays).toBe(30);
    setManaged({ municipality: 'Gemeente Voorbeeld', retentionDays: 'dertig' });
    policyChanged();
    const { problems } = await readPolicy();
    expect(problems.map((p) => p.key)).toEqual(['retentionDays']);
    expect(problems[0]!.message).toMatch(/^retentionDays: /);
    expect((await loadSettings()).retentionDays).toBe(30);
  });

  it('replaces the team templates with the organisation’s set, leaves personal ones, and retires removed tags', async () => {
    await saveTemplate(db, { id: 'own:1', title: 'Mijn eigen', body: 'Hallo', category: 'Algemeen', language: 'nl', sites: ['x'], scope: 'personal' }, 1);
    await listTags(db); // the default tag set is seeded
    setManaged({ teamTemplates: [teamTemplate], tags: [{ id: 'afval', label: 'Afval', group: 'Dienstverlening', color: '#c8e6c9' }] });
    expect(await applyPolicyData(db, 2)).toEqual({ templates: true, tags: true });
    const templates = await db.getAll('templates');
    expect(templates.map((t) => t.id).sort()).toEqual(['org:afval', 'own:1']);
    const tags = await db.getAll('tags');
    expect(tags.find((t) => t.id === 'afval')?.retired).toBeUndefined();
    expect(tags.find((t) => t.id === 'klacht')?.retired).toBe(true);
    // Applying the same policy again changes nothing.
    expect(await applyPolicyData(db, 3)).toEqual({ templates: false, tags: false });
  });

  it('keeps the last good team set when the URL cannot be read, and says so', async () => {
    setManaged({ teamTemplatesUrl: 'https://intranet.gemeente.example/loket/sjablonen.json' });
    const before = (await db.getAll('templates')).length;
    globalThis.fetch = async () => new Response('nope', { status: 404 });
    await applyPolicyData(db, 1);
    expect((await db.getAll('templates')).length).toBe(before);
    const { problems } = await readPolicy();
    expect(problems).toEqual([expect.objectContaining({ key: 'teamTemplatesUrl', message: expect.stringContaining('could not be read (HTTP 404)') })]);
  });
});
