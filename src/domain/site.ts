/** The sites Loket works on: a re-export of the site registry (src/sites/registry.ts), where sites are added. */
export { SITE_METAS, SITES, siteForDomain, siteLabel, siteMeta, type Site } from '../sites/registry';
