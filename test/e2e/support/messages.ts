/** Sends a request to the background from an extension page, as every view does (the real message contract). */
import type { Page } from 'playwright-core';

export const request = (page: Page, name: string, payload: unknown) =>
  page.evaluate(([n, p]) => chrome.runtime.sendMessage({ protocol: 'loket/1', name: n, payload: p }), [name, payload] as const);

/** What a content script sends for a post: a tweet by `author` at x.com, posted a minute ago. */
export function tweet(statusId: string, author = 'Carol', text = 'Vraag'): Record<string, unknown> {
  return {
    caseId: `x:${statusId}`,
    site: 'x',
    url: `https://x.com/${author.toLowerCase()}/status/${statusId}`,
    author: { name: author },
    text,
    postedAt: Date.now() - 60_000,
    postedAtSource: 'page',
  };
}
