/**
 * The background worker (a service worker in Chrome, an event page in Firefox). It keeps nothing that matters
 * in memory: the browser may stop it at any moment, and the next message starts it again. Listeners are
 * registered synchronously at the top level so a message that wakes the worker is delivered.
 */
import browser from 'webextension-polyfill';
import { createRouter } from '../protocol/router';
import { siteForHost } from '../sites/hosts';
import { updateBadge } from './badge';
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

// The badge is not kept by the browser across restarts of the browser: draw it from the database.
browser.runtime.onStartup.addListener(() => void database().then((db) => updateBadge(db, Date.now())));
browser.runtime.onInstalled.addListener(() => void database().then((db) => updateBadge(db, Date.now())));
