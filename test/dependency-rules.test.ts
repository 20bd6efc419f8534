// @vitest-environment node
/**
 * The layer rules of .dependency-cruiser.cjs can fail: on a small tree (test/fixtures/layers) that breaks
 * each rule once, each rule reports exactly its break, and the imports the rules allow (every layer using
 * the site-meta layer, site-meta files using each other, sync using storage) report nothing.
 * `npm run lint:deps` runs the same rules over src/.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as { forbidden: unknown[]; options: Record<string, unknown> };

async function violations(): Promise<string[]> {
  // The fixture needs no tsconfig paths: its imports are all relative.
  const { tsConfig: _tsConfig, ...options } = config.options;
  const baseDir = fileURLToPath(new URL('./fixtures/layers', import.meta.url));
  const result = await cruise(['src'], { ...options, baseDir, validate: true, ruleSet: { forbidden: config.forbidden } } as never);
  const output = result.output as ICruiseResult;
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('the layer rules', () => {
  it('find each break in the fixture tree, and nothing else', { timeout: 60_000 }, async () => {
    expect(await violations()).toEqual([
      'domain-imports-only-domain: src/domain/case.ts → src/sites/x/adapter.ts',
      'entry-points-do-not-import-each-other: src/popup/index.ts → src/options/index.ts',
      'exports-import-only-domain: src/exports/csv.ts → src/storage/db.ts',
      // A cycle through the site-meta layer is still a cycle (registry → instagram/meta → domain → registry).
      'no-circular: src/domain/case-id.ts → src/sites/registry.ts',
      'no-circular: src/domain/case.ts → src/sites/x/adapter.ts',
      'no-circular: src/storage/db.ts → src/sync/merge.ts',
      'site-meta-imports-only-site-meta: src/sites/instagram/meta.ts → src/domain/case-id.ts',
      'sites-import-only-below: src/sites/x/adapter.ts → src/ui/toolbar.ts',
      'src-does-not-import-tests-or-scripts: src/options/index.ts → test/helper.ts',
      // Type-only imports count: these two are `import type`.
      'storage-imports-only-below: src/storage/db.ts → src/sync/merge.ts',
      'storage-imports-only-below: src/storage/settings.ts → src/protocol/messages.ts',
      'ui-imports-only-below: src/ui/picker.ts → src/sites/x/adapter.ts',
    ]);
  });
});
