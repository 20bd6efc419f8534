/**
 * followSettings: a settings push is a cue to ask again, and the answer asked for last wins — so a push that
 * left the background with settings read before a later change cannot undo that change in a view.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { followSettings } from '../../src/protocol/client';
import { DEFAULT_SETTINGS, PROTOCOL, type Settings } from '../../src/protocol/messages';
import { deliver, resetFakeBrowser, setResponder } from '../support/fake-browser';

/** A background whose answers to settings/get the test releases one by one, in any order. */
function slowBackground() {
  const pending: Array<(settings: Settings) => void> = [];
  setResponder((message) => {
    if ((message as { name?: string }).name !== 'settings/get') return undefined;
    return new Promise((resolve) => pending.push((value) => resolve({ ok: true, value })));
  });
  return pending;
}

const push = () => deliver({ protocol: PROTOCOL, push: 'settings/changed', payload: {} });
const named = (agentName: string): Settings => ({ ...DEFAULT_SETTINGS, agentName });
const flush = () => new Promise((r) => setTimeout(r, 0));

let lifetime: AbortController;
beforeEach(() => {
  resetFakeBrowser();
  lifetime = new AbortController();
});
afterEach(() => lifetime.abort());

describe('followSettings', () => {
  it('resolves with the settings, then asks again on each push and reports what the background says then', async () => {
    const pending = slowBackground();
    const changes: string[] = [];
    const first = followSettings(lifetime.signal, (s) => changes.push(s.agentName));
    pending.shift()!(named('Anna'));
    expect((await first).agentName).toBe('Anna');
    push();
    await flush();
    pending.shift()!(named('Bram'));
    await flush();
    expect(changes).toEqual(['Bram']);
  });

  it('keeps the answer asked for last when two answers cross', async () => {
    const pending = slowBackground();
    const changes: string[] = [];
    await Promise.all([followSettings(lifetime.signal, (s) => changes.push(s.agentName)), flush().then(() => pending.shift()!(named('Anna')))]);
    push();
    push();
    await flush();
    expect(pending).toHaveLength(2);
    // The later question's answer comes first; the earlier one's, older, comes after it and is dropped.
    pending[1]!(named('nieuw'));
    await flush();
    pending[0]!(named('oud'));
    await flush();
    expect(changes).toEqual(['nieuw']);
  });

  it('answers its first question with the newer settings when a push comes before the first answer', async () => {
    const pending = slowBackground();
    const onChange = vi.fn();
    const first = followSettings(lifetime.signal, onChange);
    push();
    await flush();
    pending[1]!(named('nieuw'));
    pending[0]!(named('oud'));
    expect((await first).agentName).toBe('nieuw');
    await flush();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('rejects when the background cannot answer, and stops listening when the signal aborts', async () => {
    setResponder(() => undefined);
    const onChange = vi.fn();
    await expect(followSettings(lifetime.signal, onChange)).rejects.toThrow(/No answer/);
    lifetime.abort();
    setResponder(() => ({ ok: true, value: named('Anna') }));
    push();
    await flush();
    expect(onChange).not.toHaveBeenCalled();
  });
});
