import { DEFAULT_SETTINGS } from '../../src/protocol/messages';
import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { loadSettings, saveSettings } from '../../src/storage/settings';

describe('agent settings', () => {
  it('keeps what an older version stored when a new field is added', async () => {
    await browser.storage.local.set({ settings: { agentName: 'Anna', initials: '^AW', municipality: 'Voorbeeld' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, agentName: 'Anna', initials: '^AW', municipality: 'Voorbeeld', ownAccounts: '' });
  });

  it('falls back to empty settings when what is stored is not settings', async () => {
    await browser.storage.local.set({ settings: 'garbage' });
    expect((await loadSettings()).agentName).toBe('');
    await saveSettings({ ...DEFAULT_SETTINGS, agentName: 'Bram', ownAccounts: '@gemeente' });
    expect((await loadSettings()).ownAccounts).toBe('@gemeente');
  });
});
