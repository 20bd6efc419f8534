/**
 * Keeps exactly one Loket host on every post the adapter accepts, keyed by case id, never by DOM node: sites
 * virtualise their lists and reuse an element for another post, so every pass re-reads the id and moves,
 * re-keys or removes the host to match. Mounting is idempotent. A post starts quiet — the mark only, no
 * listener, timer, observer or Preact tree of its own — and opens the full toolbar on demand.
 *
 *   page DOM ─▶ batched observer ─▶ scan(touched) ───────────────────────────▶ adapter.readPost ─▶ PostHost
 *                                                                               │ cache.want(id)        ▲ render
 *   window ─▶ page-events (one delegated listener) ─▶ open/close ─▶ PostActions ┴─▶ CaseCache ──────────┘
 */
import type { CaseId } from '../domain/case-id';
import type { PostRef } from '../domain/post-ref';
import type { SiteAdapter } from '../sites/site-adapter';
import type { Theme } from '../ui/theme';
import type { CaseCache } from './case-cache';
import { isOwnAccount, namesAccountsByName } from './own-account';
import { PostActions, type AccountCheck, type PostState, type Services } from './post-actions';
import { OPENS_IN_POPOVER, PostHost } from './post-host';
import { listenToHosts } from './page-events';

export type { Services } from './post-actions';

export interface PostObserver {
  /** A post read for the first time after the page's first pass. */
  appeared(post: PostRef, el: Element): void;
  /** A post that was on the page at the first pass. */
  present(post: PostRef, el: Element): void;
}

/** Hovering the mark this long opens the toolbar; leaving it (opened by hover only) this long closes it. */
const HOVER_OPEN_MS = 400;
const HOVER_CLOSE_MS = 300;

function samePost(a: PostRef, b: PostRef): boolean {
  return (
    a.caseId === b.caseId &&
    a.text === b.text &&
    a.author.name === b.author.name &&
    a.author.handle === b.author.handle &&
    a.postedAt === b.postedAt &&
    a.isOwn === b.isOwn &&
    a.url === b.url
  );
}

