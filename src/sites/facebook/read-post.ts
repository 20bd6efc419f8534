/** Reads a PostRef from a Facebook post or comment element. Pure DOM reading: unit-tested on fixtures. */
import { caseIdFor, type CaseId } from '../../domain/case-id';
import type { PostRef } from '../../domain/post-ref';
import { parsePostedTime } from '../../domain/posted-time';
import { byHref, decodeCommentId, parseFacebookUrl, type FacebookLink } from './post-url';
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

/** The links of this post or comment (not of its comments) that name a post, in page order. */
function* ownLinks(root: Element): Generator<FacebookLink> {
  for (const a of own<HTMLAnchorElement>(root, 'a[href]')) {
    const link = parseFacebookUrl(a.getAttribute('href'));
    if (link) yield link;
  }
}

/** Whether the page is this photo's own viewer: only there does `photo/?fbid=` name the post. */
function onViewerOf(fbid: string): boolean {
  const loc = globalThis.location;
  return loc !== undefined && /^\/photo(?:\.php|\/)?$/.test(loc.pathname) && new URLSearchParams(loc.search).get('fbid') === fbid;
}

const isNumber = (id: string) => /^[0-9]+$/.test(id);

/**
 * The post's number from the base64 `comment_id` of this comment's own links — on its author's profile link
 * as much as on its time link ("comment:<post>_<comment>").
 */
function commentPost(comment: Element): string | undefined {
  for (const a of own<HTMLAnchorElement>(comment, 'a[href*="comment_id="]')) {
    const post = postOfCommentLink(a.getAttribute('href') ?? '');
    if (post !== undefined) return post;
  }
  return undefined;
}

const postOfCommentLink = byHref((href): string | undefined => {
  try {
    return decodeCommentId(new URL(href, 'https://www.facebook.com').searchParams.get('comment_id'))?.postId;
  } catch {
    return undefined;
  }
});

export interface PostIds {
  caseId: CaseId;
  /** The pfbid form, when the case id is the number. */
  aliases: CaseId[];
  url: string;
}

/**
 * A post's ids. Its own links name it by number (`story_fbid`, `/posts/<n>`, a photo's `set=gm.<n>`) or by
 * `pfbid…`; its comments' base64 `comment_id` name it by number. The number wins wherever the page gives
 * one, so the case id does not depend on which link was seen first; the pfbid is kept as an alias. An
 * attachment's `photo/?fbid=` is never the post's id, except on that photo's own viewer.
 */
export function readPostIds(el: Element): PostIds | null {
  let pfbid: FacebookLink | undefined;
  let numbered: FacebookLink | undefined;
  for (const link of ownLinks(el)) {
    if (link.commentId !== undefined) continue;
    if (link.kind === 'photo' && !onViewerOf(link.postId)) continue;
    if (isNumber(link.postId)) {
      numbered = link;
      break;
    }
    pfbid ??= link;
  }
  let number = numbered?.postId;
  let url = numbered?.url ?? pfbid?.url;
  if (number === undefined) {
    // The first comment's own link: its base64 comment_id names the post by number (a 2024 post whose links
    // say pfbid; a 2025 unit whose time link is empty until hovered).
    const first = el.querySelector(FB.comment);
    if (first) {
      number = commentPost(first);
      if (number === undefined) {
        for (const link of ownLinks(first)) {
          if (link.commentId !== undefined && link.kind === 'post' && isNumber(link.postId)) {
            number = link.postId;
            break;
          }
        }
      }
    }
  }
  if (number !== undefined) {
    return { caseId: caseIdFor('facebook', number), aliases: pfbid ? [caseIdFor('facebook', pfbid.postId)] : [], url: url ?? `https://www.facebook.com/${number}` };
  }
  return pfbid ? { caseId: caseIdFor('facebook', pfbid.postId), aliases: [], url: pfbid.url } : null;
}

/**
 * A comment's ids: its own link that names a comment gives the comment (the reply's own id for a reply); the
 * post is the number its base64 comment_id gives, else the post its link names (then kept as an alias when
 * that is a pfbid and the number is known).
 */
