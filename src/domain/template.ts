/** A reply template: text with {{variables}} that an agent inserts into the site's own composer. */
import type { ReplyAction } from './reply-actions';
import type { Site } from './site';

export interface Template {
  id: string;
  title: string;
  body: string;
  category: string;
  language: 'nl' | 'en';
  /** The sites where the template is offered; a DM-only text for one site would be wrong on the other. */
  sites: Site[];
  shortcut?: string;
  /** Team templates come with the extension or from a team file; personal ones are the agent's own. */
  scope: 'personal' | 'team';
  /** Position in the agent's list (0 first), so the agent can put the answers used most at the top. */
  order: number;
  usageCount: number;
  lastUsedAt?: number;
  /** What inserting the template does to its case (reply-actions.ts): status, tags, KCC handover, assign. */
  actions?: ReplyAction[];
  /** When the text was last saved or imported (epoch ms); absent for a default never changed. */
  updatedAt?: number;
}

/** Whether the template is offered on `site`. */
export function suitsSite(template: Pick<Template, 'sites'>, site: Site): boolean {
  return template.sites.includes(site);
}
