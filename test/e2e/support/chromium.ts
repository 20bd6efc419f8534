/**
 * Launches Debian's Chromium with the built extension (dist/chrome) loaded, serving our fixtures at the real
 * https://x.com/… and https://www.facebook.com/… URLs. Every request the browser makes is recorded; any
 * request to a host we do not serve is refused, so a test can prove Loket sent nothing anywhere.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { fixture } from './fixtures';

export const EXTENSION_DIR = resolve('dist/chrome');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Loket {
  context: BrowserContext;
  extensionId: string;
  worker(): Promise<Worker>;
  /** Serves `html` at this exact URL (https://x.com/home, …). */
  serve(url: string, html: string): void;
  /** Lets requests to this origin through to the network (a sync server the test started). */
  passThrough(origin: string): void;
  /** Every request the browser made, in order. */
  requests: string[];
  /** Errors the extension's contexts reported. */
  errors: string[];
  open(url: string): Promise<Page>;
  openPopup(): Promise<Page>;
  /** Fills fields of the options page by their labels and saves, as the agent does. */
  saveSettings(fields: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** UI language for the extension's catalogue: 'nl' (default) or 'en'. */
  lang?: 'nl' | 'en';
  /** Load the extension from this copy of dist/chrome (its path gives it another id). */
  extensionDir?: string;
}

/** The id Chromium gives an unpacked extension: the first 128 bits of SHA-256 of its path, as letters a–p. */
export function unpackedExtensionId(dir: string): string {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

export async function launchLoket(options: LaunchOptions = {}): Promise<Loket> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`${extensionDir} is missing: run \`npm run build\` first`);
  const profile = mkdtempSync(join(tmpdir(), 'loket-chromium-'));
  const lang = options.lang ?? 'nl';
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
    env: { ...process.env, LANGUAGE: lang === 'nl' ? 'nl_NL' : 'en_GB', LANG: lang === 'nl' ? 'nl_NL.UTF-8' : 'en_GB.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--lang=${lang === 'nl' ? 'nl' : 'en-GB'}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const pages = new Map<string, string>();
  const open: string[] = [];
  const requests: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`chrome-extension://`)) return route.continue(); // the extension's own files
    requests.push(url);
    if (open.some((origin) => url.startsWith(`${origin}/`))) return route.continue();
    const body = pages.get(url.split('#')[0]!);
    if (body !== undefined) await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
    else if (/^https:\/\/(x|twitter|(www\.)?facebook)\.com\//.test(url)) await route.fulfill({ status: 204, body: '' });
    else await route.abort('blockedbyclient');
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;
  const watch = (w: Worker) => w.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`));
  watch(sw);
  const trace = process.env.LOKET_E2E_TRACE;
  if (trace) {
    const log = (line: string) => appendFileSync(trace, `${new Date().toISOString()} ${line}\n`);
    log(`launch ${profile} ${expect.getState().currentTestName ?? ''}`);
    sw.on('console', (m) => log(`worker ${m.type()}: ${m.text()}`));
    context.on('serviceworker', (w) => { log(`new worker ${w.url()}`); w.on('console', (m) => log(`worker ${m.type()}: ${m.text()}`)); });
    context.on('page', (p) => { p.on('console', (m) => log(`page ${p.url().slice(0, 60)} ${m.type()}: ${m.text()}`)); p.on('pageerror', (e) => log(`pageerror ${p.url().slice(0,60)}: ${e.message}`)); p.on('crash', () => log(`crash ${p.url()}`)); });
  }
  // A fresh profile installs Loket, which opens its first-run page in a tab of its own. Wait for it here, so it
  // cannot come up later in front of a test's tab and take the keys meant for it.
  const setupUrl = `chrome-extension://${extensionId}/setup.html`;
  if (!context.pages().some((p) => p.url() === setupUrl)) await context.waitForEvent('page', { predicate: (p) => p.url() === setupUrl, timeout: 15_000 }).catch(() => undefined);
  context.on('page', (page) => {
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && page.url().startsWith('chrome-extension://') && errors.push(`${page.url()}: ${m.text()}`));
  });
  return {
    context,
    extensionId,
    requests,
    errors,
    async worker() {
      return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? sw;
    },
    serve(url, html) {
      pages.set(url, html);
    },
    passThrough(origin) {
      open.push(origin);
    },
    async open(url) {
      const page = await context.newPage();
      await page.goto(url);
      await page.bringToFront();
      return page;
    },
    async openPopup() {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    },
    async saveSettings(fields) {
      const options = await context.newPage();
      await options.goto(`chrome-extension://${extensionId}/options.html`);
      for (const [label, value] of Object.entries(fields)) await options.getByLabel(label, { exact: true }).fill(value);
      await options.getByRole('button', { name: /^(Opslaan|Save)$/ }).click();
      await options.getByRole('status').filter({ hasText: /Opgeslagen|Saved/ }).waitFor();
      await options.close();
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export { fixture };
