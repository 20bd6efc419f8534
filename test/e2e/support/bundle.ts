/** Bundles a fixture page's stand-in script (a real editor app) once per test run, safe to inline. */
import * as esbuild from 'esbuild';
import { resolve } from 'node:path';

const bundles = new Map<string, Promise<string>>();

export function bundleFixtureApp(entry: string, define: Record<string, string> = {}): Promise<string> {
  let bundle = bundles.get(entry);
  if (!bundle) {
    bundle = esbuild
      .build({
        entryPoints: [resolve(entry)],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        define: { 'process.env.NODE_ENV': '"production"', ...define },
        logLevel: 'warning',
      })
      .then((r) => r.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script'));
    bundles.set(entry, bundle);
  }
  return bundle;
}

/** Puts a script at the end of a page's body (a function replacement: bundles contain "$&"-like text). */
export function withScript(html: string, script: string): string {
  return html.replace('</body>', () => `<script>${script}</script></body>`);
}
