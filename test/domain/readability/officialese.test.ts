import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICIALESE } from '../../../src/domain/readability';
import { parseManaged } from '../../../src/domain/managed';
import { fold, formsOf } from '../../../src/domain/readability/officialese-match';
import { officialeseList, readOfficialesePolicy } from '../../../src/domain/readability/officialese-policy';

describe('the officialese list', () => {
  it('has at least 150 pairs', () => {
    expect(DEFAULT_OFFICIALESE.length).toBeGreaterThanOrEqual(150);
  });

  it('has no word twice, even ignoring case and accents', () => {
    const words = DEFAULT_OFFICIALESE.map((p) => fold(p.word));
    const twice = words.filter((w, i) => words.indexOf(w) !== i);
    expect(twice).toEqual([]);
  });

  it('offers an alternative that differs from the word, for every pair', () => {
    for (const p of DEFAULT_OFFICIALESE) {
      expect(p.plain.trim(), p.word).not.toBe('');
      expect(fold(p.plain), p.word).not.toBe(fold(p.word));
      // The advice must not be (one of) the word's own forms either.
      const forms = new Set(formsOf(p));
      for (const option of p.plain.split(',').map((o) => fold(o.trim()))) expect(forms.has(option), `${p.word} → ${p.plain}`).toBe(false);
    }
  });

  it('is written in lower case, trimmed, without doubled spaces', () => {
    for (const p of DEFAULT_OFFICIALESE) {
      expect(p.word, p.word).toBe(p.word.toLowerCase().trim());
      expect(p.word, p.word).not.toMatch(/\s{2}/);
    }
  });

  it('inflects -eren verbs and nouns, and leaves phrases and abbreviations as they are', () => {
    expect(formsOf({ word: 'retourneren', plain: 'terugsturen' })).toEqual(
      expect.arrayContaining(['retourneren', 'retourneer', 'retourneert', 'retourneerde', 'retourneerden', 'geretourneerd']),
    );
    expect(formsOf({ word: 'mededeling', plain: 'bericht' })).toEqual(expect.arrayContaining(['mededeling', 'mededelingen']));
    expect(formsOf({ word: 'met betrekking tot', plain: 'over' })).toEqual(['met betrekking tot']);
    expect(formsOf({ word: 'm.b.t.', plain: 'over' })).toEqual(['m.b.t']);
  });
});

describe("the organisation's list (policy key officialese)", () => {
  it('adds its pairs, and its alternative wins for a word already on the list', () => {
    const read = readOfficialesePolicy({ words: [{ word: 'Burger', plain: 'inwoner' }, { word: 'indien', plain: 'als, wanneer' }] });
    expect(read.ok).toBe(true);
    const list = officialeseList(read.ok ? read.value : undefined);
    expect(list.length).toBe(DEFAULT_OFFICIALESE.length + 1);
    expect(list.find((p) => p.word === 'burger')?.plain).toBe('inwoner');
    expect(list.filter((p) => p.word === 'indien').map((p) => p.plain)).toEqual(['als, wanneer']);
  });

  it('replaces the list when asked', () => {
    const read = readOfficialesePolicy({ replaceDefaults: true, words: [{ word: 'burger', plain: 'inwoner' }] });
    expect(read.ok && officialeseList(read.value)).toEqual([{ word: 'burger', plain: 'inwoner' }]);
    expect(officialeseList(undefined)).toBe(DEFAULT_OFFICIALESE);
  });

  it('refuses a wrong list with the place of the mistake, through the policy parser', () => {
    const bad = parseManaged({ officialese: { words: [{ word: 'burger', plain: '' }] }, retentionDays: 30 });
    expect(bad.policy).toEqual({ retentionDays: 30 });
    expect(bad.problems).toEqual([expect.objectContaining({ key: 'officialese', code: 'invalid', message: expect.stringContaining('officialese.words[0].plain') })]);
    const twice = parseManaged({ officialese: { words: [{ word: 'Burger', plain: 'inwoner' }, { word: 'burger', plain: 'bewoner' }] } });
    expect(twice.problems[0]?.message).toContain('occurs twice');
    const same = parseManaged({ officialese: { words: [{ word: 'burger', plain: 'Burger' }] } });
    expect(same.problems[0]?.message).toContain('the word itself');
    const good = parseManaged({ officialese: { words: [{ word: 'burger', plain: 'inwoner' }] } });
    expect(good).toEqual({ policy: { officialese: { replaceDefaults: false, words: [{ word: 'burger', plain: 'inwoner' }] } }, problems: [] });
  });
});
