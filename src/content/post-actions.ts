/**
 * A post's Loket: its state (quiet, or open with a panel, busy, a notice) and everything the agent can do
 * with it — make it a case, status, take, tags, KCC handover, templates, history and notes. Draws the quiet
 * mark and a case's chip, or the full toolbar when it is open. post-controller.ts decides which posts have
 * one; this file what one does.
 */
import { h } from 'preact';
import type { CaseStatus } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import type { CaseId } from '../domain/case-id';
import type { NoReplyReason } from '../domain/no-reply';
import type { PostRef } from '../domain/post-ref';
import type { Readability } from '../domain/readability';
import { renderTemplate, type RenderedTemplate } from '../domain/render-template';
import { slaState } from '../domain/sla-state';
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import { templateValues } from '../domain/template-values';
import type { Settings } from '../protocol/messages';
import type { SiteAdapter } from '../sites/site-adapter';
import { statusLabel } from '../ui/chips';
import { t } from '../ui/i18n';
import type { Chip } from '../ui/quiet-mark';
import type { Fills } from '../ui/template-picker';
import type { Theme } from '../ui/theme';
import type { TeamMember } from '../domain/team';
import { timerView } from '../ui/timer';
import { Toolbar, type Notice, type Panel } from '../ui/toolbar';
import type { CaseCache } from './case-cache';
import { insertIntoEditor } from './insert-text';
import type { PostHost } from './post-host';
import { TRIGGER } from './template-trigger';
import { UNDO_WINDOW_MS } from '../domain/reply-actions';
import { describeActions } from '../ui/reply-action-words';
import { isKccAnswer, withKccAnswer } from '../ui/kcc-answer-template';

export interface Services {
  track(post: PostRef): Promise<void>;
  setStatus(id: CaseId, status: CaseStatus): Promise<void>;
  /** Puts a tag on a case or takes it off (applied to the case as stored, so concurrent tagging merges). */
  tag(id: CaseId, tagId: string, on: boolean): Promise<void>;
  handover(id: CaseId, category: string, note: string): Promise<void>;
  /** Closes the case as "no reply needed", with its reason (`case/no-reply`). */
  noReply(id: CaseId, reason: NoReplyReason): Promise<void>;
  history(id: CaseId): Promise<CaseEvent[]>;
  /** Assigns the case to a colleague (a name) or releases it to the pool (null). */
  assign(id: CaseId, agent: string | null): Promise<void>;
  /** The team list (policy and sync), for the toolbar's "Toewijzen". */
  team?(): Promise<TeamMember[]>;
  note(id: CaseId, text: string): Promise<void>;
  templates(): Promise<Template[]>;
  tags(): Promise<Tag[]>;
  templateUsed(id: string): void;
  settings(): Settings;
  /** The page names this post by other ids too (Facebook's pfbid beside its number): one case for all. */
  link?(id: CaseId, aliases: CaseId[]): void;
  /** The B1 check of a reply, done by the background (absent: no advice). */
  readability?(text: string): Promise<Readability>;
  /** Applies an inserted template's actions to its case; `at` names the change for undo. */
  applyTemplate?(id: CaseId, templateId: string): Promise<{ at: number; changed: boolean; skipped: string[] }>;
  /** Undoes this agent's change at `at` (a template's actions). */
  undo?(id: CaseId, at: number): Promise<void>;
  /** The KCC's categories (the organisation's policy, else Loket's). */
  kccCategories?(): Promise<string[]>;
}

export interface PostState {
  el: Element;
  host: PostHost;
  post: PostRef;
  /** `post` holds only what the quiet mark needs (read quickly on mounting); opening reads the rest. */
  quick?: boolean;
  /** The full toolbar is shown. */
  open: boolean;
  /** On a line of its own (chip or toolbar) rather than in the site's action bar. */
  line?: boolean;
  /** Whether it showed a case's chip when last placed (a chip may need a line of its own). */
  placedChip?: boolean;
  /** The pointer has been on the open toolbar (leaving it then closes a hover-opened one). */
  hovered?: boolean;
  /** Opened on purpose (click, key, shortcut, `;;`) or used: the pointer leaving does not close it. */
  pinned: boolean;
  busy: boolean;
  notice?: Notice;
  panel: Panel;
  history?: CaseEvent[];
  /** The composer where the agent typed the template trigger: the template goes there, replacing it. */
  trigger?: HTMLElement;
  /** Opened to show the wrong-account warning: stays open until the agent closes it. */
  warned?: boolean;
  /** A template's actions changed the case at `at`: the toolbar offers to undo them until `until`. */
  undo?: { at: number; until: number };
}

