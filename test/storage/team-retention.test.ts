import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LoketDatabase } from '../../src/storage/db';
import { policyChanged } from '../../src/storage/policy';
import { saveSettings, loadSettings } from '../../src/storage/settings';
import { writeSyncConfig } from '../../src/storage/sync-config';
import { saveSyncStatus } from '../../src/storage/sync-meta';
import { MERGED_WITHIN_MS, purgePolicy, retentionPolicy } from '../../src/storage/team-retention';
import { resetFakeBrowser, setManaged } from '../support/fake-browser';
import { openTestDatabase } from '../support/test-database';

const NOW = Date.UTC(2026, 5, 1, 9);
let db: LoketDatabase;
let dispose: () => Promise<void>;

beforeEach(async () => {
  resetFakeBrowser();
  policyChanged();
  ({ db, dispose } = await openTestDatabase('team-retention'));
  await saveSettings({ ...(await loadSettings()), retentionDays: 7 });
});
afterEach(() => dispose());

describe('the purge’s retention period in a browser', () => {
  it('alone: the agent’s own 7 days, at once', async () => {
    expect(await purgePolicy(db, NOW)).toMatchObject({ closedCaseDays: 7 });
  });

  it('in a team: at least the team’s period, and only after a sync in the last hour', async () => {
    await writeSyncConfig({ enabled: true, url: 'https://couch.example.nl', database: 'loket', username: 'anna', session: { state: 'signed-in', name: 'anna', since: NOW } });
    expect(await retentionPolicy(db)).toEqual({ closedCaseDays: 90, source: 'default' });
    // Never synced: the cases here are not merged with the colleagues' yet.
    expect(await purgePolicy(db, NOW)).toBeNull();
    await saveSyncStatus(db, { state: 'idle', pending: 0, failures: 0, lastSyncAt: NOW - MERGED_WITHIN_MS - 1 });
    expect(await purgePolicy(db, NOW)).toBeNull();
    await saveSyncStatus(db, { state: 'idle', pending: 0, failures: 0, lastSyncAt: NOW - 60_000 });
    expect(await purgePolicy(db, NOW)).toMatchObject({ closedCaseDays: 90 });
    await db.put('syncMeta', { key: 'team', rev: '1-a', retentionDays: 180 });
    expect(await purgePolicy(db, NOW)).toMatchObject({ closedCaseDays: 180 });
  });

  it('in a team with a policy that lets agents choose: the policy’s value is the floor', async () => {
    setManaged({ retentionDays: 30, agentMayOverride: ['retentionDays'] });
    policyChanged();
    await writeSyncConfig({ enabled: true, url: 'https://couch.example.nl', database: 'loket', username: 'anna', session: { state: 'signed-in', name: 'anna', since: NOW } });
    expect(await retentionPolicy(db)).toEqual({ closedCaseDays: 30, source: 'policy' });
  });
});
