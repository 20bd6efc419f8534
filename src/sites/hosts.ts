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
  return HOSTS[hostname.toLowerCase()] ?? null;
}

/** Match patterns for every host above, for tabs.query. */
export const SITE_URL_PATTERNS: string[] = Object.keys(HOSTS).map((host) => `https://${host}/*`);
