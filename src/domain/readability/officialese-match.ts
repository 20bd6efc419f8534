/**
 * Finds officialese (officialese.ts) in a text: whole words and phrases, ignoring case and accents, with the
 * simple inflections of each entry (see `formsOf`). Works on the tokens of tokens.ts, so a phrase matches
 * across spaces and line breaks but not across a link or a hashtag.
 */
import type { PlainPair } from './officialese';
import type { Token } from './tokens';

export interface OfficialeseHit {
  /** The text as written. */
  text: string;
  start: number;
  end: number;
  pair: PlainPair;
}

/** Lower case without accents: "Verifiëren" → "verifieren". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const VERB_ENDING = /eren$/;
/** Ordinary words the automatic forms would otherwise produce ("immer" + s, "nadere" + n). */
const NOT_A_FORM = new Set(['immers', 'naderen']);

/**
 * The forms of an entry that are matched: the entry itself, its `forms`, and for a single word a plural or -s
 * form ("mededelingen", "restituties"); for a verb on -eren its present, past and participle ("retourneer",
 * "retourneert", "retourneerde(n)", "geretourneerd"). A form that is not a word does no harm: it never occurs.
 */
export function formsOf(pair: PlainPair): string[] {
  const base = fold(pair.word).replace(/\.$/, '');
  const forms = new Set([base, ...(pair.forms ?? []).map(fold)]);
  if (!base.includes(' ') && !base.includes('.')) {
    if (VERB_ENDING.test(base)) {
      const stem = `${base.slice(0, -4)}eer`;
      for (const f of [stem, `${stem}t`, `${stem}de`, `${stem}den`, `ge${stem}d`, `ge${stem}de`]) forms.add(f);
    } else if (!base.endsWith('en')) {
      forms.add(base.endsWith('e') ? `${base}n` : `${base}en`);
      forms.add(`${base}s`);
    }
  }
  return [...forms].filter((f) => f === base || !NOT_A_FORM.has(f));
}

interface Entry {
  words: string[];
  pair: PlainPair;
}

export interface OfficialeseIndex {
  /** Entries by their first word, longest phrase first. */
  byFirst: Map<string, Entry[]>;
}

/** An index of the list for fast matching; build it once per list. */
export function indexOfficialese(pairs: readonly PlainPair[]): OfficialeseIndex {
  const byFirst = new Map<string, Entry[]>();
  for (const pair of pairs) {
    for (const form of formsOf(pair)) {
      const words = form.split(/\s+/).filter(Boolean).map((w) => w.replace(/\.$/, ''));
      if (words.length === 0) continue;
      const list = byFirst.get(words[0]!) ?? [];
      if (!list.some((e) => e.words.join(' ') === words.join(' '))) list.push({ words, pair });
      byFirst.set(words[0]!, list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  return { byFirst };
}

const MATCHABLE = new Set(['word', 'abbreviation']);

/** The officialese in the tokens, left to right, not overlapping. */
export function findOfficialese(text: string, tokens: readonly Token[], index: OfficialeseIndex): OfficialeseHit[] {
  const hits: OfficialeseHit[] = [];
  const folded = tokens.map((t) => (MATCHABLE.has(t.kind) ? fold(t.text).replace(/\.$/, '') : null));
  for (let i = 0; i < tokens.length; i++) {
    const first = folded[i];
    if (first == null) continue;
    const entry = index.byFirst.get(first)?.find((e) => e.words.every((w, k) => folded[i + k] === w));
    if (!entry) continue;
    const last = tokens[i + entry.words.length - 1]!;
    const start = tokens[i]!.start;
    hits.push({ text: text.slice(start, last.end), start, end: last.end, pair: entry.pair });
    i += entry.words.length - 1;
  }
  return hits;
}
