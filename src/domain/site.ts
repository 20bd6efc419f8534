/** The sites Loket works on: a re-export of the site registry (src/sites/registry.ts), where sites are added. */
export { SITES, siteLabel, siteMeta, type Site } from '../sites/registry';
