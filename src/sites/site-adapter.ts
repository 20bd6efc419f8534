/**
 * The one interface between Loket and a site's DOM. Everything a site does differently — which elements are
 * posts, how to read one, where our toolbar goes, which theme the page shows — lives behind it, in
 * src/sites/<site>/. The content script knows only this interface.
 */
import type { PostRef } from '../domain/post-ref';
import type { Site } from '../domain/site';
import type { Theme } from '../ui/theme';

export interface MountPoint {
  parent: Element;
  /** Insert before this node; null appends. */
  before: Node | null;
}

export interface SiteAdapter {
  readonly site: Site;
  /** A selector for candidate posts; cheap, used to find candidates among added nodes. */
  readonly candidateSelector: string;
  /** Whether a candidate is a post Loket works on (not an ad, not a quoted post, …). */
  accepts(candidate: Element): boolean;
  /**
   * Reads what the page shows of a post, or null when the element holds no readable post (yet).
   * `firstSeen` is the time Loket first saw this element, used when the page shows no posted time.
   */
  readPost(post: Element, firstSeen: number): PostRef | null;
  /** Where the toolbar host goes for this post, or null when the post has no place for it (yet). */
  mountPoint(post: Element): MountPoint | null;
  theme(doc: Document): Theme;
}
