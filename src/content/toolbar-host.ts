/**
 * The one element Loket puts into the site's DOM per post: a host carrying only `data-loket-post` (the case
 * id) and `data-loket-sla` (the timer state), with a closed shadow root holding everything else. The site's
 * scripts can see that a post has a toolbar, never what is in it (notes, assignees).
 *
 * A toolbar starts idle (a cloned template, see ui/toolbar-idle.ts) and becomes live (Preact) on its first
 * interaction or when its post becomes a case.
 */
import { render, type ComponentChild } from 'preact';
import type { CaseId } from '../domain/case-id';
import type { SlaState } from '../domain/sla-state';
import type { MountPoint } from '../sites/site-adapter';
import { idleToolbar, updateIdleToolbar, type IdleToolbar } from '../ui/toolbar-idle';
import { TOOLBAR_CSS } from '../ui/toolbar-styles';

export type IdleAction = 'track' | 'templates' | 'tags' | 'handover';

export const HOST_ATTRIBUTE = 'data-loket-post';
export const SLA_ATTRIBUTE = 'data-loket-sla';

export class ToolbarHost {
  readonly element: HTMLElement;
  private readonly container: HTMLElement;
  private readonly shadow: ShadowRoot;
  private live = false;

  constructor(caseId: CaseId, at: MountPoint, onIdleAction: (action: IdleAction) => void) {
    this.element = document.createElement('div');
    this.element.setAttribute(HOST_ATTRIBUTE, caseId);
    this.shadow = this.element.attachShadow({ mode: 'closed' });
    this.container = document.createElement('div');
    adoptStyles(this.shadow);
    this.shadow.append(this.container);
    // Clicks and keys inside our toolbar must not reach the site's handlers (X opens the tweet on click).
    for (const type of ['click', 'keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup']) {
      this.element.addEventListener(type, (e) => e.stopPropagation());
    }
    // The idle toolbar's buttons, by delegation: one listener, gone with the host.
    this.container.addEventListener('click', (e) => {
      if (this.live) return;
      const action = (e.target as Element).closest('button')?.getAttribute('data-lk');
      if (action === 'track' || action === 'templates' || action === 'tags') onIdleAction(action);
      else if (action === 'handover-open') onIdleAction('handover');
    });
    at.parent.insertBefore(this.element, at.before);
  }

  rekey(caseId: CaseId): void {
    this.element.setAttribute(HOST_ATTRIBUTE, caseId);
  }

  setSla(state: SlaState): void {
    if (this.element.getAttribute(SLA_ATTRIBUTE) !== state) this.element.setAttribute(SLA_ATTRIBUTE, state);
  }

  /**
   * Draws the idle toolbar. A live one (its case was erased, or a panel of the municipality's own post was
   * closed) goes back to idle, with keyboard focus kept on the same control.
   */
  renderIdle(spec: IdleToolbar): void {
    if (!this.live) {
      const drawn = this.container.firstElementChild as HTMLElement | null;
      if (!drawn || !updateIdleToolbar(drawn, spec)) this.container.replaceChildren(idleToolbar(spec));
      return;
    }
    const focused = this.shadow.activeElement?.getAttribute('data-lk');
    render(null, this.container);
    this.live = false;
    this.container.replaceChildren(idleToolbar(spec));
    if (focused) this.container.querySelector<HTMLElement>(`[data-lk="${focused}"]`)?.focus();
  }

  render(vnode: ComponentChild): void {
    if (!this.live) {
      // Hand over from the idle toolbar: keep keyboard focus on the same control.
      const focused = this.shadow.activeElement?.getAttribute('data-lk');
      this.container.replaceChildren();
      this.live = true;
      render(vnode, this.container);
      if (focused) this.container.querySelector<HTMLElement>(`[data-lk="${focused}"]`)?.focus();
      return;
    }
    render(vnode, this.container);
  }

  destroy(): void {
    if (this.live) render(null, this.container);
    this.element.remove();
  }
}

let shared: CSSStyleSheet | null | undefined;

/**
 * One constructed stylesheet shared by every toolbar on the page: parsed once, not once per post. Where a
 * browser refuses to share it with a shadow root (older Firefox content scripts), a <style> per toolbar.
 */
function adoptStyles(shadow: ShadowRoot): void {
  if (shared === undefined) {
    try {
      shared = new CSSStyleSheet();
      shared.replaceSync(TOOLBAR_CSS);
    } catch {
      shared = null;
    }
  }
  if (shared) {
    try {
      shadow.adoptedStyleSheets = [shared];
      return;
    } catch {
      shared = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = TOOLBAR_CSS;
  shadow.append(style);
}

export function isLoketHost(el: Element): boolean {
  return el.hasAttribute(HOST_ATTRIBUTE);
}
