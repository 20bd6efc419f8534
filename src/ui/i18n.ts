/**
 * Every user-facing string goes through here. Keys are typed from the Dutch catalogue (the default locale),
 * so a missing key is a compile error; a unit test keeps the English catalogue in step.
 */
import browser from 'webextension-polyfill';
import type nl from '../../assets/_locales/nl/messages.json';

export type MessageKey = keyof typeof nl;

const MARK = (i: number) => `\u0001${i}\u0002`;
const MARKS = /\u0001(\d)\u0002/g;
const catalogue = new Map<string, string>();

/**
 * Every toolbar asks for the same few words, so each message is fetched from the browser once, with markers
 * where its substitutions go, and filled in here after that.
 */
export function t(key: MessageKey, ...substitutions: string[]): string {
  let text = catalogue.get(key);
  if (text === undefined) {
    text = browser.i18n.getMessage(key, Array.from({ length: 9 }, (_, i) => MARK(i))) || key;
    catalogue.set(key, text);
  }
  return text.includes('\u0001') ? text.replace(MARKS, (_, i: string) => substitutions[Number(i)] ?? '') : text;
}

/** The locale of the catalogue the browser picked for us, so dates and numbers match the words around them. */
export function uiLocale(): string {
  return t('dateLocale');
}
