/**
 * Automatic intake on the pages: every X capture and Facebook fixture, read as the post controller reads them
 * (the quiet read; the own accounts from the settings), through the content script's intake to the items it
 * would send. Which posts become cases, and why; and which never do.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import { DEFAULT_INTAKE, intakeRules, type IntakeSettings } from '../../src/domain/intake-settings';
import { DEFAULT_SETTINGS, type Settings } from '../../src/domain/settings';
import { Intake, type IntakeItem } from '../../src/content/intake';
import { isOwnAccount } from '../../src/content/own-account';
import { facebookAdapter } from '../../src/sites/facebook/adapter';
import type { SiteAdapter } from '../../src/sites/site-adapter';
import { xAdapter } from '../../src/sites/x/adapter';
import { loadPage } from '../support/fixtures';

async function takenOn(adapter: SiteAdapter, page: string, url: string, own: string, intake: Partial<IntakeSettings> = {}): Promise<IntakeItem[]> {
  const doc = loadPage(page, url);
  const settings: Settings = { ...DEFAULT_SETTINGS, ownAccounts: own, intake: { ...DEFAULT_INTAKE, ...intake } };
  const sent: IntakeItem[] = [];
  const detected: string[] = [];
  const taker = new Intake(adapter, { settings: () => settings, take: async (items) => (sent.push(...items), [] as Case[]), put: () => undefined, detected: (a) => detected.push(a) }, 0);
  const ids = new Set<string>();
  for (const el of doc.querySelectorAll(adapter.candidateSelector)) {
    if (!adapter.accepts(el)) continue;
    // As the post controller reads a post for its mark, and marks the municipality's own.
    const post = adapter.readQuiet ? adapter.readQuiet(el, 0) : adapter.readPost(el, 0, false);
    if (!post || ids.has(post.caseId)) continue;
    ids.add(post.caseId);
    if (!post.isOwn && isOwnAccount(post, own)) post.isOwn = true;
    taker.seen(post, el);
  }
  taker.reportAccount(doc);
  await new Promise((r) => setTimeout(r, 5));
  return sent;
}

const summary = (items: IntakeItem[]) => items.map((i) => `${i.post.caseId} ${i.reason} ${i.detail}`);

describe('automatic intake on X', () => {
  const MENTIONS = 'https://x.com/notifications/mentions';

  it('takes mentions and replies to the own account on the mentions page; never own posts, reposts, colleagues, ads, quotes of own tweets', async () => {
    const items = await takenOn(xAdapter, 'x/x-mentions-nl.html', MENTIONS, '@gemeentevoorbeeld', { teamAccounts: '@jan_gemeente' });
    expect(summary(items)).toEqual([
      'x:1790000000000000301 mention @gemeentevoorbeeld',
      'x:1790000000000000302 reply @gemeentevoorbeeld',
      'x:1790000000000000309 mention @gemeentevoorbeeld',
      'x:1790000000000000311 mention @gemeentevoorbeeld',
    ]);
    // The case is made from a full read: text, author and the reply it is.
    expect(items[1]!.post).toMatchObject({ text: 'Nog steeds geen antwoord over de container in de Dorpsstraat.', inReplyTo: '@gemeentevoorbeeld', author: { handle: '@pietdeboer' } });
    // Hostile text stays text.
    expect(items[3]!.post.text).toBe('<img src=x onerror="window.pwned=1"> </script> vraag aan @gemeentevoorbeeld');
  });

  it('without the team list a colleague’s mention is taken; with "mentions only" a reply is not; a hashtag is a keyword', async () => {
    const noTeam = await takenOn(xAdapter, 'x/x-mentions-nl.html', MENTIONS, '@gemeentevoorbeeld');
    expect(summary(noTeam)).toContain('x:1790000000000000305 mention @gemeentevoorbeeld');
    const mentionsOnly = await takenOn(xAdapter, 'x/x-mentions-nl.html', MENTIONS, '@gemeentevoorbeeld', { mentionsOnly: true, keywords: '#gemeentewesterzand' });
    expect(summary(mentionsOnly)).not.toContain('x:1790000000000000302 reply @gemeentevoorbeeld');
    expect(summary(mentionsOnly)).toContain('x:1790000000000000308 keyword #gemeentewesterzand');
  });

  it('takes nothing when intake is off for X, or no own account is set', async () => {
    expect(await takenOn(xAdapter, 'x/x-mentions-nl.html', MENTIONS, '@gemeentevoorbeeld', { sites: { x: false, facebook: true } })).toEqual([]);
    expect(await takenOn(xAdapter, 'x/x-mentions-nl.html', MENTIONS, '')).toEqual([]);
  });

  it('on the hand-made variants: the reply to @sannebakker is hers; the quote of the account’s tweet is no mention', async () => {
    expect(summary(await takenOn(xAdapter, 'x/x-variants-nl.html', 'https://x.com/home', '@sannebakker'))).toEqual(['x:1790000000000000204 reply @sannebakker']);
    // The variants name the account in a tweet's text as plain words (…201: X draws a real mention as a link,
    // this hand-made tweet does not), in a quoted tweet (…203: quoting is not addressing) and as the author of
    // its own reply (…210): none is a mention.
    expect(await takenOn(xAdapter, 'x/x-variants-nl.html', 'https://x.com/home', '@gemeentevoorbeeld')).toEqual([]);
    // A plain keyword looks at the text: …201 is then read in full, and its words name the account.
    expect(summary(await takenOn(xAdapter, 'x/x-variants-nl.html', 'https://x.com/home', '@gemeentevoorbeeld', { keywords: 'grijze container' }))).toEqual([
      'x:1790000000000000201 mention @gemeentevoorbeeld',
    ]);
  });

  it('on the bookmarks capture, takes exactly the tweet that mentions the account, and never the account’s own', async () => {
    // x-bookmarks.html: tweet …082 by @user83 mentions @user84 and @user85 in its text.
    expect(summary(await takenOn(xAdapter, 'x/x-bookmarks.html', 'https://x.com/i/bookmarks', '@user84'))).toEqual(['x:1000000000000000082 mention @user84']);
    // @user42 wrote two bookmarked tweets: the account's own posts are never cases.
    expect(await takenOn(xAdapter, 'x/x-bookmarks.html', 'https://x.com/i/bookmarks', '@user42')).toEqual([]);
  });

  // Nobody on these captures addresses @gemeentevoorbeeld; @bob's and @user6's own tweets do not address them.
  it.each([
    ['x/x-home.html', 'https://x.com/home'],
    ['x/x-home-rich.html', 'https://x.com/home'],
    ['x/x-profile.html', 'https://x.com/bob'],
    ['x/x-search.html', 'https://x.com/search?q=gemeente'],
    ['x/x-status.html', 'https://x.com/bob/status/1000000000000000001'],
    ['x/x-status-long.html', 'https://x.com/user6/status/1000000000000000006'],
  ])('takes nothing on %s', async (page, url) => {
    expect(await takenOn(xAdapter, page, url, '@gemeentevoorbeeld, @bob, @user6')).toEqual([]);
  });
});

describe('automatic intake on Facebook', () => {
  it('takes the comments and replies on the own Page’s posts, never the Page’s own', async () => {
    const items = await takenOn(facebookAdapter, 'facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld', 'Gemeente Voorbeeld');
    expect(summary(items)).toEqual([
      'fb:123456789012345/987654321098765 page-comment gemeente voorbeeld',
      'fb:123456789012345/555444333222111 page-comment gemeente voorbeeld',
      'fb:123456789012345/121212121212121 page-comment gemeente voorbeeld',
    ]);
    // Read in full for the case: the comment's posted time from the page, not the first sighting.
    expect(items[0]!.post.postedAtSource).not.toBe('first-seen');
    const timeline = await takenOn(facebookAdapter, 'facebook/timeline-2024-nl.html', 'https://www.facebook.com/gemeentevoorbeeld', 'gemeentevoorbeeld');
    expect(timeline.map((i) => i.reason)).toEqual(['page-comment', 'page-comment', 'page-comment']);
    expect(summary(await takenOn(facebookAdapter, 'facebook/photo-viewer-nl.html', 'https://www.facebook.com/photo/?fbid=990011223344556', 'Gemeente Voorbeeld'))).toEqual([
      'fb:990011223344556/333222111000 page-comment gemeente voorbeeld',
    ]);
  });

  it('takes nothing under another Page’s posts, in groups, or from ads', async () => {
    // feed-2022-en.html: Town of Example's post with comments, and an ad with a comment.
    expect(await takenOn(facebookAdapter, 'facebook/feed-2022-en.html', 'https://www.facebook.com/', 'Gemeente Voorbeeld')).toEqual([]);
    const town = await takenOn(facebookAdapter, 'facebook/feed-2022-en.html', 'https://www.facebook.com/', 'Town of Example');
    expect(town.map((i) => i.post.author.name)).toEqual(['Pat Morgan', 'Lee Chan']);
    expect(await takenOn(facebookAdapter, 'facebook/group-feed-nl.html', 'https://www.facebook.com/groups/wijzijnnoord', 'Gemeente Voorbeeld')).toEqual([]);
    expect(await takenOn(facebookAdapter, 'facebook/feed-2025-nl.html', 'https://www.facebook.com/', 'Gemeente Voorbeeld')).toEqual([]);
    // A keyword finds a group post that names the municipality's topic.
    expect(summary(await takenOn(facebookAdapter, 'facebook/group-feed-nl.html', 'https://www.facebook.com/groups/wijzijnnoord', 'Gemeente Voorbeeld', { keywords: 'straatverlichting' }))).toEqual([
      'fb:3344556677889900 keyword straatverlichting',
    ]);
  });

  it('takes a visitor post on the Page: "Kees ▸ Gemeente Voorbeeld", or another author on the Page’s own timeline', async () => {
    const doc = loadPage('facebook/group-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');
    // The group feed's first post, posted on the Page instead: its header names the Page after the author.
    const name = doc.querySelector('[data-ad-rendering-role="profile_name"]')!;
    name.insertAdjacentHTML('beforeend', ' ▸ <a href="https://www.facebook.com/gemeentevoorbeeld?__cft__[0]=AZ1" role="link">Gemeente Voorbeeld</a>');
    const post = facebookAdapter.readPost(name.closest('div[aria-posinset]')!, 0, false)!;
    const read = facebookAdapter.readAddressing!(name.closest('div[aria-posinset]')!, post, intakeRules(DEFAULT_INTAKE, 'Gemeente Voorbeeld'));
    expect(read?.addressing.postedOn).toEqual({ name: 'Gemeente Voorbeeld', profile: 'gemeentevoorbeeld' });
    // The other posts of that feed, shown on the Page's own timeline, are visitor posts too.
    const items = await takenOn(facebookAdapter, 'facebook/group-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld', 'gemeentevoorbeeld');
    expect(items.map((i) => i.reason)).toEqual(['visitor-post', 'visitor-post']);
  });
});
