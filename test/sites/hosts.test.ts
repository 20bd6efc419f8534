/**
 * Which site a page's host belongs to: the content script decides by it which adapter reads the page, and the
 * background by it which tabs may send requests. Tested through `siteForHost` alone, so the test keeps its
 * meaning when the host lists move into a site registry.
 */
import { describe, expect, it } from 'vitest';
import { siteForHost } from '../../src/sites/registry';

describe('siteForHost', () => {
  it('knows X by its current and its old name, on desktop and mobile', () => {
    for (const host of ['x.com', 'mobile.x.com', 'twitter.com', 'mobile.twitter.com']) expect(siteForHost(host), host).toBe('x');
  });

  it('knows Facebook on its bare, www, web and mobile hosts', () => {
    for (const host of ['facebook.com', 'www.facebook.com', 'web.facebook.com', 'm.facebook.com']) expect(siteForHost(host), host).toBe('facebook');
  });

  it('ignores the case of the host name, as browsers do', () => {
    expect(siteForHost('WWW.Facebook.COM')).toBe('facebook');
    expect(siteForHost('X.com')).toBe('x');
  });

  it('refuses look-alike hosts: a suffix, a prefix or a subdomain Loket was not given', () => {
    for (const host of [
      'x.com.evil.example',
      'evilx.com',
      'notfacebook.com',
      'facebook.com.example',
      'www.facebook.com.',
      'api.x.com',
      'business.facebook.com',
      'l.facebook.com',
      'instagram.com',
      'localhost',
      '',
    ]) {
      expect(siteForHost(host), host).toBeNull();
    }
  });

  it('takes a host only, never a URL or a host with a port', () => {
    expect(siteForHost('https://x.com')).toBeNull();
    expect(siteForHost('x.com:443')).toBeNull();
    expect(siteForHost('x.com/home')).toBeNull();
  });

  it('is not fooled by names of the lookup object’s own properties', () => {
    for (const host of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) expect(siteForHost(host), host).toBeNull();
  });
});
