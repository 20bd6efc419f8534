/**
 * What automatic intake needs of a Facebook post or comment (src/domain/intake-rules.ts): for a comment or
 * reply, the author of the post it is on (read once per post and kept, since a post holds many comments);
 * for a post, the Page it was posted on when someone else wrote it — the header's second profile link
 * ("Kees Bakker ▸ Gemeente Voorbeeld"), or the Page the tab shows (a visitor post on the Page's timeline).
 * Everything else comes from the read the page already made of the post (author, text): no extra DOM walk
 * but a `closest` and a lookup for a comment.
 */
import type { AccountRef, IntakeRules, PostAddressing } from '../../domain/intake-rules';
import type { PostRef } from '../../domain/post-ref';
import { isComment, postOf, readFacebookPost } from './read-post';
import { FB } from './selectors';

/** Paths of facebook.com that are not a Page or profile ("/groups/…", "/photo/…"). */
const NOT_A_PROFILE = /^(?:groups|photo|photo\.php|permalink\.php|story\.php|watch|reel|events|marketplace|gaming|home\.php|notifications|messages|search|hashtag|settings|help|login|pages|plugins|share|sharer\.php|l\.php|ads|bookmarks|friends|saved|stories)$/;

/** The Page or profile a link names: its path ("gemeentevoorbeeld") or number (`profile.php?id=`). */
export function profileOfUrl(href: string | null | undefined): string | undefined {
  if (!href || href === '#') return undefined;
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com');
  } catch {
    return undefined;
  }
  if (!/(^|\.)facebook\.com$/.test(url.hostname)) return undefined;
  const [first, second] = url.pathname.split('/').filter(Boolean);
  if (first === 'profile.php') return url.searchParams.get('id') ?? undefined;
  if (first === undefined || NOT_A_PROFILE.test(first)) return undefined;
  // "/gemeentevoorbeeld/posts/…" names the Page as much as "/gemeentevoorbeeld".
  return second === undefined || /^(?:posts|videos|photos|about|community)$/.test(second) ? first.toLowerCase() : undefined;
}

function accountOf(a: Element | null | undefined): AccountRef | null {
  if (!a) return null;
  const name = (a.textContent ?? '').trim();
  const profile = profileOfUrl(a.getAttribute('href'));
  return name === '' && profile === undefined ? null : { ...(name ? { name } : {}), ...(profile ? { profile } : {}) };
}

/** A post's header: its author's link, and the Page it was posted on when that is another ("A ▸ B"). */
const headers = new WeakMap<Element, { author: AccountRef | null; on: AccountRef | null }>();

function header(post: Element): { author: AccountRef | null; on: AccountRef | null } {
  let known = headers.get(post);
  if (!known) {
    const links = [...(post.querySelector(FB.profileName)?.querySelectorAll('a[href]') ?? [])].filter((a) => (a.textContent ?? '').trim() !== '');
    const author = accountOf(links[0]);
    const on = links.slice(1).map(accountOf).find((acc) => acc !== null && acc.profile !== author?.profile) ?? null;
    known = { author, on };
    // A unit Facebook has not filled in yet has no header: read it again next time.
    if (author !== null) headers.set(post, known);
  }
  return known;
}

/** The Page the tab shows (facebook.com/<page>), if it is one. */
function pageShown(doc: Document): AccountRef | null {
  const loc = doc.location;
  if (!loc) return null;
  const profile = profileOfUrl(`https://www.facebook.com${loc.pathname}${loc.search}`);
  // Only the Page's own timeline, not one of its posts (that post's author is in its header).
  return profile !== undefined && !/\/(?:posts|videos|photos)\//.test(loc.pathname) ? { profile } : null;
}

export function readFacebookAddressing(el: Element, quiet: PostRef, rules: IntakeRules): { addressing: PostAddressing; post?: PostRef } | null {
  const profile = profileOfUrl(quiet.author.profileUrl);
  const author: AccountRef = { name: quiet.author.name, ...(profile ? { profile } : {}) };
  // The quiet read has no text: keywords need it, so with keywords set the post is read in full (and that read is the case's).
  const full = rules.keywords.length > 0 && quiet.text === '' ? (readFacebookPost(el, quiet.postedAt) ?? undefined) : undefined;
  const text = full?.text ?? quiet.text;
  const base = { site: 'facebook' as const, author, isOwn: quiet.isOwn === true, mentions: [], replyingTo: [], text };
  if (isComment(el)) {
    const post = postOf(el);
    const postAuthor = post ? header(post).author : null;
    return { addressing: { ...base, comment: true, ...(postAuthor ? { postAuthor } : {}) }, ...(full ? { post: full } : {}) };
  }
  const { on } = header(el);
  const shown = on ?? pageShown(el.ownerDocument);
  const postedOn = shown && shown.profile !== author.profile ? shown : null;
  return { addressing: { ...base, comment: false, ...(postedOn ? { postedOn } : {}) }, ...(full ? { post: full } : {}) };
}
