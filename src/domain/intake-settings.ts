/**
 * The intake settings (issue #17, item 1): intake on or off per channel, "mentions only" (on X: not replies
 * to an own account), extra keywords or hashtags, and the team's own personal accounts (colleagues' posts are
 * never cases). The organisation can set and lock them as one policy key, `intake`. The own accounts are
 * Settings.ownAccounts, shared with the wrong-account guard.
 */
import { AccountSet, parseKeywords, type IntakeRules } from './intake-rules';
import { SITES, type Site } from './site';

export interface IntakeSettings {
  /** Per channel: whether posts addressed to the municipality become cases by themselves. */
  sites: Record<Site, boolean>;
  /** X: only mentions count, not replies to an own account. */
  mentionsOnly: boolean;
  /** Extra keywords or hashtags, comma-separated: "#gemeentewesterzand, grofvuil". */
  keywords: string;
  /** Colleagues' accounts (X handles, Facebook names), comma-separated: their posts never become cases. */
  teamAccounts: string;
}

export const DEFAULT_INTAKE: IntakeSettings = {
  sites: Object.fromEntries(SITES.map((s) => [s, true])) as Record<Site, boolean>,
  mentionsOnly: false,
  keywords: '',
  teamAccounts: '',
};

/** The rules for these settings (build once per settings change, not per post). */
export function intakeRules(intake: IntakeSettings | undefined, ownAccounts: string): IntakeRules {
  const settings = intake ?? DEFAULT_INTAKE;
  return {
    sites: settings.sites,
    mentionsOnly: settings.mentionsOnly,
    own: new AccountSet(ownAccounts),
    team: new AccountSet(settings.teamAccounts),
    keywords: parseKeywords(settings.keywords),
  };
}
