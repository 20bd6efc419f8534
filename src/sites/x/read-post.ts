/** Reads a PostRef from one tweet article. Pure DOM reading: unit-tested on real captures. */
import { caseIdFor, type CaseId } from '../../domain/case-id';
import type { PostRef } from '../../domain/post-ref';
import { X } from './selectors';

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,30})\/status\/([0-9]{1,25})\/?$/;

/** The first element in the article that belongs to it, not to a quoted tweet inside it. */
function first<E extends Element>(article: Element, selector: string, quoted: Element | null): E | undefined {
  return quoted === null ? (article.querySelector<E>(selector) ?? undefined) : own<E>(article, selector, quoted)[0];
}

/** Elements in the article that belong to it, not to a quoted tweet inside it. */
function own<E extends Element>(article: Element, selector: string, quoted = article.querySelector(X.quoted)): E[] {
  const found = [...article.querySelectorAll<E>(selector)];
  return quoted === null ? found : found.filter((el) => !quoted.contains(el)); // most tweets quote nothing
}

export function statusFromHref(href: string | null): { handle: string; id: string } | null {
  if (!href) return null;
  let path: string;
  if (href.startsWith('/') && !href.startsWith('//')) {
    path = href.split(/[?#]/, 1)[0]!; // X's own links are relative paths: no URL parsing needed
  } else {
    try {
      path = new URL(href, 'https://x.com').pathname;
    } catch {
      return null;
    }
  }
  const match = STATUS_PATH.exec(path);
  return match ? { handle: match[1]!, id: match[2]! } : null;
}

/**
 * The permalink: a /status/ link holding a <time>, outside any quoted tweet; never /analytics, /photo/… Found
 * from the tweet's few <time> elements up (the engine keeps a list of those), not from its many links down.
 */
function permalink(article: Element, quoted: Element | null): { handle: string; id: string; time: HTMLTimeElement | null } | null {
  const times = article.getElementsByTagName('time');
  for (let i = 0; i < times.length; i++) {
    const time = times[i]!;
    if (quoted?.contains(time) || !time.hasAttribute('datetime')) continue;
    const a = time.closest(X.timeLink);
    const status = a && article.contains(a) ? statusFromHref(a.getAttribute('href')) : null;
    if (status) return { ...status, time };
  }
  // The focal tweet on a /status/ page: its time sits below the text, in a link of the same shape; the
  // page URL names the tweet when no link does.
  const fromLocation = article.getAttribute('tabindex') === '-1' ? statusFromHref(article.ownerDocument.location?.pathname ?? null) : null;
  return fromLocation ? { ...fromLocation, time: own<HTMLTimeElement>(article, X.time, quoted)[0] ?? null } : null;
}

/** Text with emoji read from their img alt, line breaks kept. */
export function readText(el: Element | undefined): string {
  if (!el) return '';
  if (el.querySelector('img, br') === null) return (el.textContent ?? '').trim(); // plain text: the fast path
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) out += node.nodeValue ?? '';
    else if (node instanceof Element) {
      if (node.tagName === 'IMG') out += node.getAttribute('alt') ?? '';
      else if (node.tagName === 'BR') out += '\n';
      else node.childNodes.forEach(walk);
    }
  };
  walk(el);
  return out.trim();
}

/**
 * "Replying to @handle" (translated, so not matched by its words): an @-link outside the author block, the
 * text and any quoted tweet, placed before the text.
 */
