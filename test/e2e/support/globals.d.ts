// The extension API as seen from code that tests evaluate inside extension contexts.
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): { name: string; version: string; manifest_version: number };
    id: string;
  };
  i18n: { getMessage(key: string): string; getUILanguage(): string };
};
