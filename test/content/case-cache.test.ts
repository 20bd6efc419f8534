import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../src/domain/case';
import { caseIdFor, type CaseId } from '../../src/domain/case-id';
import { IdFilter } from '../../src/domain/id-filter';
import { CaseCache } from '../../src/content/case-cache';

const id = (n: number): CaseId => caseIdFor('x', String(1_000 + n));

describe('CaseCache with the background filter of stored ids', () => {
  it('answers ids the filter rules out at once, without a message, and asks about the others', async () => {
    const fetch = vi.fn(async (ids: CaseId[]) => ids.filter((x) => x === id(1)).map((x) => ({ id: x }) as unknown as Case));
    const cache = new CaseCache(fetch);
    cache.useFilter(IdFilter.of([id(1)]));
    for (let n = 0; n < 50; n++) cache.want(id(n));
    expect(cache.get(id(2))).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(fetch).toHaveBeenCalledTimes(1);
    // Only the stored id, and the filter's rare false positives, are asked about.
    expect(fetch.mock.calls[0]![0]).toContain(id(1));
    expect(fetch.mock.calls[0]![0].length).toBeLessThan(5);
    expect(cache.get(id(1))).toMatchObject({ id: id(1) });
  });

  it('shows a case made after the filter was read: its push comes before the filter is consulted', () => {
    const fetch = vi.fn(async (_ids: CaseId[]) => [] as Case[]);
    const cache = new CaseCache(fetch);
    cache.useFilter(IdFilter.of([]));
    cache.put({ id: id(7), updatedAt: 1 } as unknown as Case);
    cache.want(id(7));
    expect(cache.get(id(7))).toMatchObject({ id: id(7) });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('without a filter (not arrived yet) asks about every id, in one batch', async () => {
    const fetch = vi.fn(async (_ids: CaseId[]) => [] as Case[]);
    const cache = new CaseCache(fetch);
    for (let n = 0; n < 20; n++) cache.want(id(n));
    expect(cache.get(id(3))).toBeUndefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toHaveLength(20);
    expect(cache.get(id(3))).toBeNull();
  });
});
