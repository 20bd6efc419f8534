import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALARM, checkAlerts } from '../../src/background/alerts';
import { caseIdFor } from '../../src/domain/case-id';
import type { OfficeCalendar } from '../../src/domain/office-hours';
import type { PostRef } from '../../src/domain/post-ref';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/messages';
import { recomputeDue, trackPost, updateCase } from '../../src/storage/case-store';
import type { LoketDatabase } from '../../src/storage/db';
import { alarms, notifications, resetFakeBrowser } from '../support/fake-browser';
import { firstResponseDue } from '../../src/domain/sla-policy';
import { openTestDatabase } from '../support/test-database';
import type { TeamMember } from '../../src/domain/team';

const MIN = 60_000;
const ALWAYS_OPEN: OfficeCalendar = {
  timeZone: 'Europe/Amsterdam',
  week: { 1: [{ start: '00:00', end: '24:00' }], 2: [{ start: '00:00', end: '24:00' }], 3: [{ start: '00:00', end: '24:00' }], 4: [{ start: '00:00', end: '24:00' }], 5: [{ start: '00:00', end: '24:00' }], 6: [{ start: '00:00', end: '24:00' }], 7: [{ start: '00:00', end: '24:00' }] },
  goodFriday: false,
  liberationDay: 'never',
  closingDays: ['2026-12-25'],
};
const settings: Settings = { ...DEFAULT_SETTINGS, agentName: 'Anna', officeHours: ALWAYS_OPEN, sla: { firstResponseMs: { x: 60 * MIN, facebook: 240 * MIN }, resolutionMs: {}, soonMs: 15 * MIN } };
const due = (s: Settings) => (postedAt: number, site: 'x' | 'facebook') => firstResponseDue(postedAt, site, s.sla, s.officeHours);

