/** facebook.com pages for the end-to-end tests: the hand-built fixtures with real Lexical comment boxes. */
import { bundleFixtureApp, withScript } from './bundle';
import { fixture } from './fixtures';

/** A fixture page with its comment boxes turned into real Lexical editors (see the app's header). */
export async function facebookPage(file: string): Promise<string> {
  return withScript(fixture(file), await bundleFixtureApp('test/fixtures/facebook/lexical-comments/app.ts'));
}
