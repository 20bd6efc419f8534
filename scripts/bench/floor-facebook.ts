/**
 * The least a content script can do and still put a mark on every Facebook post and comment: one
 * MutationObserver that mounts in its callback (before the page is next drawn, as Loket does), the adapter's
 * own choice of posts and of the mark's place, and the mark. No reading beyond that, no case lookup, no
 * listener, no timers. Not part of Loket: it measures the floor under Loket's cost on the benchmark feed, for
 * three kinds of mark (compare.ts passes the kind after a '#'):
 *   shadow  Loket's: a host with a closed shadow root, the shared quiet stylesheet, the mark cloned in
 *   light   a plain button with inline styles in the page's own DOM (no shadow root, no stylesheet)
 *   none    the posts found and their place chosen, nothing inserted
 *   npx tsx scripts/bench/compare.ts facebook without:- shadow:scripts/bench/floor-facebook.ts#shadow …
 */
import { facebookAdapter } from '../../src/sites/facebook/adapter';
import { quietPost } from '../../src/ui/quiet-mark';
import { QUIET_CSS } from '../../src/ui/toolbar-styles';

const kind = process.env.LOKET_FLOOR || 'shadow';
const sheet = new CSSStyleSheet();
sheet.replaceSync(QUIET_CSS);
const done = new WeakSet<Element>();
const LIGHT_MARK =
  'all: initial; box-sizing: border-box; width: 24px; height: 24px; display: inline-flex; align-items: center; justify-content: center; border: 1px solid #ccc; border-radius: 6px; background: #fff; color: #0a58ca; font: 700 12px/1 system-ui, sans-serif; cursor: pointer;';

function mark(): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-loket-post', 'floor');
  host.setAttribute('data-loket-sla', 'none');
  host.style.cssText = 'display: inline-block; vertical-align: middle; margin: -5px 0 -5px 6px;';
  if (kind === 'light') {
    const button = document.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-label', 'Loket');
    button.textContent = 'L';
    button.style.cssText = LIGHT_MARK;
    host.append(button);
  } else {
    const shadow = host.attachShadow({ mode: 'closed' });
    shadow.adoptedStyleSheets = [sheet];
    shadow.append(quietPost('light'));
  }
  return host;
}

function mount(roots: Iterable<Element>): void {
  for (const root of roots) {
    if (!root.isConnected) continue;
    const found = [...root.querySelectorAll(facebookAdapter.candidateSelector)];
    if (root.matches(facebookAdapter.candidateSelector)) found.push(root);
    for (const el of found) {
      if (done.has(el)) continue;
      done.add(el);
      if (!facebookAdapter.accepts(el)) continue;
      const at = facebookAdapter.quietPoint?.(el, facebookAdapter.mountPoint(el) ?? { parent: el, before: null });
      if (at && kind !== 'none') at.parent.insertBefore(mark(), at.before);
    }
  }
}

new MutationObserver((records) => {
  const added: Element[] = [];
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && !node.hasAttribute('data-loket-post')) added.push(node);
  mount(added);
}).observe(document.body, { childList: true, subtree: true });
mount([document.body]);
