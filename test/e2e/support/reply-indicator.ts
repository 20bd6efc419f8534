/**
 * Reads and drives the B1 indicator beside a reply box. It lives in a closed shadow root, as the toolbar does:
 * the DevTools protocol finds it, says where an element is and what it shows, and copies it into a page of
 * its own for axe-core. Clicks are real mouse clicks at the element's position.
 */
import type { CDPSession, Page } from 'playwright-core';
import { clickWhenStill, pageState } from './toolbar';

export interface IndicatorBox {
  x: number;
  y: number;
  text: string;
  focused: boolean;
  expanded: string | null;
  /** The indicator's verdict (data-b1 of its group): "pass" or "advice". */
  verdict: string | null;
}

const HOST = '[data-loket-indicator]';

export class Indicator {
  private cdp: Promise<CDPSession> | undefined;

  constructor(readonly page: Page) {}

  private session(): Promise<CDPSession> {
    return (this.cdp ??= this.page.context().newCDPSession(this.page));
  }

  /** The shadow root's remote object, or null when no indicator is in the page (or it is hidden). */
  private async root(): Promise<string | null> {
    const cdp = await this.session();
    try {
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `${HOST}:not([hidden])` });
      if (!nodeId) return null;
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      if (!shadow) return null;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      return object.objectId ?? null;
    } catch (e) {
      if (e instanceof Error && /Could not find node|No node with given id/.test(e.message)) return null;
      throw e;
    }
  }

  private async call<T>(fn: string, ...args: unknown[]): Promise<T | null> {
    const objectId = await this.root();
    if (!objectId) return null;
    const { result } = await (await this.session()).send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    });
    return (result.value as T | null) ?? null;
  }

  /** Whether an indicator shows in the page now. */
  async present(): Promise<boolean> {
    return (await this.root()) !== null;
  }

  async locate(selector: string): Promise<IndicatorBox | null> {
    return this.call<IndicatorBox>(
      `function (selector) {
        const el = this.querySelector(selector);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, text: el.textContent, focused: this.activeElement === el,
          expanded: el.getAttribute('aria-expanded'), verdict: this.querySelector('[data-lk="indicator"]')?.getAttribute('data-b1') ?? null };
      }`,
      selector,
    );
  }

  async waitFor(selector: string, predicate: (box: IndicatorBox) => boolean = () => true, timeout = 10_000): Promise<IndicatorBox> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const box = await this.locate(selector);
      if (box && predicate(box)) return box;
      if (Date.now() > deadline) throw new Error(`indicator: ${selector} did not appear as expected within ${timeout} ms (now: ${JSON.stringify(box)}); page ${await pageState(this.page)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** A real mouse click in the middle of the element, once it holds still and nothing covers it (clickWhenStill). */
  async click(selector: string, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      await this.waitFor(selector);
      // As a user scrolls to what they click: below a reply box at the foot of the window, it can be out of view.
      await this.call('function (s) { this.querySelector(s)?.scrollIntoView({ block: "center" }); }', selector);
      const box = await this.waitFor(selector);
      const missed = await clickWhenStill(this.page, box, () => this.locate(selector), HOST);
      if (missed === null) return;
      if (Date.now() > deadline) throw new Error(`indicator: ${selector} did not hold still or stayed covered for ${timeout} ms (${missed})`);
    }
  }

  /** The indicator as a page of its own (markup and style sheets), for axe-core. */
  async snapshot(): Promise<string> {
    const html = await this.call<string>(`function () {
      // The tips are a popover in the page (top layer); copied, they are shown as a plain box.
      const body = document.createElement('div');
      body.innerHTML = this.innerHTML;
      body.querySelectorAll('[popover]').forEach((el) => el.removeAttribute('popover'));
      const css = [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n');
      return '<!doctype html><html lang="nl"><head><title>Loket B1</title><style>' + css.replaceAll(':host', ':root') + '</style></head><body><main><h1>Antwoord</h1>' + body.innerHTML + '</main></body></html>';
    }`);
    if (html === null) throw new Error('no indicator in the page');
    return html;
  }
}