function readCommentIds(el: Element): (PostIds & { link: FacebookLink }) | null {
  let link: FacebookLink | undefined;
  for (const l of ownLinks(el)) {
    if (l.commentId !== undefined) {
      link = l;
      break;
    }
  }
  if (!link?.commentId) return null;
  const number = commentPost(el);
  const post = number ?? link.postId;
  const aliases = post !== link.postId && !isNumber(link.postId) ? [caseIdFor('facebook', link.postId, link.commentId)] : [];
  return { caseId: caseIdFor('facebook', post, link.commentId), aliases, url: link.url, link };
}

/**
 * Whether a post is an ad, by structure (the word is translated: "Gesponsord"), in each marking seen:
 * - the "why this ad" link to `/ads/…`;
 * - 2020: a span or link in the post labelled (`aria-labelledby`) by a hidden word outside the post, not
 *   inside a link that names the post;
 * - 2020: the labelled (`aria-label`) link to the advertiser, through Facebook's off-site redirect;
 * - 2025: the byline link that is only a query (`href="?__cft__…"`) in a post with a `meta` marker.
 * An organic post carries link cards with `meta` markers and `https://www.facebook.com/?__cft__` links until
 * hovered, so neither alone marks an ad.
 */
export function isSponsored(el: Element): boolean {
  const doc = el.ownerDocument;
  let meta: boolean | undefined;
  // One pass over the post's own candidates for every marking (a post is hundreds of elements).
  const found = firstOwn(el, SPONSOR_CANDIDATES, (c) => {
    if (c.matches(FB.adLink) || c.matches(FB.adRedirectLink)) return true;
    if (c.matches(FB.queryOnlyLink)) return (meta ??= firstOwn(el, FB.adMeta) !== undefined);
    if (!c.matches(FB.labelledBy)) return false;
    const target = doc.getElementById(c.getAttribute('aria-labelledby')?.split(/\s+/)[0] ?? '');
    if (!target || el.contains(target)) return false;
    const link = c.closest('a[href]');
    return !link || !el.contains(link) || parseFacebookUrl(link.getAttribute('href')) === null;
  });
  const sponsored = found !== undefined;
  sponsoredPosts.set(el, sponsored);
  return sponsored;
}

const SPONSOR_CANDIDATES = [FB.adLink, FB.adRedirectLink, FB.queryOnlyLink, FB.labelledBy].join(', ');
const sponsoredPosts = new WeakMap<Element, boolean>();

/** For a comment: whether its post is an ad, as last worked out for that post (the post is read first). */
export function isSponsoredPost(post: Element): boolean {
  return sponsoredPosts.get(post) ?? isSponsored(post);
}

/**
 * Just the case id: what the controller re-reads on every change inside a post (a count, a relative time),
 * without the author, text and time a full read adds.
 */
export function readFacebookKey(el: Element): CaseId | null {
  return (isComment(el) ? readCommentIds(el) : readPostIds(el))?.caseId ?? null;
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+\n/g, '\n').trim();
}

/** Text a reader sees: without the hidden filler letters Facebook scrambles times with (2025). */
function visibleText(el: Element): string {
  let out = '';
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !/display:\s*none/.test((child as Element).getAttribute('style') ?? '')) walk(child);
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * The posted time: pre-2020 `abbr[data-utime]`; else the time link's label (2024: the date) or its visible
 * text ("3 u", "Gisteren om 14:05"), or a comment's own label ("Opmerking van Jan 2 uur geleden"); else when
 * Loket first saw the post. A time after the first sighting (a clock that runs ahead) is the first sighting.
 */
function postedAt(root: Element, firstSeen: number, now: number, timeLink: Element | undefined): Pick<PostRef, 'postedAt' | 'postedAtSource'> {
  const utime = Number(firstOwn(root, FB.utime)?.getAttribute('data-utime'));
  if (Number.isFinite(utime) && utime > 0) return { postedAt: utime * 1000, postedAtSource: 'page' };
  const texts = [timeLink?.getAttribute('aria-label'), isComment(root) ? root.getAttribute('aria-label') : null, timeLink ? visibleText(timeLink) : null];
  for (const value of texts) {
    const read = value ? parsePostedTime(value, now) : null;
    if (read) return { postedAt: Math.min(read.at, firstSeen), postedAtSource: read.source };
  }
  return { postedAt: firstSeen, postedAtSource: 'first-seen' };
}

