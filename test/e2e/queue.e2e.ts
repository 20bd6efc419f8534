/**
 * The work queue by keyboard (issue #17, item 3), with the built extension in Chromium: s, l, x, t and h on
 * the active row and on a selection change the cases as stored, each choice is undone by one u; the choosers
 * are menus that give the focus back to the row; axe finds nothing with a chooser open; the case in view shows
 * its recorded replies (issue #20, item 3); the popup opens the queue as the options' first tab in one pinned
 * tab. Each test makes its own cases in its own fresh profile.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { ALWAYS_OPEN, patchSettings } from './support/settings';

const MIN = 60_000;
let loket: Loket | undefined;

afterEach(async () => {
  await loket?.close();
  loket = undefined;
});

const request = (page: Page, name: string, payload: unknown) =>
  page.evaluate(([n, p]) => chrome.runtime.sendMessage({ protocol: 'loket/1', name: n, payload: p }), [name, payload] as const) as Promise<{ ok: boolean; value: unknown }>;

interface Stored {
  id: string;
  status: string;
  tags: string[];
  assignee?: string;
  noReplyReason?: string;
  handover?: { category: string; note: string };
}

async function stored(page: Page, ids: string[]): Promise<Stored[]> {
  return (await request(page, 'cases/get', { ids })).value as Stored[];
}

async function track(page: Page, id: string, author: string, postedAt: number): Promise<string> {
  const url = `https://x.com/${author.toLowerCase()}/status/${id}`;
  await request(page, 'case/track', { post: { caseId: `x:${id}`, site: 'x', url, author: { name: author, handle: `@${author.toLowerCase()}` }, text: `Vraag van ${author}`, postedAt, postedAtSource: 'page' } });
  return url;
}

/** Waits for the menu the key opened, with the keyboard focus in it. */
async function menuOpen(page: Page, name: string): Promise<void> {
  await page.getByRole('menu', { name }).waitFor();
  await expect.poll(() => focused(page)).toBe('menu');
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('[data-case-id]')?.getAttribute('data-case-id') ?? document.activeElement?.getAttribute('role') ?? null);

async function queueWith(authors: string[]): Promise<{ queue: Page; ids: string[] }> {
  loket = await launchLoket({ lang: 'nl' });
  await patchSettings(await loket.worker(), { agentName: 'Anna', officeHours: ALWAYS_OPEN });
  const popup = await loket.openPopup();
  const now = Date.now();
  const ids: string[] = [];
  for (const [i, author] of authors.entries()) {
    const id = `19000000000000000${i + 1}`;
    await track(popup, id, author, now - (50 - i * 10) * MIN);
    ids.push(`x:${id}`);
  }
  const queue = await loket.open(`chrome-extension://${loket.extensionId}/queue.html`);
  await expect.poll(() => queue.locator('.queue-row').count()).toBe(authors.length);
  await queue.locator('.queue-row a.open').first().focus();
  return { queue, ids };
}

