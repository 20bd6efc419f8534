/** facebook.com without its DOM: see ../site-meta.ts. */
import { defineSite } from '../site-meta';

// Facebook ids are numeric or pfbid… (base58-like, letters and digits).
const FB_ID = /^(?:[0-9]{1,25}|pfbid[0-9A-Za-z]{10,80})$/;

export const FACEBOOK_META = defineSite({
  id: 'facebook',
  label: 'Facebook',
  domains: ['facebook.com'],
  hosts: ['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com'],
  caseId: {
    // fb:<post id> for a post, fb:<post id>/<comment id> for a comment or reply (the reply's own comment id).
    prefix: 'fb',
    parse(key) {
      const [postId, commentId, ...rest] = key.split('/');
      if (rest.length > 0 || postId === undefined || !FB_ID.test(postId)) return null;
      if (commentId === undefined) return { postId };
      return FB_ID.test(commentId) ? { postId, commentId } : null;
    },
    format: (postId, commentId) => (commentId === undefined ? postId : `${postId}/${commentId}`),
  },
  // Facebook is usually answered more slowly than X.
  firstResponseMinutes: 240,
  ownAccount: 'name',
  ownAccountHelp: 'Facebook Page names exactly as the Page shows them, e.g. ["Gemeente Voorbeeld"].',
});
