/**
 * The team: who a case can be assigned to, who is away, and who leads. Two sources, merged by name:
 *
 *   policy `team` (IT: name, initials, role) ─┐
 *                                             ├─ teamList ──▶ TeamMember[] (sorted by name)
 *   presence documents (team sync: one per    │
 *   browser — name, initials, seen, away) ────┘
 *
 * An agent is known by name (the assignee of a case is a name, as every change's actor is). One agent may use
 * several browsers: each writes its own presence, so two browsers never race for one document; the newest
 * last-seen counts, and the away state of the browser that changed it last. The role comes from the policy
 * only: an agent cannot make themself a lead. Pure: no browser API.
 */

export const TEAM_ROLES = ['webcare', 'kcc', 'lead'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

/** An agent as the organisation's policy names them. */
export interface PolicyMember {
  name: string;
  initials: string;
  role: TeamRole;
}

/** Away from work, from `since`, until `until` (absent: until the agent says they are back). */
export interface Away {
  since: number;
  until?: number;
}

/** What one browser says about its agent through team sync (the `presence:<client id>` document). */
export interface Presence {
  /** The sync client id of the browser that wrote it. */
  client: string;
  name: string;
  initials: string;
  /** The last sync run of that browser. */
  seenAt: number;
  away?: Away;
  /** When name, initials or away last changed in that browser: the newest change wins across browsers. */
  changedAt: number;
}

export interface TeamMember {
  name: string;
  initials: string;
  role: TeamRole;
  /** Named in the organisation's policy. */
  inPolicy: boolean;
  /** The latest sync of any of the agent's browsers; absent: never seen through sync. */
  seenAt?: number;
  /** Away now (an away whose end time passed is over). */
  away?: Away;
}

/** Away at `now`: set, begun, and not ended by its end time. */
export function isAwayAt(away: Away | undefined, now: number): away is Away {
  return away !== undefined && away.since <= now && (away.until === undefined || away.until > now);
}

const key = (name: string) => name.trim().toLocaleLowerCase('nl');

/** Same agent: names compared without case and outer spaces ("bram" is "Bram "). */
export function sameAgent(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && key(a) !== '' && key(a) === key(b);
}

/** The team list: the policy's members and everyone seen through sync, one entry per name, sorted by name. */
export function teamList(policy: readonly PolicyMember[], presences: readonly Presence[], now: number): TeamMember[] {
  const byName = new Map<string, TeamMember & { changedAt: number }>();
  for (const m of policy) {
    if (key(m.name) === '') continue;
    byName.set(key(m.name), { name: m.name, initials: m.initials, role: m.role, inPolicy: true, changedAt: Number.NEGATIVE_INFINITY });
  }
  for (const p of presences) {
    const k = key(p.name);
    if (k === '') continue;
    const found = byName.get(k);
    if (!found) {
      byName.set(k, { name: p.name.trim(), initials: p.initials, role: 'webcare', inPolicy: false, seenAt: p.seenAt, changedAt: p.changedAt, ...(p.away ? { away: p.away } : {}) });
      continue;
    }
    found.seenAt = Math.max(found.seenAt ?? Number.NEGATIVE_INFINITY, p.seenAt);
    if (p.changedAt > found.changedAt) {
      found.changedAt = p.changedAt;
      if (!found.inPolicy && p.initials) found.initials = p.initials;
      if (p.away) found.away = p.away;
      else delete found.away;
    }
  }
  return [...byName.values()]
    .map(({ changedAt: _c, away, ...m }) => (isAwayAt(away, now) ? { ...m, away } : m))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/** The member of that name, if the team list has one. */
export function memberNamed(team: readonly TeamMember[], name: string | undefined): TeamMember | undefined {
  return name === undefined ? undefined : team.find((m) => sameAgent(m.name, name));
}

/** An agent's role: the policy's, else webcare. */
export function roleOf(team: readonly TeamMember[], name: string): TeamRole {
  return memberNamed(team, name)?.role ?? 'webcare';
}

/** What the policy key `team` should hold (for IT's error messages). */
export const TEAM_POLICY_EXPECTED = 'a list of team members, [{ "name": "Bram de Vries", "initials": "BV", "role": "webcare" | "kcc" | "lead" }]';

/** Reads the policy key `team`: each entry checked; a wrong entry makes the key wrong, naming the entry. */
export function readTeamPolicy(value: unknown): { ok: true; value: PolicyMember[] } | { ok: false; problem: string } {
  if (!Array.isArray(value)) return { ok: false, problem: 'team: expected a list' };
  if (value.length > 500) return { ok: false, problem: 'team: more than 500 members' };
  const members: PolicyMember[] = [];
  for (const [i, entry] of value.entries()) {
    const at = `team[${i}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { ok: false, problem: `${at}: expected an object` };
    const { name, initials, role } = entry as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 100) return { ok: false, problem: `${at}.name: expected a name (1–100 characters)` };
    if (initials !== undefined && (typeof initials !== 'string' || initials.length > 10)) return { ok: false, problem: `${at}.initials: expected up to 10 characters` };
    if (role !== undefined && !(TEAM_ROLES as readonly unknown[]).includes(role)) return { ok: false, problem: `${at}.role: expected one of ${TEAM_ROLES.join(', ')}` };
    if (members.some((m) => sameAgent(m.name, name))) return { ok: false, problem: `${at}.name: ${JSON.stringify(name)} occurs twice` };
    members.push({ name: name.trim(), initials: typeof initials === 'string' ? initials : '', role: (role as TeamRole | undefined) ?? 'webcare' });
  }
  return { ok: true, value: members };
}
