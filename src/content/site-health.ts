/**
 * Notices when a site changed its markup. Three findings, each reported once per page kind per page load;
 * the background keeps them for the popup:
 * - the page shows several post-like blocks for a while, yet Loket recognised none;
 * - posts are found, but none yields an id (so none can become a case);
 * - comments are found, but not the post they belong to (seen on Facebook's 2022–2024 markup: every comment
 *   had its toolbar, no post had one).
 * Cheap while all is well: one count per pass, and one look at the page per path, a grace period after the
 * first pass there.
 */
import type { SiteAdapter } from '../sites/site-adapter';

const MIN_POST_LIKE = 3;
const GRACE_MS = 5_000;

export class SiteHealth {
  private reported = new Set<string>();
  private looked = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly recognised: () => number,
    private readonly report: (pageKind: string, detail: string) => void,
    private readonly graceMs = GRACE_MS,
  ) {}

  /** Called after each pass over the page. */
  check(): void {
    if (this.timer !== undefined) return;
    // While posts are recognised, one look per path at what is recognised (posts, ids, comments) is enough.
    if (this.recognised() > 0 && this.looked.has(location.pathname)) return;
    this.timer = setTimeout(() => this.look(), this.graceMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private look(): void {
    this.timer = undefined;
    const recognised = this.recognised();
    this.looked.add(location.pathname);
    const { pageKind, postLike, posts, postsWithId, comments } = this.adapter.health(document);
    if (recognised === 0 && postLike >= MIN_POST_LIKE) this.once(pageKind, 'none', `${postLike} post-like blocks, 0 recognised`);
    if (posts !== undefined && postsWithId === 0 && posts >= 2) this.once(pageKind, 'no-id', `${posts} posts found, none yields an id`);
    if (comments !== undefined && comments > 0 && posts === 0) this.once(pageKind, 'no-post', `${comments} comments found, no post`);
  }

  private once(pageKind: string, finding: string, detail: string): void {
    const key = `${pageKind}:${finding}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.report(pageKind, detail);
  }
}
