import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        resolve: { alias: { 'webextension-polyfill': fileURLToPath(new URL('./support/fake-browser.ts', import.meta.url)) } },
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          setupFiles: ['test/support/unit-setup.ts'],
          // Parsing a real x.com capture in happy-dom takes ~2 s on a busy 2-core machine; the default 5 s left no
          // room. A timeout is no speed target (those live in `npm run bench`).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // expect.poll waits for a real condition; on a loaded machine (CI, or two cores shared by many
          // browsers) a message round trip through the worker and IndexedDB can take longer than the
          // default second. The toolbar helper waits as long.
          expect: { poll: { timeout: 10_000 } },
          // No retry: every test makes its own state in a browser profile of its own, so a second attempt
          // could only hide a flaky test, never rescue a sound one.
        },
      },
    ],
  },
});
