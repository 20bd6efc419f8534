/** facebook.com pages for the end-to-end tests: the hand-built fixtures with real Lexical comment boxes. */
import * as esbuild from 'esbuild';
import { resolve } from 'node:path';
import { fixture } from './fixtures';

let bundle: Promise<string> | undefined;

function lexicalBundle(): Promise<string> {
  bundle ??= esbuild
    .build({
      entryPoints: [resolve('test/fixtures/facebook/lexical-comments/app.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    })
    .then((r) => r.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script'));
  return bundle;
}

/** A fixture page with its comment boxes turned into real Lexical editors (see the app's header). */
export async function facebookPage(file: string): Promise<string> {
  const script = await lexicalBundle();
  return fixture(file).replace('</body>', () => `<script>${script}</script></body>`);
}
