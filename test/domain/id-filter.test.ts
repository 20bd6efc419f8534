import { describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import { IdFilter } from '../../src/domain/id-filter';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => caseIdFor('x', String(1800000000000000000n + BigInt(from + i))));

describe('IdFilter', () => {
  it('never says no to an id it holds, also after travelling as a message', () => {
    const held = ids(2_000);
    const filter = IdFilter.of(held);
    const travelled = IdFilter.from(JSON.parse(JSON.stringify(filter.data)))!;
    for (const id of held) {
      expect(filter.has(id)).toBe(true);
      expect(travelled.has(id)).toBe(true);
    }
  });

  it('says no to nearly every id it does not hold (about 1 in 100 perhaps)', () => {
    const filter = IdFilter.of(ids(2_000));
    const others = ids(10_000, 1_000_000);
    const perhaps = others.filter((id) => filter.has(id)).length;
    expect(perhaps).toBeLessThan(250);
    expect(IdFilter.of([]).has(others[0]!)).toBe(false);
  });

  it('holds ids added later (a case made after the filter was sent)', () => {
    const filter = IdFilter.of([]);
    const [id] = ids(1);
    expect(filter.has(id!)).toBe(false);
    filter.add(id!);
    expect(filter.has(id!)).toBe(true);
  });

  it('refuses malformed data rather than answer wrongly', () => {
    expect(IdFilter.from({ bits: '***', probes: 7 })).toBeNull();
    expect(IdFilter.from({ bits: '', probes: 7 })).toBeNull();
    expect(IdFilter.from({ bits: 'AAA=', probes: 7 })).toBeNull();
    expect(IdFilter.from({ bits: 'AAAAAA==', probes: 0 })).toBeNull();
  });
});
