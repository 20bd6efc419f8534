/**
 * Automatic intake's rules (issue #17, item 1): is this post addressed to the municipality, so that it should
 * become a case without a click? Pure: the site adapter reads what the page shows of a post (its
 * addressing), the settings give the own accounts, the team's accounts and the intake switches, and this
 * says yes with a reason, or no with a reason. The content script asks only for posts that can match.
 *
 * Matches:
 * - `mention`: the post's own text mentions an own account (X, or a Facebook comment that tags the Page).
 *   A quoted tweet's text is not the post's: quoting an own tweet is not a mention.
 * - `reply`: an X reply to an own account ("Replying to @gemeente"); not with "mentions only".
 * - `page-comment`: a Facebook comment or reply on a post of an own Page.
 * - `visitor-post`: a Facebook post on an own Page by someone else (the Page is named after the author:
 *   "Jan ▸ Gemeente Voorbeeld", or it is the Page being shown).
 * - `keyword`: the text holds one of the extra keywords or hashtags (`#gemeentewesterzand`).
 * Never: the municipality's own posts, reposts, colleagues' posts (the team list), ads.
 */
import type { Site } from './site';

export const INTAKE_REASONS = ['mention', 'reply', 'page-comment', 'visitor-post', 'keyword'] as const;
export type IntakeReason = (typeof INTAKE_REASONS)[number];

export type IntakeSkip = 'off' | 'nothing-to-match' | 'ad' | 'own' | 'repost' | 'team' | 'mentions-only' | 'not-addressed';

/** An account as a page shows it: an X handle, a display name, a Facebook profile's slug or number. */
export interface AccountRef {
  name?: string;
  /** "@gemeente" (X). */
  handle?: string;
  /** Facebook: the profile's path ("gemeentevoorbeeld") or its number ("100064…" from `profile.php?id=`). */
  profile?: string;
}

/** What a site adapter reads of a post for intake: who wrote it, and whom it addresses. */
export interface PostAddressing {
  site: Site;
  /** A comment or reply on a post (Facebook), as opposed to a post. */
  comment: boolean;
  author: AccountRef;
  /** Written by the account the agent is logged in as. */
  isOwn?: boolean;
  isRepost?: boolean;
  isAd?: boolean;
  /** Accounts the post's own text mentions (not a quoted post's). */
  mentions: AccountRef[];
  /** X: the accounts a reply answers ("Replying to @…"). */
  replyingTo: AccountRef[];
  /** The post's own text (keywords and hashtags are looked for in it). */
  text: string;
  /** Facebook, a comment: the author of the post it is on. */
  postAuthor?: AccountRef;
  /** Facebook, a post: the Page or profile it was posted on, when that is not its author. */
  postedOn?: AccountRef;
}

export type IntakeDecision = { match: true; reason: IntakeReason; detail: string } | { match: false; skip: IntakeSkip };

/** The intake settings as the rules use them: accounts normalised once, not per post. */
export interface IntakeRules {
  sites: Readonly<Record<string, boolean>>;
  mentionsOnly: boolean;
  own: AccountSet;
  team: AccountSet;
  /** Lower case; hashtags keep their '#'. */
  keywords: readonly string[];
}

/** A list of accounts, written as in the settings: "@gemeente, Gemeente Voorbeeld, 100064123456789". */
export class AccountSet {
  /** X handles without '@', lower case. */
  readonly handles = new Set<string>();
  /** Names and Facebook profile slugs or numbers, lower case, spaces collapsed. */
  readonly names = new Set<string>();

  constructor(text: string) {
    for (const raw of text.split(',')) {
      const entry = norm(raw);
      if (entry === '') continue;
      if (entry.startsWith('@')) this.handles.add(entry.slice(1));
      else this.names.add(profileOf(entry) ?? entry);
    }
  }

  get size(): number {
    return this.handles.size + this.names.size;
  }