/** The page's wrong-account guard (account-guard.ts), as a post's actions see it. */
export interface AccountCheck {
  /** The warning's text while it shows. */
  readonly warning: string | undefined;
  dismiss(): void;
  /** Checks the account for a reply in this editor (a template went into it). */
  check(editor: HTMLElement): boolean;
}

/** What a post's actions need from the page around them. */
export interface PostContext {
  readonly adapter: SiteAdapter;
  readonly cache: CaseCache;
  readonly services: Services;
  now(): number;
  theme(): Theme;
  /** Reads the post again (in full: what only a case needs too). */
  read(el: Element, full: boolean): PostRef | null;
  /** For a post whose id the page hides (PostRef.idPending): has the site show it, and reads the post again. */
  reveal(m: PostState): void;
  /** Puts the host where its state belongs (the mark in the action bar, a chip or toolbar on a line). */
  place(m: PostState): void;
  /** Redraws every post (the tag set arrived). */
  redrawAll(): void;
  /** The wrong-account guard, when the page has one. */
  account(): AccountCheck | undefined;
}

export class PostActions {
  private templates: Template[] | undefined;
  private tagSet: Tag[] | undefined;
  private kccCategories: string[] | undefined;
  private loadingTags = false;
  /** Read again each time a toolbar opens: who is away changes during the day. */
  private team: TeamMember[] = [];

  constructor(private readonly ctx: PostContext) {}

  /** One function for every render, so the advice does not ask again for the same text on a redraw. */
  private readonly checkReadability = (text: string): Promise<Readability> => this.ctx.services.readability!(text);

  /** Whether the post shows a case's chip when quiet (a case, not the municipality's own post). */
  hasChip(m: PostState): boolean {
    return !m.post.isOwn && Boolean(this.ctx.cache.get(m.post.caseId));
  }

  /** Redraws the post: the host's SLA state, then its chip or, when open, the full toolbar. */
  render(m: PostState): void {
    const cached = this.ctx.cache.get(m.post.caseId);
    // The timer state is the one other thing the host shows; it appears once the background has answered.
    if (cached !== undefined) m.host.setSla(slaState(cached, this.ctx.now(), this.ctx.services.settings().sla.soonMs));
    if (!m.open) {
      m.host.setChip(this.chip(m));
      return;
    }
    if (cached && cached.tags.length > 0) this.ensureTags();
    const settings = this.ctx.services.settings();
    const timer = cached && !m.post.isOwn ? timerView(cached, this.ctx.now(), settings) : undefined;
    const account = this.ctx.account();
    const warning = account?.warning;
    m.host.render(
      h(Toolbar, {
        post: m.post,
        caseState: cached ?? undefined,
        loaded: cached !== undefined,
        theme: this.ctx.theme(),
        busy: m.busy,
        ...(m.notice ? { notice: m.notice } : {}),
        ...(timer ? { timer } : {}),
        panel: m.panel,
        templates: this.templates && cached ? withKccAnswer(this.templates, cached, t('kccAnswerTemplate')) : this.templates,
        tags: this.tagSet,
        ...(this.kccCategories ? { kccCategories: this.kccCategories } : {}),
        ...(m.undo && m.undo.until > this.ctx.now() ? { onUndo: () => void this.undo(m) } : {}),
        renderTemplate: (template, fills) => this.fill(template, m.post, fills),
        onTrack: () => this.track(m),
        onStatus: (status) => void this.act(m, () => this.ctx.services.setStatus(m.post.caseId, status)),
        onPanel: (panel) => this.openPanel(m, panel),
        onInsert: (template, fills, more) => void this.insert(m, template, fills, more),
        onToggleTag: (tagId) => void this.toggleTag(m, tagId),
        onHandover: (category, note) => void this.handover(m, category, note),
        onNoReply: (reason) => void this.noReply(m, reason),
        history: m.history,
        onNote: (text) => void this.act(m, () => this.ctx.services.note(m.post.caseId, text)),
        me: settings.agentName,
        ...(this.ctx.services.readability ? { checkReadability: this.checkReadability } : {}),
        onTake: () => void this.act(m, () => this.ctx.services.assign(m.post.caseId, this.ctx.services.settings().agentName)),
        team: this.team,
        onAssign: (to) =>
          void this.act(m, async () => {
            await this.ctx.services.assign(m.post.caseId, to);
            m.notice = { kind: 'ok', text: to === null ? t('releaseDone') : t('assignDone', to) };
          }),
        ...(warning && account
          ? {
              accountWarning: {
                text: warning,
                onDismiss: () => {
                  account.dismiss();
                  delete m.warned;
                  this.ctx.redrawAll();
                  m.host.focusMark();
                },
              },
            }
          : {}),
      }),
      (e) => this.key(m, e),
      () => {
        if (m.busy) return;
        this.close(m);
        m.host.focusMark();
      },
    );
  }

