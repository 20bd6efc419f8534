import { describe, expect, it } from 'vitest';
import { FACEBOOK_META } from '../../src/sites/facebook/meta';
import {
  caseIdFor,
  createRegistry,
  isSite,
  parseCaseId,
  SITE_METAS,
  SITES,
  siteForDomain,
  siteForHost,
  siteLabel,
  siteMeta,
  siteOfCaseId,
  siteUrlPatterns,
} from '../../src/sites/registry';
import { X_META } from '../../src/sites/x/meta';

describe('the site registry', () => {
  it('lists X and Facebook, in that order, with the names users see', () => {
    expect(SITES).toEqual(['x', 'facebook']);
    expect(SITES.map(siteLabel)).toEqual(['X', 'Facebook']);
    expect(siteMeta('facebook')).toBe(FACEBOOK_META);
    expect(isSite('x')).toBe(true);
    expect(isSite('instagram')).toBe(false);
    expect(() => siteMeta('instagram' as never)).toThrow(RangeError);
  });

  it('knows the hosts Loket runs on, and nothing else', () => {
    for (const host of ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com']) expect(siteForHost(host)).toBe('x');
    for (const host of ['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com', 'WWW.FACEBOOK.COM']) expect(siteForHost(host)).toBe('facebook');
    for (const host of ['example.com', 'x.com.example.com', 'notfacebook.com', 'www.x.com.evil', '']) expect(siteForHost(host)).toBeNull();
    expect(siteUrlPatterns()).toEqual(SITE_METAS.flatMap((m) => m.hosts.map((h) => `https://${h}/*`)));
    expect(siteForDomain('twitter.com')).toBe('x');
    expect(siteForDomain('www.facebook.com')).toBeNull();
  });

  it('gives the default response targets of the product: X 1 hour, Facebook 4 hours of office time', () => {
    expect(X_META.firstResponseMinutes).toBe(60);
    expect(FACEBOOK_META.firstResponseMinutes).toBe(240);
  });

  it('reads back every case id it makes, with its site', () => {
    const ids = [caseIdFor('x', '1790000000000000001'), caseIdFor('facebook', '123'), caseIdFor('facebook', 'pfbid02abcDEF1234567890xyz', '987')];
    expect(ids).toEqual(['x:1790000000000000001', 'fb:123', 'fb:pfbid02abcDEF1234567890xyz/987']);
    expect(ids.map(siteOfCaseId)).toEqual(['x', 'facebook', 'facebook']);
    expect(ids.map((id) => parseCaseId(id))).toEqual([
      { site: 'x', postId: '1790000000000000001' },
      { site: 'facebook', postId: '123' },
      { site: 'facebook', postId: 'pfbid02abcDEF1234567890xyz', commentId: '987' },
    ]);
    // X has no comment ids: a reply is a tweet of its own.
    expect(() => caseIdFor('x', '1', '2')).toThrow(RangeError);
    expect(parseCaseId('facebook:123')).toBeNull();
    expect(parseCaseId('123')).toBeNull();
  });

  it('refuses two sites with the same id, case-id prefix or host', () => {
    expect(() => createRegistry([X_META, { ...FACEBOOK_META, hosts: [...FACEBOOK_META.hosts, 'twitter.com'] }])).toThrow(/share a host/);
    expect(() => createRegistry([X_META, { ...FACEBOOK_META, caseId: { ...FACEBOOK_META.caseId, prefix: 'x' } }])).toThrow(/share/);
    expect(() => createRegistry([X_META, X_META])).toThrow(/share/);
  });
});
