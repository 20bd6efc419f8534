/**
 * One benchmark page in a fresh Chromium profile: the scenario's HTML served at its real URL (everything else
 * refused), Loket loaded from `extension` or not at all, and — with Loket — the first toolbars drawn. Shared by
 * the benchmark, its profile and its trace, so the three measure the same page the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { COMMENTS_PER_POST, FEED_POSTS, feedPage } from './feed';
import { TIMELINE_TWEETS, timelinePage } from './timeline';

export type ScenarioName = 'x' | 'x-full' | 'facebook';

export interface Scenario {
  name: string;
  url: string;
  html: string;
  /** Posts (tweets, or Facebook posts and comments) that pass by. */
  items: number;
  /** How far the page's benchScroll goes: tweets, or Facebook posts. */
  until: number;
  step: number;
}

/** The two heavy pages the content script is measured on. */
export function scenario(which: ScenarioName, root: string): Scenario {
  if (which === 'x-full') {
    return { name: `x.com timeline, ${TIMELINE_TWEETS} tweets, every row kept in the DOM`, url: 'https://x.com/home', html: timelinePage(root, true), items: TIMELINE_TWEETS, until: TIMELINE_TWEETS, step: 8 };
  }
  return which === 'x'
    ? { name: `x.com timeline, ${TIMELINE_TWEETS} tweets (virtualised)`, url: 'https://x.com/home', html: timelinePage(root), items: TIMELINE_TWEETS, until: TIMELINE_TWEETS, step: 8 }
    : {
        name: `facebook.com feed, ${FEED_POSTS} posts × ${COMMENTS_PER_POST} comments`,
        url: 'https://www.facebook.com/',
        html: feedPage(),
        items: FEED_POSTS * (COMMENTS_PER_POST + 1),
        until: FEED_POSTS,
        step: 2,
      };
}

export interface ScenarioPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

/** `waitForHosts`: with an extension, wait until it has drawn its first marks (a floor build that draws none: false). */
export async function openScenarioPage(url: string, html: string, extension: string | null, waitForHosts = true): Promise<ScenarioPage> {
  const profile = mkdtempSync(join(tmpdir(), 'loket-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      ...(extension ? [`--disable-extensions-except=${extension}`, `--load-extension=${extension}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    await context.route('**/*', (route) => {
      const requested = route.request().url();
      if (requested.startsWith('chrome-extension://')) return route.continue();
      if (requested === url) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
      return route.abort();
    });
    if (extension) {
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      // A fresh profile installs Loket, which opens its first-run page in a tab of its own, in front. Headless
      // Chromium then draws the benchmark's tab about once a second (measured: a click's next frame 900 ms
      // later, the main thread idle): wait for that tab, then bring the benchmark's to the front (below).
      const setup = `chrome-extension://${new URL(worker.url()).host}/setup.html`;
      if (!context.pages().some((p) => p.url() === setup)) await context.waitForEvent('page', { predicate: (p) => p.url() === setup, timeout: 15_000 }).catch(() => undefined);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.bringToFront();
    // The first toolbars: 30 on X; on Facebook the first two posts and their comments. Polled with plain
    // evaluations, not page.waitForFunction: that loads Playwright's injected script (a 320 KB source and its
    // code) into the page's heap, on the side with Loket only — it was most of the "JS heap with ÷ without"
    // difference once.
    const first = url.includes('facebook.com') ? 12 : 30;
    if (extension && waitForHosts) await until(page, (n) => document.querySelectorAll('[data-loket-post][data-loket-sla]').length >= n, first);
    await page.waitForTimeout(300);
    return { context, page, cdp, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits (30 s at most) until `condition`, evaluated in the page, holds. */
async function until(page: Page, condition: (arg: number) => boolean, arg: number): Promise<void> {
  for (const end = Date.now() + 30_000; !(await page.evaluate(condition, arg)); ) {
    if (Date.now() > end) throw new Error('the benchmark page did not get ready in 30 s');
    await page.waitForTimeout(50);
  }
}

/** Runs the page's own scrolling (each benchmark page defines benchScroll) until `until` items have passed. */
export function benchScroll(page: Page, step: number, until: number): Promise<number> {
  return page.evaluate(
    ([s, n]) => (window as unknown as { benchScroll(step: number, until: number): Promise<number> }).benchScroll(s!, n!),
    [step, until],
  );
}
