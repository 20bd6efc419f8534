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
  commentId?: string;
  /** https://www.facebook.com/… with only the parameters that name the post or comment. */
  url: string;
}

export function parseFacebookUrl(href: string | null | undefined): FacebookLink | null {
  if (!href || href === '#') return null;
  let url: URL;
  try {
    url = new URL(href, 'https://www.facebook.com');
  } catch {
    return null;
  }
  if (!/(^|\.)facebook\.com$/.test(url.hostname)) return null;
  const params = url.searchParams;
  let postId: string | undefined;
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
    if (/^[0-9]{1,25}$/.test(fbid)) {
      postId = fbid;
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
  if (params.get('comment_id')) keep.set('comment_id', commentIdFrom(params.get('comment_id')) ?? '');
  if (params.get('reply_comment_id')) keep.set('reply_comment_id', commentIdFrom(params.get('reply_comment_id')) ?? '');
  const query = keep.toString();
  return {
    postId,
    ...(comment !== undefined ? { commentId: comment } : {}),
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
  try {
    const decoded = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
    const match = /^comment:[0-9]+_([0-9]{1,25})$/.exec(decoded);
    return match?.[1];
  } catch {
    return undefined;
  }
}
