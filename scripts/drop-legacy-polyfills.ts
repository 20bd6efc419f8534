import type * as esbuild from 'esbuild';

/**
 * twitter-text (X's own length rules) imports core-js 2 polyfills for ES2015 features every supported browser
 * has. They are dead weight, and one of them calls Function() to find the global object, which a page's CSP
 * blocks in Firefox content scripts (it stopped the whole content script). Resolve them to nothing.
 */
export const dropLegacyPolyfills: esbuild.Plugin = {
  name: 'drop-legacy-polyfills',
  setup(build) {
    build.onResolve({ filter: /^core-js\/modules\// }, (args) => ({ path: args.path, namespace: 'dropped-polyfill' }));
    build.onLoad({ filter: /.*/, namespace: 'dropped-polyfill' }, () => ({ contents: '', loader: 'js' }));
  },
};
