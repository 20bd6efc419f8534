/** A reply template: text with {{variables}} that an agent inserts into the site's own composer. */
import type { Site } from './site';

export interface Template {
  id: string;
  title: string;
  body: string;
  category: string;
  language: 'nl' | 'en';
  sites: Site[];
  shortcut?: string;
  scope: 'personal' | 'team';
  usageCount: number;
  lastUsedAt?: number;
}
