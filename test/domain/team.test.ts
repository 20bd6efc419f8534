import { describe, expect, it } from 'vitest';
import { isAwayAt, readTeamPolicy, roleOf, teamList, type PolicyMember, type Presence } from '../../src/domain/team';
import { parseManaged } from '../../src/domain/managed';

const T = Date.UTC(2026, 11, 3, 9, 0);
const presence = (p: Partial<Presence> & Pick<Presence, 'client' | 'name'>): Presence => ({ initials: '', seenAt: T, changedAt: T, ...p });

describe('team list', () => {
  const policy: PolicyMember[] = [
    { name: 'Bram de Vries', initials: 'BV', role: 'lead' },
    { name: 'Anna', initials: 'AJ', role: 'webcare' },
  ];

  it('merges the policy and presence by name: the role from the policy, last seen from any browser', () => {
    const team = teamList(policy, [presence({ client: 'b1', name: 'bram de vries ', initials: 'xx', seenAt: T - 5_000 }), presence({ client: 'k', name: 'Kees', initials: 'KK' })], T);
    expect(team.map((m) => m.name)).toEqual(['Anna', 'Bram de Vries', 'Kees']);
    expect(team[1]).toEqual({ name: 'Bram de Vries', initials: 'BV', role: 'lead', inPolicy: true, seenAt: T - 5_000 });
    expect(team[2]).toEqual({ name: 'Kees', initials: 'KK', role: 'webcare', inPolicy: false, seenAt: T });
    expect(team[0]!.seenAt).toBeUndefined();
  });

  it('one agent in two browsers: the newest last seen, and the away state of the browser that changed it last', () => {
    const away = { since: T - 60_000 };
    const laptop = presence({ client: 'l', name: 'Anna', seenAt: T - 1_000, changedAt: T - 10_000, away });
    const desktop = presence({ client: 'd', name: 'Anna', seenAt: T - 9_000, changedAt: T - 20_000 });
    expect(teamList([], [laptop, desktop], T)[0]).toMatchObject({ seenAt: T - 1_000, away });
    // Back on the desktop, later: no longer away.
    expect(teamList([], [laptop, { ...desktop, changedAt: T - 5_000 }], T)[0]!.away).toBeUndefined();
  });

  it('an absence whose end time passed is over', () => {
    const p = presence({ client: 'a', name: 'Anna', away: { since: T - 10, until: T } });
    expect(teamList([], [p], T)[0]!.away).toBeUndefined();
    expect(teamList([], [p], T - 1)[0]!.away).toEqual({ since: T - 10, until: T });
    expect(isAwayAt({ since: T + 1 }, T)).toBe(false);
  });

  it('a role comes only from the policy; a stranger is webcare', () => {
    const team = teamList(policy, [presence({ client: 'x', name: 'Zoë' })], T);
    expect(roleOf(team, 'bram de vries')).toBe('lead');
    expect(roleOf(team, 'Zoë')).toBe('webcare');
    expect(roleOf(team, 'Nobody')).toBe('webcare');
  });

  it('nameless presence is left out', () => {
    expect(teamList([], [presence({ client: 'x', name: '  ' })], T)).toEqual([]);
  });
});

describe('policy key team', () => {
  it('reads members with roles, defaulting to webcare', () => {
    expect(readTeamPolicy([{ name: 'Bram', initials: 'BV', role: 'lead' }, { name: 'Kees' }])).toEqual({
      ok: true,
      value: [
        { name: 'Bram', initials: 'BV', role: 'lead' },
        { name: 'Kees', initials: '', role: 'webcare' },
      ],
    });
  });

  it('refuses a wrong role, a missing name and a name twice, naming the entry', () => {
    expect(readTeamPolicy([{ name: 'Bram', role: 'boss' }])).toEqual({ ok: false, problem: 'team[0].role: expected one of webcare, kcc, lead' });
    expect(readTeamPolicy([{ initials: 'X' }])).toMatchObject({ ok: false, problem: expect.stringContaining('team[0].name') });
    expect(readTeamPolicy([{ name: 'Bram' }, { name: 'bram' }])).toMatchObject({ ok: false, problem: expect.stringContaining('occurs twice') });
  });

  it('is a policy key: a wrong value is reported and left out, the rest applies', () => {
    const good = parseManaged({ team: [{ name: 'Bram', role: 'kcc' }], municipality: 'Voorbeeld' });
    expect(good.policy.team).toEqual([{ name: 'Bram', initials: '', role: 'kcc' }]);
    const bad = parseManaged({ team: [{ name: 'Bram', role: 'chef' }], municipality: 'Voorbeeld' });
    expect(bad.policy.team).toBeUndefined();
    expect(bad.policy.municipality).toBe('Voorbeeld');
    expect(bad.problems).toEqual([expect.objectContaining({ key: 'team', code: 'invalid' })]);
  });
});
