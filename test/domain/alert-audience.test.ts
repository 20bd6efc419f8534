import { describe, expect, it } from 'vitest';
import { alertAudience, alerts, nextAudienceChange, workingDayMs, type AudienceContext } from '../../src/domain/alert-audience';
import { DEFAULT_CALENDAR } from '../../src/domain/office-hours';
import { teamList } from '../../src/domain/team';

const H = 3_600_000;
// Thursday 3 December 2026, 10:00 in Amsterdam (office 08:30–17:00 on weekdays).
const NOW = Date.UTC(2026, 11, 3, 9, 0);
const open = { status: 'new' as const, dueAt: NOW + H };
const team = teamList(
  [
    { name: 'Lea', initials: 'LL', role: 'lead' },
    { name: 'Kim', initials: 'KK', role: 'kcc' },
  ],
  [
    { client: 'a', name: 'Anna', initials: 'AA', seenAt: NOW - 60_000, changedAt: 0 },
    { client: 'b', name: 'Bram', initials: 'BB', seenAt: NOW - 60_000, changedAt: NOW - 120_000, away: { since: NOW - 120_000 } },
    // Last synced Wednesday 10:00: a full working day of office time ago.
    { client: 'c', name: 'Cor', initials: 'CC', seenAt: NOW - 24 * H, changedAt: 0 },
    // Last synced Wednesday 16:00: one office hour on Wednesday and one and a half today.
    { client: 'd', name: 'Dien', initials: 'DD', seenAt: NOW - 18 * H, changedAt: 0 },
  ],
  NOW,
);
const ctx: AudienceContext = { team, calendar: DEFAULT_CALENDAR, now: NOW, synced: true };
const who = (assignee: string | undefined, kind: 'soon' | 'overdue' = 'soon') => {
  const audience = alertAudience({ ...open, ...(assignee ? { assignee } : {}) }, kind, ctx);
  return ['Anna', 'Bram', 'Cor', 'Dien', 'Lea', 'Kim', ''].filter((me) => alerts(me, audience, team));
};
const everyone = ['Anna', 'Bram', 'Cor', 'Dien', 'Lea', 'Kim', ''];

describe('who is alerted for a case', () => {
  it('nobody’s case: the pool (everyone, an agent without a name too)', () => {
    expect(alertAudience(open, 'soon', ctx)).toEqual({ to: 'pool', reason: 'unassigned', leads: false });
    expect(who(undefined)).toEqual(everyone);
  });

  it('a present assignee’s case: the assignee only (name compared without case)', () => {
    expect(who('Anna')).toEqual(['Anna']);
    expect(who('anna')).toEqual(['Anna']);
  });

  it('an away assignee’s case: the pool', () => {
    expect(alertAudience({ ...open, assignee: 'Bram' }, 'soon', ctx)).toMatchObject({ to: 'pool', reason: 'away', assignee: 'Bram' });
    expect(who('Bram')).toEqual(everyone);
  });

  it('an assignee not seen by sync for a working day of office time: the pool; seen within it: the assignee', () => {
    expect(alertAudience({ ...open, assignee: 'Cor' }, 'soon', ctx)).toMatchObject({ to: 'pool', reason: 'unseen' });
    expect(who('Dien')).toEqual(['Dien']);
  });

  it('an assignee no browser ever reported, with sync on: unseen; without sync: trusted', () => {
    expect(alertAudience({ ...open, assignee: 'Kim' }, 'soon', ctx)).toMatchObject({ to: 'pool', reason: 'unseen' });
    expect(alertAudience({ ...open, assignee: 'Kim' }, 'soon', { ...ctx, synced: false })).toMatchObject({ to: 'assignee' });
  });

  it('an overdue case also alerts every lead; a case becoming soon does not', () => {
    expect(who('Anna', 'overdue')).toEqual(['Anna', 'Lea']);
    expect(who('Anna', 'soon')).toEqual(['Anna']);
  });

  it('an answered, closed or untimed case alerts nobody, leads included', () => {
    for (const c of [{ ...open, firstResponseAt: NOW }, { ...open, status: 'closed' as const }, { status: 'new' as const }]) {
      const audience = alertAudience(c, 'overdue', ctx);
      expect(audience).toEqual({ to: 'nobody' });
      expect(alerts('Lea', audience, team)).toBe(false);
    }
  });

  it('a working day is the longest day of the weekly hours', () => {
    expect(workingDayMs(DEFAULT_CALENDAR)).toBe(8.5 * H);
    expect(workingDayMs({ ...DEFAULT_CALENDAR, week: { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] } })).toBe(8 * H);
  });

  it('the next change by the clock: an absence’s end, or someone becoming unseen', () => {
    const ends = teamList([], [{ client: 'a', name: 'Anna', initials: '', seenAt: NOW, changedAt: NOW, away: { since: NOW - 1, until: NOW + 2 * H } }], NOW);
    expect(nextAudienceChange({ ...ctx, team: ends, synced: false })).toBe(NOW + 2 * H);
    // Seen now (Thursday 10:00): unseen after 8.5 office hours, Friday 10:00.
    expect(nextAudienceChange({ ...ctx, team: ends })).toBe(NOW + 2 * H);
    const seen = teamList([], [{ client: 'a', name: 'Anna', initials: '', seenAt: NOW, changedAt: NOW }], NOW);
    expect(nextAudienceChange({ ...ctx, team: seen })).toBe(NOW + 24 * H);
  });
});
