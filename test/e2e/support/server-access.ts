/**
 * A copy of the built extension whose manifest already holds access to one team server's address: the state
 * after the agent allowed it when the options page asked (`permissions.request`, whose browser prompt a
 * headless browser cannot answer). The browser keeps the server's session cookie only with that access
 * (src/sync/session.ts), so the sync tests need it as a real agent's browser has it.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR } from './chromium';

export function extensionWithAccessTo(serverUrl: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'loket-ext-')), 'chrome');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  const url = new URL(serverUrl);
  // A match pattern has no port: this is access to the host, as the prompt grants it.
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${url.protocol}//${url.hostname}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}