  /** A case's status, tags and live timer in one line, coloured by its SLA state. */
  private chip(m: PostState): Chip | null {
    const c = this.ctx.cache.get(m.post.caseId);
    if (!c || m.post.isOwn) return null;
    if (c.tags.length > 0) this.ensureTags();
    const timer = timerView(c, this.ctx.now(), this.ctx.services.settings());
    const tags = this.tagSet ? c.tags.map((id) => this.tagSet!.find((x) => x.id === id)?.label ?? id) : [];
    return { text: [statusLabel(c.status), ...tags, ...(timer ? [timer.text] : [])].join(' · '), sla: timer?.state ?? slaState(c, this.ctx.now(), 0) };
  }

  /** Opens the full toolbar. `pinned`: on purpose, so the pointer leaving does not close it. */
  open(m: PostState, pinned: boolean): void {
    m.pinned ||= pinned;
    if (m.open) return;
    if (m.post.idPending) this.ctx.reveal(m);
    if (m.quick) {
      m.post = this.ctx.read(m.el, false) ?? m.post;
      m.quick = false;
    }
    m.open = true;
    this.ctx.place(m);
    this.render(m);
    this.ctx.services.team?.().then(
      (team) => {
        this.team = team;
        if (m.open) this.render(m);
      },
      () => undefined,
    );
  }

  /** Back to the mark (and chip); a notice goes with the toolbar. Focus, if it was inside, returns to the mark. */
  close(m: PostState): void {
    if (!m.open) return;
    m.open = false;
    m.pinned = false;
    m.hovered = false;
    m.panel = 'none';
    delete m.notice;
    delete m.trigger;
    delete m.history;
    m.host.close();
    this.ctx.place(m);
    this.render(m);
  }

  /** Whether leaving may close it: nothing under way and nothing the agent has typed in a panel. */
  closable(m: PostState): boolean {
    return m.open && !m.busy && m.panel === 'none' && !(m.warned && this.ctx.account()?.warning);
  }

  /** Escape in the toolbar with no panel open closes it (a panel's own Escape closes the panel first). */
  private key(m: PostState, e: KeyboardEvent): void {
    m.pinned = true;
    // A form control's own Escape (a select's list, a search field) is left to it.
    const at = m.host.focused;
    if (e.key !== 'Escape' || !this.closable(m) || (at !== null && at.tagName !== 'BUTTON')) return;
    e.preventDefault();
    this.close(m);
    m.host.focusMark();
  }

  /** The template set changed (edited in the options, imported, …): open pickers show the new set at once. */
  templatesChanged(open: PostState[]): void {
    this.templates = undefined;
    const showing = open.filter((m) => m.panel === 'templates');
    if (showing.length === 0) return;
    this.ctx.services.templates().then(
      (list) => {
        this.templates = list;
        for (const m of showing) this.render(m);
      },
      () => undefined,
    );
  }

