/**
 * The work queue's own tab: the options page's first tab ("Werkbak"), pinned. The popup's link brings an open
 * one forward — found among the extension's own pages, which needs no "tabs" permission — or opens it pinned.
 * The options page says which tab it is (`announceQueueTab`), so the link can bring that tab forward.
 */
import browser from 'webextension-polyfill';

export const QUEUE_HASH = 'werkbak';

interface TabbedWindow extends Window {
  loketTabId?: number;
}

/** Called by the options page: records its tab's id on its window, for `openQueueTab` to find. */
export function announceQueueTab(): void {
  void browser.tabs.getCurrent().then((tab) => {
    if (tab?.id !== undefined) (window as TabbedWindow).loketTabId = tab.id;
  }, () => undefined);
}

/** Brings the options page forward on its queue tab, or opens it in a pinned tab. */
export async function openQueueTab(): Promise<void> {
  const views = (browser.extension.getViews?.({ type: 'tab' }) ?? []) as TabbedWindow[];
  const open = views.find((v) => v.location.pathname === '/options.html' && v.loketTabId !== undefined);
  if (open) {
    open.location.hash = QUEUE_HASH;
    const tab = await browser.tabs.update(open.loketTabId!, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: browser.runtime.getURL(`options.html#${QUEUE_HASH}`), pinned: true });
}
