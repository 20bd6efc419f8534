import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fixture } from '../test/e2e/support/fixtures';
import { statusPageWithComposer } from '../test/e2e/support/x-pages';

const ext = resolve('dist/chrome');
async function once(n: number) {
  const profile = mkdtempSync(join(tmpdir(), 'dbg-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, locale: 'nl-NL',
    args: [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`, '--lang=nl', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const html = await statusPageWithComposer();
  await context.route('**/*', (r) => r.request().url().startsWith('chrome-extension://') ? r.continue() : r.request().url().startsWith('https://x.com/bob/status') ? r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : r.fulfill({ status: 204, body: '' }));
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  sw.on('console', (m) => console.log(n, 'SW', m.type(), m.text()));
  await new Promise((r) => setTimeout(r, 2000));
  console.log(n, 'pages', context.pages().map((p) => p.url()));
  const page = await context.newPage();
  page.on('console', (m) => console.log(n, 'PAGE', m.type(), m.text()));
  await page.goto('https://x.com/bob/status/1000000000000000001');
  await page.bringToFront();
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type('Ingevolge de regeling retourneren wij het formulier binnen twee weken.');
  await new Promise((r) => setTimeout(r, 3000));
  console.log(n, 'indicator hosts', await page.evaluate(() => [...document.querySelectorAll('[data-loket-indicator]')].map((e) => e.outerHTML.slice(0, 200))), 'posts', await page.evaluate(() => document.querySelectorAll('[data-loket-post]').length));
  await context.close();
}
for (let i = 0; i < 3; i++) await once(i);
