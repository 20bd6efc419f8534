/** Reads a PostRef from a Facebook post or comment element. Pure DOM reading: unit-tested on fixtures. */
import { caseIdFor, type CaseId } from '../../domain/case-id';
import type { PostRef } from '../../domain/post-ref';
import { parseFacebookUrl, type FacebookLink } from './post-url';
import { FB } from './selectors';

/**
 * A comment or reply: a labelled article nested inside a post. The label's words are translated ("Comment
 * by …", "Opmerking van …"), so only its presence and the nesting count.
 */
export function isComment(el: Element): boolean {
  return el.matches(FB.comment) && el.parentElement?.closest(`${FB.feedPost}, ${FB.article}, ${FB.viewer}`) != null;
}

/** The post element that holds a comment: the feed unit, the outer article of a post's page, or the viewer. */
export function postOf(comment: Element): Element | null {
  return comment.parentElement?.closest(FB.feedPost) ?? outermostArticle(comment) ?? comment.closest(FB.viewer);
}

function outermostArticle(el: Element): Element | null {
  let top: Element | null = null;
  for (let cur = el.parentElement?.closest(FB.article); cur; cur = cur.parentElement?.closest(FB.article)) top = cur;
  return top;
}

/**
 * Elements of this post or comment, not of a comment nested inside it, in page order. Lazy: a post holds the
 * links of all its comments, and the readers want only the first that fits.
 */
function* own<E extends Element>(root: Element, selector: string): Generator<E> {
  for (const el of root.querySelectorAll<E>(selector)) {
    const article = el.parentElement?.closest(FB.article);
    if (article === null || article === undefined || article === root || !root.contains(article)) yield el;
  }
}

function firstOwn<E extends Element>(root: Element, selector: string, test: (el: E) => boolean = () => true): E | undefined {
  for (const el of own<E>(root, selector)) if (test(el)) return el;
  return undefined;
}

function firstLink(root: Element, wantComment: boolean): FacebookLink | null {
  for (const a of own<HTMLAnchorElement>(root, 'a[href]')) {
    const link = parseFacebookUrl(a.getAttribute('href'));
    if (link && (link.commentId !== undefined) === wantComment) return link;
  }
  return null;
}

/** A comment's own link: the first of its links that names a comment (a parsed link always names its post). */
function commentLink(el: Element): (FacebookLink & { commentId: string }) | null {
  const link = firstLink(el, true);
  return link?.commentId ? { ...link, commentId: link.commentId } : null;
}

/**
 * Just the case id: what the controller re-reads on every change inside a post (a count, a relative time),
 * without the author, text and time a full read adds.
 */
export function readFacebookKey(el: Element): CaseId | null {
  if (isComment(el)) {
    const link = commentLink(el);
    return link ? caseIdFor('facebook', link.postId, link.commentId) : null;
  }
  const link = firstLink(el, false);
  return link ? caseIdFor('facebook', link.postId) : null;
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+\n/g, '\n').trim();
}

function postedAt(root: Element, firstSeen: number): Pick<PostRef, 'postedAt' | 'postedAtSource'> {
  const utime = Number(firstOwn(root, FB.utime)?.getAttribute('data-utime'));
  return Number.isFinite(utime) && utime > 0
    ? { postedAt: utime * 1000, postedAtSource: 'page' }
    : { postedAt: firstSeen, postedAtSource: 'first-seen' };
}

export function readFacebookPost(el: Element, firstSeen: number): PostRef | null {
  if (isComment(el)) {
    const link = commentLink(el);
    if (!link) return null;
    const authorLink = firstOwn<HTMLAnchorElement>(el, 'a[href]', (a) => text(a) !== '' && parseFacebookUrl(a.getAttribute('href')) === null);
    const body = [...own(el, 'div[dir="auto"]')].filter((d) => d.closest('a') === null);
    return {
      caseId: caseIdFor('facebook', link.postId, link.commentId),
      site: 'facebook',
      url: link.url,
      author: { name: text(authorLink), ...profileUrl(authorLink) },
      text: body.map(text).join('\n'),
      ...postedAt(el, firstSeen),
      isReply: true,
    };
  }
  const link = firstLink(el, false);
  if (!link) return null;
  const nameEl = firstOwn(el, FB.profileName);
  const authorLink = nameEl?.querySelector('a[href]') ?? undefined;
  return {
    caseId: caseIdFor('facebook', link.postId),
    site: 'facebook',
    url: link.url,
    author: { name: text(nameEl), ...profileUrl(authorLink) },
    text: text(firstOwn(el, FB.message)),
    ...postedAt(el, firstSeen),
  };
}

function profileUrl(a: Element | undefined): { profileUrl?: string } {
  const href = a?.getAttribute('href');
  if (!href || href === '#') return {};
  try {
    const url = new URL(href, 'https://www.facebook.com');
    url.search = url.pathname === '/profile.php' ? `?id=${url.searchParams.get('id') ?? ''}` : '';
    url.hash = '';
    return url.protocol === 'https:' ? { profileUrl: url.toString() } : {};
  } catch {
    return {};
  }
}
