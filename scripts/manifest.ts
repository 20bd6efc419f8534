/**
 * Generates each browser's manifest from the root manifest.json: Chrome gets a service worker and no gecko
 * settings; Firefox gets background scripts and its gecko settings. Keeping one source stops the two from
 * drifting; emitting one manifest each keeps both stores' linters clean.
 *
 * The hosts are not in manifest.json: the host permissions and the content script's matches are every host
 * of every site in the site registry (src/sites/registry.ts), so adding a site adds its hosts here.
 */
import { createRegistry, SITE_METAS } from '../src/sites/registry';
import type { SiteMeta } from '../src/sites/site-meta';

export type Browser = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; scripts: string[] };
  content_scripts: Array<Record<string, unknown>>;
  browser_specific_settings?: unknown;
};

export function manifestFor(base: Manifest, browser: Browser, version: string, sites: readonly SiteMeta[] = SITE_METAS): Record<string, unknown> {
  const { background, browser_specific_settings, ...common } = structuredClone(base);
  const hosts = createRegistry(sites).siteUrlPatterns();
  const withHosts = {
    ...common,
    version,
    host_permissions: hosts,
    content_scripts: common.content_scripts.map((script) => ({ matches: hosts, ...script })),
  };
  if (browser === 'chrome') return { ...withHosts, background: { service_worker: background.service_worker } };
  return { ...withHosts, background: { scripts: background.scripts }, browser_specific_settings };
}
