/**
 * x.com pages for the end-to-end tests: real captures, and the status capture with a real Draft.js composer
 * (test/fixtures/x/draft-composer) bundled into it.
 */
import { bundleFixtureApp, withScript } from './bundle';
import { fixture } from './fixtures';

/** Adds the Draft.js app to a page: tweets' reply buttons open a reply dialog with a real Draft editor. */
export async function withDraft(html: string): Promise<string> {
  // draft-js expects Node's `global`.
  return withScript(html, await bundleFixtureApp('test/fixtures/x/draft-composer/app.ts', { global: 'window' }));
}

/** x-status.html (focal tweet by @bob, logged in as @alice) with a Draft.js inline reply box under the tweet. */
export async function statusPageWithComposer(): Promise<string> {
  const html = fixture('x/x-status.html');
  const focalEnd = html.indexOf('</article>') + '</article>'.length;
  return withDraft(`${html.slice(0, focalEnd)}<div data-fixture-composer="inline"></div>${html.slice(focalEnd)}`);
}

/** x-status.html with a contenteditable that looks like X's composer but is no editor: a paste is not taken. */
export function statusPageWithDeadComposer(): string {
  const html = fixture('x/x-status.html');
  const focalEnd = html.indexOf('</article>') + '</article>'.length;
  return `${html.slice(0, focalEnd)}<div data-testid="tweetTextarea_0" role="textbox" contenteditable="true"></div><button data-testid="tweetButtonInline" aria-disabled="true">Reply</button>${html.slice(focalEnd)}`;
}

/** Gives the tweets with these status ids these posted times (the captures all say 2026-01-15 09:30). */
export function withPostedTimes(html: string, times: Record<string, number>): string {
  return html
    .split('<article')
    .map((chunk) => {
      const id = Object.keys(times).find((statusId) => chunk.includes(`/status/${statusId}"`));
      return id ? chunk.replace(/datetime="[^"]*"/g, `datetime="${new Date(times[id]!).toISOString()}"`) : chunk;
    })
    .join('<article');
}
