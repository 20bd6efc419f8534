/**
 * Each site's DOM adapter, by site. Typed by the registry's `Site`, so a site added to the registry without
 * its adapter here is a compile error. Only the content script imports this (it pulls in every site's DOM code).
 */
import { facebookAdapter } from './facebook/adapter';
import type { Site } from './registry';
import type { SiteAdapter } from './site-adapter';
import { xAdapter } from './x/adapter';

export const SITE_ADAPTERS: Readonly<Record<Site, SiteAdapter>> = { x: xAdapter, facebook: facebookAdapter };
