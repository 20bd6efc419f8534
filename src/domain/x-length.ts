/**
 * How long a post is on X, counted the way X counts it: most Latin, Greek and Cyrillic characters weigh
 * 1, CJK and most other scripts weigh 2, an emoji (also a ZWJ family or a flag) weighs 2, and every URL
 * weighs 23 whatever its length, after NFC normalisation. A reply over 280 is refused by X's composer, so
 * the template editor and the picker warn before the agent inserts it.
 *
 * The counting is X's own open-source `twitter-text` (its v3 configuration, the one x.com uses), not a
 * copy: the URL rules alone need X's list of top-level domains. We import the single `parseTweet` entry
 * point rather than the package index, which pulls in autolinking and extraction as well (about 49 kB
 * minified instead of 85 kB). Its emoji table dates from 2019: a newer ZWJ sequence is counted per part,
 * so at worst a few characters too many, never too few.
 */
// @ts-expect-error -- twitter-text ships no type declarations for its per-function entry points.
import parseTweetUntyped from 'twitter-text/dist/esm/parseTweet.js';

/** X's maximum weighted length of a post (and of a reply). */
export const X_MAX = 280;

export interface XLength {
  /** The weighted length X shows in its counter. */
  weighted: number;
  /** Characters left; negative when the text is too long. */
  remaining: number;
  /** Whether X would accept the text: not empty, at most X_MAX, no characters X refuses (U+FFFE, U+FEFF, U+FFFF). */
  valid: boolean;
}

/** The part of twitter-text's result that we read. */
interface ParsedTweet {
  weightedLength: number;
  valid: boolean;
}

const parseTweet = parseTweetUntyped as (text: string) => ParsedTweet;

export function xWeightedLength(text: string): XLength {
  const { weightedLength, valid } = parseTweet(text);
  return { weighted: weightedLength, remaining: X_MAX - weightedLength, valid };
}
