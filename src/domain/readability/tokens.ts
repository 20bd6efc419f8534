/**
 * Sentence and word splitting for readability, tuned to webcare replies: links, @handles, #hashtags,
 * e-mail addresses and the agent's `^AB` initials are not words a resident reads as prose, so they are kept
 * apart and not counted; numbers ("14", "9.00", "1,5") are words; abbreviations with dots ("o.a.", "m.b.t.")
 * are one word and do not end a sentence; emoji are not words.
 *
 * A sentence ends at . ! ? … (not the dot of a known abbreviation such as "bijv." or "nr."), at a line break,
 * and at an emoji followed by a capital ("Bedankt 👍 We kijken ernaar").
 */

export type TokenKind = 'word' | 'number' | 'abbreviation' | 'url' | 'email' | 'handle' | 'hashtag' | 'initials';

export interface Token {
  text: string;
  kind: TokenKind;
  /** Offsets into the text (UTF-16 code units), end exclusive. */
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Every token in the sentence, counted or not. */
  tokens: Token[];
  /** The tokens that count as words (word, number, abbreviation). */
  words: Token[];
}

const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'’])`,
    String.raw`(?<email>[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)`,
    String.raw`(?<handle>@[A-Za-z0-9_]{1,50})`,
    String.raw`(?<hashtag>#[\p{L}\p{N}_]+)`,
    String.raw`(?<initials>\^[\p{L}]{1,8})`,
    String.raw`(?<abbreviation>(?:\p{L}{1,3}\.){2,})`,
    String.raw`(?<number>\p{N}+(?:[.,:]\p{N}+)*(?:e|ste|de)?)`,
    String.raw`(?<word>[\p{L}\p{M}]+(?:['’‐-][\p{L}\p{M}]+)*)`,
  ].join('|'),
  'gu',
);

/** Abbreviations whose dot never ends a sentence ("dhr. Jansen", "bijv. uw paspoort"). */
const INNER_ABBREVIATIONS = new Set(['bijv', 'bv', 'ca', 'dhr', 'mevr', 'mw', 'mr', 'dr', 'drs', 'ing', 'ir', 'nr', 'tel', 'evt', 'incl', 'excl', 'resp', 'zgn', 'vgl', 'max', 'min', 'St', 'ong', 'art', 'blz', 'afd']);
/** Abbreviations that may end a sentence: their dot ends it when a capital follows ("enz. Dan"). */
const FINAL_ABBREVIATIONS = new Set(['enz', 'etc', 'jl', 'jr', 'sr']);

const COUNTED: ReadonlySet<TokenKind> = new Set(['word', 'number', 'abbreviation']);
const EMOJI = /\p{Extended_Pictographic}/u;
const STARTS_UPPER = /^[\p{Lu}]/u;

/** All tokens of the text, in order. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const kind = (Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)?.[0] ?? 'word') as TokenKind;
    tokens.push({ text: m[0], kind, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Whether the text between two tokens ends the sentence of `before`. */
function endsSentence(before: Token, gap: string, after: Token | undefined): boolean {
  const capitalNext = after !== undefined && STARTS_UPPER.test(after.text);
  let rest = gap;
  if (before.kind === 'word' && rest.startsWith('.')) {
    const bare = before.text.toLowerCase();
    if (INNER_ABBREVIATIONS.has(bare) || INNER_ABBREVIATIONS.has(before.text)) rest = rest.slice(1);
    else if (FINAL_ABBREVIATIONS.has(bare)) return capitalNext || rest.includes('\n') || after === undefined;
  }
  if (before.kind === 'abbreviation') return capitalNext && /^\s/.test(gap) ? true : /[!?…\n]/.test(rest);
  if (/[.!?…\n]/.test(rest)) return true;
  return EMOJI.test(rest) && capitalNext;
}

/** The sentences of the text; a sentence without any counted word (a link alone, `^AB`) is left out. */
export function splitSentences(text: string): Sentence[] {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  const close = () => {
    const words = current.filter((t) => COUNTED.has(t.kind));
    if (words.length > 0) sentences.push({ start: current[0]!.start, end: current[current.length - 1]!.end, tokens: current, words });
    current = [];
  };
  tokens.forEach((token, i) => {
    current.push(token);
    const next = tokens[i + 1];
    if (next === undefined || endsSentence(token, text.slice(token.end, next.start), next)) close();
  });
  return sentences;
}
