import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';
import type { Author } from '../../src/domain/post-ref';
import {
  eraseSummary,
  erasureEvent,
  findPerson,
  matchesPerson,
  normaliseProfileUrl,
  PERSONAL_DATA_PLACES,
  personQuery,
  words,
} from '../../src/domain/person';

const T0 = Date.UTC(2026, 10, 26, 9, 0);

function onX(id: string, author: Author, text = 'Wanneer wordt het grofvuil opgehaald?'): Case {
  return { id: caseIdFor('x', id), site: 'x', url: `https://x.com/${author.handle?.slice(1)}/status/${id}`, author, text, postedAt: T0 + Number(id), postedAtSource: 'page', status: 'new', tags: [], createdAt: T0, updatedAt: T0 };
}

function onFacebook(id: string, author: Author, text = 'Lantaarnpaal kapot in de Dorpsstraat'): Case {
  return { id: caseIdFor('facebook', id), site: 'facebook', url: `https://www.facebook.com/gemeente/posts/${id}`, author, text, postedAt: T0 + Number(id), postedAtSource: 'page', status: 'new', tags: [], createdAt: T0, updatedAt: T0 };
}

const jose = onX('101', { name: 'José van Dijk', handle: '@JoseVD', profileUrl: 'https://x.com/JoseVD' });
const joseFb = onFacebook('202', { name: 'Jose van Dijk', profileUrl: 'https://www.facebook.com/jose.vandijk.7' });
const joseById = onFacebook('203', { name: 'J. van Dijk', profileUrl: 'https://www.facebook.com/profile.php?id=100001234567890' });
const janssen = onX('104', { name: 'Piet Janssen', handle: '@janssen', profileUrl: 'https://x.com/janssen' });
const jan = onX('105', { name: 'Jan 🌷 de Vries', handle: '@jan', profileUrl: 'https://x.com/jan' });
const fbJan = onFacebook('206', { name: 'Jan Bakker', profileUrl: 'https://www.facebook.com/jan' });

describe('personQuery', () => {
  it('reads handles, names, user names and profile URLs', () => {
    expect(personQuery('  @JoseVD ')).toEqual({ raw: '@JoseVD', handle: 'josevd' });
    expect(personQuery('José van Dijk')).toEqual({ raw: 'José van Dijk', nameWords: ['jose', 'van', 'dijk'] });
    expect(personQuery('jose.vandijk.7')).toMatchObject({ handle: 'jose.vandijk.7' });
    expect(personQuery('https://twitter.com/JoseVD/')).toEqual({ raw: 'https://twitter.com/JoseVD/', profile: 'x.com/josevd', site: 'x', handle: 'josevd' });
    expect(personQuery('m.facebook.com/profile.php?id=100001234567890&ref=x')).toMatchObject({ profile: 'facebook.com/profile.php?id=100001234567890', site: 'facebook' });
  });

  it('finds nothing to search for in an empty or meaningless query', () => {
    expect(personQuery('')).toBeNull();
    expect(personQuery('   ')).toBeNull();
    expect(personQuery('@')).toBeNull();
    expect(personQuery('!!! ?')).toBeNull();
    expect(matchesPerson(jose, '')).toBe(false);
  });
});

describe('matchesPerson', () => {
  it.each(['@JoseVD', '@josevd', 'JoseVD', 'josevd', 'https://x.com/josevd', 'https://twitter.com/JoseVD', 'x.com/JoseVD?s=20'])('finds the X author by %j', (q) => {
    expect(matchesPerson(jose, q)).toBe(true);
  });

  it.each(['José van Dijk', 'jose van dijk', 'JOSÉ', 'Dijk', 'van Dijk José', 'Dijk, José'])('finds the name %j ignoring accents, case and order', (q) => {
    expect(matchesPerson(jose, q)).toBe(true);
    expect(matchesPerson(joseFb, q)).toBe(true);
  });

  it('finds a Facebook author by user name, profile id or profile URL', () => {
    expect(matchesPerson(joseFb, 'jose.vandijk.7')).toBe(true);
    expect(matchesPerson(joseFb, 'https://www.facebook.com/Jose.VanDijk.7/')).toBe(true);
    expect(matchesPerson(joseById, '100001234567890')).toBe(true);
    expect(matchesPerson(joseById, 'https://m.facebook.com/profile.php?id=100001234567890')).toBe(true);
    expect(matchesPerson(joseById, 'https://www.facebook.com/profile.php?id=100001234567891')).toBe(false);
  });

  it('matches whole words and whole handles only', () => {
    expect(matchesPerson(janssen, 'Jan')).toBe(false);
    expect(matchesPerson(janssen, '@jan')).toBe(false);
    expect(matchesPerson(jan, '@janssen')).toBe(false);
    expect(matchesPerson(jan, 'Jan')).toBe(true);
    expect(matchesPerson(jan, 'Jan de Vries')).toBe(true);
    expect(matchesPerson(jan, 'Jan Vriesland')).toBe(false);
    expect(matchesPerson(jose, 'José van Dijkstra')).toBe(false);
    expect(matchesPerson(jose, 'Dij')).toBe(false);
    expect(matchesPerson(jose, '@JoseV')).toBe(false);
  });

  it('keeps a profile URL to its own site', () => {
    expect(matchesPerson(jan, 'https://x.com/jan')).toBe(true);
    expect(matchesPerson(fbJan, 'https://x.com/jan')).toBe(false);
    expect(matchesPerson(fbJan, 'https://www.facebook.com/jan')).toBe(true);
    expect(matchesPerson(jan, 'https://www.facebook.com/jan')).toBe(false);
  });

  it('does not look at the text of the post', () => {
    const mention = onX('107', { name: 'Kees', handle: '@kees' }, 'Zie ook wat @JoseVD (José van Dijk) schreef');
    expect(matchesPerson(mention, '@JoseVD')).toBe(false);
    expect(matchesPerson(mention, 'José van Dijk')).toBe(false);
  });
});

