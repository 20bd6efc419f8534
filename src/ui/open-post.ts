/** Brings the agent to a post: the tab that shows it if there is one, else a new tab. */
import browser from 'webextension-polyfill';

export async function focusOrOpen(url: string): Promise<void> {
  const [tab] = await browser.tabs.query({ url: `${url.split('#')[0]}*` }).catch(() => []);
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
  } else {
    await browser.tabs.create({ url });
  }
}
