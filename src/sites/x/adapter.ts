/** The x.com (and twitter.com) adapter. */
import type { SiteAdapter } from '../site-adapter';
import type { Theme } from '../../ui/theme';
import { xComposer } from './composer';
import { readXPost } from './read-post';
import { X } from './selectors';

export const xAdapter: SiteAdapter = {
  site: 'x',
  candidateSelector: X.tweet,
  accepts(article) {
    return article.closest(X.promotedWrapper) === null;
  },
  readPost: readXPost,
  composer: xComposer,
  mountPoint(article) {
    const reply = [...article.querySelectorAll(X.actionBarButton)].find((b) => b.closest(X.quoted) === null);
    const bar = reply?.closest(X.actionBar);
    if (!bar?.parentElement) return null;
    return { parent: bar.parentElement, before: bar.nextSibling };
  },
  theme(doc): Theme {
    // X paints the body: white by default, rgb(21, 32, 43) for "dim", black for "lights out".
    const bg = doc.body ? getComputedStyle(doc.body).backgroundColor : '';
    if (bg === 'rgb(21, 32, 43)') return 'dim';
    if (bg === 'rgb(0, 0, 0)') return 'dark';
    return 'light';
  },
};