  /** Opens a panel (the toolbar first, if needed); 'none' closes the panel and keeps the toolbar. */
  openPanel(m: PostState, panel: Panel): void {
    if (panel !== 'templates') delete m.trigger;
    m.panel = panel;
    if (panel !== 'none') {
      delete m.notice;
      m.pinned = true;
    }
    if (panel === 'history') {
      delete m.history;
      void this.loadHistory(m);
      this.ensureTags();
    }
    if (!m.open) this.open(m, true);
    else this.render(m);
    const load =
      panel === 'templates' && this.templates === undefined
        ? this.ctx.services.templates().then((list) => (this.templates = list))
        : panel === 'tags' && this.tagSet === undefined
          ? this.ctx.services.tags().then((list) => (this.tagSet = list))
          : panel === 'handover' && this.kccCategories === undefined && this.ctx.services.kccCategories
            ? this.ctx.services.kccCategories().then((list) => (this.kccCategories = list))
            : undefined;
    load?.then(
      () => this.render(m),
      (error: unknown) => {
        m.notice = { kind: 'error', text: t('errorBackground', error instanceof Error ? error.message : String(error)) };
        this.render(m);
      },
    );
  }

  async loadHistory(m: PostState): Promise<void> {
    try {
      m.history = await this.ctx.services.history(m.post.caseId);
    } catch {
      m.history = [];
    }
    this.render(m);
  }

  /** Chips need the tag set's labels and colours: load it once, the first time a case with tags shows. */
  private ensureTags(): void {
    if (this.tagSet !== undefined || this.loadingTags) return;
    this.loadingTags = true;
    this.ctx.services.tags().then(
      (list) => {
        this.tagSet = list;
        this.ctx.redrawAll();
      },
      () => (this.loadingTags = false),
    );
  }

  /** Makes the post a case. Read again, in full: the page may show more by now ("Show more") than at mount. */
  private track(m: PostState): void {
    void this.act(m, () => this.ctx.services.track(this.readForCase(m)));
  }

  /**
   * The post read again in full, to become a case. A post whose id the page still hides cannot (its toolbar
   * disables what makes a case until the id is read): refused with the reason.
   */
  private readForCase(m: PostState): PostRef {
    // The link may have filled in since: read again (and re-key the host) before giving up.
    if (m.post.idPending) this.ctx.reveal(m);
    if (m.post.idPending) throw new Error(t('idPendingReason'));
    m.post = this.ctx.read(m.el, true) ?? m.post;
    return m.post;
  }

  /** Hands the post over to the KCC, making it a case first if needed. */
  private async handover(m: PostState, category: string, note: string): Promise<void> {
    m.panel = 'none';
    await this.act(m, async () => {
      if (!this.ctx.cache.get(m.post.caseId)) await this.ctx.services.track(this.readForCase(m));
      await this.ctx.services.handover(m.post.caseId, category, note);
    });
    if (!m.notice && m.open) {
      m.notice = { kind: 'ok', text: t('handoverDone') };
      this.render(m);
    }
  }

  /** "No reply needed" closes the case with its reason; a post that is not a case yet becomes one first (it counts). */
  private async noReply(m: PostState, reason: NoReplyReason): Promise<void> {
    m.panel = 'none';
    await this.act(m, async () => {
      if (!this.ctx.cache.get(m.post.caseId)) await this.ctx.services.track((m.post = this.ctx.read(m.el, true) ?? m.post));
      await this.ctx.services.noReply(m.post.caseId, reason);
    });
    if (!m.notice && m.open) {
      m.notice = { kind: 'ok', text: t('queueNoReplyDone') };
      this.render(m);
    }
  }

  /** Tagging a post that is not a case yet makes it one first. */
  private async toggleTag(m: PostState, tagId: string): Promise<void> {
    await this.act(m, async () => {
      if (!this.ctx.cache.get(m.post.caseId)) await this.ctx.services.track(this.readForCase(m));
      const on = !(this.ctx.cache.get(m.post.caseId)?.tags ?? []).includes(tagId);
      await this.ctx.services.tag(m.post.caseId, tagId, on);
    });
  }

