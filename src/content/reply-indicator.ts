/**
 * The B1 indicator beside the site's reply box (issue #20, item 2): while the agent writes a reply to a post,
 * a small button beside the box says whether the text meets language level B1, and opens the tips.
 *
 *   focusin (one delegated listener) ──▶ the reply box in use (one at a time)
 *       its edits (one MutationObserver, on that box only; `input` for a textarea) ──▶ 300 ms still
 *       ──▶ `readability/check` in the background (one in flight; the newest text goes next) ──▶ drawn
 *
 * Nothing per post, and nothing at all until a reply box is focused. The check runs in the background, so
 * the content script carries no hyphenation patterns and the organisation's officialese applies. The host in
 * the page carries one attribute and a closed shadow root; the text stays in the site's editor. Never blocks
 * sending, never takes the focus; hidden per reply box with its × (until the page is left), and off when the
 * setting `readabilityIndicator` is.
 */
import { h, render } from 'preact';
import type { Readability } from '../domain/readability';
import type { Settings } from '../protocol/messages';
import type { SiteAdapter } from '../sites/site-adapter';
import { ReplyIndicator } from '../ui/reply-indicator';
import { INDICATOR_CSS } from '../ui/reply-indicator-styles';

export const INDICATOR_ATTRIBUTE = 'data-loket-indicator';
/** How long the text must be still before it is checked. */
export const CHECK_AFTER_MS = 300;

/** Events inside the indicator that must not reach the site (its composer reacts to clicks and keys). */
const GUARDED = ['click', 'keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const;

/** The text of a reply box as the site will send it: a textarea's value, an editor's rendered lines. */
export function editorText(editor: HTMLElement): string {
  if (editor instanceof HTMLTextAreaElement) return editor.value;
  return (editor.innerText ?? editor.textContent ?? '').replace(/\u200b/g, '');
}

export class ReplyIndicators {
  private editor: HTMLElement | null = null;
  private host: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private readonly dismissed = new WeakSet<Element>();
  private readonly observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight = false;
  private again = false;
  /** The text last checked for the current editor (null: none yet). */
  private checked: string | null = null;
  private serial = 0;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly settings: () => Settings,
    private readonly check: (text: string) => Promise<Readability>,
    private readonly doc: Document = document,
  ) {
    this.observer = new MutationObserver(() => this.schedule());
  }

  listen(signal: AbortSignal): void {
    const opts = { capture: true, signal };
    this.doc.addEventListener('focusin', (e) => this.focused(e.target), opts);
    // A textarea's value changes without mutations (X's mobile layout).
    this.doc.addEventListener('input', (e) => this.editor !== null && e.target === this.editor && this.schedule(), opts);
    signal.addEventListener('abort', () => this.detach());
    // The agent may have clicked into a reply box before Loket started on a slow page: that box counts.
    this.focused(this.doc.activeElement);
  }

  /** The settings changed: turned off, the indicator goes at once. */
  settingsChanged(): void {
    if (!this.settings().readabilityIndicator) this.detach();
  }

  /** The reply box the indicator is for, while there is one (for tests and the toolbar). */
  get current(): HTMLElement | null {
    return this.editor;
  }

  private focused(target: EventTarget | null): void {
    const composer = this.adapter.composer;
    const editor = (target as Element | null)?.closest?.(composer.editorSelector);
    if (!(editor instanceof HTMLElement) || editor === this.editor) return;
    if (!this.settings().readabilityIndicator || this.dismissed.has(editor) || composer.replyTarget(editor) === null) return;
    this.attach(editor);
  }

  private attach(editor: HTMLElement): void {
    this.detach();
    this.editor = editor;
    this.serial++;
    if (!(editor instanceof HTMLTextAreaElement)) this.observer.observe(editor, { subtree: true, childList: true, characterData: true });
    // A box that already holds text (a template went in before it was focused) is checked too.
    this.schedule();
  }

  private detach(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    this.editor = null;
    this.checked = null;
    this.again = false;
    this.serial++;
    if (this.shadow) render(null, this.shadow);
    this.host?.remove();
    this.host = null;
    this.shadow = null;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), CHECK_AFTER_MS);
  }

  private async run(): Promise<void> {
    const editor = this.editor;
    if (!editor) return;
    if (!editor.isConnected) return this.detach();
    if (this.inFlight) {
      this.again = true; // the newest text goes when the answer is in
      return;
    }
    const text = editorText(editor);
    if (text === this.checked) return;
    this.checked = text;
    if (!/[\p{L}\p{N}]/u.test(text)) return this.hide();
    const serial = this.serial;
    this.inFlight = true;
    let result: Readability | null = null;
    try {
      result = await this.check(text);
    } catch {
      result = null; // no answer (the background was restarting): the next edit asks again
      this.checked = null;
    } finally {
      this.inFlight = false;
    }
    if (serial === this.serial && result) this.show(editor, text, result);
    if (this.again) {
      this.again = false;
      void this.run();
    }
  }

  private hide(): void {
    if (this.host) this.host.hidden = true;
  }

  private show(editor: HTMLElement, text: string, result: Readability): void {
    if (result.score === null) return this.hide();
    const host = this.hostFor(editor);
    if (!host || !this.shadow) return;
    host.hidden = false;
    const theme = this.adapter.theme(this.doc);
    render(h(ReplyIndicator, { text, result, theme, onDismiss: () => this.dismiss(editor), idPrefix: 'lk-ind' }), this.shadow);
  }

  /** The host, made on first use and put (back) where the site leaves room for it. */
  private hostFor(editor: HTMLElement): HTMLElement | null {
    const at = this.adapter.composer.indicatorPoint?.(editor);
    if (!at) return null;
    if (!this.host) {
      const host = this.doc.createElement('div');
      host.setAttribute(INDICATOR_ATTRIBUTE, '');
      this.shadow = host.attachShadow({ mode: 'closed' });
      adoptIndicatorStyles(this.shadow);
      for (const type of GUARDED) host.addEventListener(type, (e) => e.stopPropagation());
      this.host = host;
    }
    const host = this.host;
    if (host.parentNode !== at.parent || host.nextSibling !== at.before) at.parent.insertBefore(host, at.before);
    return host;
  }

  /** Hidden for this reply box; if the focus was on the indicator, it goes back to writing. */
  private dismiss(editor: HTMLElement): void {
    const hadFocus = this.shadow?.activeElement != null;
    this.dismissed.add(editor);
    this.detach();
    if (hadFocus) editor.focus();
  }
}

let sheet: CSSStyleSheet | null | undefined;

/** One constructed stylesheet for the indicator; a <style> where the browser refuses to share one. */
function adoptIndicatorStyles(shadow: ShadowRoot): void {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(INDICATOR_CSS);
    } catch {
      sheet = null;
    }
  }
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      sheet = null;
    }
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = INDICATOR_CSS;
  shadow.append(style);
}
