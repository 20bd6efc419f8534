/**
 * Drives Loket's in-page toolbar the way a user does — real mouse clicks at the element's position and real
 * key presses — although it lives in a closed shadow root that page scripts (and Playwright's selectors)
 * cannot enter. The DevTools protocol can: it finds the shadow root and reports where an element is and
 * what it says.
 *
 * A post that is not being worked on shows only Loket's mark: when an element of the full toolbar is not
 * there, the Toolbar opens it the way a user does — a real click on the mark — and looks again.
 */
import type { CDPSession, Page } from 'playwright-core';

interface Box {
  x: number;
  y: number;
  text: string;
  value: string | null;
  disabled: boolean;
  /** Whether it has the keyboard focus. */
  focused: boolean;
  /** Its aria-expanded attribute (the mark: whether the full toolbar is open). */
  expanded: string | null;
}

export const MARK = '[data-lk="mark"]';
export const CHIP = '[data-lk="chip"]';

/** Whether the page is visible and focused and how many hosts it has (for a failed wait's message). */
export function pageState(page: Page): Promise<string> {
  return page
    .evaluate(() => `${document.visibilityState}, focus ${document.hasFocus()}, hosts ${document.querySelectorAll('[data-loket-post]').length}`)
    .catch((e: unknown) => String(e));
}

/**
 * Clicks at `box` once the element, located again 50 ms later, is still there (within a pixel) and the page's
 * hit test finds the host `host` at that point (a point inside a closed shadow root finds its host), as
 * Playwright's own actionability checks do: the page can move under it — scrolled into view, a popover placed
 * again after the scroll, the site's feed still loading. Null when it clicked; else what it found instead.
 */
