/**
 * What automatic intake needs of a tweet (src/domain/intake-rules.ts): whom it mentions and replies to. A
 * tweet that cannot match — nothing in its text names an own account or a keyword — costs one textContent
 * read and no more; only the others are read in full (readXPost), and that read is handed back so the case
 * is made from it. A quoted tweet's text is not the tweet's own: readXPost reads the text and "Replying to"
 * outside the quoted block, so quoting an own tweet is not a mention (x-variants-nl.html, tweet …203).
 */
import { intakeTerms, mentionsIn, type IntakeRules, type PostAddressing } from '../../domain/intake-rules';
import type { PostRef } from '../../domain/post-ref';
import { readXPost } from './read-post';

let termsFor: { rules: IntakeRules; terms: string[] } | undefined;

export function readXAddressing(article: Element, quiet: PostRef, rules: IntakeRules): { addressing: PostAddressing; post: PostRef } | null {
  if (termsFor?.rules !== rules) termsFor = { rules, terms: intakeTerms(rules) };
  const { terms } = termsFor;
  if (terms.length === 0) return null;
  const all = (article.textContent ?? '').toLowerCase();
  if (!terms.some((term) => all.includes(term))) return null;
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