  /** The entry an account matches, as written ("@gemeente", "gemeente voorbeeld"), or undefined. */
  match(account: AccountRef | undefined): string | undefined {
    if (!account) return undefined;
    const handle = account.handle ? norm(account.handle).replace(/^@/, '') : '';
    if (handle !== '' && this.handles.has(handle)) return `@${handle}`;
    for (const value of [account.profile, account.name]) {
      const n = value ? norm(value) : '';
      if (n !== '' && this.names.has(n)) return n;
    }
    return undefined;
  }
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "https://www.facebook.com/gemeentevoorbeeld" or "facebook.com/profile.php?id=1" → the slug or number. */
function profileOf(entry: string): string | undefined {
  const m = /facebook\.com\/(?:profile\.php\?id=([0-9]+)|([^/?#\s]+))/.exec(entry);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Keywords as written in the settings ("#gemeentewesterzand, grofvuil"): comma- or space-separated phrases. */
export function parseKeywords(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map(norm).filter((k) => k !== '' && k !== '#'))];
}

/** Whether any rule can match at all on this site: otherwise the content script does nothing per post. */
export function intakeActive(rules: IntakeRules, site: Site): boolean {
  return rules.sites[site] === true && (rules.own.size > 0 || rules.keywords.length > 0);
}

/**
 * The part of the decision the cheap read settles: the post is out whatever else it shows (own, a repost,
 * a colleague's). Undefined: read on.
 */
export function skipByAuthor(post: Pick<PostAddressing, 'author' | 'isOwn' | 'isRepost' | 'isAd'>, rules: IntakeRules): IntakeSkip | undefined {
  if (post.isAd) return 'ad';
  if (post.isOwn || rules.own.match(post.author) !== undefined) return 'own';
  if (post.isRepost) return 'repost';
  if (rules.team.match(post.author) !== undefined) return 'team';
  return undefined;
}

function keywordIn(text: string, keywords: readonly string[]): string | undefined {
  if (keywords.length === 0 || text === '') return undefined;
  const lower = ` ${norm(text)} `;
  return keywords.find((k) => {
    // A hashtag or word counts whole: "#westerzand" is not in "#westerzandnieuws".
    const at = lower.indexOf(k);
    if (at < 0) return false;
    for (let i = at; i >= 0; i = lower.indexOf(k, i + 1)) {
      const before = lower[i - 1] ?? ' ';
      const after = lower[i + k.length] ?? ' ';
      if (!/[\p{L}\p{N}_]/u.test(before) && !/[\p{L}\p{N}_]/u.test(after)) return true;
    }
    return false;
  });
}

export function decideIntake(post: PostAddressing, rules: IntakeRules): IntakeDecision {
  if (rules.sites[post.site] !== true) return { match: false, skip: 'off' };
  if (rules.own.size === 0 && rules.keywords.length === 0) return { match: false, skip: 'nothing-to-match' };
  const skip = skipByAuthor(post, rules);
  if (skip) return { match: false, skip };
  for (const m of post.mentions) {
    const own = rules.own.match(m);
    if (own) return { match: true, reason: 'mention', detail: own };
  }
  if (post.comment) {
    const page = rules.own.match(post.postAuthor);
    if (page) return { match: true, reason: 'page-comment', detail: page };
  } else {
    const page = rules.own.match(post.postedOn);
    if (page) return { match: true, reason: 'visitor-post', detail: page };
  }
  let repliesToOwn: string | undefined;
  for (const r of post.replyingTo) repliesToOwn ??= rules.own.match(r);
  if (repliesToOwn && !rules.mentionsOnly) return { match: true, reason: 'reply', detail: repliesToOwn };
  const keyword = keywordIn(post.text, rules.keywords);
  if (keyword) return { match: true, reason: 'keyword', detail: keyword };
  return { match: false, skip: repliesToOwn ? 'mentions-only' : 'not-addressed' };
}

/** Mentions in a text ("@gemeente"), in order, each once. */
export function mentionsIn(text: string): AccountRef[] {
  const handles = new Set<string>();
  for (const m of text.matchAll(/(?:^|[^\p{L}\p{N}_@])@([A-Za-z0-9_]{1,30})/gu)) handles.add(m[1]!);
  return [...handles].map((h) => ({ handle: `@${h}` }));
}
