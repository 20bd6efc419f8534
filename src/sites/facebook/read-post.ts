/** Reads a PostRef from a Facebook post or comment element. Pure DOM reading: unit-tested on fixtures. */
import { facebookCaseId } from '../../domain/case-id';
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

/** Elements of this post or comment, not of a comment nested inside it. */
function own<E extends Element>(root: Element, selector: string): E[] {
  return [...root.querySelectorAll<E>(selector)].filter((el) => {
    const article = el.parentElement?.closest(FB.article);
    return article === null || article === undefined || article === root || !root.contains(article);
  });
}

function firstLink(root: Element, wantComment: boolean): FacebookLink | null {
  for (const a of own<HTMLAnchorElement>(root, 'a[href]')) {
    const link = parseFacebookUrl(a.getAttribute('href'));
    if (link && (link.commentId !== undefined) === wantComment) return link;
  }
  return null;
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+\n/g, '\n').trim();
}

function postedAt(root: Element, firstSeen: number): Pick<PostRef, 'postedAt' | 'postedAtSource'> {
  const utime = Number(own(root, FB.utime)[0]?.getAttribute('data-utime'));
  return Number.isFinite(utime) && utime > 0
    ? { postedAt: utime * 1000, postedAtSource: 'page' }
    : { postedAt: firstSeen, postedAtSource: 'first-seen' };
}

export function readFacebookPost(el: Element, firstSeen: number): PostRef | null {
  if (isComment(el)) {
    const link = firstLink(el, true);
    const post = postOf(el);
    const postId = link?.postId ?? (post ? firstLink(post, false)?.postId : undefined);
    if (!link?.commentId || !postId) return null;
    const authorLink = own<HTMLAnchorElement>(el, 'a[href]').find((a) => text(a) !== '' && parseFacebookUrl(a.getAttribute('href')) === null);
    const body = own(el, 'div[dir="auto"]').filter((d) => d.closest('a') === null);
    return {
      caseId: facebookCaseId(postId, link.commentId),
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
  const nameEl = own(el, FB.profileName)[0];
  const authorLink = nameEl?.querySelector('a[href]') ?? undefined;
  return {
    caseId: facebookCaseId(link.postId),
    site: 'facebook',
    url: link.url,
    author: { name: text(nameEl), ...profileUrl(authorLink) },
    text: text(own(el, FB.message)[0]),
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
