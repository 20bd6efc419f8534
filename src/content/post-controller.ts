/**
 * Keeps exactly one toolbar on every post the adapter accepts, keyed by case id, never by DOM node: sites
 * virtualise their lists and reuse an element for another post, so every pass re-reads the id and moves,
 * re-keys or removes the toolbar to match. Mounting is idempotent.
 *
 *   page DOM ─▶ batched observer ─▶ scan(touched) ─▶ adapter.readPost ─▶ ToolbarHost (shadow root)
 *                                                        │                      ▲
 *                                         cache.want(id) ▼                      │ render
 *                                          CaseCache ◀── pushes / cases/get ────┘
 */
import { h } from 'preact';
import type { CaseStatus } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import type { PostRef } from '../domain/post-ref';
import { slaState } from '../domain/sla-state';
import type { SiteAdapter } from '../sites/site-adapter';
import type { Theme } from '../ui/theme';
import { Toolbar } from '../ui/toolbar';
import type { CaseCache } from './case-cache';
import { ToolbarHost } from './toolbar-host';

export interface Actions {
  track(post: PostRef): Promise<void>;
  setStatus(id: CaseId, status: CaseStatus): Promise<void>;
}

interface Mounted {
  host: ToolbarHost;
  post: PostRef;
  busy: boolean;
  error?: string;
}

export class PostController {
  private readonly mounted = new Map<Element, Mounted>();
  private readonly firstSeen = new WeakMap<Element, number>();
  private theme: Theme = 'light';

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly cache: CaseCache,
    private readonly actions: Actions,
    private readonly now: () => number = Date.now,
  ) {
    cache.subscribe((ids) => this.rerender(new Set(ids)));
  }

  /** Number of toolbars on the page (for tests and health checks). */
  get size(): number {
    return this.mounted.size;
  }

  /** Looks at these elements and everything inside them for posts. */
  scan(roots: Iterable<Element>): void {
    const theme = this.adapter.theme(document);
    if (theme !== this.theme) {
      this.theme = theme;
      this.rerender();
    }
    const seen = new Set<Element>();
    for (const root of roots) {
      if (!root.isConnected) continue;
      const inside = root.closest(this.adapter.candidateSelector);
      if (inside) seen.add(inside);
      for (const el of root.querySelectorAll(this.adapter.candidateSelector)) seen.add(el);
    }
    for (const el of seen) this.update(el);
  }

  /** Drops toolbars whose post left the page; re-mounts those the site's re-render removed. */
  sweep(): void {
    for (const [el, m] of this.mounted) {
      if (!el.isConnected) this.unmount(el);
      else if (!m.host.element.isConnected) {
        this.unmount(el);
        this.update(el);
      }
    }
  }

  destroy(): void {
    for (const el of [...this.mounted.keys()]) this.unmount(el);
  }

  private update(el: Element): void {
    const current = this.mounted.get(el);
    const post = this.adapter.accepts(el) ? this.read(el) : null;
    const at = post ? this.adapter.mountPoint(el) : null;
    if (!post || !at) {
      if (current) this.unmount(el);
      return;
    }
    if (current) {
      const moved = current.host.element.parentElement !== at.parent;
      if (!moved) {
        if (current.post.caseId !== post.caseId) current.host.rekey(post.caseId);
        current.post = post;
        this.cache.want(post.caseId);
        this.render(current);
        return;
      }
      this.unmount(el);
    }
    const mounted: Mounted = { host: new ToolbarHost(post.caseId, at), post, busy: false };
    this.mounted.set(el, mounted);
    this.cache.want(post.caseId);
    this.render(mounted);
  }

  private read(el: Element): PostRef | null {
    let seen = this.firstSeen.get(el);
    if (seen === undefined) {
      seen = this.now();
      this.firstSeen.set(el, seen);
    }
    return this.adapter.readPost(el, seen);
  }

  private unmount(el: Element): void {
    this.mounted.get(el)?.host.destroy();
    this.mounted.delete(el);
  }

  private rerender(ids?: Set<CaseId>): void {
    for (const m of this.mounted.values()) if (!ids || ids.has(m.post.caseId)) this.render(m);
  }

  private render(m: Mounted): void {
    const cached = this.cache.get(m.post.caseId);
    // The timer state is the one other thing the host shows (for the site's layout, e.g. a coloured edge);
    // it is absent until the background has answered for this post.
    if (cached !== undefined) m.host.setSla(slaState(cached, this.now()));
    m.host.render(
      h(Toolbar, {
        post: m.post,
        caseState: cached ?? undefined,
        loaded: cached !== undefined,
        theme: this.theme,
        busy: m.busy,
        ...(m.error !== undefined ? { error: m.error } : {}),
        onTrack: () => this.act(m, () => this.actions.track(m.post)),
        onStatus: (status) => this.act(m, () => this.actions.setStatus(m.post.caseId, status)),
      }),
    );
  }

  private async act(m: Mounted, action: () => Promise<void>): Promise<void> {
    m.busy = true;
    delete m.error;
    this.render(m);
    try {
      await action();
    } catch (error) {
      m.error = error instanceof Error ? error.message : String(error);
    } finally {
      m.busy = false;
      this.render(m);
    }
  }
}
