// The extension API as seen from code that tests evaluate inside extension contexts.
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { name: string; version: string; manifest_version: number };
    id: string;
  };
  i18n: { getMessage(key: string): string; getUILanguage(): string };
  tabs: {
    query(info: Record<string, unknown>): Promise<Array<{ id?: number; url?: string }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
  alarms: { getAll(): Promise<Array<{ name: string; scheduledTime: number }>>; create(name: string, info: { when?: number }): Promise<void> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: Record<string, unknown>): Promise<string>; getTitle(details: Record<string, unknown>): Promise<string> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string; description?: string }>> };
};
