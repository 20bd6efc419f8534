import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../scripts/manifest';
import { SITE_METAS, siteForHost } from '../../src/sites/registry';

const base = JSON.parse(readFileSync('manifest.json', 'utf8'));

describe('per-browser manifests', () => {
  it('gives Chrome a service worker and no gecko settings', () => {
    const m = manifestFor(base, 'chrome', '1.2.3');
    expect(m.background).toEqual({ service_worker: 'background.js' });
    expect(m).not.toHaveProperty('browser_specific_settings');
    expect(m.version).toBe('1.2.3');
  });

  it('gives Firefox background scripts and gecko settings that lint clean', () => {
    const m = manifestFor(base, 'firefox', '1.2.3') as { background: unknown; browser_specific_settings: { gecko: Record<string, unknown> } };
    expect(m.background).toEqual({ scripts: ['background.js'] });
    expect(m.browser_specific_settings.gecko).toMatchObject({
      id: expect.stringContaining('@'),
      strict_min_version: '142.0',
      data_collection_permissions: { required: ['none'] },
    });
  });

  it('runs on exactly the hosts of the site registry, in both browsers', () => {
    // manifest.json names no host: the build adds every host of every site in src/sites/registry.ts.
    expect(base).not.toHaveProperty('host_permissions');
    expect(base.content_scripts.flatMap((s: Record<string, unknown>) => Object.keys(s))).not.toContain('matches');
    const registryHosts = SITE_METAS.flatMap((m) => m.hosts);
    const patterns = registryHosts.map((h) => `https://${h}/*`);
    expect(registryHosts).toEqual(expect.arrayContaining(['x.com', 'twitter.com', 'facebook.com', 'www.facebook.com', 'm.facebook.com']));
    for (const browser of ['chrome', 'firefox'] as const) {
      const m = manifestFor(base, browser, '1.2.3') as { host_permissions: string[]; content_scripts: Array<{ matches: string[]; js: string[] }> };
      expect(m.host_permissions).toEqual(patterns);
      expect(m.content_scripts).toEqual([expect.objectContaining({ matches: patterns, js: ['content.js'] })]);
      // And the content script picks a site on each of them (siteForHost), none elsewhere.
      for (const pattern of m.content_scripts[0]!.matches) expect(siteForHost(new URL(pattern.replace('/*', '/')).hostname)).not.toBeNull();
    }
    expect(siteForHost('example.com')).toBeNull();
    expect(siteForHost('WWW.Facebook.com')).toBe('facebook');
  });

  it('asks for no broad host access, no remote code and only permissions Loket uses', () => {
    const built = manifestFor(base, 'chrome', '1.2.3');
    const { optional_host_permissions: optional, ...required } = built;
    expect(JSON.stringify(required)).not.toMatch(/<all_urls>|\*:\/\/\*\/|http:\/\//);
    // Access to a team server is asked at run time, for that server's origin only (the options page).
    expect(optional).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    const hosts = new Set((built.host_permissions as string[]).map((p) => new URL(p.replace('/*', '/')).hostname));
    for (const host of hosts) expect(host).toMatch(/^(www\.|web\.|m\.|mobile\.)?(x|twitter|facebook)\.com$/);
    // Every permission is one the code uses, and every API the code uses that needs one is declared.
    expect([...(base.permissions as string[])].sort()).toEqual([...permissionsUsedBySource()].sort());
    expect(base.content_security_policy.extension_pages).toMatch(/script-src 'self'/);
    expect(base.content_security_policy.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});

/** The APIs that need a permission, found in the source as `browser.<api>.`. */
const NEEDS_PERMISSION: Record<string, string> = { storage: 'storage', alarms: 'alarms', notifications: 'notifications', downloads: 'downloads', cookies: 'cookies', history: 'history', scripting: 'scripting', webRequest: 'webRequest', contextMenus: 'contextMenus', identity: 'identity' };

function permissionsUsedBySource(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        for (const [, api] of readFileSync(path, 'utf8').matchAll(/\bbrowser\.(\w+)\./g)) {
          const permission = NEEDS_PERMISSION[api!];
          if (permission) used.add(permission);
        }
      }
    }
  };
  walk(join(__dirname, '../../src'));
  return used;
}
