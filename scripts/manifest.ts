/**
 * Generates each browser's manifest from the root manifest.json: Chrome gets a service worker and no gecko
 * settings; Firefox gets background scripts and its gecko settings. Keeping one source stops the two from
 * drifting; emitting one manifest each keeps both stores' linters clean.
 */
export type Browser = 'chrome' | 'firefox';

type Manifest = Record<string, unknown> & {
  background: { service_worker: string; scripts: string[] };
  browser_specific_settings?: unknown;
};

export function manifestFor(base: Manifest, browser: Browser, version: string): Record<string, unknown> {
  const { background, browser_specific_settings, ...common } = structuredClone(base);
  if (browser === 'chrome') {
    return { ...common, version, background: { service_worker: background.service_worker } };
  }
  return { ...common, version, background: { scripts: background.scripts }, browser_specific_settings };
}
