/**
 * `npm start`: builds Loket, then opens Chromium with it loaded on an offline demo of X and Facebook — local
 * pages served at the real https://x.com/… and https://www.facebook.com/… URLs — so a new user sees Loket
 * working without an account. With a display the browser stays open until you close it; without one it
 * runs headless, writes screenshots of the demo and prints their paths.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { DEMO_TWEETS, facebookDemoPage, xDemoPage } from './demo/pages';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const extension = join(root, 'dist', 'chrome');
const X_URL = 'https://x.com/home';
const FB_URL = 'https://www.facebook.com/gemeentevoorbeeld';

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

async function waitForToolbars(page: Page, count: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-loket-post][data-loket-sla]').length >= n, count, { timeout: 15_000 });
}

async function main(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.error(
      'Chromium was not found. Install it, then run `npm start` again:\n' +
        '  Debian/Ubuntu:  sudo apt-get install chromium chromium-l10n\n' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.\n' +
        'To use Loket in your own browser instead, load dist/chrome (Chrome/Edge) or dist/firefox (Firefox): see README.md.',
    );
    process.exit(1);
  }

  execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'build.ts')], { stdio: 'inherit' });

  const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  // Dutch first, as the agents who use Loket; LOKET_LANG=en shows the English interface.
  const lang = process.env.LOKET_LANG === 'en' ? 'en' : 'nl';
  const profile = mkdtempSync(join(tmpdir(), 'loket-demo-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless,
    viewport: { width: 1280, height: 900 },
    locale: lang === 'nl' ? 'nl-NL' : 'en-GB',
    env: { ...process.env, LANGUAGE: lang === 'nl' ? 'nl_NL' : 'en_GB' },
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      `--lang=${lang}`,
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  // The demo is offline: our pages at the real URLs, the extension's own files, nothing else.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.hostname === 'x.com' && route.request().resourceType() === 'document') {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: xDemoPage() });
    }
    if (url.hostname === 'www.facebook.com' && route.request().resourceType() === 'document') {
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body: facebookDemoPage() });
    }
    return route.abort('blockedbyclient');
  });

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const xPage = context.pages()[0] ?? (await context.newPage());
  await xPage.goto(X_URL);
  await waitForToolbars(xPage, DEMO_TWEETS.length);
  const fbPage = await context.newPage();
  await fbPage.goto(FB_URL);
  await waitForToolbars(fbPage, 4);

  if (!headless) {
    console.log(`Loket is running on the offline demo:\n  ${X_URL}\n  ${FB_URL}\nClose the browser window to stop.`);
    await new Promise<void>((done) => context.on('close', () => done()));
    rmSync(profile, { recursive: true, force: true });
    return;
  }

  // Headless: show every state of Loket on each site — quiet marks, one case's chip, one opened toolbar.
  await seedCase(xPage, `x:${DEMO_TWEETS[0]!.id}`);
  await seedCase(fbPage, 'fb:pfbid02DemoPostAbCdEfGhIjKlMnOpQrStUvWxYz0123/801000000000001');
  await clickIn(xPage, `x:${DEMO_TWEETS[1]!.id}`, '[data-lk="mark"]');
  const fbOpen = await fbPage.evaluate(() => [...document.querySelectorAll('[data-loket-post]')].map((h) => h.getAttribute('data-loket-post')!).find((id) => !id.endsWith('/801000000000001')));
  if (fbOpen) await clickIn(fbPage, fbOpen, '[data-lk="mark"]');
  await xPage.mouse.move(1, 1);
  await fbPage.mouse.move(1, 1);
  const out = join(root, 'dist', 'screenshots');
  mkdirSync(out, { recursive: true });
  const shots = [join(out, 'demo-x.png'), join(out, 'demo-facebook.png'), join(out, 'demo-popup.png')];
  await xPage.screenshot({ path: shots[0]!, fullPage: true });
  await fbPage.screenshot({ path: shots[1]!, fullPage: true });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 480 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('open-count').waitFor();
  await popup.screenshot({ path: shots[2]! });
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  console.log('No display found: ran headless. Screenshots of Loket on the offline demo:');
  for (const shot of shots) console.log(`  ${shot}`);
}

/** Where an element inside a post's Loket is (its shadow root is closed: found through the DevTools protocol). */
async function boxIn(page: Page, caseId: string, selector: string): Promise<{ x: number; y: number; disabled: boolean } | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-loket-post="${caseId}"]` });
    if (!nodeId) return null;
    const { node } = await cdp.send('DOM.describeNode', { nodeId, depth: 1, pierce: true });
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.shadowRoots![0]!.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration:
        'function (s) { const el = this.querySelector(s); if (!el) return null; el.scrollIntoView({ block: "nearest" }); const r = el.getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2, disabled: !!el.disabled }; }',
      arguments: [{ value: selector }],
      returnByValue: true,
    });
    return result.value as { x: number; y: number; disabled: boolean } | null;
  } finally {
    await cdp.detach();
  }
}

/** A real mouse click on an element inside a post's Loket, once it is there and enabled. */
async function clickIn(page: Page, caseId: string, selector: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const box = await boxIn(page, caseId, selector);
    if (box && !box.disabled) return page.mouse.click(box.x, box.y);
    await page.waitForTimeout(100);
  }
  throw new Error(`${selector} did not appear on ${caseId}`);
}

/** Makes a post a case as the agent does — opens its toolbar with the mark, "Maak zaak" — and closes it to its chip. */
async function seedCase(page: Page, caseId: string): Promise<void> {
  await clickIn(page, caseId, '[data-lk="mark"]');
  await clickIn(page, caseId, '[data-lk="track"]');
  for (let i = 0; i < 100 && !(await boxIn(page, caseId, '[data-lk="status"]')); i++) await page.waitForTimeout(100);
  await clickIn(page, caseId, '[data-lk="mark"]');
  for (let i = 0; i < 100 && !(await boxIn(page, caseId, '[data-lk="chip"]')); i++) await page.waitForTimeout(100);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
