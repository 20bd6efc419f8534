/**
 * Syllables of Dutch words, from the Dutch TeX hyphenation patterns (`hyphenation.nl`, through the `hypher`
 * engine), not from a hand-written vowel counter: Dutch vowel clusters ("ui", "eeuw", "ooi", "ië") and
 * compounds are what the patterns were made for.
 *
 * Hyphenation leaves the first and last two letters alone (no one breaks "e-ven" at a line end), but a
 * syllable is a syllable there too, so the engine runs with a margin of 1. The patterns' trie is built on
 * first use, not when the module loads, so a page that never shows a readability check pays nothing.
 */
import Hypher from 'hypher';
import dutch from 'hyphenation.nl';

let engine: Hypher | undefined;

const VOWELS = /[aeiouyàáâäèéêëìíîïòóôöùúûü]/i;
const LETTER = /\p{L}/u;

/** The word split into syllables ("ge-meen-te"); a word without letters is one part. */
export function syllabify(word: string): string[] {
  engine ??= new Hypher({ ...dutch, leftmin: 1, rightmin: 1 });
  const parts: string[] = [];
  // A hyphenated compound ("ID-kaart") is hyphenated per part.
  for (const piece of word.split(/[-‐‑]/)) {
    if (piece === '') continue;
    if (isInitialism(piece)) {
      // "CBR", "ID", "WOZ" are read letter by letter: one syllable per letter.
      parts.push(...piece);
      continue;
    }
    // A part without a vowel cannot stand alone as a syllable ("t" in "'t"): it joins the previous one.
    for (const part of engine.hyphenate(piece)) {
      if (parts.length > 0 && !VOWELS.test(part)) parts[parts.length - 1] += part;
      else parts.push(part);
    }
  }
  return parts.length > 0 ? parts : [word];
}

/** The number of syllables of a word; at least 1 for anything with a letter or digit. */
export function syllableCount(word: string): number {
  return LETTER.test(word) ? syllabify(word).length : 1;
}

/**
 * An initialism read letter by letter: two capitals ("ID"), or up to five without a vowel ("CBR", "KCC").
 * One with a vowel may be read as a word ("WOZ"), so the patterns decide.
 */
function isInitialism(piece: string): boolean {
  if (!/^[A-Z]{2,5}$/.test(piece)) return false;
  return piece.length === 2 || !VOWELS.test(piece);
}
