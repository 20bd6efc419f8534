/**
 * Merging two versions of one case that were changed apart (two agents offline, or two browsers racing for
 * the server). Pure and deterministic: every client merging the same two versions gets the same case, and
 * `mergeCases(a, b)` equals `mergeCases(b, a)`.
 *
 * Each agent field (status, assignee, firstResponseAt, dueAt, handover, noReplyReason, kcc) and each tag is a register with a
 * change history: the stamps (time, actor, unique id) of the changes that led to its value, oldest first,
 * the newest being the change that set the value. The histories travel on the case document
 * (`clocks`); see local-changes.ts for how a browser stamps its own changes from its audit events.
 *
 * The rule, field by field (for tags: tag by tag, presence being the value):
 * 1. Same value on both sides: nothing to decide.
 * 2. Only one side has changed the field at all, or one side's history holds the other's newest change (it
 *    saw that change and went on from it): that side wins. Not a conflict.
 * 3. Otherwise the two changes were made apart: the later change wins — by time, then, at the same
 *    millisecond, the actor whose name sorts last (code-unit order), then the value whose JSON sorts last,
 *    then the stamp id. This is a real conflict for status, assignee, handover, kcc and tags: the merged case
 *    carries `conflict` ("changed by two people"), with the losing values. dueAt is worked out from the SLA
 *    policy, not set by a person: the later one wins quietly. firstResponseAt is a first time: the earliest
 *    wins, and two different first responses mark a conflict (two people replied).
 *    Fields nobody changed that still differ (two browsers tracked the post apart) take the larger value.
 * Deletions are of two kinds, and the deleted document says which (`deletion`):
 * - An erasure (a citizen's request, AVG art. 17) wins over any edit, however late: an agent's offline edit
 *   must not bring the erased data back. A tombstone that says nothing (older clients) counts as an erasure.
 * - A retention purge removed the case because its last change (`lastChangeAt`, the merged updatedAt the
 *   purging browser saw) was past the team's retention period. It wins only over versions that are not
 *   newer than that: a version changed later (a colleague reopened the case, added a note) wins over the
 *   purge, and the case lives on. Of two purges, the one that saw the later change is kept.
 *   Between an erasure and a purge, the erasure.
 * Post content (text, url, author, posted time) merges like refreshFromPost: the longer text, a time read
 * from the page over a first-seen time, the earliest first-seen time. updatedAt is the later, createdAt the
 * earlier. Both sides' audit events stay: events are separate, immutable documents.
 */
import type { Case } from '../domain/case';
import { CLOCKED_FIELDS, type CaseClocks, type ClockedField, type Deletion, type Stamp } from '../storage/sync-records';
import { timePrecision } from '../domain/post-ref';

export { CLOCKED_FIELDS, type CaseClocks, type ClockedField, type Deletion, type Stamp };

/** A history keeps its newest changes only; older ones were seen by everyone long ago. */
export const CLOCK_DEPTH = 16;

/** "Changed by two people": the fields both changed apart, who did, when, and what each losing side had. */
import type { ConflictMarker } from '../domain/case';
export type { ConflictMarker };

/** A case as sync sees it: it may carry a conflict marker (`Case.conflict`) for the views to show. */
export type SyncedCase = Case;

export type CaseVersion = { deleted: false; case: SyncedCase; clocks: CaseClocks } | { deleted: true; deletion?: Deletion };

/** A deletion as the merge reads it: one that does not say its kind is an erasure (it must not be undone). */
export function deletionOf(version: Extract<CaseVersion, { deleted: true }>): Deletion {
  return version.deletion ?? { kind: 'erasure' };
}

export interface MergeResult {
  merged: CaseVersion;
  /** Fields changed on both sides to different values (a real conflict), sorted. */
  conflicts: string[];
}

const HUMAN_FIELDS: ReadonlySet<string> = new Set(['status', 'assignee', 'handover', 'kcc', 'tags', 'firstResponseAt']);
const CONTENT_KEYS = new Set(['id', 'site', 'url', 'author', 'text', 'postedAt', 'postedAtSource', 'createdAt', 'updatedAt', 'tags', 'conflict', 'aliases', ...CLOCKED_FIELDS]);