describe('work queue by keyboard', () => {
  it('s, l, x, t and h change the active row through menus that give the focus back, and u undoes each', async () => {
    const { queue, ids } = await queueWith(['Eerste', 'Tweede']);
    const [first] = ids as [string, string];

    // s: the status menu, on the active row; arrow keys and Enter choose; the focus returns to the row.
    await queue.keyboard.press('s');
    const menu = queue.getByRole('menu', { name: 'Status kiezen' });
    await menu.waitFor();
    expect(await focused(queue)).toBe('menu');
    expect(await axeViolations(queue)).toEqual([]);
    await queue.keyboard.press('ArrowDown'); // from "Nieuw" (checked) to "In behandeling"
    await queue.keyboard.press('Enter');
    await expect.poll(async () => (await stored(queue, [first]))[0]!.status).toBe('in_progress');
    await expect.poll(() => focused(queue)).toBe(first);
    await expect.poll(() => queue.getByTestId('queue-message').innerText()).toContain('1 zaken gewijzigd');
    // u: back to "Nieuw" (a move the lifecycle itself does not make).
    await queue.keyboard.press('u');
    await expect.poll(async () => (await stored(queue, [first]))[0]!.status).toBe('new');

    // Escape cancels: nothing changes.
    await queue.keyboard.press('s');
    await menuOpen(queue, 'Status kiezen');
    await queue.keyboard.press('ArrowDown');
    await queue.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    await expect.poll(() => focused(queue)).toBe(first);
    expect((await stored(queue, [first]))[0]!.status).toBe('new');

    // l: the labels menu toggles tags and stays open for more; a first letter jumps.
    await queue.keyboard.press('l');
    const labels = queue.getByRole('menu', { name: 'Labels aan- of uitzetten' });
    await menuOpen(queue, 'Labels aan- of uitzetten');
    await queue.keyboard.press('p'); // Parkeren
    await queue.keyboard.press('Enter');
    await expect.poll(async () => (await stored(queue, [first]))[0]!.tags).toEqual(['parkeren']);
    await expect.poll(() => queue.getByTestId('queue-message').innerText()).toContain('Label Parkeren erop');
    await expect.poll(() => labels.getByRole('menuitemcheckbox', { name: /Parkeren/ }).getAttribute('aria-checked')).toBe('true');
    await queue.keyboard.press('Escape');
    await expect.poll(() => focused(queue)).toBe(first);
    await queue.keyboard.press('u');
    await expect.poll(async () => (await stored(queue, [first]))[0]!.tags).toEqual([]);

    // t takes it.
    await queue.keyboard.press('t');
    await expect.poll(async () => (await stored(queue, [first]))[0]!.assignee).toBe('Anna');

    // h: the KCC handover with category and note.
    await queue.keyboard.press('h');
    const dialog = queue.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Categorie').selectOption({ index: 1 });
    await dialog.getByLabel('Notitie voor het KCC').fill('Graag terugbellen');
    await dialog.getByRole('button', { name: 'Doorzetten' }).click();
    await expect.poll(async () => (await stored(queue, [first]))[0]!.status).toBe('handed_over');
    expect((await stored(queue, [first]))[0]!.handover?.note).toBe('Graag terugbellen');

    // x: "no reply needed" with its reason; the case leaves the open list.
    await queue.locator(`[data-case-id="${first}"] a.open`).focus();
    await queue.keyboard.press('x');
    await menuOpen(queue, 'Geen reactie nodig: reden');
    await queue.keyboard.press('End'); // Elders beantwoord
    await queue.keyboard.press('Enter');
    await expect.poll(async () => (await stored(queue, [first]))[0]).toMatchObject({ status: 'closed', noReplyReason: 'answered_elsewhere' });
    await expect.poll(() => queue.locator('.queue-row').count()).toBe(1);
  });

  it('applies each choice to the whole selection as one action, and one u undoes it for all', async () => {
    const { queue, ids } = await queueWith(['Een', 'Twee', 'Drie']);
    const [one, two, three] = ids as [string, string, string];
    // Space selects the active row, j moves; the count shows.
    await queue.keyboard.press(' ');
    await queue.keyboard.press('j');
    await queue.keyboard.press(' ');
    await expect.poll(() => queue.getByTestId('queue-bulk').innerText()).toContain('2 geselecteerd');

    await queue.keyboard.press('s');
    await menuOpen(queue, 'Status kiezen');
    expect(await queue.getByTestId('chooser').innerText()).toContain('Voor 2 geselecteerde zaken');
    await queue.keyboard.type('w'); // Wacht op inwoner
    await queue.keyboard.press('Enter');
    await expect.poll(async () => (await stored(queue, ids)).map((c) => c.status)).toEqual(['waiting', 'waiting', 'new']);
    await expect.poll(() => queue.getByTestId('queue-message').innerText()).toContain('2 zaken gewijzigd');
    await queue.keyboard.press('u');
    await expect.poll(async () => (await stored(queue, ids)).map((c) => c.status)).toEqual(['new', 'new', 'new']);

    await queue.keyboard.press('l');
    await menuOpen(queue, 'Labels aan- of uitzetten');
    await queue.keyboard.press('Enter'); // the first tag (Afval) on both
    await expect.poll(async () => (await stored(queue, ids)).map((c) => c.tags.join())).toEqual(['afval', 'afval', '']);
    await queue.keyboard.press('Escape');
    await expect.poll(() => focused(queue)).toBe(two);

    await queue.keyboard.press('t');
    await expect.poll(async () => (await stored(queue, ids)).map((c) => c.assignee ?? '')).toEqual(['Anna', 'Anna', '']);
    await expect.poll(() => queue.getByTestId('queue-message').innerText()).toContain('Genomen: 2 zaken gewijzigd');
    await queue.keyboard.press('u');
    await expect.poll(async () => (await stored(queue, ids)).map((c) => c.assignee ?? '')).toEqual(['', '', '']);

    // Shift+click adds a range from the active row.
    await queue.locator(`[data-case-id="${three}"] input[type="checkbox"]`).click({ modifiers: ['Shift'] });
    await expect.poll(() => queue.getByTestId('queue-bulk').innerText()).toContain('3 geselecteerd');
    await queue.keyboard.press('x');
    await menuOpen(queue, 'Geen reactie nodig: reden');
    await queue.keyboard.press('Enter'); // Bedankje
    await expect.poll(async () => (await stored(queue, ids)).map((c) => c.noReplyReason ?? '')).toEqual(['thanks', 'thanks', 'thanks']);
    await expect.poll(() => queue.locator('.queue-row').count()).toBe(0);
    await queue.getByTestId('queue-undo').click();
    await expect.poll(async () => (await stored(queue, ids)).map((c) => `${c.status}/${c.noReplyReason ?? ''}`)).toEqual(['new/', 'new/', 'new/']);
    await expect.poll(() => queue.locator('.queue-row').count()).toBe(3);
    void one;
    void two;
  });

  it('shows the case in view with its recorded replies: words, link, time, agent, and "written outside Loket"', async () => {
    const { queue, ids } = await queueWith(['Vrager']);
    const now = Date.now();
    await request(queue, 'case/responded', { id: ids[0], at: now - 20 * MIN, reply: { postId: 'x:1999000000000000001', text: 'We komen morgen langs.', url: 'https://x.com/gemeente/status/1999000000000000001', postedAt: now - 20 * MIN, via: 'loket' } });
    await request(queue, 'case/responded', { id: ids[0], at: now - 10 * MIN, reply: { postId: 'x:1999000000000000002', text: 'Het is opgelost <b>echt</b>.', url: 'https://x.com/gemeente/status/1999000000000000002', postedAt: now - 10 * MIN, via: 'elsewhere' } });
    const replies = queue.getByTestId('queue-replies').locator('li');
    await expect.poll(() => replies.count()).toBe(2);
    expect(await replies.nth(0).innerText()).toContain('We komen morgen langs.');
    expect(await replies.nth(0).innerText()).toContain('verstuurd door Anna');
    expect(await replies.nth(1).innerText()).toContain('Het is opgelost <b>echt</b>.');
    expect(await replies.nth(1).innerText()).toContain('buiten Loket geschreven');
    expect(await replies.nth(1).getByRole('link').getAttribute('href')).toBe('https://x.com/gemeente/status/1999000000000000002');
    expect(await axeViolations(queue)).toEqual([]);
  });

  it("opens from the popup as the options' first tab, pinned, and brings that one tab forward the next time", async () => {
    loket = await launchLoket({ lang: 'nl' });
    await patchSettings(await loket.worker(), { agentName: 'Anna', officeHours: ALWAYS_OPEN });
    const popup = await loket.openPopup();
    await track(popup, '1910000000000000001', 'Gepind', Date.now() - 5 * MIN);
    const optionsUrl = `chrome-extension://${loket.extensionId}/options.html#werkbak`;
    const [options] = await Promise.all([loket.context.waitForEvent('page', (p) => p.url() === optionsUrl), popup.getByTestId('open-queue').click()]);
    await options.getByRole('tab', { name: 'Werkbak', selected: true }).waitFor();
    const pinned = async () => (await loket!.worker()).evaluate(async () => (await chrome.tabs.query({ pinned: true })).length);
    expect(await pinned()).toBe(1);
    const frame = options.frameLocator('[data-testid="options-queue-frame"]');
    await expect.poll(() => frame.locator('.queue-row strong').allInnerTexts()).toEqual(['Gepind']);
    expect(await axeViolations(options)).toEqual([]);

    // The settings are the second tab (arrow keys move between the tabs); the link comes back to the queue.
    await options.getByRole('tab', { name: 'Werkbak' }).focus();
    await options.keyboard.press('ArrowRight');
    await options.getByRole('tab', { name: 'Instellingen', selected: true }).waitFor();
    await options.getByLabel('Naam', { exact: false }).first().waitFor();
    const pages = loket.context.pages().length;
    await popup.getByTestId('open-queue').click();
    await options.getByRole('tab', { name: 'Werkbak', selected: true }).waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(loket.context.pages().length).toBe(pages);
    expect(await pinned()).toBe(1);
  });
});
