/**
 * A case: one post or comment the municipality should answer, with its status, tags and timing.
 * Pure functions only; the background worker stores the results in one transaction per user action.
 */
import type { CaseId } from './case-id';
import { timePrecision, type Author, type PostRef, type PostedAtSource } from './post-ref';
import type { Site } from './site';
import { CASE_STATUSES, canMove, InvalidMoveError, type CaseStatus } from './case-lifecycle';
import { MAX_EXPORTS, type Handover, type HandoverExport, type KccProgress } from './handover';
import type { CaseIntake } from './intake';
import type { NoReplyReason } from './no-reply';

export { CASE_STATUSES, type CaseStatus };

export interface Case {
  id: CaseId;
  site: Site;
  url: string;
  author: Author;
  text: string;
  postedAt: number;
  postedAtSource: PostedAtSource;
  status: CaseStatus;
  tags: string[];
  assignee?: string;
  firstResponseAt?: number;
  dueAt?: number;
  /** The latest handover to the KCC. Internal: never shown in the site's page. */
  handover?: Handover;
  /** The KCC's progress on the current handover (cleared by a new handover). Internal, like the handover. */
  kcc?: KccProgress;
  /** How the case began: by an agent's hand, or by automatic intake (absent: manual, see intake.ts). */
  intake?: CaseIntake;
  /** Closed as "no reply needed", and why (no-reply.ts). Cleared when the case is reopened. */
  noReplyReason?: NoReplyReason;
  /** Two agents changed the same field differently while apart (team sync): who, what, and what lost. */
  conflict?: ConflictMarker;
  /** Other ids of the same post (Facebook's pfbid form of a post named by number): see case-merge.ts. */
  aliases?: CaseId[];
  createdAt: number;
  updatedAt: number;
}

/** Set by the team sync's merge (src/sync/merge.ts) when one value had to win over another. */
export interface ConflictMarker {
  fields: string[];
  actors: string[];
  at: number;
  /** The values that did not win, by field. */
  lost: Record<string, unknown>;
}

/** The fields an agent changes directly. Each present field is one change; absent fields stay as they are. */
export interface CasePatch {
  status?: CaseStatus;
  tags?: string[];
  /**
   * Tags to add and remove, applied to the tags the case has when the change is stored: two agents tagging
   * one case at the same moment both keep their tag (a whole `tags` list would let the last one win).
   */
  addTags?: string[];
  removeTags?: string[];
  /** null removes the assignee. */
  assignee?: string | null;
  firstResponseAt?: number;
  dueAt?: number | null;
  /**
   * A handover to the KCC (its time is the time of the change; it starts unexported and clears the KCC's
   * progress on an earlier one). null removes the handover (undoing a template's actions).
   */
  handover?: Omit<Handover, 'at' | 'exports'> | null;
  /** The current handover went out (a file, a mail): recorded on the handover. Needs a handover. */
  handoverExport?: Omit<HandoverExport, 'at'>;
  /** The KCC's progress on the current handover (its time is the time of the change). Needs a handover. */
  kcc?: Omit<KccProgress, 'at'>;
  /**
   * Closed without a reply, and why. Needs the case to end up closed (give `status: 'closed'` with it, as
   * `noReplyPatch` does); moving a case out of 'closed' clears it.
   */
  noReplyReason?: NoReplyReason;
}

/** A "no reply needed" reason on a case that is not closed. */
export class NoReplyNotClosedError extends Error {
  constructor() {
    super('"No reply needed" closes the case: give status closed with it');
    this.name = 'NoReplyNotClosedError';
  }
}

export type CaseField = Exclude<keyof CasePatch, 'addTags' | 'removeTags' | 'handoverExport'>;

/** A KCC progress or an export for a case that has no handover. */
export class NoHandoverError extends Error {
  constructor() {
    super('The case has not been handed over to the KCC');
    this.name = 'NoHandoverError';
  }
}

export interface FieldChange {
  field: CaseField;
  before: unknown;
  after: unknown;
}

export function isOpen(c: Pick<Case, 'status'>): boolean {
  return c.status !== 'closed';
}