export function emptyClocks(): CaseClocks {
  return { fields: {}, tags: {} };
}

export function mergeCases(a: CaseVersion, b: CaseVersion): MergeResult {
  if (a.deleted || b.deleted) return { merged: mergeDeletion(a, b), conflicts: [] };
  const x = a.case;
  const y = b.case;
  const conflictFields: string[] = [];
  const actors = new Set<string>();
  const lost: Record<string, unknown> = {};
  let conflictAt = 0;
  const fields: CaseClocks['fields'] = {};
  const merged: Record<string, unknown> = mergeContent(x, y);

  for (const field of CLOCKED_FIELDS) {
    const r = resolve(a.clocks.fields[field], b.clocks.fields[field], x[field], y[field], field === 'firstResponseAt' ? earliestWins : undefined);
    if (r.clock.length > 0) fields[field] = r.clock;
    const value = r.side === 'a' ? x[field] : y[field];
    if (value !== undefined) merged[field] = value;
    if (r.concurrent && HUMAN_FIELDS.has(field)) {
      conflictFields.push(field);
      lost[field] = (r.side === 'a' ? y[field] : x[field]) ?? null;
      for (const s of r.stamps) actors.add(s.actor);
      conflictAt = Math.max(conflictAt, ...r.stamps.map((s) => s.at));
    }
  }

  const tags = mergeTags(a, b);
  merged.tags = tags.tags;
  if (tags.concurrent.length > 0) {
    conflictFields.push('tags');
    lost.tags = tags.lost;
    for (const s of tags.stamps) actors.add(s.actor);
    conflictAt = Math.max(conflictAt, ...tags.stamps.map((s) => s.at));
  }

  conflictFields.sort();
  const fresh: ConflictMarker | undefined =
    conflictFields.length > 0 ? { fields: conflictFields, actors: [...actors].sort(), at: conflictAt, lost: sortKeys(lost) } : undefined;
  const marker = latestMarker([x.conflict, y.conflict, fresh]);
  if (marker) merged.conflict = marker;
  else delete merged.conflict;

  return { merged: { deleted: false, case: merged as unknown as SyncedCase, clocks: { fields, tags: tags.clocks } }, conflicts: conflictFields };
}

/** At least one side is deleted: an erasure wins; a purge wins unless the other side changed the case later. */
function mergeDeletion(a: CaseVersion, b: CaseVersion): CaseVersion {
  const gone = [a, b].filter((v): v is Extract<CaseVersion, { deleted: true }> => v.deleted).map(deletionOf);
  if (gone.some((d) => d.kind === 'erasure')) return { deleted: true, deletion: { kind: 'erasure' } };
  const lastChangeAt = Math.max(...gone.map((d) => (d.kind === 'retention' ? d.lastChangeAt : 0)));
  const live = a.deleted ? b : a;
  if (!live.deleted && live.case.updatedAt > lastChangeAt) return live;
  return { deleted: true, deletion: { kind: 'retention', lastChangeAt } };
}

type Side = 'a' | 'b';

interface Resolution {
  side: Side;
  clock: Stamp[];
  /** Both sides changed the register apart, to different values. */
  concurrent: boolean;
  /** The two competing newest changes, when concurrent. */
  stamps: Stamp[];
}

/** Decides one register. `decide` replaces "the later change wins" for concurrent changes. */
function resolve(
  ca: readonly Stamp[] | undefined,
  cb: readonly Stamp[] | undefined,
  va: unknown,
  vb: unknown,
  decide?: (va: unknown, vb: unknown) => Side,
): Resolution {
  const la = ca?.at(-1);
  const lb = cb?.at(-1);
  const settle = (side: Side, concurrent = false): Resolution => ({
    side,
    clock: joinClocks(side === 'a' ? ca : cb, side === 'a' ? cb : ca),
    concurrent,
    stamps: concurrent ? [la!, lb!] : [],
  });
  if (same(va, vb)) {
    // Either side will do for the value; the history follows the side whose newest change sorts last, so it
    // is the same whichever side is called a.
    return settle(historyOrder(ca, cb) >= 0 ? 'a' : 'b');
  }
  if (!la && !lb) return settle(compareValues(va, vb) >= 0 ? 'a' : 'b');
  if (!lb) return settle('a');
  if (!la) return settle('b');
  const bSawA = saw(cb!, la);
  const aSawB = saw(ca!, lb);
  if (bSawA && !aSawB) return settle('b');
  if (aSawB && !bSawA) return settle('a');
  if (decide) return settle(decide(va, vb), true);
  const order = compareStamps(la, lb) || compareValues(va, vb) || compare(la.id, lb.id);
  return settle(order >= 0 ? 'a' : 'b', true);
}

