/**
 * The organisation's own officialese (policy key `officialese`, issue #20) end to end: a real Chromium policy
 * file adds a pair Loket's list does not have ("kliko" → "container"); the template picker's B1 check shows
 * its advice for the organisation's team template, and once that template is in X's real Draft.js reply box,
 * the B1 indicator beside the box gives the same advice. As in managed.e2e.ts, the test loads a copy of
 * dist/chrome, so the policy reaches only that copy's id.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchLoket, unpackedExtensionId, type Loket } from './support/chromium';
import { Indicator } from './support/reply-indicator';
import { Toolbar } from './support/toolbar';
import { statusPageWithComposer } from './support/x-pages';

const POLICY_DIR = '/etc/chromium/policies/managed';
const canWritePolicy = (() => {
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    return true;
  } catch {
    return false;
  }
})();

const STATUS_URL = 'https://x.com/bob/status/1000000000000000001';
const FOCAL = 'x:1000000000000000001';
const ADVICE = /Ambtelijk: “kliko”, liever: container/;
const copy = mkdtempSync(join(tmpdir(), 'loket-officialese-'));
const extensionDir = join(copy, 'ext');
const policyFile = join(POLICY_DIR, `loket-e2e-officialese-${process.pid}.json`);
let loket: Loket;

beforeAll(() => {
  if (canWritePolicy) cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
});

beforeEach(async () => {
  if (!canWritePolicy) return;
  const policy = {
    officialese: { replaceDefaults: false, words: [{ word: 'kliko', plain: 'container' }] },
    teamTemplates: [
      { id: 'org:kliko', title: 'Kliko kapot', body: 'Hoi {{voornaam}}, is uw kliko kapot? Meld het op de website. Wij komen dan langs.', category: 'Afval', language: 'nl', sites: ['x', 'facebook'], shortcut: 'kliko' },
    ],
  };
  writeFileSync(policyFile, JSON.stringify({ '3rdparty': { extensions: { [unpackedExtensionId(extensionDir)]: policy } } }));
  loket = await launchLoket({ lang: 'nl', extensionDir });
  loket.serve(STATUS_URL, await statusPageWithComposer());
});

afterEach(async () => {
  await loket?.close();
  rmSync(policyFile, { force: true });
});

afterAll(() => {
  rmSync(copy, { recursive: true, force: true });
});

describe.skipIf(!canWritePolicy)('the organisation’s officialese', () => {
  it('is pointed out in the template picker’s preview and by the indicator beside the reply box', async () => {
    const page = await loket.open(STATUS_URL);
    const toolbar = new Toolbar(page, FOCAL);
    await toolbar.click('[data-lk="templates"]');
    await toolbar.waitFor('[data-lk="template-search"]', (b) => b.focused);
    await page.keyboard.type('kliko');
    // The policy is read by the background; the first preview may come before it is: wait for the advice.
    const preview = await toolbar.waitFor('[data-lk="readability"]', (b) => ADVICE.test(b.text), 15_000);
    expect(preview.text).toMatch(/Nog niet B1/);
    await page.keyboard.press('Enter');
    await toolbar.waitFor('[data-lk="notice"]', (b) => /Ingevoegd/.test(b.text));

    const indicator = new Indicator(page);
    await indicator.waitFor('[data-lk="indicator-toggle"]', (b) => b.verdict === 'advice');
    await indicator.click('[data-lk="indicator-toggle"]');
    const panel = await indicator.waitFor('[data-lk="indicator-panel"]');
    expect(panel.text).toMatch(ADVICE);
    await page.close();
  });
});
