import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHECK_AFTER_MS, INDICATOR_ATTRIBUTE, ReplyIndicators } from '../../src/content/reply-indicator';
import { readability, type Readability } from '../../src/domain/readability';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/messages';
import { xAdapter } from '../../src/sites/x/adapter';
import { loadPage } from '../support/fixtures';

const life: AbortController[] = [];
afterEach(() => life.splice(0).forEach((c) => c.abort()));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The X status capture with a reply box under the focal tweet, as X's inline composer: editor, then Reply. */
function statusPage(): HTMLElement {
  loadPage('x/x-status.html', 'https://x.com/bob/status/1000000000000000001');
  document.body.insertAdjacentHTML(
    'beforeend',
    '<div data-testid="toolBar"><div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div><button data-testid="tweetButtonInline" type="button">Reply</button></div>',
  );
  return document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
}

/** A check the test answers by hand, to see what is asked and when. */
function manualCheck() {
  const asked: Array<{ text: string; answer(): void }> = [];
  const check = vi.fn(
    (text: string) =>
      new Promise<Readability>((resolve) => {
        asked.push({ text, answer: () => resolve(readability(text)) });
      }),
  );
  return { check, asked };
}

function start(check: (text: string) => Promise<Readability>, settings: Partial<Settings> = {}) {
  let current: Settings = { ...DEFAULT_SETTINGS, ...settings };
  const indicators = new ReplyIndicators(xAdapter, () => current, check);
  const lifetime = new AbortController();
  life.push(lifetime);
  indicators.listen(lifetime.signal);
  return { indicators, set: (s: Partial<Settings>) => (current = { ...current, ...s }) };
}

const type = (editor: HTMLElement, text: string) => {
  editor.textContent = text;
};
const focus = (editor: HTMLElement) => editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));

describe('the B1 indicator’s watch on the reply box', () => {
  it('checks the text once it has been still for 300 ms, one request at a time, the newest text next', async () => {
    const editor = statusPage();
    const { check, asked } = manualCheck();
    start(check);
    focus(editor);
    type(editor, 'Ingevolge');
    await pause(100);
    type(editor, 'Ingevolge de regeling');
    await pause(CHECK_AFTER_MS - 100);
    expect(check).not.toHaveBeenCalled(); // still typing
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    expect(asked[0]!.text).toBe('Ingevolge de regeling');

    // While that one is out, more typing asks nothing more…
    type(editor, 'Ingevolge de regeling sturen');
    await pause(CHECK_AFTER_MS + 100);
    type(editor, 'Ingevolge de regeling sturen wij');
    await pause(CHECK_AFTER_MS + 100);
    expect(check).toHaveBeenCalledTimes(1);
    // …and when it answers, the newest text goes.
    asked[0]!.answer();
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(2));
    expect(asked[1]!.text).toBe('Ingevolge de regeling sturen wij');
    asked[1]!.answer();
  });

  it('takes up a reply box that had the focus before it started listening (a quick agent on a slow page)', async () => {
    const editor = statusPage();
    editor.focus();
    type(editor, 'Ingevolge de regeling');
    const { check, asked } = manualCheck();
    start(check);
    await vi.waitFor(() => expect(check).toHaveBeenCalledTimes(1));
    expect(asked[0]!.text).toBe('Ingevolge de regeling');
    asked[0]!.answer();
  });

  it('puts one host beside X’s Reply button, carrying one attribute and a closed shadow root; the setting takes it away', async () => {
    const editor = statusPage();
    const { check, asked } = manualCheck();
    const { indicators, set } = start(check);
    focus(editor);
    type(editor, 'Ingevolge de regeling retourneren wij het formulier.');
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    asked[0]!.answer();
    await vi.waitFor(() => expect(document.querySelector(`[${INDICATOR_ATTRIBUTE}]`)).not.toBeNull());
    const host = document.querySelector<HTMLElement>(`[${INDICATOR_ATTRIBUTE}]`)!;
    expect(document.querySelectorAll(`[${INDICATOR_ATTRIBUTE}]`)).toHaveLength(1);
    expect(host.nextElementSibling?.getAttribute('data-testid')).toBe('tweetButtonInline');
    expect(host.getAttributeNames()).toEqual([INDICATOR_ATTRIBUTE]);
    expect(host.shadowRoot).toBeNull(); // closed: the site's scripts cannot read it
    expect(host.textContent).toBe('');
    // It never took the focus.
    expect(document.activeElement).not.toBe(host);

    set({ readabilityIndicator: false });
    indicators.settingsChanged();
    expect(document.querySelector(`[${INDICATOR_ATTRIBUTE}]`)).toBeNull();
    focus(editor);
    type(editor, 'Ingevolge.');
    await pause(CHECK_AFTER_MS + 100);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('stays away from a box that replies to nothing (a new post on the home timeline) and asks nothing for a box without words', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    document.body.insertAdjacentHTML('beforeend', '<div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div>');
    const home = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
    const { check } = manualCheck();
    start(check);
    focus(home);
    type(home, 'Ingevolge de regeling.');
    await pause(CHECK_AFTER_MS + 100);
    expect(check).not.toHaveBeenCalled();

    const editor = statusPage();
    start(check);
    focus(editor);
    type(editor, '  👍 ');
    await pause(CHECK_AFTER_MS + 100);
    expect(check).not.toHaveBeenCalled();
    expect(document.querySelector(`[${INDICATOR_ATTRIBUTE}]`)).toBeNull();
  });
});
