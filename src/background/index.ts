/**
 * The background worker (a service worker in Chrome, an event page in Firefox). It keeps nothing that matters
 * in memory: the browser may stop it at any moment, and the next message starts it again. Listeners are
 * registered synchronously at the top level so a message that wakes the worker is delivered.
 */
import browser from 'webextension-polyfill';
import { createRouter } from '../protocol/router';
import { siteForHost } from '../sites/registry';
import { ALARM, refreshTimers } from './alerts';
import { loadSettings } from '../storage/settings';
import { getCase } from '../storage/case-store';
import { isCaseId } from '../domain/case-id';
import { focusOrOpen } from '../ui/open-post';
import { broadcast, pushToTab } from './broadcast';
import { purgeExpired } from '../storage/privacy-store';
import { purgePolicy } from '../storage/team-retention';
import { applyPolicyData, policyChanged } from '../storage/policy';
import { SYNC_ALARM, syncLoop } from './sync';
import { casesRemoved, settingsChanged } from './changes';
import type { Settings } from '../protocol/messages';

/** Hourly: the retention purge, and the organisation's template and tag sets read again. */
const HOURLY_ALARM = 'loket-hourly';
/** Who the audit record names for a purge: no agent did it, the retention rule did. */
const RETENTION_ACTOR = 'Loket (bewaartermijn)';
import { database } from './database';
import { createHandlers } from './handlers';

const route = createRouter(createHandlers(), {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  allowedHost: (host) => siteForHost(host) !== null,
});

// Only the background answers requests, so every message that reaches it is one: anything malformed gets an
// error answer rather than silence.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => route(message, sender));

/** Removes closed cases past their retention period; runs hourly and at every start. */
async function purge(): Promise<void> {
  const db = await database();
  // In a team: the team's period (a local value only longer), and only on cases merged by a recent sync.
  const policy = await purgePolicy(db, Date.now());
  if (!policy) return;
  const { ids } = await purgeExpired(db, policy, RETENTION_ACTOR, Date.now());
  await casesRemoved(ids, Date.now());
}

/**
 * The organisation's team templates and tags (inline in the policy or at its URL), merged into the stores;
 * then the settings in force, which the policy may have changed since `before`, follow as a saved change does.
 */
async function applyPolicy(before: Settings): Promise<void> {
  const changed = await applyPolicyData(await database(), Date.now());
  if (changed.templates) await broadcast('templates/changed', {});
  await settingsChanged(before, await loadSettings(), Date.now());
}
const reapplyPolicy = () => void loadSettings().then(applyPolicy);

// The browser keeps neither the badge nor our alarms across every restart: redo them from the database.
const started = () => {
  void browser.alarms.create(SYNC_ALARM, { periodInMinutes: 1 });
  void refreshTimers();
  void browser.alarms.create(HOURLY_ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
  void purge();
  reapplyPolicy();
};
browser.runtime.onStartup.addListener(started);
browser.runtime.onInstalled.addListener((details: browser.Runtime.OnInstalledDetailsType) => {
  started();
  // A new install: the short first-run setup (name, initials, municipality, hours), in Dutch first.
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('setup.html') });
});
browser.alarms.onAlarm.addListener((alarm: browser.Alarms.Alarm) => {
  if (alarm.name === ALARM) void refreshTimers();
  else if (alarm.name === SYNC_ALARM) void syncLoop().syncNow();
  else if (alarm.name === HOURLY_ALARM) {
    void purge();
    reapplyPolicy();
  }
});

// IT changed the policy while the browser runs: it applies at once.
browser.storage.onChanged.addListener((_changes: Record<string, browser.Storage.StorageChange>, area: string) => {
  if (area !== 'managed') return;
  // The settings as they were, before the cached policy is dropped: what changed is then followed.
  void loadSettings().then((before) => {
    policyChanged();
    return applyPolicy(before);
  });
});

// A click on an alert brings the agent to the post.
browser.notifications.onClicked.addListener((id: string) => {
  const caseId = id.startsWith('loket:') ? id.slice('loket:'.length) : null;
  if (!caseId || !isCaseId(caseId)) return;
  void database()
    .then((db) => getCase(db, caseId))
    .then((c) => c && focusOrOpen(c.url))
    .then(() => browser.notifications.clear(id));
});

// The template shortcut (rebindable at chrome://extensions/shortcuts or in Firefox's add-on manager).
browser.commands.onCommand.addListener((command: string, tab?: browser.Tabs.Tab) => {
  if (command === 'open-templates' && tab?.id !== undefined) void pushToTab(tab.id, 'templates/open', {});
});

// Team sync (when set up): runs while the worker lives; the alarm above wakes it when the browser stopped it.
syncLoop().start();
