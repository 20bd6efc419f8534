import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { dueRule, settingsChanged } from '../../src/background/changes';
import { database } from '../../src/background/database';
import { caseIdFor } from '../../src/domain/case-id';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/messages';
import { getCase, trackPost } from '../../src/storage/case-store';
import { resetFakeBrowser, sent } from '../support/fake-browser';

const MIN = 60_000;
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const before: Settings = {
  ...DEFAULT_SETTINGS,
  officeHours: { ...DEFAULT_SETTINGS.officeHours, week: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY } },
};
const T0 = Date.UTC(2026, 10, 24, 9);

beforeEach(() => resetFakeBrowser());
afterAll(async () => (await database()).close());

describe('a change of the settings in force (saved by the agent, or set by the organisation)', () => {
  it('works waiting cases’ due times out again when the SLA changes, and tells every view', async () => {
    const db = await database();
    await trackPost(db, { caseId: caseIdFor('x', '7'), site: 'x', url: 'https://x.com/a/status/7', author: { name: 'A' }, text: 'vraag', postedAt: T0, postedAtSource: 'page' }, 'Anna', T0, dueRule(before));
    expect((await getCase(db, caseIdFor('x', '7')))?.dueAt).toBe(T0 + 60 * MIN);

    const after: Settings = { ...before, sla: { ...before.sla, firstResponseMs: { x: 120 * MIN, facebook: 240 * MIN } } };
    await settingsChanged(before, after, T0 + MIN);
    expect((await getCase(db, caseIdFor('x', '7')))?.dueAt).toBe(T0 + 120 * MIN);
    const pushes = sent.map((m) => (m as { push?: string }).push);
    expect(pushes).toEqual(['settings/changed', 'case/changed']);
  });

  it('leaves due times alone when only the agent’s name changes', async () => {
    await settingsChanged(before, { ...before, agentName: 'Bram' }, T0 + 2 * MIN);
    expect(sent.map((m) => (m as { push?: string }).push)).toEqual(['settings/changed']);
  });
});
