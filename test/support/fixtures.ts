/** Loads a page fixture into the happy-dom document, at the URL the page was captured from. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixture(path: string): string {
  return readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
}

export function loadPage(path: string, url: string): Document {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  const parsed = new DOMParser().parseFromString(fixture(path), 'text/html');
  document.documentElement.replaceWith(document.importNode(parsed.documentElement, true));
  return document;
}
