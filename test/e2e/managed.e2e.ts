/**
 * Roll-out by IT: Chromium reads enterprise policy from /etc/chromium/policies/managed/*.json, with Loket's
 * settings under 3rdparty.extensions.<id>. The test loads a copy of dist/chrome (so the policy reaches only
 * that copy's id, never the other tests' extension) and writes a policy for it: the options page shows the
 * organisation's values read-only, the in-page picker offers the team set, and a bad value and an
 * unreachable URL are reported in the options and the popup while the rest applies.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, fixture, launchLoket, unpackedExtensionId, type Loket } from './support/chromium';
import { axeViolations } from './support/axe';
import { Toolbar } from './support/toolbar';

const POLICY_DIR = '/etc/chromium/policies/managed';
const canWritePolicy = (() => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    return true;
  } catch {
    return false;
  }
})();

const copy = mkdtempSync(join(tmpdir(), 'loket-managed-'));
const extensionDir = join(copy, 'ext');
const policyFile = join(POLICY_DIR, `loket-e2e-${process.pid}.json`);
let loket: Loket;

beforeAll(() => {
  if (canWritePolicy) cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
});

// Every test writes the policy afresh and starts a browser profile of its own; the policy goes with the test.
beforeEach(async () => {
  if (!canWritePolicy) return;
  const policy = {
    municipality: 'Gemeente Voorbeeld',
    ownAccounts: { x: ['@gemeentevoorbeeld'], facebook: ['Gemeente Voorbeeld'] },
    sla: { firstResponseMinutes: { x: 30, facebook: 120 }, soonMinutes: 10 },
    retentionDays: 0, // not allowed: reported, the default stays
    teamTemplates: [
      { id: 'org:evenement', title: 'Evenement melden', body: 'Hoi {{voornaam}}, een evenement meldt u via de website van {{gemeente}}. {{paraaf}}', category: 'Vergunningen', language: 'nl', sites: ['x', 'facebook'], shortcut: 'evenement' },
    ],
    tagsUrl: 'https://intranet.gemeente-voorbeeld.example/loket/labels.json', // unreachable
  };
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: policy } } }));
  loket = await launchLoket({ lang: 'nl', extensionDir });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
});

afterEach(async () => {
  await loket?.close();
  rmSync(policyFile, { force: true });
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

describe.skipIf(!canWritePolicy)('settings from enterprise policy', () => {
  it('shows the organisation’s settings read-only and reports what it could not use', async () => {
    const options = await loket.context.newPage();
    await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
    const municipality = options.getByLabel('Gemeente', { exact: true });
    await expect.poll(() => municipality.inputValue(), { timeout: 15_000 }).toBe('Gemeente Voorbeeld');
    expect(await municipality.getAttribute('readonly')).not.toBeNull();
    expect(await options.getByLabel('Eigen accounts', { exact: true }).inputValue()).toBe('@gemeentevoorbeeld, Gemeente Voorbeeld');
    await options.getByTestId('hours-managed').waitFor();
    expect(await options.getByLabel('Eerste reactie op X', { exact: true }).inputValue()).toBe('30');
    expect(await options.getByLabel('Eerste reactie op X', { exact: true }).isDisabled()).toBe(true);
    const problems = options.getByTestId('policy-problems');
    await problems.getByText(/^retentionDays: /).waitFor({ timeout: 15_000 });
    await problems.getByText(/^tagsUrl: .*could not be read/).waitFor({ timeout: 15_000 });
    expect(await options.getByLabel('Gesloten zaken bewaren (dagen)').inputValue()).toBe('90');
    // The agent's own name stays the agent's to set.
    await options.getByLabel('Uw naam', { exact: true }).fill('Anna de Wit');
    await options.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await options.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    expect(await municipality.inputValue()).toBe('Gemeente Voorbeeld');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();

    const popup = await loket.openPopup();
    await popup.getByTestId('policy-problem').filter({ hasText: /tagsUrl/ }).waitFor();
    await popup.close();
  });

  it('offers the organisation’s team templates in the page, filled with its municipality', async () => {
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, 'x:1000000000000000010');
    await toolbar.click('[data-lk="templates"]');
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('evenement');
    await toolbar.waitFor('[data-lk="preview"]', (b) => b.text.includes('via de website van Gemeente Voorbeeld'));
    // The shipped team set made way for the organisation's; nothing else is offered for "container".
    await page.keyboard.press('Control+A');
    await page.keyboard.type('container');
    await toolbar.waitFor('[role="listbox"]', (b) => b.text === '');
    await page.close();
  });
});