export async function clickWhenStill(page: Page, box: { x: number; y: number }, locateAgain: () => Promise<{ x: number; y: number } | null>, host: string): Promise<string | null> {
  await new Promise((r) => setTimeout(r, 50));
  const again = await locateAgain();
  if (!again || Math.abs(again.x - box.x) >= 1 || Math.abs(again.y - box.y) >= 1) return `at ${JSON.stringify(box)}, then ${JSON.stringify(again)}`;
  const at = await page.evaluate(
    ([x, y, host]) => {
      const el = document.elementFromPoint(x as number, y as number);
      return { hit: el?.matches(host as string) ?? false, what: el ? el.outerHTML.slice(0, 160) : null, vw: innerWidth, vh: innerHeight };
    },
    [again.x, again.y, host],
  );
  if (!at.hit) return `at ${JSON.stringify(again)}, found ${JSON.stringify(at)}`;
  await page.mouse.click(again.x, again.y);
  return null;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** What a post shows without opening: looking for these must not open the toolbar. */
const QUIET_PARTS = [MARK, CHIP];

export class Toolbar {
  constructor(
    readonly page: Page,
    readonly caseId: string,
  ) {}

  private async shadowRoot(): Promise<string | null> {
    try {
      return await this.resolveShadowRoot();
    } catch (e) {
      // The host moves when its state changes (in X's action bar while quiet, under it with a chip or open):
      // a node id from before the move is gone. Not there this instant; the callers' waits look again.
      if (e instanceof Error && /Could not find node|No node with given id/.test(e.message)) return null;
      throw e;
    }
  }

  private async resolveShadowRoot(): Promise<string | null> {
    const cdp = await session(this.page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: this.host });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    return object.objectId ?? null;
  }

  /**
   * Where an element inside the toolbar is and what it shows, or null when it is not there. When it is not
   * there and the post is quiet, opens the full toolbar with a real click on the mark first.
   */
  async find(selector: string): Promise<Box | null> {
    const box = await this.locate(selector);
    if (box || QUIET_PARTS.includes(selector) || !(await this.open())) return box;
    return this.locate(selector);
  }

  /** Opens the full toolbar with a real click on the mark; false when it was open already (or has no mark). */
  async open(): Promise<boolean> {
    const mark = await this.locate(MARK);
    if (!mark || mark.expanded !== 'false') return false;
    await clickWhenStill(this.page, mark, () => this.locate(MARK), this.host);
    return true;
  }

  /** Where an element is and what it shows, as the toolbar is now (opens nothing). */
  async locate(selector: string): Promise<Box | null> {
    const objectId = await this.shadowRoot();
    if (!objectId) return null;
    const cdp = await session(this.page);
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function (selector) {
        const el = this.querySelector(selector);
        if (!el) return null;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2, text: el.textContent, value: 'value' in el ? el.value : null, disabled: !!el.disabled, focused: this.activeElement === el, expanded: el.getAttribute('aria-expanded') };
      }`,
      arguments: [{ value: selector }],
      returnByValue: true,
    });
    return (result.value as Box | null) ?? null;
  }

  /** A computed style of an element inside the toolbar (theme checks). */
  async style(selector: string, property: string): Promise<string | null> {
    await this.find(selector);
    const objectId = await this.shadowRoot();
    if (!objectId) return null;
    const cdp = await session(this.page);
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: 'function (s, p) { const el = this.querySelector(s); return el ? getComputedStyle(el).getPropertyValue(p) : null; }',
      arguments: [{ value: selector }, { value: property }],
      returnByValue: true,
    });
    return (result.value as string | null) ?? null;
  }

  async text(): Promise<string> {
    return (await this.find('.lk'))?.text ?? '';
  }

  async waitFor(selector: string, predicate: (box: Box) => boolean = () => true, timeout = 10_000): Promise<Box> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const box = await this.find(selector);
      if (box && predicate(box)) return box;
      if (Date.now() > deadline) throw new Error(`Toolbar ${this.caseId}: ${selector} did not appear as expected within ${timeout} ms (now: ${JSON.stringify(box)}); page ${await pageState(this.page)}\n${await this.dump().catch((e: unknown) => String(e))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Every host on the page, its place and its shadow root's markup (for a failed wait's message). */
  async dump(): Promise<string> {
    const cdp = await session(this.page);
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-loket-post]' });
    const out: string[] = [];
    for (const nodeId of nodeIds) {
      const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
      const shadow = node.shadowRoots?.[0];
      let html = '(no shadow)';
      if (shadow) {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
        const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function () { return this.innerHTML.slice(0, 600); }', returnByValue: true });
        html = String(result.value);
      }
      out.push(`${JSON.stringify(node.attributes)}: ${html}`);
    }
    return out.join('\n');
  }

  async waitForText(pattern: RegExp, timeout = 10_000): Promise<string> {
    return (await this.waitFor('.lk', (b) => pattern.test(b.text), timeout)).text;
  }

  /** A real mouse click in the middle of the element, once it holds still (clickWhenStill). */
  async click(selector: string, timeout = 10_000): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const box = await this.waitFor(selector, (b) => !b.disabled, timeout);
      const missed = await clickWhenStill(this.page, box, () => this.locate(selector), this.host);
      if (missed === null) return;
      if (Date.now() > deadline) throw new Error(`Toolbar ${this.caseId}: ${selector} did not hold still or stayed covered for ${timeout} ms (${missed}); page ${await pageState(this.page)}`);
    }
  }

  /** The post's host element, as a selector. */
  private get host(): string {
    return `[data-loket-post="${this.caseId}"]`;
  }

  /** Opens the template picker, types a search and inserts the best match with Enter, as a keyboard user. */
  async pickTemplate(search: string): Promise<void> {
    await this.click('[data-lk="templates"]');
    await this.waitFor('[data-lk="template-search"]');
    await this.page.keyboard.type(search);
    await this.waitFor('[data-lk="preview"]');
    await this.page.keyboard.press('Enter');
  }

  /**
   * The toolbar as a stand-alone page: its shadow root's markup and style sheets, for axe-core, which cannot
   * enter a closed shadow root. Same elements, same attributes, same styles.
   */
  async snapshot(): Promise<string> {
    const objectId = await this.shadowRoot();
    if (!objectId) throw new Error(`no toolbar for ${this.caseId}`);
    const cdp = await session(this.page);
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: `function () {
        const css = [...this.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\\n');
        return '<!doctype html><html lang="nl"><head><title>Loket toolbar</title><style>' + css.replaceAll(':host', ':root') + '</style></head><body><main><h1>Loket</h1>' + this.innerHTML + '</main></body></html>';
      }`,
      returnByValue: true,
    });
    return result.value as string;
  }

  /** The texts of the elements matching a selector inside the toolbar. */
  async texts(selector: string): Promise<string[]> {
    const objectId = await this.shadowRoot();
    if (!objectId) return [];
    const cdp = await session(this.page);
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: 'function (s) { return [...this.querySelectorAll(s)].map((e) => e.textContent); }',
      arguments: [{ value: selector }],
      returnByValue: true,
    });
    return (result.value as string[] | null) ?? [];
  }

  /**
   * Focuses a select with a click and picks an option from the keyboard: by typing its label and Enter (the
   * status menu applies a keyboard choice on Enter), or with the arrow keys, counted from the option labels
   * (for a form field; immune to a slow type-ahead).
   */
  async choose(selector: string, label: string, by: 'typing' | 'arrows' = 'typing'): Promise<void> {
    const labels = await this.texts(`${selector} option`);
    const index = labels.indexOf(label);
    if (index < 0) throw new Error(`Toolbar ${this.caseId}: no option ${JSON.stringify(label)} in ${JSON.stringify(labels)}`);
    await this.click(selector);
    await this.page.keyboard.press('Escape'); // close the list the click opened; focus stays
    if (by === 'typing') {
      await this.page.keyboard.type(label);
      await this.page.keyboard.press('Enter'); // the status menu applies a keyboard choice on Enter
      return;
    }
    await this.page.keyboard.press('Home');
    for (let i = 0; i < index; i++) await this.page.keyboard.press('ArrowDown');
  }
}
