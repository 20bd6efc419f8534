/**
 * The background's part of automatic intake (issue #17, item 1): the cases of posts a page found addressed to
 * the municipality, the count of such posts for the reports, and the account each site's page shows the
 * agent logged in as (offered as an own account on first use; kept in this browser's extension storage only).
 */
import browser from 'webextension-polyfill';
import type { Handlers } from '../protocol/router';
import type { Site } from '../domain/site';
import { countIntakeSeen, takeIn } from '../storage/intake-store';
import { loadSettings } from '../storage/settings';
import { casesChanged, dueRule } from './changes';
import { database } from './database';

const DETECTED_KEY = 'detectedAccounts';

type IntakeHandlers = Pick<Handlers, 'intake/take' | 'intake/seen-count' | 'account/detected' | 'accounts/detected'>;

async function detectedAccounts(): Promise<Partial<Record<Site, string>>> {
  const stored: unknown = (await browser.storage.local.get(DETECTED_KEY))[DETECTED_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Partial<Record<Site, string>>) : {};
}

export function intakeHandlers(now: () => number = Date.now): IntakeHandlers {
  return {
    async 'intake/take'({ items }) {
      const settings = await loadSettings();
      // A page of another version may send what this one's rules would not take: the switch is checked here too.
      const allowed = items.filter((item) => settings.intake.sites[item.post.site]);
      if (allowed.length === 0) return { cases: [], created: 0 };
      const result = await takeIn(await database(), allowed, settings.agentName, now(), dueRule(settings));
      if (result.created.length > 0) await casesChanged(result.created, now());
      return { cases: [...result.created, ...result.existing], created: result.created.length };
    },
    async 'intake/seen-count'({ from, to, site }) {
      return { count: await countIntakeSeen(await database(), from, to, site) };
    },
    async 'account/detected'({ site, account }) {
      const known = await detectedAccounts();
      if (known[site] === account) return { stored: false };
      await browser.storage.local.set({ [DETECTED_KEY]: { ...known, [site]: account } });
      return { stored: true };
    },
    async 'accounts/detected'() {
      return detectedAccounts();
    },
  };
}
