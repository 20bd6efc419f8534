/**
 * Pushes a state change to every view: each tab on our sites (content scripts) and every open extension page
 * (popup, options). A view that is gone or has no listener is not an error.
 */
import browser from 'webextension-polyfill';
import { PROTOCOL, type PushEnvelope, type PushName, type Pushes } from '../protocol/messages';
import { siteUrlPatterns } from '../sites/registry';

export async function broadcast<P extends PushName>(push: P, payload: Pushes[P]): Promise<void> {
  const message: PushEnvelope<P> = { protocol: PROTOCOL, push, payload };
  const tabs = await browser.tabs.query({ url: siteUrlPatterns() });
  await Promise.all([
    ...tabs.map((tab) => (tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(ignore))),
    browser.runtime.sendMessage(message).catch(ignore),
  ]);
}

/** A push for one tab only (the one the agent is working in). */
export async function pushToTab<P extends PushName>(tabId: number, push: P, payload: Pushes[P]): Promise<void> {
  const message: PushEnvelope<P> = { protocol: PROTOCOL, push, payload };
  await browser.tabs.sendMessage(tabId, message).catch(ignore);
}

function ignore(): void {
  // No receiver in that view (not loaded yet, or closed): it reads fresh state when it starts.
}