  private fill(template: Template, post: PostRef, fills: Fills = {}): RenderedTemplate {
    return renderTemplate(template.body, templateValues(post, this.ctx.services.settings(), this.ctx.now()), fills);
  }

  /**
   * Puts a filled template into the post's reply box: the one where the agent typed the trigger (replacing
   * it), else the open one, else the one the site's own reply button opens. `more` keeps the picker open
   * for the next template of the same reply.
   */
  private async insert(m: PostState, template: Template, fills: Fills, more: boolean): Promise<void> {
    const el = m.el;
    const { text, cursor } = this.fill(template, m.post, fills);
    const trigger = m.trigger?.isConnected ? m.trigger : undefined;
    delete m.trigger;
    delete m.notice;
    m.panel = 'none';
    m.busy = true;
    this.render(m);
    try {
      const editor = trigger ?? (await this.ctx.adapter.composer.open(el));
      if (!editor) {
        m.notice = { kind: 'error', text: t('insertNoComposer') };
        return;
      }
      const outcome = await insertIntoEditor(editor, text, () => this.ctx.adapter.composer.canSubmit(editor), {
        ...(trigger ? { replacing: TRIGGER } : {}),
        ...(cursor !== undefined && !more ? { caret: cursor } : {}),
      });
      if (outcome === 'inserted') {
        m.notice = { kind: 'ok', text: t('insertDone') };
        if (this.ctx.account()?.check(editor)) m.warned = true;
        if (!isKccAnswer(template)) this.ctx.services.templateUsed(template.id);
        if (more) m.panel = 'templates';
        if (template.actions?.length && this.ctx.services.applyTemplate) await this.applyActions(m, template, this.ctx.services.applyTemplate);
      } else {
        m.notice = { kind: 'error', text: t('insertNotTaken') };
      }
    } finally {
      m.busy = false;
      // The outcome is shown in the toolbar: open it again if the page closed it meanwhile.
      if (!m.open) this.open(m, true);
      else this.render(m);
    }
  }

  /**
   * The inserted template's actions, applied by the background from the stored template (a case first, if
   * the post is none yet); the toolbar then offers to undo them for a minute.
   */
  private async applyActions(m: PostState, template: Template, apply: NonNullable<Services['applyTemplate']>): Promise<void> {
    try {
      if (!this.ctx.cache.get(m.post.caseId)) await this.ctx.services.track((m.post = this.ctx.read(m.el, true) ?? m.post));
      const result = await apply(m.post.caseId, template.id);
      const said = describeActions(template.actions ?? []);
      if (result.changed) {
        const undo = { at: result.at, until: this.ctx.now() + UNDO_WINDOW_MS };
        m.undo = undo;
        // The offer goes when the minute is over (unless a later insert replaced it).
        setTimeout(() => {
          if (m.undo !== undo) return;
          delete m.undo;
          this.render(m);
        }, UNDO_WINDOW_MS);
      }
      const skipped = result.skipped.includes('status') ? ` ${t('actionsSkippedStatus')}` : '';
      m.notice = { kind: result.skipped.length > 0 ? 'error' : 'ok', text: `${t('insertDone')} ${t('actionsApplied', said)}${skipped}` };
    } catch (error) {
      m.notice = { kind: 'error', text: t('errorBackground', error instanceof Error ? error.message : String(error)) };
    }
  }

  private async undo(m: PostState): Promise<void> {
    const undo = m.undo;
    const send = this.ctx.services.undo;
    if (!undo || !send) return;
    delete m.undo;
    await this.act(m, () => send(m.post.caseId, undo.at));
    if (!m.notice) {
      m.notice = { kind: 'ok', text: t('actionsUndone') };
      this.render(m);
    }
  }

  private async act(m: PostState, action: () => Promise<void>): Promise<void> {
    m.busy = true;
    m.pinned = true;
    delete m.notice;
    this.render(m);
    try {
      await action();
    } catch (error) {
      m.notice = { kind: 'error', text: t('errorBackground', error instanceof Error ? error.message : String(error)) };
      if (!m.open) this.open(m, true);
    } finally {
      m.busy = false;
      this.render(m);
    }
  }
}
