/**
 * Signing in to the team server without a stored password, in the real browser against PouchDB Server with
 * a per-agent user and a `_security` that admits only members: the options page signs in (`POST /_session`),
 * extension storage then holds no password (read in the service worker), the browser holds the server's
 * HttpOnly session cookie; when the server revokes the session, the popup and the options page say
 * "Opnieuw inloggen", sync pauses with the change pending, and after signing in again the change arrives.
 * A password an older version stored is used once to sign in, and deleted.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launchLoket, type Loket } from './support/chromium';
import { readStore } from './support/idb';
import { request } from './support/messages';
import { extensionWithAccessTo } from './support/server-access';
import { patchSettings } from './support/settings';
import { Toolbar } from './support/toolbar';
import { TestServer } from '../sync/support';

const DB = 'loket-team';
const TWEET = 'x:1000000000000000011';
const AGENT = { username: 'anna', password: 'appelboom-7' };
let server: TestServer;
let loket: Loket;
let extensionDir: string;

/** Everything Loket keeps in extension storage, read inside its service worker. */
const storedJson = async () => JSON.stringify(await (await loket.worker()).evaluate(() => (chrome.storage.local.get as unknown as (keys: null) => Promise<object>)(null)));
const serverCase = async () => {
  const doc = await server.json(`/${DB}/case:${TWEET}`);
  return doc.error ? null : (doc.case as { status: string; assignee?: string });
};

async function optionsPage(): Promise<Page> {
  const options = await loket.context.newPage();
  await options.goto(`chrome-extension://${loket.extensionId}/options.html`);
  return options;
}

beforeEach(async () => {
  server = new TestServer();
  await server.start();
  await server.createDb(DB);
  // As docs/sync-server.md tells IT: a user per agent, and only members may use the database.
  await server.json(`/_users/org.couchdb.user:${AGENT.username}`, { method: 'PUT', body: JSON.stringify({ name: AGENT.username, password: AGENT.password, roles: [], type: 'user' }) });
  await server.json(`/${DB}/_security`, { method: 'PUT', body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [AGENT.username], roles: [] } }) });
  extensionDir = extensionWithAccessTo(server.url);
  loket = await launchLoket({ lang: 'nl', extensionDir });
  loket.serve('https://x.com/home', fixture('x/x-home.html'));
  loket.passThrough(server.url);
  await patchSettings(await loket.worker(), { agentName: 'Anna' });
}, 120_000);

afterEach(async () => {
  await loket?.close();
  await server?.dispose();
  if (extensionDir) rmSync(dirname(extensionDir), { recursive: true, force: true });
});

describe('signing in to the team server', () => {
  it('keeps no password, says "Opnieuw inloggen" when the session is revoked, and sends the waiting change after a new login', async () => {
    const options = await optionsPage();
    await options.getByLabel('Samenwerken via de teamserver').check();
    await options.getByLabel('Adres van de server').fill(server.url);
    await options.getByLabel('Database', { exact: true }).fill(DB);
    await options.getByLabel('Gebruikersnaam').fill(AGENT.username);
    await options.getByLabel(/^Wachtwoord/).fill(AGENT.password);
    await options.getByRole('button', { name: 'Verbinding testen' }).click();
    await options.getByTestId('sync-message').filter({ hasText: /^Verbinding in orde/ }).waitFor({ timeout: 30_000 });
    await options.getByRole('button', { name: 'Teamserver opslaan' }).click();
    await options.getByTestId('sync-message').filter({ hasText: /synchroniseert nu/ }).waitFor();
    await options.getByTestId('sync-session').filter({ hasText: /^Ingelogd als anna/ }).waitFor();
    // The password is gone from the page and from extension storage; the browser holds the server's session.
    expect(await options.getByLabel(/^Wachtwoord/).inputValue()).toBe('');
    const stored = await storedJson();
    expect(stored).not.toContain(AGENT.password);
    expect(stored).toContain('"state":"signed-in"');
    const cookies = await loket.context.cookies(server.url);
    expect(cookies.find((c) => c.name === 'AuthSession')).toMatchObject({ httpOnly: true });

    // A case made here reaches the server through the session.
    const page = await loket.open('https://x.com/home');
    const toolbar = new Toolbar(page, TWEET);
    await toolbar.click('[data-lk="track"]');
    await toolbar.waitFor('[data-lk="status"]', (s) => s.value === 'new');
    await expect.poll(async () => (await serverCase())?.status, { timeout: 30_000 }).toBe('new');

    // IT revokes every session (a new server secret). The next change is refused: sync pauses.
    await server.json('/_config/couch_httpd_auth/secret', { method: 'PUT', body: JSON.stringify('ingetrokken-' + Date.now()) });
    await toolbar.click('[data-lk="take"]');
    await toolbar.waitFor('[data-lk="assignee"]', (x) => x.text === 'Bij mij');
    const popup = await loket.openPopup();
    await popup.getByTestId('sync-state').filter({ hasText: /Niet ingelogd bij de teamserver/ }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => popup.getByTestId('sync-state').textContent()).toMatch(/wijzigingen wachten|wachten/);
    await popup.getByRole('link', { name: 'Opnieuw inloggen' }).waitFor();
    expect((await serverCase())?.assignee).toBeUndefined();
    // Nothing lost here: the case is still taken in this browser.
    expect((await readStore<{ id: string; assignee?: string }>(await loket.worker(), 'cases')).find((c) => c.id === TWEET)?.assignee).toBe('Anna');

    // The options page says it too, and signs in again with the password typed once more.
    await options.reload();
    await options.getByTestId('sync-session').filter({ hasText: /^Niet meer ingelogd/ }).waitFor();
    await options.getByLabel(/^Wachtwoord/).fill(AGENT.password);
    await options.getByRole('button', { name: 'Opnieuw inloggen' }).click();
    await options.getByTestId('sync-session').filter({ hasText: /^Ingelogd als anna/ }).waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await serverCase())?.assignee, { timeout: 30_000 }).toBe('Anna');
    await popup.getByTestId('sync-state').filter({ hasText: /Laatst gesynchroniseerd/ }).waitFor({ timeout: 30_000 });
    expect(await storedJson()).not.toContain(AGENT.password);
    for (const p of [options, popup, page]) await p.close();
  }, 180_000);

  it('uses a password an older version stored once, to sign in, and deletes it', async () => {
    // What an older Loket left in extension storage.
    await (await loket.worker()).evaluate(
      ([url, db, user]) => chrome.storage.local.set({ syncConfig: { enabled: true, url, database: db, username: user.username, password: user.password } }),
      [server.url, DB, AGENT] as const,
    );
    const options = await optionsPage();
    await request(options, 'sync/now', {});
    await expect.poll(storedJson, { timeout: 30_000 }).toContain('"state":"signed-in"');
    expect(await storedJson()).not.toContain(AGENT.password);
    await options.reload();
    await options.getByTestId('sync-session').filter({ hasText: /^Ingelogd als anna/ }).waitFor();
    await options.close();
  }, 120_000);
});
