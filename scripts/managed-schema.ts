/**
 * Completes the policy schema (assets/managed_schema.json) with one key per site wherever a policy value is
 * per site — the own accounts and the response targets — and names the sites a team template may list. The
 * sites come from the site registry (src/sites/registry.ts), so adding a site adds its policy keys; the
 * build writes the result into each browser's package.
 */
import { SITE_METAS } from '../src/sites/registry';
import type { SiteMeta } from '../src/sites/site-meta';

type Schema = { properties?: Record<string, Schema>; items?: Schema; description?: string; [key: string]: unknown };

export function managedSchemaFor(base: Schema, sites: readonly SiteMeta[] = SITE_METAS): Schema {
  const schema = structuredClone(base);
  const at = (...path: string[]): Schema => {
    let node = schema;
    for (const key of path) {
      const next = key === 'items' ? node.items : node.properties?.[key];
      if (!next) throw new Error(`managed_schema.json has no ${path.join('.')}`);
      node = next;
    }
    return node;
  };
  const perSite = (entry: (site: SiteMeta) => Schema) => Object.fromEntries(sites.map((site) => [site.id, entry(site)]));
  at('ownAccounts').properties = perSite((site) => ({ description: site.ownAccountHelp, type: 'array', items: { type: 'string' } }));
  at('sla', 'firstResponseMinutes').properties = perSite(() => ({ type: 'integer' }));
  at('intake', 'sites').properties = perSite(() => ({ type: 'boolean' }));
  at('sla', 'resolutionMinutes').properties = perSite(() => ({ type: 'integer' }));
  at('teamTemplates', 'items', 'sites').description = `Where the template is offered: ${sites.map((s) => JSON.stringify(s.id)).join(', ')}.`;
  return schema;
}
