/**
 * One MutationObserver for the whole page: added and removed nodes, and changed link targets (a reused row
 * gets new hrefs). The work happens in the observer's own callback: a microtask at the end of the site's task,
 * so a commit of thousands of nodes is still one pass, and the marks go in before the browser next lays out
 * and paints the page. Deferred to the next animation frame (as this did before), they went into posts that
 * had been laid out and painted already, and the browser did that work again: measured on the benchmark pages
 * (scripts/bench/compare.ts), main thread with ÷ without Loket 1.10 → 1.03 on the X timeline and, with hosts
 * for every post, 1.36 → 1.23 on the Facebook feed.
 */
export interface Batch {
  /** Elements added since the last flush: they and everything inside them may be new posts. */
  added: Set<Element>;
  /** Elements whose children or link targets changed: the post around them may have changed. */
  changed: Set<Element>;
  /** True when something was removed: mounted UI may have lost its post. */
  removed: boolean;
}

export function observeBatched(root: Node, flush: (batch: Batch) => void, signal: AbortSignal, ignore: (el: Element) => boolean): void {
  const observer = new MutationObserver((records) => {
    if (signal.aborted) return;
    const added = new Set<Element>();
    const changed = new Set<Element>();
    let removed = false;
    for (const record of records) {
      let relevant = false;
      for (const node of record.addedNodes) {
        if (node instanceof Element && !ignore(node)) {
          added.add(node);
          relevant = true;
        }
      }
      if (record.removedNodes.length > 0) {
        removed = true;
        relevant = true;
      }
      // A changed link: the site reused an element for another post (React updates attributes in place).
      if (record.type === 'attributes') relevant = !(record.target instanceof Element && ignore(record.target));
      if (relevant && record.target instanceof Element) changed.add(record.target);
    }
    if (added.size > 0 || changed.size > 0 || removed) flush({ added, changed, removed });
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
