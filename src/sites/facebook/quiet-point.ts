/**
 * Where Loket's mark goes on a quiet Facebook post or comment, taking no line of its own: in a comment's own
 * action list (like · reply · time: after the time, in its list item, so the list holds only list items), and
 * at the end of a post's action bar (like · comment · share, found by its `data-ad-rendering-role` markers).
 * Both are rows of text height, so the mark is drawn inline (MountPoint.inline). A comment's list has room for
 * a case's chip after the time; a post's bar, whose buttons share its width, does not.
 */
import type { MountPoint } from '../site-adapter';
import { isComment } from './read-post';
import { FB } from './selectors';

const OWNER = `${FB.comment}, ${FB.feedPost}, ${FB.article}, ${FB.viewer}`;
const LIKE = '[data-ad-rendering-role="like_button"]';
const OTHERS = '[data-ad-rendering-role="comment_button"], [data-ad-rendering-role="share_button"]';

export function quietPoint(el: Element): MountPoint | null {
  if (isComment(el)) {
    for (const list of el.querySelectorAll('ul')) {
      if (list.closest(FB.article) !== el) continue;
      const last = list.lastElementChild;
      // The comment's own action list: its items are the site's buttons and the time link.
      if (last?.tagName === 'LI' && list.querySelector(FB.button) !== null) return { parent: last, before: null, inline: true, chip: true };
    }
    return null;
  }
  for (const like of el.querySelectorAll(LIKE)) {
    if (like.closest(OWNER) !== el) continue;
    for (let bar = like.parentElement; bar && bar !== el; bar = bar.parentElement) {
      if (bar.querySelector(OTHERS) !== null) return { parent: bar, before: null, inline: true };
    }
  }
  return null;
}
