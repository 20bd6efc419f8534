/**
 * One delegated listener for every post's Loket on the page, instead of listeners per host: events from
 * inside a closed shadow root reach the window with the host as their target, so the window's capture phase
 * sees every click, key and pointer move on a mark before the site does. A quiet host's events stop there
 * (the site never sees them; the button's own default — a click from Enter or Space — still happens).
 * An open toolbar guards its own events (post-host.ts) so that its controls receive them.
 */
import { isLoketHost } from './post-host';

export interface HostEvents {
  /** Whether this host is quiet (mark or chip only); undefined when it is not one of ours. */
  isQuiet(host: Element): boolean | undefined;
  /** A click on a quiet host: with the mouse, or Enter/Space on its mark. */
  activate(host: Element): void;
  /** The pointer entered (true) or left (false) a host. */
  hover(host: Element, entering: boolean): void;
  /** A pointer press or keyboard focus arrived at one of our hosts (`host`) or anywhere else on the page (null). */
  touched(host: Element | null): void;
}

const STOPPED = ['click', 'keydown', 'keyup', 'keypress', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'contextmenu'];

export function listenToHosts(win: Window, handlers: HostEvents, signal: AbortSignal): void {
  const hostOf = (target: EventTarget | null): Element | null => (target instanceof Element && isLoketHost(target) ? target : null);
  const onEvent = (e: Event): void => {
    const host = hostOf(e.target);
    switch (e.type) {
      case 'mouseover':
      case 'mouseout': {
        // Moving between the mark and the chip inside one host is no entering or leaving.
        if (host && (e as MouseEvent).relatedTarget !== host) handlers.hover(host, e.type === 'mouseover');
        return;
      }
      case 'focusin':
        handlers.touched(host);
        return;
      case 'pointerdown':
        handlers.touched(host);
        break;
    }
    if (!host || handlers.isQuiet(host) !== true) return;
    e.stopPropagation();
    if (e.type === 'click') handlers.activate(host);
  };
  for (const type of [...STOPPED, 'mouseover', 'mouseout', 'focusin']) win.addEventListener(type, onEvent, { capture: true, signal });
}
