/** The B1 check: readability of a Dutch reply, with the officialese list. */
export { readability, levelOf, LEVEL_LABELS, B1_MIN_SCORE, LONG_SENTENCE_WORDS, LONG_WORD_SYLLABLES } from './readability';
export type { Readability, ReadabilityFinding, ReadabilityLevel } from './readability';
export { DEFAULT_OFFICIALESE, type PlainPair } from './officialese';