/** A first response is the earliest one; a value beats none. */
function earliestWins(va: unknown, vb: unknown): Side {
  if (typeof va !== 'number') return 'b';
  if (typeof vb !== 'number') return 'a';
  return va <= vb ? 'a' : 'b';
}

/** Tags tag by tag: an add on one side and an unrelated add or removal on the other both survive. */
function mergeTags(a: Extract<CaseVersion, { deleted: false }>, b: Extract<CaseVersion, { deleted: false }>) {
  const inA = new Set(a.case.tags);
  const inB = new Set(b.case.tags);
  const all = [...new Set([...inA, ...inB, ...Object.keys(a.clocks.tags), ...Object.keys(b.clocks.tags)])].sort(compare);
  const clocks: Record<string, Stamp[]> = {};
  const present = new Set<string>();
  const concurrent: string[] = [];
  const stamps: Stamp[] = [];
  for (const tag of all) {
    const r = resolve(a.clocks.tags[tag], b.clocks.tags[tag], inA.has(tag), inB.has(tag));
    if (r.clock.length > 0) clocks[tag] = r.clock;
    if (r.side === 'a' ? inA.has(tag) : inB.has(tag)) present.add(tag);
    if (r.concurrent) {
      concurrent.push(tag);
      stamps.push(...r.stamps);
    }
  }
  // The order an agent sees: the side with the newest tag change first, then what the other side adds.
  const newest = (v: typeof a) => Object.values(v.clocks.tags).reduce<Stamp | undefined>((m, c) => (c.length && (!m || laterStamp(c.at(-1)!, m)) ? c.at(-1) : m), undefined);
  const na = newest(a);
  const nb = newest(b);
  const order = na && nb ? (laterStamp(na, nb) ? 1 : laterStamp(nb, na) ? -1 : 0) : na ? 1 : nb ? -1 : 0;
  const aFirst = (order || compareValues(a.case.tags, b.case.tags)) >= 0;
  const [first, second] = aFirst ? [a.case.tags, b.case.tags] : [b.case.tags, a.case.tags];
  const tags = [...new Set([...first, ...second])].filter((t) => present.has(t));
  // What the losing side of each concurrent tag change wanted: its whole tag list.
  const lostTags = concurrent.length > 0 ? (sameSet(tags, a.case.tags) ? b.case.tags : a.case.tags) : [];
  return { tags, clocks, concurrent, stamps, lost: [...lostTags] };
}

/** Post content, as refreshFromPost would choose it; other unknown keys: the larger value. */
function mergeContent(x: SyncedCase, y: SyncedCase): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const xr = x as unknown as Record<string, unknown>;
  const yr = y as unknown as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(xr), ...Object.keys(yr)])].sort()) {
    if (CONTENT_KEYS.has(key)) continue;
    const value = compareValues(xr[key], yr[key]) >= 0 ? xr[key] : yr[key];
    if (value !== undefined) out[key] = value;
  }
  out.id = x.id;
  out.site = x.site;
  out.url = pick(x.url, y.url, (p, q) => (p ? 1 : 0) - (q ? 1 : 0));
  out.text = pick(x.text, y.text, (p, q) => p.length - q.length);
  out.author = mergeAuthor(x.author, y.author);
  if (x.postedAtSource === y.postedAtSource) {
    out.postedAtSource = x.postedAtSource;
    out.postedAt = x.postedAtSource === 'first-seen' ? Math.min(x.postedAt, y.postedAt) : Math.max(x.postedAt, y.postedAt);
  } else {
    // The more precise reading (page over page-relative over first-seen).
    const better = timePrecision(x.postedAtSource) > timePrecision(y.postedAtSource) ? x : y;
    out.postedAtSource = better.postedAtSource;
    out.postedAt = better.postedAt;
  }
  out.createdAt = Math.min(x.createdAt, y.createdAt);
  out.updatedAt = Math.max(x.updatedAt, y.updatedAt);
  // Other ids of the post (Facebook's pfbid): what either side learnt.
  const aliases = [...new Set([...(x.aliases ?? []), ...(y.aliases ?? [])])].sort();
  if (aliases.length > 0) out.aliases = aliases;
  return out;
}

