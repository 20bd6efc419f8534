/** The x.com (and twitter.com) adapter. */
import type { SiteAdapter } from '../site-adapter';
import type { Theme } from '../../domain/page-theme';
import { xComposer } from './composer';
import { readXAddressing } from './intake-read';
import { readXKey, readXPost, readXQuiet } from './read-post';
import { X } from './selectors';

export function xPageKind(path: string): string {
  if (path === '/home' || path === '/') return 'home';
  if (/^\/[^/]+\/status\/\d+/.test(path)) return 'status';
  if (path.startsWith('/search')) return 'search';
  if (path.startsWith('/notifications')) return 'notifications';
  if (path.startsWith('/i/bookmarks')) return 'bookmarks';
  if (/^\/i\/lists\/|^\/[^/]+\/lists/.test(path)) return 'lists';
  if (path.startsWith('/compose/')) return 'compose';
  if (/^\/[A-Za-z0-9_]{1,30}\/?$/.test(path)) return 'profile';
  return 'other';
}

export const xAdapter: SiteAdapter = {
  site: 'x',
  candidateSelector: X.tweet,
  dialogSelector: X.dialog,
  accepts(article) {
    return article.closest(X.promotedWrapper) === null;
  },
  readPost: readXPost,
  readQuiet: readXQuiet,
  readKey: readXKey,
  readAddressing: readXAddressing,
  actingAccount(doc) {
    // One account per tab on X: the side navigation's profile link names it, whatever the reply box.
    const path = doc.querySelector(X.ownProfileLink)?.getAttribute('href') ?? '';
    const handle = /^\/([A-Za-z0-9_]{1,15})\/?$/.exec(path)?.[1];
    return handle ? { handle: `@${handle}` } : null;
  },
  composer: xComposer,
  mountPoint(article) {
    // The first reply button is the tweet's own (a quoted tweet shows none): the list of all is made only
    // when the first turns out to belong to a quoted tweet.
    const firstReply = article.querySelector(X.actionBarButton);
    const reply = firstReply === null || firstReply.closest(X.quoted) === null ? firstReply : [...article.querySelectorAll(X.actionBarButton)].find((b) => b.closest(X.quoted) === null);
    const bar = reply?.closest(X.actionBar);
    if (!bar?.parentElement) return null;
    return { parent: bar.parentElement, before: bar.nextSibling };
  },
  quietPoint(_article, mount) {
    // The mark is the action bar's last item (the bar is the element just before the mount point).
    const bar = mount.before ? mount.before.previousSibling : mount.parent.lastChild;
    return bar instanceof Element && bar.matches(X.actionBar) ? { parent: bar, before: null } : null;
  },
  health(doc) {
    // Rows with some text, or articles of any kind: if X renamed its tweet test id, these still count.
    const rows = [...doc.querySelectorAll(X.row)].filter((r) => (r.textContent ?? '').trim().length > 20).length;
    return { pageKind: xPageKind(doc.location?.pathname ?? '/'), postLike: Math.max(rows, doc.querySelectorAll('article').length) };
  },
  theme(doc): Theme {
    // X paints the body inline: white by default, rgb(21, 32, 43) for "dim", black for "lights out". The
    // inline style is read, not the computed one, which would force a style recalculation on every pass.
    const bg = doc.body?.style.backgroundColor ?? '';
    if (bg === 'rgb(21, 32, 43)') return 'dim';
    if (bg === 'rgb(0, 0, 0)') return 'dark';
    return 'light';
  },
};
