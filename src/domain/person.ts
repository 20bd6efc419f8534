/**
 * One citizen across sites, for an access request (AVG art. 15) or an erasure request (art. 17): which cases
 * are by this author, which events belong to them (through their case id), what an erasure removes, and
 * the audit record that says an erasure happened without keeping what was erased.
 *
 * What the agent types is one of:
 *   @jan_de_vries                        a handle (X), with or without @, any case
 *   jan.jansen.1234                      a Facebook user name or profile id (read from the profile URL)
 *   https://x.com/Jan_de_Vries           a profile URL (x.com/twitter.com and www./m. variants are the same)
 *   Jan de Vries, jan, Vries Jan         a display name: every word typed is a whole word of the name,
 *                                        in any order, ignoring case and accents ("Jose" finds "José")
 * Words match whole: "Jan" does not find "Janssen" or "@janssen".
 */
import type { Case } from './case';
import type { CaseEvent } from './case-event';
import type { Author } from './post-ref';
import { SITES, siteForDomain, siteMeta, type Site } from './site';

export interface PersonQuery {
  /** What the agent typed, trimmed: shown in the export's header. */
  raw: string;
  /** A lower-case handle or user name without @, when the query can be one. */
  handle?: string;
  /** The normalised words of a display name, when the query can be one. */
  nameWords?: string[];
  /** A normalised profile URL ("x.com/jan"), when the query is one. */
  profile?: string;
  /** The site of that profile URL: a handle read from it names someone on that site only. */
  site?: Site;
}

