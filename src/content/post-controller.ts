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
import type { Case, CaseStatus } from '../domain/case';
import type { PostRef } from '../domain/post-ref';
import { renderTemplate, type RenderedTemplate } from '../domain/render-template';
import { templateValues } from '../domain/template-values';
import { slaState } from '../domain/sla-state';
import type { Template } from '../domain/template';
import type { Settings } from '../protocol/messages';
import type { SiteAdapter } from '../sites/site-adapter';
import { timerView } from '../ui/timer';
import { t } from '../ui/i18n';
import type { Theme } from '../ui/theme';
import { Toolbar, type Notice, type Panel, type ToolbarProps } from '../ui/toolbar';
import type { Tag } from '../domain/tag';
import type { CaseEvent } from '../domain/case-event';
import type { CaseCache } from './case-cache';
import { insertIntoEditor } from './insert-text';
import { TRIGGER } from './template-trigger';
import type { Fills } from '../ui/template-picker';
import type { CaseId } from '../domain/case-id';
import { ToolbarHost } from './toolbar-host';

export interface Services {
  track(post: PostRef): Promise<void>;
  setStatus(id: CaseId, status: CaseStatus): Promise<void>;
  /** Puts a tag on a case or takes it off (applied to the case as stored, so concurrent tagging merges). */
  tag(id: CaseId, tagId: string, on: boolean): Promise<void>;
  handover(id: CaseId, category: string, note: string): Promise<void>;
  history(id: CaseId): Promise<CaseEvent[]>;
  assign(id: CaseId, agent: string): Promise<void>;
  note(id: CaseId, text: string): Promise<void>;
  templates(): Promise<Template[]>;
  tags(): Promise<Tag[]>;
  templateUsed(id: string): void;
  settings(): Settings;
}

export interface PostObserver {
  /** A post read for the first time after the page's first pass. */
  appeared(post: PostRef, el: Element): void;
  /** A post that was on the page at the first pass. */
  present(post: PostRef, el: Element): void;
}

interface Mounted {
  el: Element;
  host: ToolbarHost;
  post: PostRef;
  busy: boolean;
  notice?: Notice;
  panel: Panel;
  history?: CaseEvent[];
  /** The composer where the agent typed the template trigger: the template goes there, replacing it. */
  trigger?: HTMLElement;
}

/**
 * The agent's own accounts from the settings ("@gemeentevoorbeeld, Gemeente Voorbeeld"): X handles or
 * display names, Facebook Page names. Compared without case and spacing differences.
 */
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
let parsedAccounts: { from: string; names: string[] } = { from: '', names: [] };

