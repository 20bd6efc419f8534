/**
 * What a site adapter reads from one post or comment on the page. It is the input to a case: everything
 * the background needs to create or refresh one, and nothing the site did not show.
 */
import type { CaseId } from './case-id';
import type { Site } from './site';

/**
 * Where a posted time came from: `page` — the page shows it to the minute; `page-relative` — the page shows
 * less ("3 u", "2 d", a date without time: the earliest instant the text allows, see posted-time.ts);
 * `first-seen` — the page shows nothing readable, so the moment Loket first saw the post.
 */
export type PostedAtSource = 'page' | 'page-relative' | 'first-seen';
export const POSTED_AT_SOURCES = ['page', 'page-relative', 'first-seen'] as const satisfies readonly PostedAtSource[];

/** Whether a posted time is an estimate: the views show it with "≈" and reports count it as such. */
export function isEstimatedTime(source: PostedAtSource): boolean {
  return source !== 'page';
}

/** How precise a source is: a more precise reading replaces a less precise one. */
export function timePrecision(source: PostedAtSource): number {
  return source === 'page' ? 2 : source === 'page-relative' ? 1 : 0;
}

export interface Author {
  name: string;
  handle?: string;
  profileUrl?: string;
}

export interface PostRef {
  caseId: CaseId;
  site: Site;
  url: string;
  author: Author;
  text: string;
  postedAt: number;
  postedAtSource: PostedAtSource;
  /**
   * Other ids the page gives the same post (Facebook: the `pfbid…` form when the case id is the number). A
   * case stored under one of them is the same case: the background merges it into `caseId`.
   */
  aliases?: CaseId[];
  /** Written by the account the agent acts as: the municipality's own posts are not incoming work. */
  isOwn?: boolean;
  isReply?: boolean;
  inReplyTo?: string;
  isRepost?: boolean;
  /**
   * The page does not show the post's id yet (Facebook 2025: the time link is `?__cft__…` until hovered).
   * `caseId` is then a placeholder for the page only — no valid case id — and the post cannot become a case
   * until it is read again with its id.
   */
  idPending?: boolean;
}