/** The link that shows the post's time: the first of its own links that names it, or one not filled in yet. */
function postTimeLink(el: Element): HTMLAnchorElement | undefined {
  return firstOwn<HTMLAnchorElement>(el, 'a[href]', (a) => {
    if (a.closest(FB.profileName)) return false;
    const href = a.getAttribute('href') ?? '';
    if (href === '#' || isPendingLink(href)) return true;
    const link = parseFacebookUrl(href);
    return link !== null && link.commentId === undefined && (link.kind === 'post' || onViewerOf(link.postId));
  });
}

/** 2025: a link whose href is only `https://www.facebook.com/?__cft__…` until hovered or focused. */
export function isPendingLink(href: string): boolean {
  return /^https:\/\/(?:www|web|m)\.facebook\.com\/\?__cft__/.test(href);
}

/**
 * Reads a post or comment. Facebook's `full` read and the one that draws the toolbar are the same (the text and
 * the time are cheap beside finding the post); what a quiet post needs is readFacebookQuiet.
 */
export function readFacebookPost(el: Element, firstSeen: number, _full = true, now: number = Date.now()): PostRef | null {
  return readAs(el, firstSeen, now, true);
}

/**
 * What a quiet post needs, and no more: its id, permalink, author, posted time (and so, with the settings,
 * whether it is the municipality's own). The text is read only when the toolbar opens: a feed mounts dozens
 * of posts and comments a second and nearly all of them stay quiet.
 */
export function readFacebookQuiet(el: Element, firstSeen: number, now: number = Date.now()): PostRef | null {
  return readAs(el, firstSeen, now, false);
}

function readAs(el: Element, firstSeen: number, now: number, withText: boolean): PostRef | null {
  if (isComment(el)) {
    const ids = readCommentIds(el);
    if (!ids) return null;
    const authorLink = firstOwn<HTMLAnchorElement>(el, 'a[href]', (a) => text(a) !== '' && parseFacebookUrl(a.getAttribute('href')) === null);
    const timeLink = firstOwn<HTMLAnchorElement>(el, 'a[href]', (a) => parseFacebookUrl(a.getAttribute('href'))?.commentId !== undefined && text(a) !== '' && a.querySelector('[dir="auto"]') === null);
    return {
      caseId: ids.caseId,
      site: 'facebook',
      url: ids.url,
      author: { name: text(authorLink), ...profileUrl(authorLink) },
      text: withText ? [...own(el, 'div[dir="auto"]')].filter((d) => d.closest('a') === null).map(text).join('\n') : '',
      ...postedAt(el, firstSeen, now, timeLink),
      ...(ids.aliases.length > 0 ? { aliases: ids.aliases } : {}),
      isReply: true,
    };
  }
  const ids = readPostIds(el);
  if (!ids) return null;
  const nameEl = firstOwn(el, FB.profileName);
  const authorLink = nameEl?.querySelector('a[href]') ?? undefined;
  return {
    caseId: ids.caseId,
    site: 'facebook',
    url: ids.url,
    author: { name: text(nameEl), ...profileUrl(authorLink) },
    text: withText ? text(firstOwn(el, FB.message)) : '',
    ...postedAt(el, firstSeen, now, postTimeLink(el)),
    ...(ids.aliases.length > 0 ? { aliases: ids.aliases } : {}),
  };
}

function profileUrl(a: Element | undefined): { profileUrl?: string } {
  const href = a?.getAttribute('href');
  return !href || href === '#' ? {} : profileOf(href);
}

const profileOf = byHref((href: string): { profileUrl?: string } => {
  try {
    const url = new URL(href, 'https://www.facebook.com');
    url.search = url.pathname === '/profile.php' ? `?id=${url.searchParams.get('id') ?? ''}` : '';
    url.hash = '';
    return url.protocol === 'https:' ? { profileUrl: url.toString() } : {};
  } catch {
    return {};
  }
});