function mergeAuthor(x: Case['author'], y: Case['author']): Case['author'] {
  const out: Record<string, string> = {};
  const xr = x as unknown as Record<string, string | undefined>;
  const yr = y as unknown as Record<string, string | undefined>;
  for (const key of [...new Set([...Object.keys(xr), ...Object.keys(yr)])].sort()) {
    const p = xr[key];
    const q = yr[key];
    const value = p === undefined ? q : q === undefined ? p : pick(p, q, (s, t) => (s ? 1 : 0) - (t ? 1 : 0));
    if (value !== undefined) out[key] = value;
  }
  return out as unknown as Case['author'];
}

/** The preferred of two values by `better`; on a tie, the one that sorts last. */
function pick<T>(p: T, q: T, better: (p: T, q: T) => number): T {
  return (better(p, q) || compareValues(p, q)) >= 0 ? p : q;
}

/** The newest marker; on the same time, the one whose JSON sorts last. */
function latestMarker(markers: ReadonlyArray<ConflictMarker | undefined>): ConflictMarker | undefined {
  let best: ConflictMarker | undefined;
  for (const m of markers) if (m && (!best || m.at - best.at > 0 || (m.at === best.at && compareValues(m, best) > 0))) best = m;
  return best;
}

/** Whether a history holds a change: by id, or because the change is older than everything a full history kept. */
function saw(clock: readonly Stamp[], stamp: Stamp): boolean {
  if (clock.some((s) => s.id === stamp.id)) return true;
  return clock.length >= CLOCK_DEPTH && stamp.at < Math.min(...clock.map((s) => s.at));
}

/**
 * The winner's history with the loser's other changes before it: the winner's newest change stays last, as
 * the change that set the value.
 */
export function joinClocks(winner: readonly Stamp[] | undefined, loser: readonly Stamp[] | undefined): Stamp[] {
  const mine = new Set((winner ?? []).map((s) => s.id));
  const theirs = (loser ?? []).filter((s) => !mine.has(s.id));
  return [...theirs, ...(winner ?? [])].slice(-CLOCK_DEPTH);
}

/** Which of two histories is ahead: by their newest change, then (the same change) by the whole history. */
function historyOrder(ca: readonly Stamp[] | undefined, cb: readonly Stamp[] | undefined): number {
  const la = ca?.at(-1);
  const lb = cb?.at(-1);
  if (!la || !lb) return la ? 1 : lb ? -1 : 0;
  if (laterStamp(la, lb)) return 1;
  if (laterStamp(lb, la)) return -1;
  return compareValues(ca, cb);
}

/** Whether stamp p counts as later than q: time, then actor name (the one sorting last), then id. */
function laterStamp(p: Stamp, q: Stamp): boolean {
  return (compareStamps(p, q) || compare(p.id, q.id)) > 0;
}

function compareStamps(p: Stamp, q: Stamp): number {
  return Math.sign(p.at - q.at) || compare(p.actor, q.actor);
}

function compare(p: string, q: string): number {
  return p < q ? -1 : p > q ? 1 : 0;
}

/** A total order on values: by their canonical JSON (absent counts as null). */
export function compareValues(p: unknown, q: unknown): number {
  return compare(stableJson(p ?? null), stableJson(q ?? null));
}

export function same(p: unknown, q: unknown): boolean {
  return stableJson(p ?? null) === stableJson(q ?? null);
}

function sameSet(p: readonly string[], q: readonly string[]): boolean {
  const s = new Set(p);
  return s.size === new Set(q).size && q.every((v) => s.has(v));
}

/** JSON with object keys sorted and undefined members left out, so equal values give equal text. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => stableJson(v ?? null)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

function sortKeys(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k]]));
}