const T0 = Date.UTC(2026, 10, 24, 9, 0); // Tuesday 10:00 in Amsterdam
const post = (id: string, postedAt = T0): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/a/status/${id}`,
  author: { name: 'Burger', handle: '@burger' },
  text: 'Mijn container is niet geleegd',
  postedAt,
  postedAtSource: 'page',
});

let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => {
  resetFakeBrowser();
  ({ db, dispose } = await openTestDatabase('alerts'));
});
afterEach(() => dispose());

describe('response-timer alerts', () => {
  it('stores the due time from the policy when a post becomes a case', async () => {
    const { case: c } = await trackPost(db, post('1'), 'Anna', T0, due(settings));
    expect(c.dueAt).toBe(T0 + 60 * MIN);
  });

  it('sets the alarm for the next "soon", alerts once per state, and never twice across restarts', async () => {
    await trackPost(db, post('1'), 'Anna', T0, due(settings));
    await checkAlerts(db, settings, T0 + 10 * MIN);
    expect(notifications).toEqual([]);
    expect(alarms.get(ALARM)?.when).toBe(T0 + 45 * MIN);

    await checkAlerts(db, settings, T0 + 46 * MIN);
    expect(notifications.map((x) => x.title)).toEqual(['Bijna te laat: bericht van Burger']);
    expect(alarms.get(ALARM)?.when).toBe(T0 + 60 * MIN);

    // The worker restarts and checks again at the same moment: nothing new.
    await checkAlerts(db, settings, T0 + 47 * MIN);
    expect(notifications).toHaveLength(1);

    await checkAlerts(db, settings, T0 + 61 * MIN);
    expect(notifications.map((x) => x.title)).toEqual(['Bijna te laat: bericht van Burger', 'Te laat: bericht van Burger wacht nog op antwoord']);
    expect(notifications[1]!.id).toBe('loket:x:1');
    expect(alarms.has(ALARM)).toBe(false);
    await checkAlerts(db, settings, T0 + 90 * MIN);
    expect(notifications).toHaveLength(2);
  });

  it('shows only the overdue alert for a case that became overdue while the browser was closed', async () => {
    await trackPost(db, post('1'), 'Anna', T0, due(settings));
    await checkAlerts(db, settings, T0 + 3 * 60 * MIN);
    expect(notifications.map((x) => x.title)).toEqual(['Te laat: bericht van Burger wacht nog op antwoord']);
  });

  it('alerts for the agent’s own and unassigned cases only, and not once answered', async () => {
    await trackPost(db, post('1'), 'Anna', T0, due(settings));
    await trackPost(db, post('2'), 'Anna', T0, due(settings));
    await trackPost(db, post('3'), 'Anna', T0, due(settings));
    await updateCase(db, caseIdFor('x', '2'), { assignee: 'Bram' }, 'Bram', T0);
    await updateCase(db, caseIdFor('x', '3'), { firstResponseAt: T0 + 5 * MIN }, 'Anna', T0 + 5 * MIN);
    await checkAlerts(db, settings, T0 + 61 * MIN);
    expect(notifications.map((x) => x.id)).toEqual(['loket:x:1']);
  });

  it('moves the due times of waiting cases when the policy changes, and alerts again for the new due time', async () => {
    await trackPost(db, post('1'), 'Anna', T0, due(settings));
    await trackPost(db, post('2'), 'Anna', T0, due(settings));
    await updateCase(db, caseIdFor('x', '2'), { firstResponseAt: T0 + 5 * MIN }, 'Anna', T0 + 5 * MIN);
    await checkAlerts(db, settings, T0 + 50 * MIN);
    expect(notifications).toHaveLength(1);
    const slower: Settings = { ...settings, sla: { ...settings.sla, firstResponseMs: { x: 120 * MIN, facebook: 240 * MIN } } };
    const moved = await recomputeDue(db, due(slower), T0 + 50 * MIN);
    expect(moved.map((c) => [c.id, c.dueAt])).toEqual([['x:1', T0 + 120 * MIN]]); // the answered one keeps its time
    await checkAlerts(db, slower, T0 + 106 * MIN);
    expect(notifications).toHaveLength(2);
  });

  describe('alerts follow the team (alert-audience.ts)', () => {
    const T_ALL = T0 + 61 * MIN;
    const member = (name: string, extra: Partial<TeamMember> = {}): TeamMember => ({ name, initials: '', role: 'webcare', inPolicy: false, seenAt: T_ALL - MIN, ...extra });
    const overdueFor = async (me: string, members: TeamMember[], synced = true) => {
      notifications.length = 0;
      await checkAlerts(db, { ...settings, agentName: me }, T_ALL, { members, synced });
      return notifications.map((x) => x.id);
    };

    it('a case of a present colleague alerts only them; away or unseen, it alerts everyone', async () => {
      await trackPost(db, post('9'), 'Anna', T0, due(settings));
      await updateCase(db, caseIdFor('x', '9'), { assignee: 'Bram' }, 'Anna', T0);
      expect(await overdueFor('Anna', [member('Anna'), member('Bram')])).toEqual([]);
      expect(await overdueFor('Anna', [member('Anna'), member('Bram', { away: { since: T0 } })])).toEqual(['loket:x:9']);
    });

    it('an assignee unseen by sync for a working day alerts everyone; without sync the assignee is trusted', async () => {
      await trackPost(db, post('9'), 'Anna', T0, due(settings));
      await updateCase(db, caseIdFor('x', '9'), { assignee: 'Bram' }, 'Anna', T0);
      // ALWAYS_OPEN: a working day is 24 hours of office time.
      expect(await overdueFor('Anna', [member('Anna'), member('Bram', { seenAt: T_ALL - 25 * 60 * MIN })], false)).toEqual([]);
      expect(await overdueFor('Anna', [member('Anna'), member('Bram', { seenAt: T_ALL - 25 * 60 * MIN })])).toEqual(['loket:x:9']);
    });

    it('a lead is alerted for every overdue case, a colleague’s too', async () => {
      await trackPost(db, post('9'), 'Anna', T0, due(settings));
      await updateCase(db, caseIdFor('x', '9'), { assignee: 'Bram' }, 'Anna', T0);
      expect(await overdueFor('Lea', [member('Bram'), member('Lea', { role: 'lead' })])).toEqual(['loket:x:9']);
      expect(await overdueFor('Kim', [member('Bram'), member('Kim', { role: 'kcc' })])).toEqual([]);
    });
  });
});
