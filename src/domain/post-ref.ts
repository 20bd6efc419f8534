/**
 * What a site adapter reads from one post or comment on the page. It is the input to a case: everything
 * the background needs to create or refresh one, and nothing the site did not show.
 */
import type { CaseId } from './case-id';
import type { Site } from './site';

export type PostedAtSource = 'page' | 'first-seen';

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
  /** Written by the account the agent acts as: the municipality's own posts are not incoming work. */
  isOwn?: boolean;
  isReply?: boolean;
  inReplyTo?: string;
  isRepost?: boolean;
}
