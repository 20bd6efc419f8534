import { describe, expect, it } from 'vitest';
import { commentIdFrom, decodeCommentId, parseFacebookUrl } from '../../../src/sites/facebook/post-url';

describe('Facebook permalinks', () => {
  it.each([
    [
      'https://www.facebook.com/gemeentevoorbeeld/posts/pfbid02Xk7aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789abcdEFGHl?__cft__[0]=AZW1x&__tn__=%2CO%2CP-R',
      { postId: 'pfbid02Xk7aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789abcdEFGHl', kind: 'post', url: 'https://www.facebook.com/gemeentevoorbeeld/posts/pfbid02Xk7aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789abcdEFGHl' },
    ],
    ['/gemeente/posts/123456/', { postId: '123456', kind: 'post', url: 'https://www.facebook.com/gemeente/posts/123456/' }],
    [
      'https://web.facebook.com/permalink.php?story_fbid=112233&id=100064&__tn__=x',
      { postId: '112233', kind: 'post', url: 'https://www.facebook.com/permalink.php?story_fbid=112233&id=100064' },
    ],
    [
      'https://www.facebook.com/groups/wijzijnnoord/posts/3344/?__cft__[0]=AZA',
      { postId: '3344', kind: 'post', url: 'https://www.facebook.com/groups/wijzijnnoord/posts/3344/' },
    ],
    [
      'https://www.facebook.com/groups/wijzijnnoord/?multi_permalinks=4455&__cft__[0]=AZB',
      { postId: '4455', kind: 'post', url: 'https://www.facebook.com/groups/wijzijnnoord/posts/4455/' },
    ],
    [
      'https://www.facebook.com/g/posts/1?comment_id=Y29tbWVudDoxMjM0NTY3ODkwMTIzNDVfOTg3NjU0MzIxMDk4NzY1&__cft__[0]=Z',
      { postId: '1', kind: 'post', commentId: '987654321098765', commentPost: '123456789012345', url: 'https://www.facebook.com/g/posts/1?comment_id=987654321098765' },
    ],
    [
      'https://www.facebook.com/g/posts/1?comment_id=5&reply_comment_id=6',
      { postId: '1', kind: 'post', commentId: '6', url: 'https://www.facebook.com/g/posts/1?comment_id=5&reply_comment_id=6' },
    ],
  ])('%s', (href, expected) => {
    expect(parseFacebookUrl(href)).toEqual(expected);
  });

  it('a photo link is a photo (its fbid names the post only on its own viewer), unless its set names the post', () => {
    expect(parseFacebookUrl('https://www.facebook.com/photo/?fbid=5550001112223334&set=a.4443332221110&__cft__[0]=AZ')).toEqual({
      postId: '5550001112223334',
      kind: 'photo',
      url: 'https://www.facebook.com/photo/?fbid=5550001112223334',
    });
    expect(parseFacebookUrl('https://www.facebook.com/photo/?fbid=9191919191919191&set=gm.8877665544332211&__cft__[0]=AZ')).toEqual({
      postId: '8877665544332211',
      kind: 'post',
      url: 'https://www.facebook.com/8877665544332211',
    });
    expect(parseFacebookUrl('/photo/?fbid=1&set=pcb.22')?.postId).toBe('22');
  });

  it('finds no post in the 2025 link that is only tracking until hovered', () => {
    expect(parseFacebookUrl('https://www.facebook.com/?__cft__[0]=AZc1&__tn__=%2CO%2CP-R')).toBeNull();
    expect(parseFacebookUrl('?__cft__[0]=AZc4')).toBeNull();
  });

  it.each(['#', '', null, 'https://example.com/a/posts/1', 'https://www.facebook.com/gemeentevoorbeeld', 'javascript:alert(1)', '/ads/about/?ad_id=1'])(
    'finds no post in %j',
    (href) => {
      expect(parseFacebookUrl(href)).toBeNull();
    },
  );

  it('decodes base64 comment ids and refuses anything else', () => {
    expect(commentIdFrom('Y29tbWVudDoxMjM0NTY3ODkwMTIzNDVfMTIxMjEyMTIxMjEyMTIx')).toBe('121212121212121');
    expect(commentIdFrom('123')).toBe('123');
    expect(commentIdFrom(btoa('hello'))).toBeUndefined();
    expect(commentIdFrom('%%%')).toBeUndefined();
    expect(decodeCommentId('Y29tbWVudDoxMjM0NTY3ODkwMTIzNDVfMTIxMjEyMTIxMjEyMTIx')).toEqual({ postId: '123456789012345', commentId: '121212121212121' });
    expect(decodeCommentId('121212')).toBeUndefined();
  });
});
