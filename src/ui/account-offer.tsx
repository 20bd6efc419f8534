/**
 * "Gevonden: @gemeente — toevoegen": the account a site's page last showed the agent logged in as (X's side
 * navigation, Facebook's "Reageren als …"), offered as an own account while none of that site is set. The
 * background keeps the last one per site; nothing leaves the browser. Used by the setup and options pages.
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../protocol/client';
import type { ResponseOf } from '../protocol/messages';
import { SITE_METAS, siteLabel, type Site } from '../sites/registry';
import { t } from './i18n';

/** The accounts to offer: detected, and of a site none of whose own accounts is set yet. */
export function offers(detected: ResponseOf<'accounts/detected'>, ownAccounts: string): Array<{ site: Site; account: string }> {
  const entries = ownAccounts.split(',').map((s) => s.trim()).filter(Boolean);
  const out: Array<{ site: Site; account: string }> = [];
  for (const meta of SITE_METAS) {
    const account = detected[meta.id];
    if (!account) continue;
    const handles = meta.ownAccount === 'handle';
    if (entries.some((e) => e.startsWith('@') === handles)) continue;
    out.push({ site: meta.id, account });
  }
  return out;
}

export function AccountOffer({ ownAccounts, locked, onAdd }: { ownAccounts: string; locked: boolean; onAdd: (account: string) => void }) {
  const [detected, setDetected] = useState<ResponseOf<'accounts/detected'>>({});
  useEffect(() => {
    send('accounts/detected', {}).then(setDetected, () => undefined);
  }, []);
  if (locked) return null;
  const shown = offers(detected, ownAccounts);
  if (shown.length === 0) return null;
  return (
    <ul class="account-offer" data-testid="account-offer">
      {shown.map(({ site, account }) => (
        <li key={site}>
          {t('accountFound', siteLabel(site), account)}{' '}
          <button type="button" data-testid={`account-offer-${site}`} aria-label={t('accountAddLabel', account)} onClick={() => onAdd(account)}>
            {t('accountAdd')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The own-accounts text with one more account. */
export function withAccount(ownAccounts: string, account: string): string {
  const entries = ownAccounts.split(',').map((s) => s.trim()).filter(Boolean);
  return entries.some((e) => e.toLowerCase() === account.toLowerCase()) ? ownAccounts : [...entries, account].join(', ');
}