export function isOwnAccount(post: PostRef, ownAccounts: string): boolean {
  if (parsedAccounts.from !== ownAccounts) parsedAccounts = { from: ownAccounts, names: ownAccounts.split(',').map(norm).filter(Boolean) };
  const own = parsedAccounts.names;
  if (own.length === 0) return false;
  return [post.author.name, post.author.handle ?? ''].map(norm).some((n) => n !== '' && own.includes(n));
}

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
  private readonly mounted = new Map<Element, Mounted>();
  private readonly firstSeen = new WeakMap<Element, number>();
  private readonly seenIds = new Set<CaseId>();
  private readonly revealed = new WeakSet<Element>();
  private theme: Theme = 'light';
  private templates: Template[] | undefined;
  private tagSet: Tag[] | undefined;
  private firstPassDone = false;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly cache: CaseCache,
    private readonly services: Services,
    private readonly now: () => number = Date.now,
    private readonly observer?: PostObserver,
  ) {
    cache.subscribe((ids) => {
      const changed = new Set(ids);
      // An open history follows the case: another tab's change or note shows at once.
      for (const m of this.mounted.values()) if (m.panel === 'history' && changed.has(m.post.caseId)) void this.loadHistory(m);
      this.rerender(changed);
    });
  }

  /** Number of toolbars on the page (for tests and health checks). */
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

  /** Redraws the toolbars whose timer moves (open cases: waiting, or answered under a resolution target): called by the page's one ticker. */
  tick(): void {
    for (const m of this.mounted.values()) {
      const c = this.cache.get(m.post.caseId);
      if (c && c.status !== 'closed' && (c.firstResponseAt === undefined || this.services.settings().sla.resolutionMs[c.site] !== undefined)) this.render(m);
    }
  }

  /** The template set changed (edited in the options, imported, …): open pickers show the new set at once. */
  templatesChanged(): void {
    this.templates = undefined;
    const open = [...this.mounted.values()].filter((m) => m.panel === 'templates');
    if (open.length === 0) return;
    this.services.templates().then(
      (list) => {
        this.templates = list;
        for (const m of open) this.render(m);
      },
      () => undefined,
    );
  }

  /**
   * Opens the template picker of the post a composer answers (the agent typed the trigger there). Prefers
   * the toolbar nearest the composer when the post shows twice (a timeline behind X's reply dialog).
   */
  openTemplatesFor(id: CaseId, editor: HTMLElement, typedTrigger = true): boolean {
    const candidates = [...this.mounted.values()].filter((m) => m.post.caseId === id);
    const dialog = this.adapter.dialogSelector;
    const m = candidates.find((c) => c.el.parentElement?.closest(dialog) === editor.closest(dialog)) ?? candidates[0];
    if (!m) return false;
    this.openPanel(m, 'templates');
    // The template goes into this composer, replacing the trigger when one was typed there.
    if (typedTrigger) m.trigger = editor;
    else delete m.trigger;
    return true;
  }

  /**
   * The keyboard shortcut: opens the template picker of the post the agent is at — the one whose reply box
   * or toolbar has focus, else the focused post, else the first post in view.
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
    this.openPanel(m, 'templates');
    m.host.element.scrollIntoView({ block: 'nearest' });
    return true;
  }

  /** The agent's settings changed: which posts are the municipality's own may have too. */
  settingsChanged(): void {
    for (const m of this.mounted.values()) {
      const own = isOwnAccount(m.post, this.services.settings().ownAccounts);
      if (own !== Boolean(m.post.isOwn)) m.post = this.read(m.el) ?? m.post;
      this.render(m); // the agent's name may have changed too ("take", "mine")
    }
  }

  destroy(): void {
    for (const el of [...this.mounted.keys()]) this.unmount(el);
  }

  private update(el: Element): void {
    const current = this.mounted.get(el);
    // The common case on a live page: something inside a post changed (a count, a relative time) but it is
    // still the same post with its toolbar in place. One cheap id read settles it.
    if (current?.host.element.isConnected && this.adapter.readKey(el) === current.post.caseId) return;
    const accepted = this.adapter.accepts(el);
    const post = accepted ? this.read(el) : null;
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
    if (current) {
      const moved = current.host.element.parentElement !== at.parent;
      if (!moved) {
        if (samePost(current.post, post)) return;
        if (current.post.caseId !== post.caseId) {
          current.host.rekey(post.caseId);
          current.panel = 'none';
          delete current.notice;
        }
        current.post = post;
        this.cache.want(post.caseId);
        this.render(current);
        return;
      }
      this.unmount(el);
    }
    const mounted: Mounted = { el, post, busy: false, panel: 'none' } as Mounted;
    mounted.host = new ToolbarHost(post.caseId, at, (action) => {
      if (action === 'track') this.track(mounted);
      else this.openPanel(mounted, action);
    });
    this.mounted.set(el, mounted);
    this.cache.want(post.caseId);
    // Drawn once the case state is known (the cache answers within the same frame or so), not twice: drawing
    // "loading" first and then the answer cost 0.35–0.39 ms a tweet against 0.29–0.31 ms on the benchmark
    // timeline, in back-to-back runs.
    if (this.cache.get(post.caseId) !== undefined) this.render(mounted);
  }

  private notice(post: PostRef, el: Element): void {
    if (this.seenIds.has(post.caseId)) return;
    this.seenIds.add(post.caseId);
    if (this.firstPassDone) this.observer?.appeared(post, el);
    else this.observer?.present(post, el);
  }

  private read(el: Element, full = false): PostRef | null {
    let seen = this.firstSeen.get(el);
    if (seen === undefined) {
      seen = this.now();
      this.firstSeen.set(el, seen);
    }
    const post = this.adapter.readPost(el, seen, full);
    if (post && !post.isOwn && isOwnAccount(post, this.services.settings().ownAccounts)) post.isOwn = true;
    return post;
  }

  private unmount(el: Element): void {
    this.mounted.get(el)?.host.destroy();
    this.mounted.delete(el);
  }

  private rerender(ids?: Set<CaseId>): void {
    for (const m of this.mounted.values()) if (!ids || ids.has(m.post.caseId)) this.render(m);
  }

  private timer(c: Case | null | undefined, post: PostRef): ToolbarProps['timer'] {
    if (!c || post.isOwn) return undefined;
    return timerView(c, this.now(), this.services.settings());
  }

  private loadingTags = false;

  /** Chips need the tag set's labels and colours: load it once, the first time a case with tags shows. */
  private ensureTags(): void {
    if (this.tagSet !== undefined || this.loadingTags) return;
    this.loadingTags = true;
    this.services.tags().then(
      (list) => {
        this.tagSet = list;
        this.rerender();
      },
      () => (this.loadingTags = false),
    );
  }

  private render(m: Mounted): void {
    const cached = this.cache.get(m.post.caseId);
    if (cached && cached.tags.length > 0) this.ensureTags();
    // The timer state is the one other thing the host shows; it appears once the background has answered.
    if (cached !== undefined) m.host.setSla(slaState(cached, this.now(), this.services.settings().sla.soonMs));
    const timer = this.timer(cached, m.post);
    if (!m.busy && m.panel === 'none' && !m.notice && !timer && (!cached || m.post.isOwn)) {
      m.host.renderIdle({
        theme: this.theme,
        label: t('toolbarLabel', m.post.author.name || m.post.author.handle || ''),
        loaded: cached !== undefined,
        own: Boolean(m.post.isOwn),
      });
      return;
    }
    m.host.render(
      h(Toolbar, {
        post: m.post,
        caseState: cached ?? undefined,
        loaded: cached !== undefined,
        theme: this.theme,
        busy: m.busy,
        ...(m.notice ? { notice: m.notice } : {}),
        ...(timer ? { timer } : {}),
        panel: m.panel,
        templates: this.templates,
        tags: this.tagSet,
        renderTemplate: (template, fills) => this.fill(template, m.post, fills),
        onTrack: () => this.track(m),
        onStatus: (status) => void this.act(m, () => this.services.setStatus(m.post.caseId, status)),
        onPanel: (panel) => this.openPanel(m, panel),
        onInsert: (template, fills, more) => void this.insert(m, template, fills, more),
        onToggleTag: (tagId) => void this.toggleTag(m, tagId),
        onHandover: (category, note) => void this.handover(m, category, note),
        history: m.history,
        onNote: (text) => void this.act(m, () => this.services.note(m.post.caseId, text)),
        me: this.services.settings().agentName,
        onTake: () => void this.act(m, () => this.services.assign(m.post.caseId, this.services.settings().agentName)),
      }),
    );
  }

  /** Makes the post a case. Read again, in full: the page may show more by now ("Show more") than at mount. */
  private track(m: Mounted): void {
    void this.act(m, () => this.services.track((m.post = this.read(m.el, true) ?? m.post)));
  }

  private async loadHistory(m: Mounted): Promise<void> {
    try {
      m.history = await this.services.history(m.post.caseId);
    } catch {
      m.history = [];
    }
    this.render(m);
  }

  private openPanel(m: Mounted, panel: Panel): void {
    if (panel !== 'templates') delete m.trigger;
    m.panel = panel;
    if (panel !== 'none') delete m.notice;
    if (panel === 'history') {
      delete m.history;
      void this.loadHistory(m);
      this.ensureTags();
    }
    this.render(m);
    const load =
      panel === 'templates' && this.templates === undefined
        ? this.services.templates().then((list) => (this.templates = list))
        : panel === 'tags' && this.tagSet === undefined
          ? this.services.tags().then((list) => (this.tagSet = list))
          : undefined;
    load?.then(
      () => this.rerender(),
      (error: unknown) => {
        m.notice = { kind: 'error', text: t('errorBackground', error instanceof Error ? error.message : String(error)) };
        this.render(m);
      },
    );
  }

  /** Hands the post over to the KCC, making it a case first if needed. */
  private async handover(m: Mounted, category: string, note: string): Promise<void> {
    m.panel = 'none';
    await this.act(m, async () => {
      if (!this.cache.get(m.post.caseId)) await this.services.track((m.post = this.read(m.el, true) ?? m.post));
      await this.services.handover(m.post.caseId, category, note);
    });
    if (!m.notice) {
      m.notice = { kind: 'ok', text: t('handoverDone') };
      this.render(m);
    }
  }

  /** Tagging a post that is not a case yet makes it one first. */
  private async toggleTag(m: Mounted, tagId: string): Promise<void> {
    await this.act(m, async () => {
      if (!this.cache.get(m.post.caseId)) await this.services.track((m.post = this.read(m.el, true) ?? m.post));
      const on = !(this.cache.get(m.post.caseId)?.tags ?? []).includes(tagId);
      await this.services.tag(m.post.caseId, tagId, on);
    });
  }

  private fill(template: Template, post: PostRef, fills: Fills = {}): RenderedTemplate {
    return renderTemplate(template.body, templateValues(post, this.services.settings(), this.now()), fills);
  }

  /**
   * Puts a filled template into the post's reply box: the one where the agent typed the trigger (replacing
   * it), else the open one, else the one the site's own reply button opens. `more` keeps the picker open
   * for the next template of the same reply.
   */
  private async insert(m: Mounted, template: Template, fills: Fills, more: boolean): Promise<void> {
    const el = m.el;
    const { text, cursor } = this.fill(template, m.post, fills);
    const trigger = m.trigger?.isConnected ? m.trigger : undefined;
    delete m.trigger;
    delete m.notice;
    m.panel = 'none';
    m.busy = true;
    this.render(m);
    try {
      const editor = trigger ?? (await this.adapter.composer.open(el));
      if (!editor) {
        m.notice = { kind: 'error', text: t('insertNoComposer') };
        return;
      }
      const outcome = await insertIntoEditor(editor, text, () => this.adapter.composer.canSubmit(editor), {
        ...(trigger ? { replacing: TRIGGER } : {}),
        ...(cursor !== undefined && !more ? { caret: cursor } : {}),
      });
      if (outcome === 'inserted') {
        m.notice = { kind: 'ok', text: t('insertDone') };
        this.services.templateUsed(template.id);
        if (more) m.panel = 'templates';
      } else {
        m.notice = { kind: 'error', text: t('insertNotTaken') };
      }
    } finally {
      m.busy = false;
      this.render(m);
    }
  }

  private async act(m: Mounted, action: () => Promise<void>): Promise<void> {
    m.busy = true;
    delete m.notice;
    this.render(m);
    try {
      await action();
    } catch (error) {
      m.notice = { kind: 'error', text: t('errorBackground', error instanceof Error ? error.message : String(error)) };
    } finally {
      m.busy = false;
      this.render(m);
    }
  }
}
