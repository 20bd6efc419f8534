/**
 * A post whose id is not in the page yet: 2025's time link is `https://www.facebook.com/?__cft__…` (and
 * 2021–2024's `#`) until the agent points at it, and a post without comments or a photo set names itself
 * nowhere else. Loket draws its mark at once under a placeholder key — no case id, so nothing can store or
 * send it — and reads the id when the link fills in: when the agent opens our toolbar (which hovers and
 * focuses the link as the agent would: reveal), or when the agent points at the link themself (the page's
 * observer sees the href change). Until then the toolbar says the id is being read and "make case" waits.
 */
import type { CaseId } from '../../domain/case-id';
import type { PostRef } from '../../domain/post-ref';
import { isComment } from './read-post';
import { FB } from './selectors';

const OWNER = `${FB.comment}, ${FB.feedPost}, ${FB.article}, ${FB.viewer}`;

/** The permalinks of this post (not of its comments) that Facebook fills in only on hover or focus. */
export function hiddenPermalinks(el: Element): HTMLElement[] {
  const links: HTMLElement[] = [];
  for (const link of el.querySelectorAll<HTMLElement>(FB.hiddenPermalink)) if (link.closest(OWNER) === el) links.push(link);
  return links;
}

const keys = new WeakMap<Element, { href: string; key: CaseId }>();
let counter = 0;

/**
 * The placeholder key of a post whose id is hidden, or null when the post has no hidden permalink (then it
 * has no id at all, and no mark). Stable for the element and its hidden link, new when the site reuses the
 * element for another post (another tracking query). Never a valid case id ("fb:pending-…").
 */
export function pendingKey(el: Element): CaseId | null {
  if (isComment(el)) return null;
  const link = hiddenPermalinks(el)[0];
  if (!link) return null;
  const href = link.getAttribute('href') ?? '';
  const known = keys.get(el);
  if (known?.href === href) return known.key;
  const key = `fb:pending-${++counter}` as CaseId;
  keys.set(el, { href, key });
  return key;
}

/** What a post with a hidden id shows: its author, and that its id is still to be read. */
export function pendingPost(el: Element, firstSeen: number): PostRef | null {
  const key = pendingKey(el);
  if (key === null) return null;
  const name = el.querySelector(FB.profileName);
  return {
    caseId: key,
    site: 'facebook',
    url: '',
    author: { name: (name?.textContent ?? '').trim() },
    text: '',
    postedAt: firstSeen,
    postedAtSource: 'first-seen',
    idPending: true,
  };
}

/** Does what the agent would (hover, focus) on the post's hidden permalinks, so Facebook fills them in. */
export function revealPermalinks(el: Element): void {
  for (const link of hiddenPermalinks(el)) {
    link.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    link.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  }
}
