/**
 * The quiet toolbar, as a user meets it: a post shows Loket's mark in X's action bar (the page no taller),
 * the full toolbar opens with a click, Enter or Space on the mark, or by hovering it, and closes with Escape
 * (focus back on the mark) or when the agent goes elsewhere; a case shows its chip without opening; axe-core
 * finds nothing in either state; the template shortcut is bound in Chromium and the options page names it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { MARK, Toolbar } from './support/toolbar';

const TWEET = 'x:1000000000000000001';
const OTHER = 'x:1000000000000000010';
/** X lays its action bar out as one flex row (its own stylesheet, which the captures do not carry). */
const X_BAR_CSS = '[role="group"] { display: flex; flex-direction: row; align-items: center; justify-content: space-between; }';
let loket: Loket;

// Each test starts from a fresh profile of its own (no case, setting or open tab of another test).
beforeEach(async () => {
  loket = await launchLoket({ lang: 'nl' });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
  loket.serve('https://www.facebook.com/gemeentevoorbeeld', fixture('facebook/page-feed-nl.html'));
});

afterEach(async () => {
  await loket?.close();
});

async function openHome(): Promise<Page> {
  const page = await loket.open('https://x.com/home');
  await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length === 8);
  await page.addStyleTag({ content: X_BAR_CSS });
  return page;
}

/** Focuses the mark from the page's side, as Tab would (the shadow root is closed to page scripts). */
async function focusMark(toolbar: Toolbar): Promise<void> {
  const mark = await toolbar.locate(MARK);
  expect(mark).not.toBeNull();
  await toolbar.page.mouse.move(0, 0);
  // Tab from the element just before the host in X's action bar lands on the mark.
  await toolbar.page.evaluate((id) => {
    const host = document.querySelector(`[data-loket-post="${id}"]`)!;
    const before = host.previousElementSibling!.querySelector<HTMLElement>('button, [tabindex]')!;
    before.focus();
  }, toolbar.caseId);
  await toolbar.page.keyboard.press('Tab');
  await toolbar.waitFor(MARK, (b) => b.focused);
}

async function probe(toolbar: Toolbar, name: string): Promise<Page> {
  loket.serve(`https://x.com/loket-axe-${name}`, await toolbar.snapshot());
  return loket.open(`https://x.com/loket-axe-${name}`);
}

