/**
 * Every user-facing string goes through here. Keys are typed from the Dutch catalogue (the default locale),
 * so a missing key is a compile error; a unit test keeps the English catalogue in step.
 */
import browser from 'webextension-polyfill';
import type nl from '../../assets/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

export function t(key: MessageKey, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The locale of the catalogue the browser picked for us, so dates and numbers match the words around them. */
export function uiLocale(): string {
  return t('dateLocale');
}
