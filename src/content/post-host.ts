/**
 * The one element Loket puts into the site's DOM per post: a host carrying only `data-loket-post` (the case
 * id) and `data-loket-sla` (the timer state), with a closed shadow root holding everything else. The site's
 * scripts can see that a post has Loket, never what is in it (notes, assignees).
 *
 * Quiet, it holds Loket's mark (and a case's chip) and has no listener of its own: the page's one delegated
 * listener (page-events.ts) handles it. Open, it holds the full toolbar (Preact) and, while open, guards its
 * events from the site's handlers itself.
 */
import { render, type ComponentChild } from 'preact';
import type { CaseId } from '../domain/case-id';
import type { SlaState } from '../domain/sla-state';
import type { MountPoint } from '../sites/site-adapter';
import { markOf, quietPost, setChip, setTheme, type Chip } from '../ui/quiet-mark';
import type { Theme } from '../ui/theme';
import { PANEL_CSS, QUIET_CSS } from '../ui/toolbar-styles';

export const HOST_ATTRIBUTE = 'data-loket-post';
export const SLA_ATTRIBUTE = 'data-loket-sla';

/**
 * The open toolbar is drawn in a popover (the browser's top layer) under the mark, out of the page's flow:
 * opening it moves nothing on the page, so its cost does not grow with the page (a feed that keeps every row
 * would otherwise lay all of them out again), and no stacking context or overflow of the site's rows can cover
 * or clip it. Where a browser has no popovers, the toolbar takes a line of its own below the action bar.
 */
export const OPENS_IN_POPOVER = typeof HTMLElement === 'function' && typeof HTMLElement.prototype.showPopover === 'function';
/** The open toolbar's width (px) at most; it keeps this far from the viewport's edges. */
const POPOVER_WIDTH = 544;
const POPOVER_EDGE = 8;

/** The host's own style in a row of text height (see place). */
const INLINE_HOST = 'display: inline-block; vertical-align: middle; margin: -5px 0 -5px 6px;';

/** Events inside an open toolbar that must not reach the site (X opens the tweet on a click). */
const GUARDED = ['click', 'keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup'] as const;

export class PostHost {
  readonly element: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly root: HTMLElement;
  private container: HTMLElement | undefined;
  private guard: AbortController | undefined;
  private positioning = false;
  private panelStyles = false;

  constructor(
    caseId: CaseId,
    private theme: Theme,
  ) {
    this.element = document.createElement('div');
    this.element.setAttribute(HOST_ATTRIBUTE, caseId);
    this.shadow = this.element.attachShadow({ mode: 'closed' });
    adoptStyles(this.shadow, QUIET_CSS);
    this.root = quietPost(theme);
    this.shadow.append(this.root);
  }

  get isOpen(): boolean {
    return this.container !== undefined;
  }

  /** Whether keyboard focus is inside this post's Loket. */
  get hasFocus(): boolean {
    return this.shadow.activeElement !== null;
  }

  /** The element inside with keyboard focus, if any. */
  get focused(): Element | null {
    return this.shadow.activeElement;
  }

  /** Puts the host at `at` unless it is there already. Keeps keyboard focus on the mark across a move. */
  place(at: MountPoint, line: boolean): void {
    this.root.classList.toggle('line', line);
    const el = this.element;
    // In a row of text height (MountPoint.inline) the host is inline and its box no taller than the text: the
    // mark overhangs the row's line by a few pixels rather than making it taller.
    const inline = !line && at.inline === true;
    if (inline !== (el.style.length > 0)) el.style.cssText = inline ? INLINE_HOST : '';
    if (el.parentNode === at.parent && (at.before === el || el.nextSibling === at.before)) return;
    const focused = this.hasFocus;
    at.parent.insertBefore(el, at.before);
    // Taken out of the page, even to be put back at once, a popover closes: show it again where the mark is now.
    if (this.container?.popover && !this.container.matches(':popover-open')) {
      this.container.showPopover();
      this.position(markOf(this.root).getBoundingClientRect());
    }
    if (focused) this.focusMark();
  }

  rekey(caseId: CaseId): void {
    this.element.setAttribute(HOST_ATTRIBUTE, caseId);
  }

  setSla(state: SlaState): void {
    if (this.element.getAttribute(SLA_ATTRIBUTE) !== state) this.element.setAttribute(SLA_ATTRIBUTE, state);
  }

  setTheme(theme: Theme): void {
    // Called for every post a case lookup answers: a field compare, not an attribute read.
    if (theme === this.theme) return;
    this.theme = theme;
    setTheme(this.root, theme);
  }

  /** The compact case chip beside the mark (hidden while the full toolbar, which shows the same, is open). */
  setChip(chip: Chip | null): void {
    setChip(this.root, this.container ? null : chip);
  }