describe('the quiet toolbar', () => {
  it('puts only the mark, in the action bar, on a post that is not a case: no extra line', async () => {
    const page = await openHome();
    const toolbar = new Toolbar(page, TWEET);
    const place = await page.evaluate((id) => {
      const host = document.querySelector(`[data-loket-post="${id}"]`)!;
      const article = host.closest('article')!;
      const withLoket = article.getBoundingClientRect().height;
      const bar = host.parentElement!;
      host.remove();
      const without = article.getBoundingClientRect().height;
      bar.append(host);
      return { inBar: bar.getAttribute('role'), withLoket, without, hostHeight: host.getBoundingClientRect().height, barHeight: bar.getBoundingClientRect().height };
    }, TWEET);
    expect(place.inBar).toBe('group');
    expect(place.withLoket).toBe(place.without);
    expect(place.hostHeight).toBeLessThanOrEqual(place.barHeight);
    expect(await toolbar.texts('button')).toEqual(['L']);
    expect(await toolbar.texts('[aria-label]')).toHaveLength(1);
    const mark = await toolbar.locate(MARK);
    expect(mark?.expanded).toBe('false');
    expect(await toolbar.locate('.lk')).toBeNull();
    await page.close();
  });

  it('opens with a click, closes with Escape and gives focus back to the mark', async () => {
    const page = await openHome();
    const toolbar = new Toolbar(page, TWEET);
    const pageHeight = () =>
      page.evaluate((id) => ({ page: document.scrollingElement!.scrollHeight, post: document.querySelector(`[data-loket-post="${id}"]`)!.closest('article')!.getBoundingClientRect().height }), TWEET);
    const closed = await pageHeight();
    await toolbar.click(MARK);
    expect((await toolbar.waitFor('[data-lk="track"]')).text).toBe('Maak zaak');
    expect((await toolbar.locate(MARK))?.expanded).toBe('true');
    // Open, the toolbar is a popover under the mark: nothing on the page moved or grew.
    expect(await pageHeight()).toEqual(closed);
    // X did not open the tweet: the click stayed with Loket.
    expect(page.url()).toBe('https://x.com/home');
    await toolbar.waitFor(MARK, (b) => b.focused);
    await page.keyboard.press('Escape');
    await toolbar.waitFor(MARK, (b) => b.focused && b.expanded === 'false');
    expect(await toolbar.locate('.lk')).toBeNull();
    await page.close();
  });

  it('opens from the keyboard with Enter and with Space on the mark', async () => {
    const page = await openHome();
    const toolbar = new Toolbar(page, TWEET);
    await focusMark(toolbar);
    await page.keyboard.press('Enter');
    await toolbar.waitFor(MARK, (b) => b.expanded === 'true' && b.focused);
    await toolbar.locate('[data-lk="track"]').then((b) => expect(b?.text).toBe('Maak zaak'));
    await page.keyboard.press('Escape');
    await toolbar.waitFor(MARK, (b) => b.expanded === 'false' && b.focused);
    await page.keyboard.press('Space');
    await toolbar.waitFor(MARK, (b) => b.expanded === 'true');
    // Tab goes on into the toolbar: its first control.
    await page.keyboard.press('Tab');
    await toolbar.waitFor('[data-lk="track"]', (b) => b.focused);
    await page.close();
  });

  it('opens when the pointer rests on the mark, and closes when it leaves', async () => {
    const page = await openHome();
    const toolbar = new Toolbar(page, TWEET);
    const mark = await toolbar.locate(MARK);
    await page.mouse.move(mark!.x, mark!.y);
    await toolbar.waitFor(MARK, (b) => b.expanded === 'true', 3_000);
    // The toolbar opened under the mark: the pointer goes onto it, then away.
    const opened = await toolbar.locate('[data-lk="track"]');
    await page.mouse.move(opened!.x, opened!.y, { steps: 4 });
    await page.mouse.move(5, 5, { steps: 4 });
    await toolbar.waitFor(MARK, (b) => b.expanded === 'false', 3_000);
    await page.close();
  });

  it('closes an open toolbar when the agent clicks elsewhere, and keeps one with an open panel', async () => {
    const page = await openHome();
    const first = new Toolbar(page, TWEET);
    const second = new Toolbar(page, OTHER);
    await first.open();
    await first.waitFor('[data-lk="track"]');
    await second.click('[data-lk="handover-open"]');
    await second.waitFor('[data-lk="handover-category"]');
    await first.waitFor(MARK, (b) => b.expanded === 'false');
    await page.mouse.click(5, 400);
    expect((await second.locate(MARK))?.expanded).toBe('true');
    expect(await second.locate('[data-lk="handover-category"]')).not.toBeNull();
    await page.close();
  });

  it('shows a case as a chip coloured by its SLA state, without opening', async () => {
    const page = await openHome();
    const toolbar = new Toolbar(page, TWEET);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]');
    await toolbar.click(MARK); // the mark of an open toolbar closes it
    const chip = await toolbar.waitFor('[data-lk="chip"]', () => true);
    // The capture's tweet is months old: far past its response target.
    expect(chip.text).toMatch(/^Nieuw · Te laat · /);
    expect(await toolbar.style('[data-lk="chip"]', 'border-left-color')).toBe('rgb(164, 20, 28)');
    expect(await page.getAttribute(`[data-loket-post="${TWEET}"]`, 'data-loket-sla')).toBe('overdue');
    // On its own line under the action bar, where the chip has room.
    expect(await page.evaluate((id) => document.querySelector(`[data-loket-post="${id}"]`)!.parentElement!.getAttribute('role'), TWEET)).not.toBe('group');
    await page.close();
  });

  it('has no axe-core violations in the quiet state, with a chip, and open', async () => {
    const page = await openHome();
    const quiet = new Toolbar(page, OTHER);
    const quietProbe = await probe(quiet, 'quiet');
    expect(await axeViolations(quietProbe)).toEqual([]);
    await quietProbe.close();
    const tracked = new Toolbar(page, 'x:1000000000000000011');
    await tracked.click('[data-lk="track"]');
    await tracked.waitFor('[data-lk="status"]');
    await tracked.click(MARK);
    await tracked.waitFor('[data-lk="chip"]');
    const chipProbe = await probe(tracked, 'chip');
    expect(await axeViolations(chipProbe)).toEqual([]);
    await chipProbe.close();
    await quiet.open();
    await quiet.waitFor('[data-lk="track"]');
    const openProbe = await probe(quiet, 'open');
    expect(await axeViolations(openProbe)).toEqual([]);
    await openProbe.close();
    await page.close();
  });

  it('puts the mark on Facebook posts and comments', async () => {
    const page = await loket.open('https://www.facebook.com/gemeentevoorbeeld');
    await page.waitForFunction(() => document.querySelectorAll('[data-loket-post][data-loket-sla]').length >= 3);
    const id = await page.getAttribute('[data-loket-post]', 'data-loket-post');
    const toolbar = new Toolbar(page, id!);
    expect((await toolbar.locate(MARK))?.expanded).toBe('false');
    await toolbar.waitFor('.lk');
    expect((await toolbar.locate(MARK))?.expanded).toBe('true');
    await page.close();
  });
});

describe('the template shortcut', () => {
  it('is bound in Chromium (Alt+Shift+Y), and the options page shows the key actually bound', async () => {
    const commands = await (await loket.worker()).evaluate(() => chrome.commands.getAll());
    const command = commands.find((c) => c.name === 'open-templates');
    expect(command?.shortcut).toBe('Alt+Shift+Y');
    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    await options.getByText('Sneltoets: Alt+Shift+Y', { exact: false }).waitFor();
    await options.close();
  });
});
