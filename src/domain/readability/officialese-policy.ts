/**
 * The organisation's own officialese list, from its policy (managed.ts, key `officialese`):
 *
 *   "officialese": { "replaceDefaults": false, "words": [{ "word": "burger", "plain": "inwoner" }] }
 *
 * Its pairs are added to Loket's list (a word already there gets the organisation's alternative), or, with
 * `replaceDefaults`, are the whole list. Checked here, so managed.ts only names the key.
 */
import * as z from 'zod/mini';
import { DEFAULT_OFFICIALESE, type PlainPair } from './officialese';
import { fold } from './officialese-match';

export interface OfficialesePolicy {
  replaceDefaults: boolean;
  words: PlainPair[];
}

export const OFFICIALESE_POLICY_EXPECTED = 'a word list { "replaceDefaults": true/false, "words": [{ "word": "…", "plain": "…" }] }';

const phrase = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const schema = z.strictObject({
  replaceDefaults: z.optional(z.boolean()),
  words: z.array(z.strictObject({ word: phrase, plain: phrase })).check(z.maxLength(2_000)),
});

/** Reads the policy value; a problem names the place ("officialese.words[3].plain: …"). */
export function readOfficialesePolicy(value: unknown): { ok: true; value: OfficialesePolicy } | { ok: false; problem: string } {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : `${out}.${String(p)}`), 'officialese');
    return { ok: false, problem: `${at}: ${issue.message}` };
  }
  const words: PlainPair[] = [];
  const seen = new Set<string>();
  for (const [i, { word, plain }] of parsed.data.words.entries()) {
    const key = fold(word);
    if (seen.has(key)) return { ok: false, problem: `officialese.words[${i}]: ${JSON.stringify(word)} occurs twice` };
    if (fold(plain) === key) return { ok: false, problem: `officialese.words[${i}]: the plain word is the word itself` };
    seen.add(key);
    words.push({ word: word.toLowerCase(), plain });
  }
  return { ok: true, value: { replaceDefaults: parsed.data.replaceDefaults ?? false, words } };
}

/** The list in force: Loket's, with the organisation's pairs added or instead. */
export function officialeseList(policy: OfficialesePolicy | undefined): readonly PlainPair[] {
  if (!policy) return DEFAULT_OFFICIALESE;
  if (policy.replaceDefaults) return policy.words;
  const own = new Set(policy.words.map((p) => fold(p.word)));
  return [...DEFAULT_OFFICIALESE.filter((p) => !own.has(fold(p.word))), ...policy.words];
}
