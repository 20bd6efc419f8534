/**
 * For sites that keep every post in the DOM (Facebook's feed is not virtualised): a post, and the comments
 * inside it, get their host only when the post comes within a generous margin of the viewport. One
 * IntersectionObserver watches the outermost posts only (not every comment): a few hundred targets on a long
 * feed rather than thousands. Once near, a post stays admitted (its hosts are kept when it scrolls away).
 */
export class NearViewport {
  private readonly observer: IntersectionObserver;
  /** Outermost post → the candidates inside it (itself included) waiting for it to come near. */
  private readonly pending = new Map<Element, Set<Element>>();
  private readonly near = new WeakSet<Element>();
  private count = 0;

  constructor(
    private readonly selector: string,
    margin: string,
    onNear: (candidates: Element[]) => void,
  ) {
    this.observer = new IntersectionObserver(
      (entries) => {
        const ready: Element[] = [];
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const top = entry.target;
          this.near.add(top);
          this.observer.unobserve(top);
          const waiting = this.pending.get(top);
          this.pending.delete(top);
          if (!waiting) continue;
          this.count -= waiting.size;
          for (const el of waiting) if (el.isConnected) ready.push(el);
        }
        if (ready.length > 0) onNear(ready);
      },
      { rootMargin: margin },
    );
  }

  /** Candidates waiting for their post to come near. */
  get waiting(): number {
    return this.count;
  }

  /** Whether this candidate may get its host now; if not, it waits for its post to come near. */
  admit(candidate: Element): boolean {
    let top = candidate;
    for (let up = top.parentElement?.closest(this.selector); up; up = up.parentElement?.closest(this.selector)) top = up;
    if (this.near.has(top)) return true;
    let waiting = this.pending.get(top);
    if (!waiting) {
      waiting = new Set();
      this.pending.set(top, waiting);
      this.observer.observe(top);
    }
    if (!waiting.has(candidate)) {
      waiting.add(candidate);
      this.count++;
    }
    return false;
  }

  /** Stops waiting for posts that left the page. */
  prune(): void {
    for (const [top, waiting] of this.pending) {
      if (top.isConnected) continue;
      this.observer.unobserve(top);
      this.pending.delete(top);
      this.count -= waiting.size;
    }
  }

  disconnect(): void {
    this.observer.disconnect();
    this.pending.clear();
    this.count = 0;
  }
}
