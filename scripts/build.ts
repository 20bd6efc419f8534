/**
 * Builds Loket into dist/chrome and dist/firefox, each with its own manifest, and writes store-ready zips.
 *   npm run build            production: minified, no source maps, zips in dist/
 *   npm run build -- --watch development: inline source maps, rebuilds on every change (no zips)
 */
import * as esbuild from 'esbuild';
import { zipSync } from 'fflate';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, watch as watchFs } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { managedSchemaFor } from './managed-schema';
import { manifestFor, type Browser } from './manifest';
import { dropLegacyPolyfills } from './drop-legacy-polyfills';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BROWSERS: Browser[] = ['chrome', 'firefox'];
const watching = process.argv.includes('--watch');

const STATIC_FILES: Array<[string, string]> = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/options/options.html', 'options.html'],
  ['src/ui/pages.css', 'pages.css'],
  ['src/reports/reports.html', 'reports.html'],
  ['src/reports/reports.css', 'reports.css'],
  ['src/queue/queue.html', 'queue.html'],
  ['src/setup/setup.html', 'setup.html'],
];

const buildOptions: esbuild.BuildOptions = {
  plugins: [dropLegacyPolyfills],
  absWorkingDir: root,
  entryPoints: {
    background: 'src/background/index.ts',
    content: 'src/content/index.ts',
    popup: 'src/popup/index.tsx',
    options: 'src/options/index.tsx',
    reports: 'src/reports/index.tsx',
    queue: 'src/queue/index.tsx',
    setup: 'src/setup/index.tsx',
  },
  outdir: join(dist, 'chrome'),
  bundle: true,
  format: 'iife',
  target: ['chrome120', 'firefox128'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: !watching,
  sourcemap: watching ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': watching ? '"development"' : '"production"' },
};

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Everything but the bundles: manifests, pages, icons, locales. The bundles go to chrome first, then are copied. */
function finish(): void {
  const base = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const managedSchema = managedSchemaFor(JSON.parse(readFileSync(join(root, 'assets', 'managed_schema.json'), 'utf8')));
  const version = packageVersion();
  for (const browser of BROWSERS) {
    const out = join(dist, browser);
    mkdirSync(out, { recursive: true });
    if (browser !== 'chrome') {
      for (const file of ['background.js', 'content.js', 'popup.js', 'options.js', 'reports.js', 'queue.js', 'setup.js']) cpSync(join(dist, 'chrome', file), join(out, file));
    }
    cpSync(join(root, 'assets'), out, { recursive: true });
    for (const [from, to] of STATIC_FILES) cpSync(join(root, from), join(out, to));
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(base, browser, version), null, 2)}\n`);
    // The hosts (manifest) and the policy's per-site keys come from the site registry.
    writeFileSync(join(out, 'managed_schema.json'), `${JSON.stringify(managedSchema, null, 2)}\n`);
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function writeZips(): string[] {
  const version = packageVersion();
  return BROWSERS.map((browser) => {
    const dir = join(dist, browser);
    const entries: Record<string, Uint8Array> = {};
    for (const file of filesUnder(dir)) {
      if (file.endsWith('.map')) continue;
      entries[relative(dir, file).split('\\').join('/')] = readFileSync(file);
    }
    const zipPath = join(dist, `loket-${browser}-${version}.zip`);
    writeFileSync(zipPath, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
    return zipPath;
  });
}

async function main(): Promise<void> {
  rmSync(dist, { recursive: true, force: true });
  if (!watching) {
    await esbuild.build(buildOptions);
    finish();
    for (const zip of writeZips()) console.log(`wrote ${relative(root, zip)}`);
    console.log(`built dist/chrome and dist/firefox (version ${packageVersion()})`);
    return;
  }
  const ctx = await esbuild.context({
    ...buildOptions,
    plugins: [
      dropLegacyPolyfills,
      {
        name: 'loket-finish',
        setup(build) {
          build.onEnd((result) => {
            if (result.errors.length > 0) return;
            finish();
            console.log(`[${new Date().toLocaleTimeString()}] rebuilt dist/chrome and dist/firefox`);
          });
        },
      },
    ],
  });
  await ctx.watch();
  // esbuild watches the bundles' sources; static files and the manifest are watched here.
  for (const path of ['assets', 'manifest.json', ...STATIC_FILES.map(([from]) => from)]) {
    if (existsSync(join(root, path))) watchFs(join(root, path), { recursive: true }, () => void ctx.rebuild().catch(() => undefined));
  }
  console.log('watching for changes (Ctrl+C stops)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
