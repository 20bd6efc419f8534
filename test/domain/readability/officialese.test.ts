import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICIALESE } from '../../../src/domain/readability';
import { fold, formsOf } from '../../../src/domain/readability/officialese-match';

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