describe('words and profile URLs', () => {
  it('folds accents and letters Unicode does not decompose', () => {
    expect(words('Zoë Ćosić-Øster Łukasz Straße')).toEqual(['zoe', 'cosic', 'oster', 'lukasz', 'strasse']);
  });

  it('writes one profile one way', () => {
    expect(normaliseProfileUrl('https://www.facebook.com/profile.php?id=42&sk=about')).toBe('facebook.com/profile.php?id=42');
    expect(normaliseProfileUrl('https://twitter.com/Jan/')).toBe('x.com/jan');
    expect(normaliseProfileUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseProfileUrl('not a url')).toBeUndefined();
  });
});

const events: CaseEvent[] = [
  { seq: 1, caseId: jose.id, at: T0, actor: 'Anna', kind: 'created' },
  { seq: 2, caseId: janssen.id, at: T0, actor: 'Anna', kind: 'created' },
  { seq: 3, caseId: joseFb.id, at: T0 + 1, actor: 'Anna', kind: 'created' },
  { seq: 4, caseId: jose.id, at: T0 + 2, actor: 'Anna', kind: 'note', after: 'Belt morgen terug, José van Dijk' },
  { seq: 5, caseId: joseById.id, at: T0 + 3, actor: 'Bram', kind: 'changed', field: 'status', before: 'new', after: 'closed' },
];

describe('findPerson and eraseSummary', () => {
  it('finds the cases on both sites and their events through the case id', () => {
    const found = findPerson([janssen, joseById, joseFb, jose], events, 'van Dijk');
    expect(found.cases.map((c) => c.id)).toEqual([jose.id, joseFb.id, joseById.id]);
    expect(found.events.map((e) => e.seq)).toEqual([1, 3, 4, 5]);
  });

  it('counts what an erasure removes, per site, counting only events of the erased cases', () => {
    expect(eraseSummary([jose, joseFb, joseById, jose], events)).toEqual({
      cases: 3,
      events: 4,
      perSite: { x: { cases: 1, events: 2 }, facebook: { cases: 2, events: 2 } },
    });
    expect(eraseSummary([], events)).toEqual({ cases: 0, events: 0, perSite: { x: { cases: 0, events: 0 }, facebook: { cases: 0, events: 0 } } });
  });
});

describe('erasureEvent', () => {
  it('records that, when, by whom and how much — and nothing that was erased', () => {
    const found = findPerson([jose, joseFb, joseById, janssen], events, '@JoseVD');
    const summary = eraseSummary(found.cases, found.events);
    // A careless caller passing more than counts must not leak it either.
    const careless = { ...summary, query: '@JoseVD', cases: summary.cases, erased: found.cases } as unknown as typeof summary;
    const record = erasureEvent('Anna', T0 + 10, careless);
    expect(record).toEqual({ kind: 'erasure', reason: 'request', at: T0 + 10, actor: 'Anna', cases: 1, events: 2, perSite: { x: { cases: 1, events: 2 }, facebook: { cases: 0, events: 0 } } });
    const stored = JSON.stringify(record);
    for (const secret of ['JoseVD', 'josevd', 'José', 'Jose', 'Dijk', 'grofvuil', 'Belt morgen', 'x.com', '101', jose.id]) {
      expect(stored).not.toContain(secret);
    }
  });

  it('can record a retention purge the same way', () => {
    expect(erasureEvent('', T0, eraseSummary([jose], events), 'retention')).toMatchObject({ reason: 'retention', cases: 1, events: 2 });
  });
});

describe('PERSONAL_DATA_PLACES', () => {
  it('names every store that holds case data, so erasure code can be checked against it', () => {
    expect(PERSONAL_DATA_PLACES.map((p) => p.place)).toEqual(['cases', 'events', 'alerts', 'search-index']);
  });
});
