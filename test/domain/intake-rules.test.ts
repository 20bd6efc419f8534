import { describe, expect, it } from 'vitest';
import { AccountSet, decideIntake, mentionsIn, parseKeywords, type PostAddressing } from '../../src/domain/intake-rules';
import { DEFAULT_INTAKE, intakeRules } from '../../src/domain/intake-settings';

const OWN = '@gemeentevoorbeeld, Gemeente Voorbeeld, 100064123456789';
const rules = (patch: Partial<typeof DEFAULT_INTAKE> = {}, own = OWN) => intakeRules({ ...DEFAULT_INTAKE, ...patch }, own);

const tweet = (patch: Partial<PostAddressing> = {}): PostAddressing => ({
  site: 'x',
  comment: false,
  author: { name: 'Marieke', handle: '@mariekedv' },
  mentions: [],
  replyingTo: [],
  text: '',
  ...patch,
});
const fb = (patch: Partial<PostAddressing> = {}): PostAddressing => ({ ...tweet(), site: 'facebook', author: { name: 'Jan Jansen', profile: 'jan.jansen.1234' }, ...patch });

describe('automatic intake: which posts are addressed to the municipality', () => {
  it('takes an X mention of an own account, whatever its capitals', () => {
    expect(decideIntake(tweet({ mentions: [{ handle: '@GemeenteVoorbeeld' }] }), rules())).toEqual({ match: true, reason: 'mention', detail: '@gemeentevoorbeeld' });
  });

  it('takes a reply to an own account, but not with "mentions only"', () => {
    const reply = tweet({ replyingTo: [{ handle: '@gemeentevoorbeeld' }] });
    expect(decideIntake(reply, rules())).toEqual({ match: true, reason: 'reply', detail: '@gemeentevoorbeeld' });
    expect(decideIntake(reply, rules({ mentionsOnly: true }))).toEqual({ match: false, skip: 'mentions-only' });
    // A reply that also names the account in its own words is a mention.
    expect(decideIntake({ ...reply, mentions: [{ handle: '@gemeentevoorbeeld' }] }, rules({ mentionsOnly: true }))).toMatchObject({ match: true, reason: 'mention' });
  });

  it('never takes own posts, reposts, colleagues’ posts or ads', () => {
    const addressed = { mentions: [{ handle: '@gemeentevoorbeeld' }] };
    expect(decideIntake(tweet({ ...addressed, author: { name: 'Gemeente Voorbeeld', handle: '@gemeentevoorbeeld' } }), rules())).toEqual({ match: false, skip: 'own' });
    expect(decideIntake(tweet({ ...addressed, isOwn: true }), rules())).toEqual({ match: false, skip: 'own' });
    expect(decideIntake(tweet({ ...addressed, isRepost: true }), rules())).toEqual({ match: false, skip: 'repost' });
    expect(decideIntake(tweet({ ...addressed, isAd: true }), rules())).toEqual({ match: false, skip: 'ad' });
    const team = rules({ teamAccounts: '@jan_gemeente, Jan Jansen' });
    expect(decideIntake(tweet({ ...addressed, author: { name: 'Jan', handle: '@Jan_Gemeente' } }), team)).toEqual({ match: false, skip: 'team' });
    expect(decideIntake(fb({ comment: true, postAuthor: { name: 'Gemeente Voorbeeld' } }), team)).toEqual({ match: false, skip: 'team' });
  });

  it('does not take a handle that only starts like an own one, or a post addressed to nobody', () => {
    expect(decideIntake(tweet({ mentions: [{ handle: '@gemeentevoorbeeldfan' }] }), rules())).toEqual({ match: false, skip: 'not-addressed' });
    expect(decideIntake(tweet({ text: 'gewoon een bericht' }), rules())).toEqual({ match: false, skip: 'not-addressed' });
  });

  it('takes a Facebook comment on an own Page’s post — by name, Page path or number — and not on another Page’s', () => {
    expect(decideIntake(fb({ comment: true, postAuthor: { name: 'Gemeente Voorbeeld', profile: 'gemeentevoorbeeld' } }), rules())).toEqual({ match: true, reason: 'page-comment', detail: 'gemeente voorbeeld' });
    expect(decideIntake(fb({ comment: true, postAuthor: { name: 'Gemeente Voorbeeld (oud)', profile: '100064123456789' } }), rules())).toMatchObject({ match: true, reason: 'page-comment' });
    expect(decideIntake(fb({ comment: true, postAuthor: { name: 'Gemeente Voorbeeld', profile: 'gemeentevoorbeeld' } }), rules({}, 'https://www.facebook.com/gemeentevoorbeeld'))).toMatchObject({ match: true });
    expect(decideIntake(fb({ comment: true, postAuthor: { name: 'Town of Example', profile: 'townofexample' } }), rules())).toEqual({ match: false, skip: 'not-addressed' });
    // The Page's own comment under its post is its reply, not incoming work.
    expect(decideIntake(fb({ comment: true, author: { name: 'Gemeente Voorbeeld', profile: 'gemeentevoorbeeld' }, postAuthor: { name: 'Gemeente Voorbeeld' } }), rules())).toEqual({ match: false, skip: 'own' });
  });

  it('takes a visitor post on an own Page', () => {
    expect(decideIntake(fb({ postedOn: { name: 'Gemeente Voorbeeld', profile: 'gemeentevoorbeeld' } }), rules())).toEqual({ match: true, reason: 'visitor-post', detail: 'gemeente voorbeeld' });
    expect(decideIntake(fb({ postedOn: { profile: 'townofexample' } }), rules())).toEqual({ match: false, skip: 'not-addressed' });
  });

  it('takes a post with an extra keyword or hashtag, as a whole word', () => {
    const withTag = rules({ keywords: '#GemeenteWesterzand, grofvuil' });
    expect(decideIntake(tweet({ text: 'Wanneer is de markt? #gemeentewesterzand' }), withTag)).toEqual({ match: true, reason: 'keyword', detail: '#gemeentewesterzand' });
    expect(decideIntake(fb({ text: 'Grofvuil ophalen, hoe?' }), withTag)).toEqual({ match: true, reason: 'keyword', detail: 'grofvuil' });
    expect(decideIntake(tweet({ text: '#gemeentewesterzandnieuws' }), withTag)).toEqual({ match: false, skip: 'not-addressed' });
    expect(decideIntake(tweet({ text: 'grofvuilophaaldienst' }), withTag)).toEqual({ match: false, skip: 'not-addressed' });
    // Keywords work without own accounts.
    expect(decideIntake(tweet({ text: 'grofvuil?' }), rules({ keywords: 'grofvuil' }, ''))).toMatchObject({ match: true, reason: 'keyword' });
  });

  it('is off per channel, and does nothing without own accounts or keywords', () => {
    const addressed = tweet({ mentions: [{ handle: '@gemeentevoorbeeld' }] });
    expect(decideIntake(addressed, rules({ sites: { x: false, facebook: true } }))).toEqual({ match: false, skip: 'off' });
    expect(decideIntake(fb({ comment: true, postAuthor: { name: 'Gemeente Voorbeeld' } }), rules({ sites: { x: false, facebook: true } }))).toMatchObject({ match: true });
    expect(decideIntake(addressed, rules({}, ''))).toEqual({ match: false, skip: 'nothing-to-match' });
  });
});

describe('intake helpers', () => {
  it('reads own accounts as written in the settings', () => {
    const set = new AccountSet(' @GemeenteVoorbeeld ,Gemeente  Voorbeeld, https://www.facebook.com/profile.php?id=42, ,');
    expect([...set.handles]).toEqual(['gemeentevoorbeeld']);
    expect([...set.names]).toEqual(['gemeente voorbeeld', '42']);
    expect(set.match({ profile: '42' })).toBe('42');
    expect(set.match(undefined)).toBeUndefined();
  });

  it('finds mentions in text, not e-mail addresses', () => {
    expect(mentionsIn('Hoi @gemeente en @Buurman_1, mail info@gemeente.nl')).toEqual([{ handle: '@gemeente' }, { handle: '@Buurman_1' }]);
  });

  it('reads keywords as written in the settings', () => {
    expect(parseKeywords(' , #, a b ,\nc')).toEqual(['a b', 'c']);
  });
});
