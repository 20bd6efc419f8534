/**
 * The sites Loket works on, and everything derived from their metas: the `Site` type, host lookup, case
 * ids, labels. Part of the bottom "site meta" layer (see site-meta.ts): imports only the metas.
 *
 * Adding a site: a folder src/sites/<site>/ with its meta.ts (and its DOM adapter, listed in adapters.ts),
 * and one entry in SITE_METAS below. The manifest's hosts, the message and policy schemas, the default
 * response targets, the forms and the labels follow from this list.
 */
import { FACEBOOK_META } from './facebook/meta';
import type { PostKey, SiteMeta } from './site-meta';
import { X_META } from './x/meta';

/** Every site, in the order forms and lists show them. */
export const SITE_METAS = [X_META, FACEBOOK_META] as const;

export type Site = (typeof SITE_METAS)[number]['id'];

/** Names one post or comment across sites and across time: `<site's case-id prefix>:<site's key>`. */
export type CaseId = string & { readonly __brand: 'CaseId' };

export interface ParsedCaseId<S extends string = Site> extends PostKey {
  site: S;
}

/**
 * The helpers over a list of metas. Built once for SITE_METAS below; a test builds them for a list with an
 * extra site to show that everything derived from the registry follows it.
 */
export function createRegistry<S extends string>(metas: readonly SiteMeta<S>[]) {
  const byId = new Map<string, SiteMeta<S>>(metas.map((m) => [m.id, m]));
  const byHost = new Map<string, S>(metas.flatMap((m) => m.hosts.map((h) => [h.toLowerCase(), m.id] as const)));
  const byDomain = new Map<string, S>(metas.flatMap((m) => m.domains.map((d) => [d.toLowerCase(), m.id] as const)));
  const byPrefix = new Map<string, SiteMeta<S>>(metas.map((m) => [`${m.caseId.prefix}:`, m]));
  if (byId.size !== metas.length || byPrefix.size !== metas.length) throw new Error('two sites share an id or a case-id prefix');
  if (byHost.size !== metas.reduce((n, m) => n + m.hosts.length, 0)) throw new Error('two sites share a host');

  const siteMeta = (site: S): SiteMeta<S> => {
    const meta = byId.get(site);
    if (!meta) throw new RangeError(`Not a site: ${JSON.stringify(site)}`);
    return meta;
  };

  const parseCaseId = (value: string): ParsedCaseId<S> | null => {
    const colon = value.indexOf(':');
    const meta = colon < 0 ? undefined : byPrefix.get(value.slice(0, colon + 1));
    const key = meta?.caseId.parse(value.slice(colon + 1));
    return meta && key ? { site: meta.id, ...key } : null;
  };

  const isCaseId = (value: unknown): value is CaseId => typeof value === 'string' && parseCaseId(value) !== null;

  return {
    SITE_METAS: metas,
    /** Every site id, in registry order (a non-empty tuple, as zod's enum wants). */
    SITES: metas.map((m) => m.id) as unknown as readonly [S, ...S[]],
    siteMeta,
    /** The site's name as users see it: "X", "Facebook". */
    siteLabel: (site: S): string => siteMeta(site).label,
    /** Whether a string is one of the sites (data read from storage, a policy or a file). */
    isSite: (value: unknown): value is S => typeof value === 'string' && byId.has(value),
    /** The site Loket runs on at this host, or null. */
    siteForHost: (hostname: string): S | null => byHost.get(hostname.toLowerCase()) ?? null,
    /** The site whose registrable domain this is ("twitter.com" is X), or null. */
    siteForDomain: (domain: string): S | null => byDomain.get(domain.toLowerCase()) ?? null,
    /** Match patterns for every host of every site: the manifest's host permissions, tabs.query. */
    siteUrlPatterns: (): string[] => metas.flatMap((m) => m.hosts.map((h) => `https://${h}/*`)),
    parseCaseId,
    isCaseId,
    /** The case id of a post or comment on a site; throws on ids the site would not make. */
    caseIdFor(site: S, postId: string, commentId?: string): CaseId {
      const { prefix, format, parse } = siteMeta(site).caseId;
      const key = format(postId, commentId);
      // Read per post on every pass of the content script: checked by the site's own parse, not by prefix lookup.
      if (parse(key) === null) throw new RangeError(`Not a valid case id: ${JSON.stringify(`${prefix}:${key}`)}`);
      return `${prefix}:${key}` as CaseId;
    },
    /** The site of a (valid) case id. */
    siteOfCaseId(id: CaseId): S {
      const site = parseCaseId(id)?.site;
      if (site === undefined) throw new RangeError(`Not a valid case id: ${JSON.stringify(id)}`);
      return site;
    },
  };
}

export const {
  SITES,
  siteMeta,
  siteLabel,
  isSite,
  siteForHost,
  siteForDomain,
  siteUrlPatterns,
  parseCaseId,
  isCaseId,
  caseIdFor,
  siteOfCaseId,
} = createRegistry<Site>(SITE_METAS);