  focusMark(): void {
    markOf(this.root).focus();
  }

  /**
   * Draws the full toolbar beside the mark (made on first use; the component and styles are ready, so this
   * is one synchronous render). `onKey` sees key presses inside it first (Escape closes); `onMark`, a click on
   * the mark while it is open.
   */
  render(vnode: ComponentChild, onKey: (e: KeyboardEvent) => void, onMark: () => void): void {
    if (!this.container) {
      // The open toolbar's rules, once per host: quiet hosts carry only the mark's.
      if (!this.panelStyles) {
        adoptStyles(this.shadow, PANEL_CSS);
        this.panelStyles = true;
      }
      // The chip is no taller than the mark: hiding it moves nothing below.
      setChip(this.root, null);
      this.container = document.createElement('div');
      this.container.className = 'open';
      this.guard = new AbortController();
      const signal = this.guard.signal;
      if (OPENS_IN_POPOVER) {
        // Where the mark is, read before anything changes: the page's layout is clean at a click.
        const at = markOf(this.root).getBoundingClientRect();
        this.container.popover = 'manual';
        this.root.append(this.container);
        this.container.showPopover();
        this.position(at);
        // The popover is placed on the page, so it scrolls with it; the site may still move the post (a
        // virtualised row above it measured anew): follow it, once per frame at most, while open only.
        const follow = (): void => {
          if (this.positioning) return;
          this.positioning = true;
          requestAnimationFrame(() => {
            this.positioning = false;
            if (this.container && this.element.isConnected) this.position(markOf(this.root).getBoundingClientRect());
          });
        };
        window.addEventListener('scroll', follow, { capture: true, passive: true, signal });
        window.addEventListener('resize', follow, { passive: true, signal });
      } else {
        this.container.style.display = 'contents';
        this.root.append(this.container);
      }
      markOf(this.root).setAttribute('aria-expanded', 'true');
      for (const type of GUARDED) this.element.addEventListener(type, (e) => e.stopPropagation(), { signal });
      this.element.addEventListener('keydown', onKey, { capture: true, signal });
      // The mark of an open toolbar closes it again (aria-expanded says which it will do).
      const mark = markOf(this.root);
      mark.addEventListener('click', onMark, { signal });
    }
    render(vnode, this.container);
  }

  /** Puts the popover under the mark (`at`, in viewport coordinates), its right edge at the mark's if it fits. */
  private position(at: DOMRect): void {
    const el = this.container;
    if (!el) return;
    const width = document.documentElement.clientWidth;
    const w = Math.min(POPOVER_WIDTH, width - 2 * POPOVER_EDGE);
    const left = Math.max(POPOVER_EDGE, Math.min(at.right - w, width - w - POPOVER_EDGE));
    el.style.width = `${w}px`;
    el.style.left = `${Math.round(left + window.scrollX)}px`;
    el.style.top = `${Math.round(at.bottom + 4 + window.scrollY)}px`;
  }

  /** Back to quiet: the toolbar goes; focus, if it was inside, goes to the mark. */
  close(): void {
    if (!this.container) return;
    const focused = this.hasFocus;
    render(null, this.container);
    this.container.remove();
    this.container = undefined;
    this.guard?.abort();
    this.guard = undefined;
    markOf(this.root).setAttribute('aria-expanded', 'false');
    if (focused) this.focusMark();
  }

  destroy(): void {
    if (this.container) render(null, this.container);
    this.guard?.abort();
    this.element.remove();
  }
}

/** Constructed stylesheets shared by every host on the page. */
const sheets = new Map<string, CSSStyleSheet>();
/** False once a browser refused to make or share one: then every host has <style>s, in the same order. */
let shareable = true;

function sheetOf(css: string): CSSStyleSheet | null {
  let sheet = sheets.get(css);
  if (!sheet && shareable) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    } catch {
      shareable = false;
    }
  }
  return shareable ? (sheet ?? null) : null;
}

/**
 * Adds a stylesheet to a host's shadow root: one constructed sheet shared by every host on the page, parsed
 * once, not once per post. Where a browser refuses to share it with a shadow root (older Firefox content
 * scripts), a <style> in that root.
 */
function adoptStyles(shadow: ShadowRoot, css: string): void {
  const sheet = sheetOf(css);
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      return;
    } catch {
      shareable = false;
    }
  }
  const style = document.createElement('style');
  style.textContent = css;
  shadow.prepend(...[...shadow.children].filter((el) => el.localName === 'style'), style);
}

export function isLoketHost(el: Element): boolean {
  return el.hasAttribute(HOST_ATTRIBUTE);
}
