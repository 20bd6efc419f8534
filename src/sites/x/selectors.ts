/**
 * Every x.com selector Loket depends on, each with what it matches. Structure and test ids only: no
 * generated classes, no label text (X is used in Dutch and English). Evidence: test/fixtures/x/ (real
 * captures) and the unit tests in test/sites/x/.
 */
export const X = {
  /** A tweet: in timelines (tabindex 0) and the focal tweet on a /status/ page (tabindex -1). */
  tweet: 'article[data-testid="tweet"]',
  /** Ads wrap the article: an ancestor, never a descendant (X also uses it around video players). */
  promotedWrapper: '[data-testid="placementTracking"]',
  /** A quoted tweet inside a tweet: a link-role block, not a nested article. */
  quoted: 'div[role="link"][tabindex="0"]',
  /** "X reposted" line above a repost. */
  socialContext: '[data-testid="socialContext"]',
  /** Author block: first link = display name, an @-link = handle, a time link = permalink. */
  userName: '[data-testid="User-Name"]',
  tweetText: '[data-testid="tweetText"]',
  /** An in-app link to a profile; the one with "@handle" text between the author and the text is "Replying to". */
  profileLink: 'a[role="link"][href^="/"]',
  /** A link to a tweet that holds its time: the permalink. */
  timeLink: 'a[href*="/status/"]',
  time: 'time[datetime]',
  /** The action bar (reply, repost, like, bookmark). Our toolbar goes right after it. */
  actionBarButton: '[data-testid="reply"]',
  actionBar: '[role="group"]',
  /** X's Draft.js composer (inline reply box and reply dialog; thread parts are _1, _2 …). */
  composerEditor: '[data-testid^="tweetTextarea_"][contenteditable="true"]',
  /** The mobile layout's composer: a textarea under the same test id. */
  composerTextarea: 'div[data-testid^="tweetTextarea"] textarea',
  /** Send buttons: inline reply box, and the reply dialog. aria-disabled="true" until the editor has text. */
  submitInline: 'button[data-testid="tweetButtonInline"]',
  submitDialog: 'button[data-testid="tweetButton"]',
  /** The reply dialog (rendered into #layers). */
  dialog: '[role="dialog"][aria-modal="true"]',
  /** A row of a virtualised list (timeline, search, conversation). */
  row: 'div[data-testid="cellInnerDiv"]',
  /**
   * The logged-in account's profile link in the side navigation; its href is "/<handle>" (every capture in
   * test/fixtures/x/ has one: x-home.html "/alice", x-bookmarks.html "/user74").
   */
  ownProfileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
} as const;
