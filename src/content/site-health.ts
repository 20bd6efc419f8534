/**
 * Notices when a site changed its markup: the page shows several post-like blocks for a while, yet Loket
 * recognised none. Reported once per page kind per page load; the background keeps it for the popup.
 */
import type { SiteAdapter } from '../sites/site-adapter';

const MIN_POST_LIKE = 3;
const GRACE_MS = 5_000;

export class SiteHealth {
  private reported = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly recognised: () => number,
    private readonly report: (pageKind: string, detail: string) => void,
    private readonly graceMs = GRACE_MS,
  ) {}

  /** Called after each pass over the page. Cheap when all is well: one count. */
  check(): void {
    if (this.recognised() > 0) {
      clearTimeout(this.timer);
      this.timer = undefined;
      return;
    }
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.recognised() > 0) return;
      const { pageKind, postLike } = this.adapter.health(document);
      if (postLike < MIN_POST_LIKE || this.reported.has(pageKind)) return;
      this.reported.add(pageKind);
      this.report(pageKind, `${postLike} post-like blocks, 0 recognised`);
    }, this.graceMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
