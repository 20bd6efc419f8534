import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountGuard, ownAccountFor, wrongAccount } from '../../src/content/account-guard';
import { DEFAULT_SETTINGS, type Settings } from '../../src/protocol/messages';
import { facebookAdapter } from '../../src/sites/facebook/adapter';
import { xAdapter } from '../../src/sites/x/adapter';
import { loadPage } from '../support/fixtures';

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ownAccounts: '@gemeente, Gemeente Voorbeeld', ...over });
const life = new AbortController();
afterEach(() => life.abort());

describe('the wrong-account guard', () => {
  it('names an account that is not one of the own accounts, and nothing else', () => {
    expect(wrongAccount({ handle: '@persoonlijk' }, settings())).toBe('@persoonlijk');
    expect(wrongAccount({ handle: '@Gemeente' }, settings())).toBeNull();
    expect(wrongAccount({ name: 'Gemeente  voorbeeld' }, settings())).toBeNull();
    expect(wrongAccount({ name: 'Piet' }, settings())).toBe('Piet');
    expect(wrongAccount(null, settings())).toBeNull();
    // Off by the setting, and with no own accounts to compare with.
    expect(wrongAccount({ handle: '@persoonlijk' }, settings({ accountGuard: false }))).toBeNull();
    expect(wrongAccount({ handle: '@persoonlijk' }, settings({ ownAccounts: '' }))).toBeNull();
  });

  it('names the own account in the site’s form', () => {
    expect(ownAccountFor(xAdapter, 'Gemeente Voorbeeld, @gemeente')).toBe('@gemeente');
    expect(ownAccountFor(facebookAdapter, '@gemeente, Gemeente Voorbeeld')).toBe('Gemeente Voorbeeld');
  });

  it('on the X capture logged in as @alice: warns once when a reply box gets focus, until dismissed, never again', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    document.body.insertAdjacentHTML('beforeend', '<div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div>');
    const onWarn = vi.fn();
    const guard = new AccountGuard(xAdapter, () => settings(), onWarn);
    guard.listen(life.signal);
    const editor = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
    editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(onWarn).toHaveBeenCalledWith(editor);
    expect(guard.warning).toBe('Je reageert als @alice, niet als @gemeente. Klopt dat?');
    editor.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(onWarn).toHaveBeenCalledTimes(1);
    guard.dismiss();
    expect(guard.warning).toBeUndefined();
    expect(guard.check(editor)).toBe(false);
    expect(onWarn).toHaveBeenCalledTimes(1);
  });

  it('warns for a reply box that had the focus before it started, once the posts are drawn (checkFocused)', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    document.body.insertAdjacentHTML('beforeend', '<div data-testid="tweetTextarea_0" contenteditable="true" role="textbox"></div>');
    const editor = document.querySelector<HTMLElement>('[data-testid="tweetTextarea_0"]')!;
    editor.focus();
    const onWarn = vi.fn();
    const guard = new AccountGuard(xAdapter, () => settings(), onWarn);
    guard.listen(life.signal);
    expect(onWarn).not.toHaveBeenCalled(); // no focusin comes for a box focused already
    guard.checkFocused();
    expect(onWarn).toHaveBeenCalledWith(editor);
    guard.checkFocused();
    expect(onWarn).toHaveBeenCalledTimes(1);
  });

  it('says nothing when logged in as an own account, or when the setting is off', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const onWarn = vi.fn();
    expect(new AccountGuard(xAdapter, () => settings({ ownAccounts: '@alice' }), onWarn).check(null)).toBe(false);
    expect(new AccountGuard(xAdapter, () => settings({ accountGuard: false }), onWarn).check(null)).toBe(false);
    expect(onWarn).not.toHaveBeenCalled();
  });
});
