/**
 * Bundles another entry as the content script (`content.js`) into a copy of a built extension: the
 * benchmark's floors, and an unminified build for the profiler. As scripts/build.ts bundles the real one.
 */
import * as esbuild from 'esbuild';
import { dropLegacyPolyfills } from '../../drop-legacy-polyfills';

export async function bundleContentEntry(root: string, entry: string, outdir: string, options: { minify?: boolean; define?: Record<string, string> } = {}): Promise<void> {
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { content: entry },
    outdir,
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    minify: options.minify ?? true,
    keepNames: false,
    logLevel: 'warning',
    plugins: [dropLegacyPolyfills],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"', ...options.define },
  });
}
