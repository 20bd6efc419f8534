/**
 * Loket's layers, held by a tool instead of a wiki (`npm run lint:deps`, part of `npm test`).
 * docs/architecture.md draws them. From the bottom, each layer may import only the layers below it and itself:
 *
 *   site meta (src/sites/site-meta.ts, src/sites/registry.ts, src/sites/<site>/meta.ts)
 *   → domain/ → exports/ → storage/ → sync/ → protocol/ → sites/ (DOM adapters), ui/
 *   → entry points: background/, content/, popup/, options/, reports/ (never each other)
 *
 * Type-only imports count (`tsPreCompilationDeps: true`): a type import ties two files together as much as a
 * value import does when the type changes.
 */

/** The pure site metadata (id, label, hosts, case-id parsing, default SLA): every layer may use it. */
const SITE_META = '^src/sites/(site-meta|registry)\\.ts$|^src/sites/[^/]+/meta\\.ts$';
const DOMAIN = '^src/domain/';
const EXPORTS = '^src/exports/';
const STORAGE = '^src/storage/';
const SYNC = '^src/sync/';
const PROTOCOL = '^src/protocol/';
const SITES = '^src/sites/';
const UI = '^src/ui/';
const ENTRY_POINTS = '^src/(background|content|popup|options|reports|queue|setup)/';

/** Our own code, as opposed to npm packages and Node built-ins. */
const OURS = '^(src|test|scripts)/';

/** A rule: `from` may import nothing of ours but `allowed` (npm packages are not held here). */
function layer(name, from, allowed, why) {
  return {
    name,
    comment: why,
    severity: 'error',
    from: { path: from, pathNot: SITE_META },
    to: { path: OURS, pathNot: [...allowed, SITE_META] },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment:
        'A cycle makes two files one unit that can only be understood, tested and loaded together; ' +
        'with esbuild it can also leave a value undefined at load time. None anywhere in src/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'site-meta-imports-only-site-meta',
      comment:
        'Site metadata is imported by every layer, domain included, so it must stand on nothing of ours: ' +
        'a site-meta file may import only other site-meta files (and npm packages).',
      severity: 'error',
      from: { path: SITE_META },
      to: { path: OURS, pathNot: SITE_META },
    },
    layer(
      'domain-imports-only-domain',
      DOMAIN,
      [DOMAIN],
      'The domain is pure TypeScript (cases, tags, templates, SLA, office hours): no browser API, no storage, ' +
        'no message contract, no DOM. It is where the product is learnt and unit-tested without a browser.',
    ),
    layer(
      'exports-import-only-domain',
      EXPORTS,
      [EXPORTS, DOMAIN],
      'Output formats (CSV, handover mail, access export, archive) turn domain values into files; they ' +
        'need nothing but the domain, so a format can be changed and tested on plain values.',
    ),
    layer(
      'storage-imports-only-below',
      STORAGE,
      [STORAGE, EXPORTS, DOMAIN],
      'Storage (IndexedDB, extension storage) is below sync: sync uses storage, storage never imports sync, ' +
        'so the database can be opened, migrated and tested with no replication code.',
    ),
    layer(
      'sync-imports-only-below',
      SYNC,
      [SYNC, STORAGE, EXPORTS, DOMAIN],
      'Sync replicates what storage holds; it may use storage and everything below, nothing above.',
    ),
    layer(
      'protocol-imports-only-below',
      PROTOCOL,
      [PROTOCOL, SYNC, STORAGE, EXPORTS, DOMAIN],
      'The message contract names the types that cross contexts; nothing below it may import it ' +
        '(it would tie the domain and storage to one transport).',
    ),
    layer(
      'sites-import-only-below',
      SITES,
      [SITES, PROTOCOL, SYNC, STORAGE, EXPORTS, DOMAIN],
      'The DOM adapters read X and Facebook pages; they do not draw our UI (ui/ is beside them, not below) ' +
        'and are never imported by an entry point of another page.',
    ),
    layer(
      'ui-imports-only-below',
      UI,
      [UI, PROTOCOL, SYNC, STORAGE, EXPORTS, DOMAIN],
      'Shared UI components draw domain values; they know no site (sites/ is beside them, not below): ' +
        'whatever a site decides reaches them as data.',
    ),
    {
      name: 'entry-points-do-not-import-each-other',
      comment:
        'Each entry point (background, content, popup, options, reports, queue, setup) is its own bundle in its own ' +
        'context; importing another one drags its code and side effects into the wrong context. Shared ' +
        'code goes down a layer.',
      severity: 'error',
      from: { path: '^src/(background|content|popup|options|reports|queue|setup)/' },
      to: { path: ENTRY_POINTS, pathNot: '^src/$1/' },
    },
    {
      name: 'src-does-not-import-tests-or-scripts',
      comment: 'Tests and build scripts are not shipped: code in src/ that imports them breaks the build or ships test code.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve is a typo or a missing package; say so here, not at build time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