export function newCase(post: PostRef, now: number, intake: CaseIntake = 'manual'): Case {
  return {
    id: post.caseId,
    site: post.site,
    url: post.url,
    author: { ...post.author },
    text: post.text,
    postedAt: post.postedAt,
    postedAtSource: post.postedAtSource,
    ...(post.aliases?.length ? { aliases: [...post.aliases] } : {}),
    status: 'new',
    tags: [],
    intake,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The page may show a better version of a post than we stored (expanded text, a real posted time instead of
 * "first seen"). Agent-owned fields are never touched here.
 */
export function refreshFromPost(existing: Case, post: PostRef, now: number): Case {
  // A more precise source wins; two relative readings each give an earliest instant, and the later of the two
  // is consistent with both ("3 u" at 14:00 and "3 u" at 14:30: posted after 10:30).
  const betterTime =
    timePrecision(post.postedAtSource) > timePrecision(existing.postedAtSource) ||
    (post.postedAtSource === 'page-relative' && existing.postedAtSource === 'page-relative' && post.postedAt > existing.postedAt);
  const next: Case = {
    ...existing,
    url: post.url || existing.url,
    author: { ...existing.author, ...post.author },
    text: post.text.length >= existing.text.length ? post.text : existing.text,
    postedAt: betterTime ? post.postedAt : existing.postedAt,
    postedAtSource: betterTime ? post.postedAtSource : existing.postedAtSource,
  };
  const aliases = [...new Set([...(existing.aliases ?? []), ...(post.aliases ?? [])])].filter((a) => a !== existing.id);
  if (aliases.length > 0) next.aliases = aliases;
  return sameCaseContent(existing, next) ? existing : { ...next, updatedAt: now };
}

/**
 * Applies only the fields present in the patch, so two views editing different fields of one case both keep
 * their edit. Returns the changes actually made (none when every value was already so). A status move the
 * lifecycle does not allow throws InvalidMoveError and changes nothing.
 */
/** `anyMove`: an undo of the agent's own change may put the status back where the lifecycle has no move to it. */
export interface PatchOptions {
  anyMove?: boolean;
}

export function applyPatch(existing: Case, patch: CasePatch, now: number, options: PatchOptions = {}): { next: Case; changes: FieldChange[] } {
  if (patch.status !== undefined && !options.anyMove && !canMove(existing.status, patch.status)) throw new InvalidMoveError(existing.status, patch.status);
  if (patch.noReplyReason !== undefined && (patch.status ?? existing.status) !== 'closed') throw new NoReplyNotClosedError();
  const next: Case = { ...existing, tags: [...existing.tags] };
  const changes: FieldChange[] = [];
  if (patch.status !== undefined && patch.status !== existing.status) {
    changes.push({ field: 'status', before: existing.status, after: patch.status });
    next.status = patch.status;
  }
  if (patch.tags !== undefined || patch.addTags !== undefined || patch.removeTags !== undefined) {
    const remove = new Set(patch.removeTags ?? []);
    const tags = [...new Set([...(patch.tags ?? existing.tags), ...(patch.addTags ?? [])])].filter((t) => !remove.has(t));
    if (!sameList(tags, existing.tags)) {
      changes.push({ field: 'tags', before: existing.tags, after: tags });
      next.tags = tags;
    }
  }
  if (patch.assignee !== undefined && (patch.assignee ?? undefined) !== existing.assignee) {
    changes.push({ field: 'assignee', before: existing.assignee ?? null, after: patch.assignee });
    if (patch.assignee === null) delete next.assignee;
    else next.assignee = patch.assignee;
  }
  if (patch.firstResponseAt !== undefined && existing.firstResponseAt === undefined) {
    changes.push({ field: 'firstResponseAt', before: null, after: patch.firstResponseAt });
    next.firstResponseAt = patch.firstResponseAt;
  }
  if (patch.dueAt !== undefined && (patch.dueAt ?? undefined) !== existing.dueAt) {
    changes.push({ field: 'dueAt', before: existing.dueAt ?? null, after: patch.dueAt });
    if (patch.dueAt === null) delete next.dueAt;
    else next.dueAt = patch.dueAt;
  }
  if (patch.handover === null && existing.handover !== undefined) {
    changes.push({ field: 'handover', before: existing.handover, after: null });
    delete next.handover;
  } else if (patch.handover) {
    const handover: Handover = { category: patch.handover.category, note: patch.handover.note, agent: patch.handover.agent, at: now };
    changes.push({ field: 'handover', before: existing.handover ?? null, after: handover });
    next.handover = handover;
  }
  if (patch.handover !== undefined && existing.kcc !== undefined && patch.kcc === undefined) {
    // The KCC's progress was on the handover that is now replaced or gone.
    changes.push({ field: 'kcc', before: existing.kcc, after: null });
    delete next.kcc;
  }
  if (patch.handoverExport !== undefined) {
    if (!next.handover) throw new NoHandoverError();
    const exports = [...(next.handover.exports ?? []), { ...patch.handoverExport, at: now }].slice(-MAX_EXPORTS);
    const handover: Handover = { ...next.handover, exports };
    changes.push({ field: 'handover', before: existing.handover ?? null, after: handover });
    next.handover = handover;
  }
  if (patch.kcc !== undefined) {
    if (!next.handover) throw new NoHandoverError();
    const kcc: KccProgress = { state: patch.kcc.state, by: patch.kcc.by, at: now };
    if (patch.kcc.answer?.trim()) kcc.answer = patch.kcc.answer.trim();
    if (patch.kcc.reference?.trim()) kcc.reference = patch.kcc.reference.trim();
    const same = existing.kcc && existing.kcc.state === kcc.state && existing.kcc.answer === kcc.answer && existing.kcc.reference === kcc.reference;
    if (!same) {
      changes.push({ field: 'kcc', before: existing.kcc ?? null, after: kcc });
      next.kcc = kcc;
    }
  }
  const reason = patch.noReplyReason ?? (next.status === 'closed' ? existing.noReplyReason : undefined);
  if (reason !== existing.noReplyReason) {
    changes.push({ field: 'noReplyReason', before: existing.noReplyReason ?? null, after: reason ?? null });
    if (reason === undefined) delete next.noReplyReason;
    else next.noReplyReason = reason;
  }
  if (changes.length > 0) next.updatedAt = now;
  return { next: changes.length > 0 ? next : existing, changes };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameCaseContent(a: Case, b: Case): boolean {
  return (
    a.url === b.url &&
    a.text === b.text &&
    a.postedAt === b.postedAt &&
    a.postedAtSource === b.postedAtSource &&
    (a.aliases ?? []).join() === (b.aliases ?? []).join() &&
    a.author.name === b.author.name &&
    a.author.handle === b.author.handle &&
    a.author.profileUrl === b.author.profileUrl
  );
}
