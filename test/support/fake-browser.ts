/**
 * A small in-memory stand-in for webextension-polyfill, for unit tests in happy-dom only. It implements
 * what the units under test call — i18n from the real Dutch catalogue, storage.local, runtime messaging —
 * and records what was sent. End-to-end tests use the real browser APIs.
 */
import nl from '../../assets/_locales/nl/messages.json';

type Listener = (message: unknown, sender: unknown) => unknown;
type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const storage = new Map<string, unknown>();
const listeners = new Set<Listener>();
export const sent: unknown[] = [];
/** What the units asked of the browser's UI APIs: alarms set, notifications shown, badge drawn. */
export const alarms = new Map<string, { when?: number }>();
export const notifications: Array<{ id: string; title: string; message: string }> = [];
export const badge: { text?: string; color?: string; title?: string } = {};
/** What enterprise policy gives (storage.managed). */
export let managed: Record<string, unknown> = {};
export function setManaged(policy: Record<string, unknown>): void {
  managed = policy;
}
let responder: (message: unknown) => unknown = () => undefined;

export function setResponder(fn: (message: unknown) => unknown): void {
  responder = fn;
}

export function resetFakeBrowser(): void {
  storage.clear();
  listeners.clear();
  sent.length = 0;
  responder = () => undefined;
  alarms.clear();
  managed = {};
  notifications.length = 0;
  for (const key of Object.keys(badge)) delete badge[key as keyof typeof badge];
}

/** Delivers a message to the registered onMessage listeners, as the browser would. */
export function deliver(message: unknown, sender: unknown = {}): void {
  for (const l of listeners) l(message, sender);
}

export function getMessage(key: string, substitutions: string[] = []): string {
  const entry = (nl as Catalogue)[key];
  if (!entry) return '';
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.replace('$', '')) - 1;
    text = text.replace(new RegExp(`\\$${name}\\$`, 'gi'), substitutions[index] ?? '');
  }
  return text;
}

const browser = {
  i18n: { getMessage, getUILanguage: () => 'nl' },
  runtime: {
    id: 'fake-extension-id',
    getURL: (path: string) => `chrome-extension://fake-extension-id/${path}`,
    getManifest: () => ({ version: '0.0.0-test' }),
    async sendMessage(message: unknown) {
      sent.push(message);
      return responder(message);
    },
    onMessage: {
      addListener: (l: Listener) => listeners.add(l),
      removeListener: (l: Listener) => listeners.delete(l),
    },
  },
  storage: {
    managed: { get: async () => structuredClone(managed) },
    onChanged: { addListener: () => undefined },
    local: {
      async get(key: string) {
        return storage.has(key) ? { [key]: structuredClone(storage.get(key)) } : {};
      },
      async set(items: Record<string, unknown>) {
        for (const [k, v] of Object.entries(items)) storage.set(k, structuredClone(v));
      },
    },
  },
  tabs: { query: async () => [], sendMessage: async () => undefined },
  alarms: {
    async create(name: string, info: { when?: number }) {
      alarms.set(name, info);
    },
    async clear(name: string) {
      return alarms.delete(name);
    },
  },
  notifications: {
    async create(id: string, options: { title: string; message: string }) {
      notifications.push({ id, title: options.title, message: options.message });
      return id;
    },
  },
  action: {
    async setBadgeText({ text }: { text: string }) {
      badge.text = text;
    },
    async setBadgeBackgroundColor({ color }: { color: string }) {
      badge.color = color;
    },
    async setTitle({ title }: { title: string }) {
      badge.title = title;
    },
  },
  commands: { getAll: async () => [{ name: 'open-templates', shortcut: 'Alt+Shift+Y' }] },
};

export default browser;
