import { describe, expect, it } from 'vitest';
import { X_MAX, xWeightedLength } from '../../src/domain/x-length';

// Cases follow X's counting rules as twitter-text's conformance suite states them (v3 config).
describe('counting a reply the way X does', () => {
  it('counts Latin text one per character, up to 280', () => {
    expect(X_MAX).toBe(280);
    expect(xWeightedLength('Hoi Jan, bedankt!')).toEqual({ weighted: 17, remaining: 263, valid: true });
    expect(xWeightedLength('a'.repeat(280))).toEqual({ weighted: 280, remaining: 0, valid: true });
    expect(xWeightedLength('a'.repeat(281))).toEqual({ weighted: 281, remaining: -1, valid: false });
    expect(xWeightedLength('Hoi\nJan').weighted).toBe(7);
  });

  it('counts CJK and most other scripts double', () => {
    expect(xWeightedLength('Hello 世界').weighted).toBe(10);
    expect(xWeightedLength('我'.repeat(140))).toEqual({ weighted: 280, remaining: 0, valid: true });
    expect(xWeightedLength('我'.repeat(141)).valid).toBe(false);
  });

  it('weighs punctuation by X’s ranges: curly quotes 1, ellipsis and euro 2', () => {
    expect(xWeightedLength('’').weighted).toBe(1); // U+2019, in 8208–8223
    expect(xWeightedLength('—').weighted).toBe(1); // U+2014
    expect(xWeightedLength('…').weighted).toBe(2); // U+2026, outside the ranges
    expect(xWeightedLength('€').weighted).toBe(2);
    expect(xWeightedLength('é').weighted).toBe(1);
  });

  it('normalises to NFC first: e plus a combining accent is one character', () => {
    expect(xWeightedLength('e\u0301').weighted).toBe(1);
  });

  it('counts any emoji, also a ZWJ family, a flag or a skin tone, as 2', () => {
    expect(xWeightedLength('😀').weighted).toBe(2);
    expect(xWeightedLength('👨‍👩‍👧‍👦').weighted).toBe(2);
    expect(xWeightedLength('🇳🇱').weighted).toBe(2);
    expect(xWeightedLength('👍🏽').weighted).toBe(2);
    expect(xWeightedLength('Top 🌷').weighted).toBe(6);
  });

  it('counts every URL as 23, with or without scheme', () => {
    expect(xWeightedLength('Zie https://www.gemeente.nl/afval/grofvuil/een-heel-lang-pad-dat-langer-is').weighted).toBe(4 + 23);
    expect(xWeightedLength('zie gemeente.nl').weighted).toBe(4 + 23);
    expect(xWeightedLength('https://a.nl').weighted).toBe(23);
    expect(xWeightedLength(`${'a'.repeat(256)} https://www.gemeente.nl/${'x'.repeat(100)}`)).toEqual({ weighted: 280, remaining: 0, valid: true });
  });

  it('does not count mentions or hashtags specially', () => {
    expect(xWeightedLength('@gemeente #afval').weighted).toBe(16);
  });

  it('calls empty text and characters X refuses invalid', () => {
    expect(xWeightedLength('')).toEqual({ weighted: 0, remaining: 280, valid: false });
    expect(xWeightedLength('Hoi \uFFFE').valid).toBe(false);
    expect(xWeightedLength('Hoi \uFEFF').valid).toBe(false);
  });
});
