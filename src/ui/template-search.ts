/**
 * Finding a template by a few typed words: the shortcut word first, then words in the title, the category
 * and the text. Forgiving, because agents type fast: accents do not matter ("financiele" finds
 * "financiële"), and a word of four letters or more may have one typo or be an abbreviation of a title word.
 */
import type { Site } from '../domain/site';
import type { Template } from '../domain/template';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface Searchable {
  shortcut: string;
  title: string;
  titleWords: string[];
  category: string;
  body: string;
}

const prepared = new WeakMap<Template, Searchable>();

function searchable(t: Template): Searchable {
  let s = prepared.get(t);
  if (!s) {
    const title = fold(t.title);
    s = { shortcut: fold(t.shortcut ?? ''), title, titleWords: title.split(/[^\p{L}\p{N}]+/u).filter(Boolean), category: fold(t.category), body: fold(t.body) };
    prepared.set(t, s);
  }
  return s;
}

/** Whether `a` and `b` differ by at most one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length || i === b.length) return true;
  const rest = (x: number, y: number) => a.slice(i + x) === b.slice(i + y);
  return rest(1, 1) || rest(1, 0) || rest(0, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
}

/** How well a template answers the search words; 0 = not at all. Every word must match somewhere. */
export function score(template: Template, words: readonly string[]): number {
  if (words.length === 0) return 1;
  const s = searchable(template);
  let total = 0;
  for (const raw of words) {
    const word = fold(raw);
    if (s.shortcut && s.shortcut === word) total += 100;
    else if (s.shortcut && s.shortcut.startsWith(word)) total += 40;
    else if (s.titleWords.some((w) => w.startsWith(word))) total += 20;
    else if (s.title.includes(word)) total += 10;
    else if (s.category.includes(word)) total += 5;
    else if (s.body.includes(word)) total += 2;
    else if (word.length >= 4 && s.titleWords.some((w) => withinOneEdit(word, w.slice(0, word.length + 1)) || withinOneEdit(word, w))) total += 1;
    else return 0;
  }
  return total;
}

/**
 * The templates that match, best first; among equals the ones that suit the site of the post come first,
 * then the agent's own order.
 */
export function searchTemplates(templates: readonly Template[], query: string, site: Site): Template[] {
  const words = query.split(/\s+/).filter(Boolean);
  return templates
    .map((tpl, index) => ({ tpl, index, score: score(tpl, words), suits: tpl.sites.includes(site) ? 1 : 0 }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.suits - a.suits || b.score - a.score || a.index - b.index)
    .map((s) => s.tpl);
}
