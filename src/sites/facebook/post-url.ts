/**
 * Facebook's many permalink shapes, reduced to ids and a canonical URL without tracking parameters.
 * Pure string logic, unit-tested.
 */
const ID = '(pfbid[0-9A-Za-z]{10,80}|[0-9]{1,25})';
const POST_PATHS: RegExp[] = [
  new RegExp(`^/groups/([^/]+)/(?:posts|permalink)/${ID}/?$`),
  new RegExp(`^/([^/]+)/posts/${ID}/?$`),
  new RegExp(`^/([^/]+)/videos/(?:[^/]+/)?${ID}/?$`),
  new RegExp(`^/reel/${ID}/?$`),
];
const FB_ID = new RegExp(`^${ID}$`);

export interface FacebookLink {
  postId: string;
  /**
   * `photo`: an attachment's `photo/?fbid=` link — the photo's id, which names the post only on that photo's
   * own viewer. `post`: anything else (a photo link whose `set=gm.<n>` / `set=pcb.<n>` names its post is a
   * `post` link to that number).
   */
  kind: 'post' | 'photo';
  commentId?: string;
  /** The post's number as a base64 `comment_id` ("comment:<post>_<comment>") names it, when it does. */
  commentPost?: string;
  /** https://www.facebook.com/… with only the parameters that name the post or comment. */
  url: string;
}

/**
 * Remembers what `fn` made of recent hrefs: a post's and a comment's links are read again on every pass that
 * touches them (the key, the quiet read, the time link, the author), and parsing a URL is most of that cost.
 * Bounded: emptied when full. The results are frozen, shared by every caller.
 */
export function byHref<T>(fn: (href: string) => T): (href: string) => T {
  const known = new Map<string, T>();
  return (href) => {
    if (known.has(href)) return known.get(href)!;
    const value = fn(href);
    if (known.size >= 4096) known.clear();
    known.set(href, typeof value === 'object' && value !== null ? Object.freeze(value) : value);
    return value;
  };
}

const parseCached = byHref(parseLink);

/** What a link names: a post (and a comment of it), with its canonical URL; null for anything else. */
export function parseFacebookUrl(href: string | null | undefined): FacebookLink | null {
  if (!href || href === '#') return null;
  return parseCached(href);
}

function parseLink(href: string): FacebookLink | null {
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com');
  } catch {
    return null;
  }
  if (!/(^|\.)facebook\.com$/.test(url.hostname)) return null;
  const params = url.searchParams;
  let postId: string | undefined;
  let kind: FacebookLink['kind'] = 'post';
  let path = url.pathname;
  const keep = new URLSearchParams();
  for (const pattern of POST_PATHS) {
    const match = pattern.exec(url.pathname);
    if (match) {
      postId = match[match.length - 1];
      break;
    }
  }
  if (postId === undefined && /^\/(?:permalink|story)\.php$/.test(url.pathname)) {
    const story = params.get('story_fbid') ?? '';
    if (FB_ID.test(story)) {
      postId = story;
      keep.set('story_fbid', story);
      const owner = params.get('id');
      if (owner && /^[0-9]{1,25}$/.test(owner)) keep.set('id', owner);
    }
  }
  if (postId === undefined && /^\/photo(?:\.php|\/)?$/.test(url.pathname)) {
    // The photo viewer: a photo post is named by its fbid.
    const fbid = params.get('fbid') ?? '';
    const set = /^(?:gm|pcb)\.([0-9]{1,25})$/.exec(params.get('set') ?? '');
    if (set && params.get('comment_id') === null) {
      // A photo of a post (2025: group `gm.`, Page `pcb.`): the set names the post.
      postId = set[1]!;
      path = `/${postId}`;
    } else if (/^[0-9]{1,25}$/.test(fbid)) {
      postId = fbid;
      kind = 'photo';
      path = '/photo/';
      keep.set('fbid', fbid);
    }
  }
  if (postId === undefined) {
    const multi = params.get('multi_permalinks') ?? '';
    if (/^\/groups\/[^/]+\/?$/.test(url.pathname) && FB_ID.test(multi)) {
      postId = multi;
      path = `${url.pathname.replace(/\/$/, '')}/posts/${multi}/`;
    }
  }
  if (postId === undefined) return null;
  const comment = commentIdFrom(params.get('reply_comment_id')) ?? commentIdFrom(params.get('comment_id'));
  const commentPost = decodeCommentId(params.get('comment_id'))?.postId;
  if (params.get('comment_id')) keep.set('comment_id', commentIdFrom(params.get('comment_id')) ?? '');
  if (params.get('reply_comment_id')) keep.set('reply_comment_id', commentIdFrom(params.get('reply_comment_id')) ?? '');
  const query = keep.toString();
  return {
    postId,
    kind,
    ...(comment !== undefined ? { commentId: comment } : {}),
    ...(commentPost !== undefined ? { commentPost } : {}),
    url: `https://www.facebook.com${path}${query ? `?${query}` : ''}`,
  };
}

/**
 * comment_id is numeric, or base64 of "comment:<post>_<comment>" in newer links; either way the comment's own
 * number is what identifies it.
 */
export function commentIdFrom(value: string | null): string | undefined {
  if (!value) return undefined;
  if (/^[0-9]{1,25}$/.test(value)) return value;
  return decodeCommentId(value)?.commentId;
}

/** A base64 `comment_id`: "comment:<post>_<comment>" names the post by number as well as the comment. */
export function decodeCommentId(value: string | null): { postId: string; commentId: string } | undefined {
  if (!value || /^[0-9]+$/.test(value)) return undefined;
  try {
    const decoded = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const match = /^comment:([0-9]{1,25})_([0-9]{1,25})$/.exec(decoded);
    return match ? { postId: match[1]!, commentId: match[2]! } : undefined;
  } catch {
    return undefined;
  }
}
