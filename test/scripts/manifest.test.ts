import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../scripts/manifest';

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

  it('asks for no broad host access, no remote code and only permissions Loket uses', () => {
    expect(JSON.stringify(base)).not.toMatch(/<all_urls>|\*:\/\/\*\/|http:\/\//);
    const hosts = new Set((base.host_permissions as string[]).map((p) => new URL(p.replace('/*', '/')).hostname));
    for (const host of hosts) expect(host).toMatch(/^(www\.|web\.|m\.|mobile\.)?(x|twitter|facebook)\.com$/);
    expect(base.permissions).toEqual(['storage']);
    expect(base.content_security_policy.extension_pages).toMatch(/script-src 'self'/);
    expect(base.content_security_policy.extension_pages).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
});
