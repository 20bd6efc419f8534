/**
 * The KCC handover as a round trip, and reply actions. Without sync: a template's actions apply on insert
 * and "Ongedaan maken" puts the case back; a handover is exported once and the KCC's answer file matches
 * back by case reference (a broken file changes nothing). With PouchDB Server and two profiles (webcare and
 * KCC): a handover appears in the KCC's queue, the KCC answers, webcare sees the answer on the case and
 * inserts it as the reply.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { caseReference } from '../../src/domain/case-id';
import type { CaseId } from '../../src/domain/case-id';
import { launchLoket, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { readStore } from './support/idb';
import { request, tweet } from './support/messages';
import { patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { extensionWithAccessTo } from './support/server-access';
import { statusPageWithComposer } from './support/x-pages';
import { ADMIN, TestServer } from '../sync/support';

const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const FOCAL = 'x:1000000000000000001';
const DB = 'loket-kcc';
const open: Loket[] = [];
let server: TestServer | undefined;

const draftText = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __draft: { plainText(w: string): string | null } }).__draft.plainText('inline'));

type StoredCase = { id: string; status: string; handover?: { category: string; exports?: Array<{ via: string }> }; kcc?: { state: string; answer?: string } };
const caseIn = async (loket: Loket, id: string) => (await readStore<StoredCase>(await loket.worker(), 'cases')).find((c) => c.id === id);

async function launch(name: string, extensionDir?: string): Promise<Loket> {
  const loket = await launchLoket({ lang: 'nl', ...(extensionDir ? { extensionDir } : {}) });
  open.push(loket);
  await patchSettings(await loket.worker(), { agentName: name });
  return loket;
}

afterEach(async () => {
  for (const loket of open.splice(0)) await loket.close();
  await server?.dispose();
  server = undefined;
});

describe('reply actions', () => {
  it('applies a template’s handover on insert, shows the actions first, and undoes them within the minute', async () => {
    const loket = await launch('Anna');
    loket.serve(STATUS_URL, await statusPageWithComposer());
    const page = await loket.open(STATUS_URL);
    await page.focus('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type(';;');
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('doorverwezen naar kcc');
    await toolbar.waitFor('[data-lk="preview"]', (b) => /Klant Contact Centrum/.test(b.text));
    // The preview says what inserting will do to the case.
    await toolbar.waitFor('[data-lk="template-actions"]', (b) => /overdragen aan het KCC \(Overig\)/.test(b.text));
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Sjabloonacties toegepast/.test(b.text));
    expect(await draftText(page)).toMatch(/doorgestuurd naar ons Klant Contact Centrum/);
    await expect.poll(async () => (await caseIn(loket, FOCAL))?.status).toBe('handed_over');
    expect((await caseIn(loket, FOCAL))?.handover?.category).toBe('Overig');
    await toolbar.waitFor('[data-lk="kcc-state"]', (b) => /KCC: Ontvangen/.test(b.text));

    await toolbar.click('[data-lk="undo-actions"]');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /ongedaan gemaakt/.test(b.text));
    const undone = await caseIn(loket, FOCAL);
    expect(undone?.status).toBe('new');
    expect(undone?.handover).toBeUndefined();
    expect(await toolbar.find('[data-lk="undo-actions"]')).toBeNull();
    // The undo is in the history, as changes by the agent.
    const events = (await readStore<{ caseId: string; field?: string; after?: unknown; actor: string }>(await loket.worker(), 'events')).filter((e) => e.caseId === FOCAL);
    expect(events.filter((e) => e.field === 'status').map((e) => e.after)).toEqual(['handed_over', 'new']);
    expect(events.every((e) => e.actor === 'Anna')).toBe(true);
    await page.close();
  });
});

describe('the KCC handover without sync', () => {
  it('exports a handover once with its reference, and matches the KCC’s answer file back; a broken file changes nothing', async () => {
    const loket = await launch('Anna');
    const id = '1000000000000000901';
    const caseId = `x:${id}` as CaseId;
    const popup = await loket.openPopup();
    await request(popup, 'case/track', { post: tweet(id, 'Carol', 'Wanneer is mijn paspoort klaar?') });
    await request(popup, 'case/handover', { id: caseId, category: 'Burgerzaken', note: 'Graag nakijken' });
    await popup.reload();
    const section = popup.getByTestId('handovers');
    await section.locator(`[data-handover-id="${caseId}"]`).waitFor();
    const downloading = popup.waitForEvent('download');
    await section.getByRole('button', { name: 'Exporteer CSV' }).click();
    const csv = (await import('node:fs')).readFileSync((await (await downloading).path())!, 'utf8');
    expect(csv).toContain(caseReference(caseId));
    // Exported: not offered again, unless asked; the export is recorded with how and by whom.
    await section.getByTestId('handovers-none-new').waitFor();
    expect((await caseIn(loket, caseId))?.handover?.exports?.map((e) => e.via)).toEqual(['csv']);
    await section.getByTestId('handovers-show-exported').check();
    await section.getByTestId('handover-exported').filter({ hasText: /CSV, Anna/ }).waitFor();

    const input = section.getByTestId('kcc-import');
    await input.setInputFiles({ name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from(`zaaknummer;status\n${caseReference(caseId)};misschien\n`) });
    await section.getByTestId('kcc-import-result').filter({ hasText: /niets veranderd: line 2: status "misschien"/ }).waitFor();
    expect((await caseIn(loket, caseId))?.kcc).toBeUndefined();

    const answers = `zaaknummer;status;antwoord;kcc_kenmerk\r\n${caseReference(caseId)};beantwoord;"Uw paspoort ligt klaar; neem uw oude mee.";KCC-42\r\nW-ZZZZZZ;ontvangen;;\r\n`;
    await input.setInputFiles({ name: 'antwoorden.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${answers}`) });
    await section.getByTestId('kcc-import-result').filter({ hasText: /1 antwoorden van het KCC verwerkt\. Niet gevonden \(niets mee gedaan\): W-ZZZZZZ/ }).waitFor();
    expect((await caseIn(loket, caseId))?.kcc).toMatchObject({ state: 'answered', answer: 'Uw paspoort ligt klaar; neem uw oude mee.', reference: 'KCC-42' });
    await section.locator(`[data-handover-id="${caseId}"][data-kcc-state="answered"]`).filter({ hasText: 'Uw paspoort ligt klaar' }).waitFor();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
  });
});

describe('the KCC handover with team sync', () => {
  it('brings a handover to the KCC’s queue, and the KCC’s answer back to webcare’s toolbar as a reply to insert', async () => {
    server = new TestServer();
    await server.start();
    await server.createDb(DB);
    // Sync signs in with the server's session, which the browser keeps only for a server Loket may reach.
    const extensionDir = extensionWithAccessTo(server.url);
    const webcare = await launch('Anna', extensionDir);
    const kcc = await launch('Kees', extensionDir);
    await patchSettings(await kcc.worker(), { kccRole: true });
    webcare.serve(STATUS_URL, await statusPageWithComposer());
    for (const loket of [webcare, kcc]) {
      loket.passThrough(server.url);
      const options = await loket.context.newPage();
      await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
      await options.getByLabel('Samenwerken via de teamserver').check();
      await options.getByLabel('Adres van de server').fill(server.url);
      await options.getByLabel('Database', { exact: true }).fill(DB);
      await options.getByLabel('Gebruikersnaam').fill(ADMIN.username);
      await options.getByLabel(/^Wachtwoord/).fill(ADMIN.password);
      await options.getByRole('button', { name: 'Teamserver opslaan' }).click();
      await options.getByTestId('sync-message').filter({ hasText: /synchroniseert nu/ }).waitFor({ timeout: 30_000 });
      await options.close();
    }

    // Webcare hands the post over from the toolbar.
    const page = await webcare.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="handover-open"]');
    await toolbar.waitFor('[data-lk="handover-category"]');
    await toolbar.choose('[data-lk="handover-category"]', 'Burgerzaken', 'arrows');
    await toolbar.click('[data-lk="handover-note"]');
    await page.keyboard.type('Vraag over paspoort, graag beantwoorden');
    const sent = Date.now();
    await toolbar.click('[data-lk="handover-submit"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'handed_over');

    // The KCC's popup shows it in its queue within the next poll.
    const queue = await kcc.openPopup();
    const section = queue.getByTestId('handovers');
    await section.filter({ hasText: 'Overdrachten voor het KCC' }).waitFor();
    const row = section.locator(`[data-handover-id="${FOCAL}"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(Date.now() - sent).toBeLessThan(20_000);
    await row.getByText('Vraag over paspoort, graag beantwoorden').waitFor();
    expect(await axeViolations(queue)).toEqual([]);
    await row.getByTestId('kcc-state').selectOption('answered');
    await row.getByTestId('kcc-answer').fill('Uw paspoort ligt vanaf dinsdag klaar bij de balie.');
    await row.getByTestId('kcc-reference').fill('KCC-7');
    await row.getByTestId('kcc-save').click();
    await row.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();

    // Webcare sees the answer on the case, without a reload, and inserts it as the reply.
    await toolbar.waitFor('[data-lk="kcc-state"]', (b) => /Beantwoord door KCC/.test(b.text) && b.text.includes('vanaf dinsdag') && b.text.includes('KCC-7'), 30_000);
    await page.focus('[data-testid="tweetTextarea_0"]');
    await page.keyboard.type(';;');
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await toolbar.waitFor('[data-lk="preview"]', (b) => b.text === 'Uw paspoort ligt vanaf dinsdag klaar bij de balie.');
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));
    expect(await draftText(page)).toBe('Uw paspoort ligt vanaf dinsdag klaar bij de balie.');
    await queue.close();
    await page.close();
  }, 180_000);
});
