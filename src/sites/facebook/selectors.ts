/**
 * Every facebook.com selector Loket depends on, each with what it matches. Facebook generates its class
 * names on every deploy and translates every label, so only roles, data attributes and href shapes are
 * used. Evidence: test/fixtures/facebook/ (hand-built from the facts in the project's notes, Dutch and
 * English UI) and the unit tests in test/sites/facebook/.
 */
export const FB = {
  /** A post in a feed (logged in) — the feed marks each unit with its position. */
  feedPost: 'div[aria-posinset]',
  /** A post outside a feed (a post's own page) or a comment/reply (those carry an aria-label). */
  article: 'div[role="article"]',
  /** The photo/video viewer: a modal dialog holding the post's text and its comments beside the media. */
  viewer: 'div[role="dialog"]',
  /** A comment or reply: an article with an (translated) aria-label, nested in a post. */
  comment: 'div[role="article"][aria-label]',
  /** The post's message text (one of these, depending on the layout). */
  message: '[data-ad-rendering-role="story_message"], [data-ad-comet-preview="message"], [data-ad-preview="message"]',
  /** The post author's name. */
  profileName: '[data-ad-rendering-role="profile_name"]',
  /** Old layout only: a timestamp in Unix seconds. */
  utime: 'abbr[data-utime]',
  /** An ad's "why am I seeing this" link: its presence marks a sponsored post. */
  adLink: 'a[href^="/ads/"], a[href*="facebook.com/ads/"]',
  /** 2020 ads: the labelled link to the advertiser through Facebook's off-site redirect (l.facebook.com). */
  adRedirectLink: 'a[aria-label][href*="l.facebook.com/l.php"]',
  /** 2025 ads: the byline link is a bare query (`?__cft__[0]=…`), with the `meta` marker beside it. */
  queryOnlyLink: 'a[href^="?"]',
  adMeta: '[data-ad-rendering-role="meta"]',
  /** 2020 ads: a span or link labelled by a hidden word elsewhere in the page (the scrambled "Sponsored"). */
  labelledBy: 'span[aria-labelledby], a[aria-labelledby]',
  /** 2025: a unit Facebook has emptied because it is off-screen (virtualised); it fills in when scrolled near. */
  virtualised: '[data-virtualized="true"]',
  /** The Lexical comment box (under a post, or a reply box under a comment). */
  commentBox: 'div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]',
  /**
   * Whom a comment box posts as: a Page admin's box says "Reageren als Gemeente Voorbeeld" / "Comment as …"
   * in its placeholder (or label). Translated, so matched in the two languages Loket supports; the name is
   * what follows. Medium confidence (the issue's and the notes' wording; fixtures post-en.html and
   * photo-viewer-nl.html). Other UI languages find nothing, and then Loket warns about nothing.
   */
  commentAs: /^(?:Reageren als|Opmerking plaatsen als|Antwoorden als|Comment as|Reply as)\s+(.+?)\s*(?:…|\.\.\.)?$/,
  /** Buttons are divs with a role; a comment's own action list reads "like · reply · time". */
  button: '[role="button"]',
  /**
   * Position of "reply" among a comment's own buttons (labels are translated, so not matched). Medium
   * confidence: the order like · reply has held for years, but nothing structural names the button.
   */
  replyButtonIndex: 1,
  /**
   * A permalink that Facebook fills in only on hover or focus: `#` (2021–2024) or, 2025, only the tracking
   * query on the home URL (`https://www.facebook.com/?__cft__[0]=…`).
   */
  hiddenPermalink: 'a[href="#"][role="link"], a[href^="https://www.facebook.com/?__cft__"][role="link"]',
} as const;
