/**
 * The content script's view of the cases shown on this page: read from the background in batches, kept
 * current by its pushes. A cache only: the background's IndexedDB is the truth.
 */
import type { Case } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import type { IdFilter } from '../domain/id-filter';

export type Fetch = (ids: CaseId[]) => Promise<Case[]>;

export class CaseCache {
  private readonly known = new Map<CaseId, Case | null>();
  private readonly pending = new Set<CaseId>();
  private scheduled = false;
  private readonly listeners = new Set<(ids: CaseId[]) => void>();
  private filter: IdFilter | undefined;

  constructor(
    private readonly fetch: Fetch,
    private readonly batchMs = 0,
  ) {}

  /** undefined: not read yet; null: no case for this post. */
  get(id: CaseId): Case | null | undefined {
    return this.known.get(id);
  }

  /**
   * Asks for this id with the others wanted in the next few milliseconds: a scrolling timeline adds a few
   * posts per frame, and one request for several frames costs far less than one per frame.
   */
  want(id: CaseId): void {
    if (this.known.has(id) || this.pending.has(id)) return;
    // Ruled out by the background's filter of stored ids: certainly no case, known at once, no message.
    if (this.filter && !this.filter.has(id)) {
      this.known.set(id, null);
      return;
    }
    this.pending.add(id);
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.batchMs === 0) queueMicrotask(() => void this.load());
    else setTimeout(() => void this.load(), this.batchMs);
  }

  /**
   * The background's filter of every stored case id (asked once per page): from now on an id it rules out is
   * answered here, without a message. Cases made later reach this cache by push (`put`), which the filter
   * does not need to know: what the cache holds comes first.
   */
  useFilter(filter: IdFilter): void {
    this.filter = filter;
  }

  /**
   * A version of a case: the answer to this tab's own change, or a push of any tab's. They arrive in no fixed
   * order, so one older than the version known (two tabs changed the case at once) is dropped, not shown over
   * the newer one.
   */
  put(c: Case): void {
    const known = this.known.get(c.id);
    if (known && known.updatedAt > c.updatedAt) return;
    this.known.set(c.id, c);
    // A post this page shows by another of its ids (Facebook: pfbid and number) shows this case too.
    const ids = [c.id, ...(c.aliases ?? []).filter((a) => this.known.has(a))];
    for (const alias of ids) this.known.set(alias, c);
    this.emit(ids);
  }

  /** Cases erased (a citizen's request, or retention): their posts are untracked again. */
  forget(ids: readonly CaseId[]): void {
    const known = ids.filter((id) => this.known.has(id));
    for (const id of known) this.known.set(id, null);
    if (known.length > 0) this.emit(known);
  }

  subscribe(listener: (ids: CaseId[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async load(): Promise<void> {
    this.scheduled = false;
    const ids = [...this.pending];
    this.pending.clear();
    let cases: Case[] = [];
    try {
      cases = await this.fetch(ids);
    } catch {
      // The background could not answer: show the posts as not tracked rather than spin forever; the next
      // push or page visit corrects it.
    }
    const byId = new Map(cases.map((c) => [c.id, c]));
    for (const c of cases) for (const alias of c.aliases ?? []) if (!byId.has(alias)) byId.set(alias, c);
    for (const id of ids) if (!this.known.has(id)) this.known.set(id, byId.get(id) ?? null);
    this.emit(ids);
  }

  private emit(ids: CaseId[]): void {
    for (const listener of this.listeners) listener(ids);
  }
}
