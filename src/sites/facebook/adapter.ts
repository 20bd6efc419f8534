/** The facebook.com adapter: feed posts, single posts, comments and replies. */
import type { Theme } from '../../domain/page-theme';
import type { SiteAdapter } from '../site-adapter';
import { facebookActingAccount } from './acting-account';
import { facebookComposer } from './composer';
import { pendingKey, pendingPost, revealPermalinks } from './pending';
import { quietPoint } from './quiet-point';
import { isComment, isSponsored, isSponsoredPost, postOf, readFacebookKey, readFacebookPost, readFacebookQuiet } from './read-post';
import { readFacebookAddressing } from './intake-read';
import { FB } from './selectors';

export function facebookPageKind(path: string): string {
  if (path === '/' || path === '/home.php') return 'feed';
  if (path.startsWith('/groups/')) return 'group';
  if (/\/posts\/|^\/permalink\.php|^\/story\.php/.test(path)) return 'post';
  if (/^\/photo|\/photos\/|^\/watch|\/videos\//.test(path)) return 'media';
  return 'page';
}

export const facebookAdapter: SiteAdapter = {
  site: 'facebook',
  candidateSelector: `${FB.feedPost}, ${FB.article}, ${FB.viewer}`,
  dialogSelector: FB.viewer,
  accepts(el) {
    if (isComment(el)) {
      const post = postOf(el);
      return post === null || !isSponsoredPost(post);
    }
    // A dialog is a post only when it is the media viewer showing one (an author and text beside the media).
    if (el.matches(FB.viewer)) return el.querySelector(FB.profileName) !== null && el.closest(FB.feedPost) === null;
    // 2021: a feed unit may wrap an article of its own: the feed unit is the post. (2022–2024 the unit is
    // itself the article: `div[aria-posinset][role="article"]`.) An unlabelled article inside another post
    // is a shared post shown in it, not a post of its own.
    if (el.matches(FB.article) && !el.matches(FB.feedPost) && el.parentElement?.closest(`${FB.feedPost}, ${FB.article}`)) return false;
    if (el.matches(FB.virtualised)) return false;
    return !isSponsored(el);
  },
  // A post whose id the page hides until hovered (2025) still gets its mark: under a placeholder key, marked
  // `idPending`, until its link fills in (pending.ts).
  readPost: (el, firstSeen, full) => readFacebookPost(el, firstSeen, full) ?? pendingPost(el, firstSeen),
  readQuiet: (el, firstSeen) => readFacebookQuiet(el, firstSeen) ?? pendingPost(el, firstSeen),
  readKey: (el) => readFacebookKey(el) ?? pendingKey(el),
  readAddressing: readFacebookAddressing,
  reveal: revealPermalinks,
  quietPoint,
  actingAccount: facebookActingAccount,
  composer: facebookComposer,
  mountPoint(el) {
    if (isComment(el)) return { parent: el, before: null };
    // Between the post (with its action bar) and its comments, so the toolbar reads with the post: before
    // the largest block that holds the comments but not the post's own header or message.
    const firstComment = el.querySelector(FB.comment);
    const header = el.querySelector(`${FB.profileName}, ${FB.message}`);
    if (!firstComment || !header) return { parent: el, before: null };
    let branch: Element = firstComment;
    while (branch.parentElement && branch.parentElement !== el && !branch.parentElement.contains(header)) branch = branch.parentElement;
    return { parent: branch.parentElement ?? el, before: branch };
  },
  health(doc) {
    const feedUnits = doc.querySelectorAll('[role="feed"] > div').length;
    // What Loket makes of the page: the post units it accepts, how many of those yield an id, and comments.
    let posts = 0;
    let postsWithId = 0;
    let comments = 0;
    for (const el of doc.querySelectorAll(this.candidateSelector)) {
      if (!this.accepts(el)) continue;
      if (isComment(el)) comments++;
      else {
        posts++;
        if (readFacebookKey(el) !== null) postsWithId++;
      }
    }
    return {
      pageKind: facebookPageKind(doc.location?.pathname ?? '/'),
      postLike: Math.max(feedUnits, doc.querySelectorAll(`${FB.feedPost}, ${FB.article}`).length),
      posts,
      postsWithId,
      comments,
    };
  },
  theme(doc): Theme {
    return doc.documentElement.classList.contains('__fb-dark-mode') ? 'dark' : 'light';
  },
};
