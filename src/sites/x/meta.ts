/** x.com (and twitter.com) without its DOM: see ../site-meta.ts. */
import { defineSite } from '../site-meta';

/** A status id: digits (a snowflake id today; the limit only catches garbage). */
const STATUS_ID = /^[0-9]{1,25}$/;

export const X_META = defineSite({
  id: 'x',
  label: 'X',
  domains: ['x.com', 'twitter.com'],
  hosts: ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com'],
  caseId: {
    // x:<status id> — a reply is a tweet of its own, so X ids have no comment part.
    prefix: 'x',
    parse: (key) => (STATUS_ID.test(key) ? { postId: key } : null),
    format: (postId, commentId) => (commentId === undefined ? postId : `${postId}/${commentId}`),
  },
  // Answering within an hour of office time is common practice on X.
  firstResponseMinutes: 60,
  ownAccount: 'handle',
  ownAccountHelp: 'X handles, with or without @, e.g. ["@gemeentevoorbeeld"].',
  replyLength: 'twitter-text',
});
