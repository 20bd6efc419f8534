/**
 * The B1 check of a reply: how easy a Dutch text is to read, with what makes it harder, as advice for the
 * agent (never a block).
 *
 * - Score: Flesch-Douma (Douma 1960, Flesch's reading ease fitted to Dutch):
 *   206.835 − 0.93 × (words ÷ sentences) − 77 × (syllables ÷ words), with syllables from Dutch hyphenation
 *   patterns (syllables.ts). Higher is easier; the bands are Flesch's.
 * - Long sentences: more than 20 words. Long words: 5 syllables or more ("parkeervergunning").
 * - Officialese: words with a plainer alternative (officialese.ts, or the organisation's list).
 *
 * A text passes the B1 check when its score is at least 60 ("normaal"), no sentence is long and it uses no
 * officialese. Long words are reported but do not fail it: Dutch compounds such as "paspoortaanvraag" are
 * often the word a resident knows.
 *
 * What counts (tokens.ts): links, e-mail addresses, @handles, #hashtags and `^AB` initials are not words;
 * numbers are words of one syllable per digit (at most 4: "14" veer-tien, "2026" is read as more, but a long
 * number in a reply is rare); abbreviations with dots are one word of one syllable per letter.
 */
import { DEFAULT_OFFICIALESE, type PlainPair } from './officialese';
import { findOfficialese, indexOfficialese, type OfficialeseIndex } from './officialese-match';
import { syllableCount } from './syllables';
import { splitSentences, tokenize, type Token } from './tokens';

export const LONG_SENTENCE_WORDS = 20;
export const LONG_WORD_SYLLABLES = 5;
export const B1_MIN_SCORE = 60;

export type ReadabilityLevel = 'very-easy' | 'easy' | 'fairly-easy' | 'standard' | 'fairly-difficult' | 'difficult' | 'very-difficult';

/** The lower bound of each band, easiest first. */
const BANDS: ReadonlyArray<readonly [number, ReadabilityLevel]> = [
  [90, 'very-easy'],
  [80, 'easy'],
  [70, 'fairly-easy'],
  [60, 'standard'],
  [50, 'fairly-difficult'],
  [30, 'difficult'],
  [-Infinity, 'very-difficult'],
];

export const LEVEL_LABELS: Record<ReadabilityLevel, { nl: string; en: string }> = {
  'very-easy': { nl: 'zeer makkelijk', en: 'very easy' },
  easy: { nl: 'makkelijk', en: 'easy' },
  'fairly-easy': { nl: 'vrij makkelijk', en: 'fairly easy' },
  standard: { nl: 'normaal', en: 'standard' },
  'fairly-difficult': { nl: 'vrij moeilijk', en: 'fairly difficult' },
  difficult: { nl: 'moeilijk', en: 'difficult' },
  'very-difficult': { nl: 'zeer moeilijk', en: 'very difficult' },
};

export type ReadabilityFinding =
  | { kind: 'long-sentence'; start: number; end: number; words: number }
  | { kind: 'long-word'; start: number; end: number; word: string; syllables: number }
  | { kind: 'officialese'; start: number; end: number; word: string; plain: string };

export interface Readability {
  /** Flesch-Douma, one decimal; null for a text without words. */
  score: number | null;
  level: ReadabilityLevel | null;
  /** The level in words, Dutch and English. */
  label: { nl: string; en: string } | null;
  /** Score at least 60, no long sentence, no officialese. */
  passesB1: boolean;
  sentences: number;
  words: number;
  syllables: number;
  /** In text order (by start); positions are offsets into the text, end exclusive. */
  findings: ReadabilityFinding[];
}

export function levelOf(score: number): ReadabilityLevel {
  return BANDS.find(([min]) => score >= min)![1];
}

function syllablesOf(token: Token): number {
  if (token.kind === 'number') return Math.min(4, Math.max(1, token.text.replace(/\D/g, '').length));
  if (token.kind === 'abbreviation') return token.text.replace(/\./g, '').length;
  return syllableCount(token.text);
}

const defaultIndex = { list: DEFAULT_OFFICIALESE as readonly PlainPair[], index: undefined as OfficialeseIndex | undefined };
let lastCustom: { list: readonly PlainPair[]; index: OfficialeseIndex } | undefined;

/** The index of a list, built once per list (the default, and the last other list asked for). */
function indexFor(list: readonly PlainPair[]): OfficialeseIndex {
  if (list === defaultIndex.list) return (defaultIndex.index ??= indexOfficialese(list));
  if (lastCustom?.list !== list) lastCustom = { list, index: indexOfficialese(list) };
  return lastCustom.index;
}

/** The readability of a Dutch text, against the default officialese list or the organisation's. */
export function readability(text: string, officialese: readonly PlainPair[] = DEFAULT_OFFICIALESE): Readability {
  const sentences = splitSentences(text);
  const findings: ReadabilityFinding[] = [];
  let words = 0;
  let syllables = 0;
  for (const sentence of sentences) {
    words += sentence.words.length;
    if (sentence.words.length > LONG_SENTENCE_WORDS) {
      findings.push({ kind: 'long-sentence', start: sentence.start, end: sentence.end, words: sentence.words.length });
    }
    for (const word of sentence.words) {
      const n = syllablesOf(word);
      syllables += n;
      if (word.kind === 'word' && n >= LONG_WORD_SYLLABLES) findings.push({ kind: 'long-word', start: word.start, end: word.end, word: word.text, syllables: n });
    }
  }
  for (const hit of findOfficialese(text, tokenize(text), indexFor(officialese))) {
    findings.push({ kind: 'officialese', start: hit.start, end: hit.end, word: hit.text, plain: hit.pair.plain });
  }
  findings.sort((a, b) => a.start - b.start || b.end - a.end);

  if (words === 0) return { score: null, level: null, label: null, passesB1: true, sentences: 0, words: 0, syllables: 0, findings };
  const raw = 206.835 - 0.93 * (words / sentences.length) - 77 * (syllables / words);
  const score = Math.round(raw * 10) / 10;
  const level = levelOf(score);
  const passesB1 = score >= B1_MIN_SCORE && !findings.some((f) => f.kind !== 'long-word');
  return { score, level, label: LEVEL_LABELS[level], passesB1, sentences: sentences.length, words, syllables, findings };
}