export class PostController {
  private readonly mounted = new Map<Element, PostState>();
  /** Quiet posts the site took off the page, their host still inside: taken up again if the post comes back. */
  private readonly parked = new WeakMap<Element, PostState>();
  private readonly byHost = new WeakMap<Element, PostState>();
  private readonly firstSeen = new WeakMap<Element, number>();
  private readonly seenIds = new Set<CaseId>();
  private readonly revealed = new WeakSet<Element>();
  private readonly actions: PostActions;
  private readonly lifetime = new AbortController();
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private theme: Theme = 'light';
  private firstPassDone = false;
  private accountCheck: AccountCheck | undefined;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly cache: CaseCache,
    private readonly services: Services,
    private readonly now: () => number = Date.now,
    private readonly observer?: PostObserver,
  ) {
    this.actions = new PostActions({
      adapter,
      cache,
      services,
      now,
      theme: () => this.theme,
      read: (el, full) => this.read(el, full),
      reveal: (m) => {
        // The agent wants this post: do what they would (hover, focus its link) so the site shows its id, and
        // read it again at once; a site that fills the link in later is seen by the observer.
        this.adapter.reveal?.(m.el);
        this.update(m.el);
      },
      place: (m) => this.place(m),
      redrawAll: () => this.rerender(),
      account: () => this.accountCheck,
    });
    cache.subscribe((ids) => {
      const changed = new Set(ids);
      // An open history follows the case: another tab's change or note shows at once.
      for (const m of this.mounted.values()) if (m.panel === 'history' && changed.has(m.post.caseId)) void this.actions.loadHistory(m);
      this.rerender(changed);
    });
    listenToHosts(
      window,
      {
        isQuiet: (host) => {
          const m = this.byHost.get(host);
          return m ? !m.open : undefined;
        },
        activate: (host) => {
          const m = this.byHost.get(host);
          if (m) this.actions.open(m, true);
        },
        hover: (host, entering) => this.hover(host, entering),
        touched: (host) => {
          const m = host ? this.byHost.get(host) : undefined;
          if (m?.open) m.pinned = true;
          // Pressing or focusing anything else closes an open toolbar that has nothing under way.
          for (const other of this.mounted.values()) if (other !== m && this.actions.closable(other) && !other.host.hasFocus) this.actions.close(other);
        },
      },
      this.lifetime.signal,
    );
  }

  /** Number of posts with Loket on the page (health checks). */
  get size(): number {
    return this.mounted.size;
  }

  /**
   * Looks for posts in and around `added` elements, and re-reads the posts around `changed` ones (a change
   * inside a post; not the posts below a changed container, which did not change).
   */
  scan(added: Iterable<Element>, changed: Iterable<Element> = []): void {
    const theme = this.adapter.theme(document);
    if (theme !== this.theme) {
      this.theme = theme;
      this.rerender();
    }
    const seen = new Set<Element>();
    const selector = this.adapter.candidateSelector;
    for (const root of added) {
      if (!root.isConnected) continue;
      const around = root.closest(selector);
      if (around) seen.add(around);
      for (const el of root.querySelectorAll(selector)) seen.add(el);
    }
    for (const el of changed) {
      const around = el.isConnected ? el.closest(selector) : null;
      if (around) seen.add(around);
    }
    for (const el of seen) this.update(el);
    this.firstPassDone = true;
  }

  /** Drops hosts whose post left the page; re-mounts those the site's re-render removed. */
  sweep(): void {
    for (const [el, m] of this.mounted) {
      if (!el.isConnected) this.park(el, m);
      else if (!m.host.element.isConnected) {
        this.unmount(el);
        this.update(el);
      }
    }
  }

  /** Redraws the posts whose timer moves (open cases): called by the page's one ticker. Quiet posts cost a lookup. */
  tick(): void {
    for (const m of this.mounted.values()) {
      const c = this.cache.get(m.post.caseId);
      if (c && c.status !== 'closed' && (c.firstResponseAt === undefined || this.services.settings().sla.resolutionMs[c.site] !== undefined)) this.actions.render(m);
    }
  }

  /** The template set changed (edited in the options, imported, …): open pickers show the new set at once. */
  templatesChanged(): void {
    this.actions.templatesChanged([...this.mounted.values()]);
  }

  /**
   * Opens the template picker of the post a composer answers (the agent typed the trigger there). Prefers
   * the post nearest the composer when the post shows twice (a timeline behind X's reply dialog).
   */
  openTemplatesFor(id: CaseId, editor: HTMLElement, typedTrigger = true): boolean {
    const candidates = [...this.mounted.values()].filter((m) => m.post.caseId === id);
    const dialog = this.adapter.dialogSelector;
    const m = candidates.find((c) => c.el.parentElement?.closest(dialog) === editor.closest(dialog)) ?? candidates[0];
    if (!m) return false;
    this.actions.openPanel(m, 'templates');
    // The template goes into this composer, replacing the trigger when one was typed there.
    if (typedTrigger) m.trigger = editor;
    else delete m.trigger;
    return true;
  }

  /**
   * The keyboard shortcut: opens the template picker of the post the agent is at — the one whose reply box
   * or Loket has focus, else the focused post, else the first post in view.
   */
  openTemplatesAtFocus(): boolean {
    const active = document.activeElement;
    const editor = active?.closest(this.adapter.composer.editorSelector);
    const target = editor instanceof HTMLElement ? this.adapter.composer.replyTarget(editor) : null;
    // Opened by the shortcut: nothing typed to replace.
    if (target && editor instanceof HTMLElement && this.openTemplatesFor(target, editor, false)) return true;
    const post = active?.closest(this.adapter.candidateSelector);
    let m = post ? this.mounted.get(post) : undefined;
    if (!m) {
      const height = window.innerHeight;
      m = [...this.mounted.values()].find((c) => {
        const box = c.host.element.getBoundingClientRect();
        return box.bottom > 0 && box.top < height;
      });
    }
    if (!m) return false;
    this.actions.openPanel(m, 'templates');
    m.host.element.scrollIntoView({ block: 'nearest' });
    return true;
  }

  /** The page's wrong-account guard: its warning shows in open toolbars and template pickers. */
  useAccountCheck(check: AccountCheck): void {
    this.accountCheck = check;
  }

  /**
   * The wrong-account warning appeared for a reply in `editor`: the toolbar of the post it answers opens to
   * show it (the one in the same dialog, when the post shows twice); open toolbars show it too.
   */
  showAccountWarning(editor: HTMLElement | null): void {
    const target = editor ? this.adapter.composer.replyTarget(editor) : null;
    if (target && editor) {
      const candidates = [...this.mounted.values()].filter((x) => x.post.caseId === target);
      const dialog = editor.closest(this.adapter.dialogSelector);
      const m = candidates.find((x) => x.el.closest(this.adapter.dialogSelector) === dialog) ?? candidates[0];
      if (m) {
        m.warned = true;
        this.actions.open(m, true);
      }
    }
    for (const m of this.mounted.values()) if (m.open) this.actions.render(m);
  }

  /** The agent's settings changed: which posts are the municipality's own may have too. */
  settingsChanged(): void {
    for (const m of this.mounted.values()) {
      const own = isOwnAccount(m.post, this.services.settings().ownAccounts);
      if (own !== Boolean(m.post.isOwn)) {
        m.post = this.read(m.el, false, m.quick) ?? m.post;
        this.place(m);
      }
      this.actions.render(m); // the agent's name may have changed too ("take", "mine")
    }
  }

  destroy(): void {
    this.lifetime.abort();
    clearTimeout(this.hoverTimer);
    for (const el of [...this.mounted.keys()]) this.unmount(el);
  }

  /**
   * Hovering a quiet mark opens its toolbar (closing other hover-opened ones). The toolbar opens under the
   * mark, so the pointer is usually not over it yet: it closes on leaving only once the pointer
   * has been on it, and otherwise when the agent goes elsewhere.
   */
  private hover(host: Element, entering: boolean): void {
    clearTimeout(this.hoverTimer);
    this.hoverTimer = undefined;
    const m = this.byHost.get(host);
    if (!m) return;
    if (entering && m.open) m.hovered = true;
    else if (entering) {
      this.hoverTimer = setTimeout(() => {
        if (!m.host.element.isConnected) return;
        for (const other of this.mounted.values()) if (other.open && !other.pinned && this.actions.closable(other)) this.actions.close(other);
        this.actions.open(m, false);
        // The pointer is on the mark, part of the host: from the mark onto the popover under it and away closes it.
        m.hovered = true;
      }, HOVER_OPEN_MS);
    } else if (m.open && m.hovered && !m.pinned) {
      this.hoverTimer = setTimeout(() => {
        if (!m.pinned && this.actions.closable(m)) this.actions.close(m);
      }, HOVER_CLOSE_MS);
    }
  }

  /**
   * The mark alone sits in the site's action bar (no line of its own); a chip on a line below it. The open
   * toolbar is a popover under the mark and moves nothing (where the browser has none, it takes the line too).
   */
  private place(m: PostState, mount = this.adapter.mountPoint(m.el)): void {
    if (!mount) return;
    // An open popover stays where it is (moving the host would take the keyboard focus out of the toolbar):
    // a post that became a case meanwhile goes to its chip's line when the toolbar closes.
    if (m.open && OPENS_IN_POPOVER && m.host.element.isConnected && m.host.isOpen) return;
    const chip = this.actions.hasChip(m);
    m.placedChip = chip;
    const quiet = (m.open && !OPENS_IN_POPOVER) || !this.adapter.quietPoint ? null : this.adapter.quietPoint(m.el, mount);
    // A case's chip stays beside the mark where the site leaves room for it (MountPoint.chip), else takes a line.
    m.line = quiet === null || (chip && quiet.chip !== true);
    m.host.place(m.line ? mount : quiet!, m.line);
  }

  /**
   * A quiet post the site took off the page keeps its host: taking the host out of the detached post would be
   * a DOM change (and mutation records) for nothing, on every row a virtualised timeline drops. An open one
   * closes properly.
   */
  private park(el: Element, m: PostState): void {
    if (m.open) return this.unmount(el);
    this.mounted.delete(el);
    this.parked.set(el, m);
  }

  private update(el: Element): void {
    let current = this.mounted.get(el);
    const parked = current ? undefined : this.parked.get(el);
    if (parked) {
      this.parked.delete(el);
      this.mounted.set(el, parked);
      current = parked;
    }
    // The common case on a live page: something inside a post changed (a count, a relative time) but it is
    // still the same post with its host in place. One cheap id read settles it.
    if (current?.host.element.isConnected && this.adapter.readKey(el) === current.post.caseId) return;
    const accepted = this.adapter.accepts(el);
    // A quiet post is read for its mark only; one read for its toolbar (opened before) stays so.
    const quick = !current?.host.element.isConnected || current.quick === true;
    const post = accepted ? this.read(el, false, quick) : null;
    const at = post ? this.adapter.mountPoint(el) : null;
    if (!post || !at) {
      if (current) this.unmount(el);
      if (accepted && !post && this.adapter.reveal && !this.revealed.has(el)) {
        this.revealed.add(el);
        this.adapter.reveal(el);
      }
      return;
    }
    this.notice(post, el);
    if (current?.host.element.isConnected) {
      if (samePost(current.post, post)) return;
      if (current.post.caseId !== post.caseId) {
        // A post whose id was still hidden keeps its open toolbar: the id it waited for has come.
        if (!current.post.idPending) this.actions.close(current);
        current.host.rekey(post.caseId);
        delete current.notice;
      }
      current.post = post;
      current.quick = quick;
      if (!post.idPending) this.cache.want(post.caseId);
      this.place(current, at);
      this.actions.render(current);
      return;
    }
    if (current) this.unmount(el);
    const m: PostState = { el, post, quick, open: false, pinned: false, busy: false, panel: 'none', host: new PostHost(post.caseId, this.theme) };
    this.mounted.set(el, m);
    this.byHost.set(m.host.element, m);
    this.place(m, at);
    if (post.idPending) return; // no case state to ask for: the mark waits for the id (drawn quiet at once)
    this.cache.want(post.caseId);
    // Drawn once the case state is known (the cache answers within the same frame or so), not twice.
    if (this.cache.get(post.caseId) !== undefined) this.actions.render(m);
  }

  private notice(post: PostRef, el: Element): void {
    if (post.idPending || this.seenIds.has(post.caseId)) return;
    this.seenIds.add(post.caseId);
    if (post.aliases?.length) this.services.link?.(post.caseId, post.aliases);
    // The reply tracker keeps the municipality's own replies with their words: a quiet read has no text, so the
    // own posts (few on any page) are read in full for it.
    const seen = post.isOwn ? (this.read(el, true) ?? post) : post;
    if (this.firstPassDone) this.observer?.appeared(seen, el);
    else this.observer?.present(seen, el);
  }

  /** `quick`: only what the quiet mark needs (the adapter's readQuiet); the toolbar reads the rest on opening. */
  private read(el: Element, full = false, quick = false): PostRef | null {
    let seen = this.firstSeen.get(el);
    if (seen === undefined) {
      seen = this.now();
      this.firstSeen.set(el, seen);
    }
    const own = this.services.settings().ownAccounts;
    // The quiet read leaves out the author's name when the own accounts are all handles: nothing else quiet needs it.
    const post = quick && this.adapter.readQuiet ? this.adapter.readQuiet(el, seen, namesAccountsByName(own)) : this.adapter.readPost(el, seen, full);
    if (post && !post.isOwn && isOwnAccount(post, own)) post.isOwn = true;
    return post;
  }

  private unmount(el: Element): void {
    this.mounted.get(el)?.host.destroy();
    this.mounted.delete(el);
  }

  private rerender(ids?: Set<CaseId>): void {
    for (const m of this.mounted.values()) {
      if (ids && !ids.has(m.post.caseId)) continue;
      m.host.setTheme(this.theme);
      this.actions.render(m);
      // A post that became a case (here or in another tab) moves its mark to the chip's line, and back.
      if (!m.open && this.actions.hasChip(m) !== m.placedChip) this.place(m);
    }
  }
}