function replyingTo(article: Element, text: Element | undefined, quoted: Element | null): string | undefined {
  for (const a of own<HTMLAnchorElement>(article, X.profileLink, quoted)) {
    const label = a.textContent?.trim() ?? '';
    if (!/^@[A-Za-z0-9_]{1,30}$/.test(label)) continue;
    if (a.closest(X.userName) || a.closest(X.tweetText) || a.closest(X.socialContext)) continue;
    if (text && !(a.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    return label;
  }
  return undefined;
}

let profileLink: Element | null = null;

export function ownHandle(doc: Document): string | null {
  // Read for every tweet: keep the side-nav link while it is on the page rather than search for it each time.
  if (profileLink?.ownerDocument !== doc || !profileLink.isConnected) profileLink = doc.querySelector(X.ownProfileLink);
  const href = profileLink?.getAttribute('href');
  const match = href ? /^\/([A-Za-z0-9_]{1,30})\/?$/.exec(href) : null;
  return match ? match[1]!.toLowerCase() : null;
}

export function readXKey(article: Element): CaseId | null {
  const link = permalink(article, article.querySelector(X.quoted));
  return link ? caseIdFor('x', link.id) : null;
}

/**
 * What a quiet tweet needs, and no more: its id, permalink, posted time, author and whether it is the agent's
 * own. The text and the handle shown are read only when the toolbar opens (readXPost): a timeline mounts dozens
 * of tweets a second and nearly all of them stay quiet. The author's handle is the permalink's. `withName`
 * false leaves out the display name (the handle stands in), when the own accounts are all handles.
 */
export function readXQuiet(article: Element, firstSeen: number, withName = true): PostRef | null {
  const quoted = article.querySelector(X.quoted);
  const link = permalink(article, quoted);
  if (!link) return null;
  const userName = withName ? first(article, X.userName, quoted) : undefined;
  const name = withName ? (readText(userName?.querySelector('a') ?? undefined).split('\n')[0]?.trim() ?? '') : '';
  const datetime = link.time?.getAttribute('datetime');
  const parsedTime = datetime ? Date.parse(datetime) : Number.NaN;
  const self = ownHandle(article.ownerDocument);
  const isRepost = self !== null && self === link.handle.toLowerCase() && first(article, X.socialContext, quoted) !== undefined;
  return {
    caseId: caseIdFor('x', link.id),
    site: 'x',
    url: `https://x.com/${link.handle}/status/${link.id}`,
    author: { name: name || `@${link.handle}`, handle: `@${link.handle}`, profileUrl: `https://x.com/${link.handle}` },
    text: '',
    postedAt: Number.isFinite(parsedTime) ? parsedTime : firstSeen,
    postedAtSource: Number.isFinite(parsedTime) ? 'page' : 'first-seen',
    isOwn: self !== null && self === link.handle.toLowerCase() && !isRepost,
    ...(isRepost ? { isRepost } : {}),
  };
}

/**
 * Reads a tweet. `full` adds what only a case needs (who a reply answers); the toolbar's first drawing does
 * without, as most tweets never become a case.
 */
export function readXPost(article: Element, firstSeen: number, full = true): PostRef | null {
  const quoted = article.querySelector(X.quoted);
  const link = permalink(article, quoted);
  if (!link) return null;
  const userName = first(article, X.userName, quoted);
  const name = readText(userName?.querySelector('a') ?? undefined).split('\n')[0]?.trim() ?? '';
  const handleText = [...(userName?.querySelectorAll('a[tabindex="-1"]') ?? [])].map((a) => a.textContent?.trim() ?? '').find((s) => s.startsWith('@'));
  const handle = handleText ? handleText.slice(1) : link.handle;
  const datetime = link.time?.getAttribute('datetime');
  const parsedTime = datetime ? Date.parse(datetime) : Number.NaN;
  const self = ownHandle(article.ownerDocument);
  const isRepost = first(article, X.socialContext, quoted) !== undefined;
  const textEl = first(article, X.tweetText, quoted);
  const inReplyTo = full ? replyingTo(article, textEl, quoted) : undefined;
  return {
    caseId: caseIdFor('x', link.id),
    site: 'x',
    url: `https://x.com/${link.handle}/status/${link.id}`,
    author: { name: name || `@${handle}`, handle: `@${handle}`, profileUrl: `https://x.com/${handle}` },
    text: readText(textEl),
    postedAt: Number.isFinite(parsedTime) ? parsedTime : firstSeen,
    postedAtSource: Number.isFinite(parsedTime) ? 'page' : 'first-seen',
    isOwn: self !== null && self === handle.toLowerCase() && !isRepost,
    isRepost,
    ...(inReplyTo ? { isReply: true, inReplyTo } : {}),
  };
}
