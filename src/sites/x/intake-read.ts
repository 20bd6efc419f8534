/**
 * What automatic intake needs of a tweet (src/domain/intake-rules.ts): whom it mentions and replies to. A
 * tweet that cannot match — no link to an own account or a keyword hashtag on it — costs a look at its
 * links and no more; only the others are read in full (readXPost), and that read is handed back so the case is
 * made from it. A quoted tweet's text is not the tweet's own: readXPost reads the text and "Replying to"
 * outside the quoted block, so quoting an own tweet is not a mention (x-variants-nl.html, tweet …203).
 */
import { mentionsIn, type IntakeRules, type PostAddressing } from '../../domain/intake-rules';
import type { PostRef } from '../../domain/post-ref';
import { readXPost } from './read-post';
import { X } from './selectors';

/**
 * The cheap test, built once per rules: a link to an own account's profile (X draws every mention and the
 * "Replying to" line as one) or to a hashtag among the keywords — a look at the tweet's few links (the engine
 * keeps the list), no text gathered; the text itself only when a keyword is a plain word.
 */
let probeFor: { rules: IntakeRules; paths: Set<string>; lengths: Set<number>; tags: string[]; words: string[] } | undefined;

function probe(rules: IntakeRules): NonNullable<typeof probeFor> {
  if (probeFor?.rules !== rules) {
    const paths = new Set([...rules.own.handles].map((h) => `/${h}`));
    probeFor = {
      rules,
      paths,
      lengths: new Set([...paths].map((p) => p.length)),
      tags: rules.keywords.filter((k) => k.startsWith('#')).map((k) => `/hashtag/${k.slice(1)}`),
      words: rules.keywords.filter((k) => !k.startsWith('#')),
    };
  }
  return probeFor;
}

function linksTo(article: Element, { paths, lengths, tags }: NonNullable<typeof probeFor>): boolean {
  const links = article.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) {
    const href = links[i]!.getAttribute('href');
    if (href === null || href.charCodeAt(0) !== 47 /* "/" */) continue;
    // Most links are permalinks, analytics and other profiles: their length already rules them out.
    if (lengths.has(href.length) && paths.has(href.toLowerCase())) return true;
    if (tags.length > 0 && href.startsWith('/hashtag/') && tags.includes(href.toLowerCase().split('?', 1)[0]!)) return true;
  }
  return false;
}

export function readXAddressing(article: Element, quiet: PostRef, rules: IntakeRules): { addressing: PostAddressing; post: PostRef } | null {
  const p = probe(rules);
  if (!linksTo(article, p)) {
    if (p.words.length === 0) return null;
    const text = (article.querySelector(X.tweetText)?.textContent ?? '').toLowerCase();
    if (!p.words.some((w) => text.includes(w))) return null;
  }
  const firstSeen = quiet.postedAtSource === 'first-seen' ? quiet.postedAt : Date.now();
  const post = readXPost(article, firstSeen, true);
  if (!post) return null;
  if (quiet.isOwn) post.isOwn = true;
  return {
    post,
    addressing: {
      site: 'x',
      comment: false,
      author: { name: post.author.name, ...(post.author.handle ? { handle: post.author.handle } : {}) },
      isOwn: post.isOwn === true,
      isRepost: post.isRepost === true,
      mentions: mentionsIn(post.text),
      replyingTo: post.inReplyTo ? [{ handle: post.inReplyTo }] : [],
      text: post.text,
    },
  };
}