// A link on one of the sites' domains (src/sites/<site>/meta.ts), with or without scheme and common subdomain.
const LINK_HOST = /^(?:https?:\/\/)?([^/?#\s]+)\//i;
const SUBDOMAIN = /^(?:www|m|mobile|web)\./;
// X handles are letters, digits and _; Facebook user names add dots; profile ids are digits.
const HANDLE = /^[\p{L}\p{N}_.]+$/u;

/** Parses what the agent typed; null when there is nothing to search for. */
export function personQuery(input: string): PersonQuery | null {
  const raw = input.trim();
  if (raw === '') return null;
  const linkHost = LINK_HOST.exec(raw)?.[1];
  const site = linkHost === undefined ? null : siteForDomain(linkHost.toLowerCase().replace(SUBDOMAIN, ''));
  if (site !== null) {
    const profile = normaliseProfileUrl(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    if (profile === undefined) return null;
    const handle = handleFromProfile(profile);
    return handle === undefined ? { raw, profile, site } : { raw, profile, site, handle };
  }
  if (raw.startsWith('@')) {
    const handle = raw.slice(1).toLowerCase();
    return HANDLE.test(handle) ? { raw, handle } : null;
  }
  const nameWords = words(raw);
  const query: PersonQuery = { raw };
  if (nameWords.length > 0) query.nameWords = nameWords;
  if (HANDLE.test(raw)) query.handle = raw.toLowerCase();
  return query.nameWords || query.handle ? query : null;
}

/** Whether the case's author is the person asked for. A string is parsed with `personQuery` first. */
export function matchesPerson(c: Pick<Case, 'site' | 'author'>, query: string | PersonQuery): boolean {
  const q = typeof query === 'string' ? personQuery(query) : query;
  if (q === null) return false;
  const author = c.author;
  if (q.profile !== undefined && author.profileUrl !== undefined && normaliseProfileUrl(author.profileUrl) === q.profile) return true;
  if (q.handle !== undefined && (q.site === undefined || q.site === c.site) && handlesOf(author).has(q.handle)) return true;
  if (q.nameWords !== undefined) {
    const name = new Set(words(author.name));
    if (q.nameWords.every((w) => name.has(w))) return true;
  }
  return false;
}

/** Every case by the person and every event of those cases, cases by posted time, events by time. */
export function findPerson(
  cases: readonly Case[],
  events: readonly CaseEvent[],
  query: string | PersonQuery,
): { cases: Case[]; events: CaseEvent[] } {
  const q = typeof query === 'string' ? personQuery(query) : query;
  if (q === null) return { cases: [], events: [] };
  const found = cases.filter((c) => matchesPerson(c, q)).sort(byPosted);
  return { cases: found, events: eventsOf(found, events) };
}

/** The events that belong to these cases (through their case id), oldest first. */
export function eventsOf(cases: readonly Pick<Case, 'id'>[], events: readonly CaseEvent[]): CaseEvent[] {
  const ids = new Set<string>(cases.map((c) => c.id));
  return events.filter((e) => ids.has(e.caseId)).sort(byTime);
}

export interface ErasureCounts {
  cases: number;
  events: number;
}

/** What an erasure removes: totals and per site. Only counts: safe to show, log and keep. */
export interface ErasureSummary extends ErasureCounts {
  perSite: Record<Site, ErasureCounts>;
}

/** Counts what erasing these cases removes; events count only when they belong to one of the cases. */
export function eraseSummary(cases: readonly Case[], events: readonly CaseEvent[]): ErasureSummary {
  const perSite = Object.fromEntries(SITES.map((s) => [s, { cases: 0, events: 0 }])) as Record<Site, ErasureCounts>;
  const siteOf = new Map<string, Site>();
  for (const c of cases) {
    if (siteOf.has(c.id)) continue;
    siteOf.set(c.id, c.site);
    perSite[c.site].cases++;
  }
  let eventCount = 0;
  for (const e of events) {
    const site = siteOf.get(e.caseId);
    if (site === undefined) continue;
    perSite[site].events++;
    eventCount++;
  }
  return { cases: siteOf.size, events: eventCount, perSite };
}

/** Why data was removed: a citizen's erasure request, or the retention period ending. */
export type ErasureReason = 'request' | 'retention';

/**
 * The audit record of an erasure. It proves that an erasure happened, by whom, when and how much — and
 * holds nothing of what was erased: no handle, name, text, link or case id. Stored apart from the events
 * of cases, since the cases it is about no longer exist.
 */
export interface ErasureRecord {
  kind: 'erasure';
  reason: ErasureReason;
  at: number;
  actor: string;
  cases: number;
  events: number;
  perSite: Record<Site, ErasureCounts>;
}

/**
 * Builds the audit record from counts only. Fields are copied one number at a time, so a caller that
 * passes a richer object (the cases themselves, the query) cannot slip personal data into the record.
 */
export function erasureEvent(actor: string, now: number, counts: ErasureSummary, reason: ErasureReason = 'request'): ErasureRecord {
  const perSite = Object.fromEntries(
    SITES.map((s) => [s, { cases: count(counts.perSite?.[s]?.cases), events: count(counts.perSite?.[s]?.events) }]),
  ) as Record<Site, ErasureCounts>;
  return { kind: 'erasure', reason, at: now, actor, cases: count(counts.cases), events: count(counts.events), perSite };
}

/**
 * Every place that holds a citizen's personal data, which an erasure (and a retention purge) must clean.
 * Storage code and its tests check against this list: a store that keeps case data and is not here is a
 * leak. `key` says how the records of one case are found there.
 */
export const PERSONAL_DATA_PLACES = [
  { place: 'cases', key: 'case id (key path id)', holds: 'author name, handle and profile URL, post text and link, handover note' },
  { place: 'events', key: "case id (index by-case: [caseId, at])", holds: 'changes with before/after values, internal notes, handover notes' },
  { place: 'alerts', key: "case id (index by-case; the keys themselves contain the case id)", holds: 'case ids of response-timer alerts shown' },
  { place: 'search-index', key: 'case id', holds: 'any search index over cases (names, handles, words of posts); none is stored yet' },
] as const;

export type PersonalDataPlace = (typeof PERSONAL_DATA_PLACES)[number]['place'];

/** Accent- and case-free words: "José van Dijk-Ćosić" → ["jose", "van", "dijk", "cosic"]. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[øłđæœßı]/g, (ch) => LETTERS[ch] ?? ch)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

// Letters that Unicode does not decompose into a base letter and an accent.
const LETTERS: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

/**
 * "x.com/jan", "facebook.com/jan.jansen.1234", "facebook.com/profile.php?id=1000…": one spelling per
 * profile, whatever host variant, letter case, query or trailing slash the page used.
 */
export function normaliseProfileUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  let host = parsed.hostname.toLowerCase().replace(SUBDOMAIN, '');
  // One spelling per site: its canonical domain ("twitter.com" is "x.com").
  const site = siteForDomain(host);
  if (site !== null) host = siteMeta(site).domains[0] ?? host;
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  if (path === '/profile.php') {
    const id = parsed.searchParams.get('id');
    return id ? `${host}/profile.php?id=${id}` : undefined;
  }
  return path === '' ? undefined : `${host}${path}`;
}

/** The handle or user name a normalised profile URL names: its one path segment, or the profile id. */
function handleFromProfile(profile: string): string | undefined {
  const id = /\/profile\.php\?id=(.+)$/.exec(profile);
  if (id) return id[1];
  const path = profile.slice(profile.indexOf('/') + 1);
  return path !== '' && !path.includes('/') && HANDLE.test(path) ? path : undefined;
}

/** The author's handle and, from the profile URL, the user name or profile id: lower case, without @. */
function handlesOf(author: Author): Set<string> {
  const out = new Set<string>();
  if (author.handle) out.add(author.handle.replace(/^@/, '').toLowerCase());
  const profile = author.profileUrl === undefined ? undefined : normaliseProfileUrl(author.profileUrl);
  const fromProfile = profile === undefined ? undefined : handleFromProfile(profile);
  if (fromProfile !== undefined) out.add(fromProfile);
  return out;
}

function count(n: unknown): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : 0;
}

function byPosted(a: Case, b: Case): number {
  return a.postedAt - b.postedAt || compareText(a.id, b.id);
}

/** Time, then store order; without store order (events not yet written) the kind and field decide. */
function byTime(a: CaseEvent, b: CaseEvent): number {
  return a.at - b.at || (a.seq ?? 0) - (b.seq ?? 0) || compareText(a.kind, b.kind) || compareText(a.field ?? '', b.field ?? '');
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
