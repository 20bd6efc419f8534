/**
 * One post, two case ids: Facebook names a post by number and by `pfbid…`, and which one a page shows first
 * varies. When it turns out that two stored cases are the same post, they become one, under the preferred id
 * (the number): `foldCase` says how their fields combine. Pure; the store applies it in one transaction and
 * moves the history along (case-store.ts `mergeAliases`).
 *
 * Rules (the agent's work is never lost):
 * - status: a status an agent set (not `new`) over `new`; between two set statuses, the case changed last;
 * - tags: both sets; assignee: the target's, else the other's; handover: the later one;
 * - first response: the earlier one; the due time is worked out again by the store from the posted time;
 * - posted time: the more precise reading (page over page-relative over first-seen), else the earliest
 *   first sighting or the later earliest-consistent moment, as refreshFromPost and the sync merge do;
 * - content: the longer text, the target's URL, both authors' known fields;
 * - aliases: both lists and the other case's id; createdAt the earlier.
 */
import type { Case } from './case';
import type { CaseId } from './case-id';
import { timePrecision } from './post-ref';

export function foldCase(into: Case, other: Case, now: number): Case {
  const later = other.updatedAt > into.updatedAt ? other : into;
  const status = into.status === 'new' ? other.status : other.status === 'new' ? into.status : later.status;
  const out: Case = {
    ...into,
    url: into.url || other.url,
    author: { ...other.author, ...into.author },
    text: other.text.length > into.text.length ? other.text : into.text,
    ...postedTime(into, other),
    status,
    tags: [...new Set([...into.tags, ...other.tags])],
    createdAt: Math.min(into.createdAt, other.createdAt),
    updatedAt: Math.max(now, into.updatedAt, other.updatedAt),
  };
  const assignee = into.assignee ?? other.assignee;
  if (assignee !== undefined) out.assignee = assignee;
  const answered = [into.firstResponseAt, other.firstResponseAt].filter((t): t is number => t !== undefined);
  if (answered.length > 0) out.firstResponseAt = Math.min(...answered);
  const handover = !into.handover ? other.handover : !other.handover ? into.handover : other.handover.at > into.handover.at ? other.handover : into.handover;
  if (handover) out.handover = handover;
  if (!out.conflict && other.conflict) out.conflict = other.conflict;
  const aliases = [...new Set<CaseId>([...(into.aliases ?? []), other.id, ...(other.aliases ?? [])])].filter((a) => a !== into.id);
  if (aliases.length > 0) out.aliases = aliases;
  return out;
}

function postedTime(x: Case, y: Case): Pick<Case, 'postedAt' | 'postedAtSource'> {
  if (x.postedAtSource === y.postedAtSource) {
    return { postedAtSource: x.postedAtSource, postedAt: x.postedAtSource === 'first-seen' ? Math.min(x.postedAt, y.postedAt) : Math.max(x.postedAt, y.postedAt) };
  }
  const better = timePrecision(x.postedAtSource) > timePrecision(y.postedAtSource) ? x : y;
  return { postedAtSource: better.postedAtSource, postedAt: better.postedAt };
}
