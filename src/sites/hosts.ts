/** Which hosts belong to which site. Mirrors the host permissions and content-script matches in manifest.json. */
import type { Site } from '../domain/site';

const HOSTS: Record<string, Site> = {
  'x.com': 'x',
  'mobile.x.com': 'x',
  'twitter.com': 'x',
  'mobile.twitter.com': 'x',
  'facebook.com': 'facebook',
  'www.facebook.com': 'facebook',
  'web.facebook.com': 'facebook',
  'm.facebook.com': 'facebook',
};

export function siteForHost(hostname: string): Site | null {
  // Own keys only: a plain object also "has" constructor, toString, __proto__ … (a host named so is no site).
  const host = hostname.toLowerCase();
  return Object.hasOwn(HOSTS, host) ? HOSTS[host]! : null;
}

/** Match patterns for every host above, for tabs.query. */
export const SITE_URL_PATTERNS: string[] = Object.keys(HOSTS).map((host) => `https://${host}/*`);
