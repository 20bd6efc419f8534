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
          // A browser test that fails for a reason outside our code (a slow start on a loaded CI machine)
          // gets one more chance; a real defect fails twice.
          retry: 1,
        },
      },
    ],
  },
});
