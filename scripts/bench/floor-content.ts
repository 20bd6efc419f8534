/**
 * The least a content script can do and still put Loket's quiet mark on every tweet: one observer, the
 * tweet's id, a host with a closed shadow root and the shared quiet stylesheet, the mark cloned into the tweet's
 * action bar. No listener (the real script has one delegated listener per page), no case lookup, no timers,
 * no reading beyond the id. Not part of Loket: it measures the floor under Loket's own cost on the benchmark
 * timeline. In step with the design as of the quiet read and the popover: mounting a quiet post is still
 * this (the open toolbar, a popover, costs nothing until a click); what Loket does beyond it per post is the
 * quiet read (author, time, own account) and the batched case lookup.
 *   LOKET_PROFILE_ENTRY=scripts/bench/floor-content.ts npx tsx scripts/bench/profile.ts x
 */
import { readXKey } from '../../src/sites/x/read-post';
import { X } from '../../src/sites/x/selectors';
import { quietPost } from '../../src/ui/quiet-mark';
import { QUIET_CSS } from '../../src/ui/toolbar-styles';

const sheet = new CSSStyleSheet();
sheet.replaceSync(QUIET_CSS);
const done = new WeakSet<Element>();
let added: Element[] = [document.body];
let scheduled = false;

function flush(): void {
  scheduled = false;
  const roots = added;
  added = [];
  for (const root of roots) {
    if (!root.isConnected) continue;
    for (const article of root.querySelectorAll(X.tweet)) {
      if (done.has(article)) continue;
      done.add(article);
      const id = readXKey(article);
      const bar = article.querySelector(X.actionBarButton)?.closest(X.actionBar);
      if (!id || !bar) continue;
      const host = document.createElement('div');
      host.setAttribute('data-loket-post', id);
      host.setAttribute('data-loket-sla', 'none');
      const shadow = host.attachShadow({ mode: 'closed' });
      shadow.adoptedStyleSheets = [sheet];
      shadow.append(quietPost('light'));
      bar.append(host);
    }
  }
}

new MutationObserver((records) => {
  for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && !node.hasAttribute('data-loket-post')) added.push(node);
  if (!scheduled && added.length > 0) {
    scheduled = true;
    requestAnimationFrame(flush);
  }
}).observe(document.body, { childList: true, subtree: true });
flush();
