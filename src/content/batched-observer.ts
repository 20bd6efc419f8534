/**
 * One MutationObserver for the whole page: added and removed nodes, and changed link targets (a reused row
 * gets new hrefs). Its callback only queues what changed; the work happens once per
 * animation frame (or a short timeout while the tab is hidden, when frames do not run), so a burst of
 * thousands of mutations on a heavy timeline costs one pass.
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
  let added = new Set<Element>();
  let changed = new Set<Element>();
  let removed = false;
  let scheduled = false;

  const run = (): void => {
    scheduled = false;
    if (signal.aborted) return;
    const batch = { added, changed, removed };
    added = new Set();
    changed = new Set();
    removed = false;
    flush(batch);
  };

  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    if (document.visibilityState === 'hidden') setTimeout(run, 250);
    else requestAnimationFrame(run);
  };

  const observer = new MutationObserver((records) => {
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
    if (added.size > 0 || changed.size > 0 || removed) schedule();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
