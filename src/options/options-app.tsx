/**
 * The options page: who the agent is, office hours, templates, privacy. Saved through the background so every
 * view hears of the change. Settings the organisation set by policy are shown read-only, with a note.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ResponseOf, Settings } from '../protocol/messages';
import { followSettings, send } from '../protocol/client';
import { t } from '../ui/i18n';
import { TemplateManager } from './template-manager';
import { OfficeHoursForm } from './office-hours-form';
import { PrivacySection } from './privacy-section';
import { SyncSection } from './sync-section';
import { AwayControl } from '../ui/away-control';
import { useTeam } from '../ui/team-data';
import { IntakeFields } from './intake-section';
import { AccountOffer, withAccount } from '../ui/account-offer';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [policy, setPolicy] = useState<ResponseOf<'policy/status'>>({ lockedKeys: [], problems: [] });
  const team = useTeam();

  useEffect(() => {
    const lifetime = new AbortController();
    // The organisation's policy can change (or arrive) while the page is open: its values replace what is
    // shown for the keys it locks; what the agent is typing elsewhere stays.
    const changed = (next: Settings) =>
      void send('policy/status', {}).then((p) => {
        setPolicy(p);
        setSettings((current) => (current ? { ...current, ...Object.fromEntries(p.lockedKeys.map((k) => [k, next[k]])) } : next));
      }, () => undefined);
    Promise.all([followSettings(lifetime.signal, changed), send('policy/status', {})])
      .then(([s, p]) => {
        setSettings(s);
        setPolicy(p);
      })
      .catch((error: unknown) => setStatus({ kind: 'error', message: String(error instanceof Error ? error.message : error) }));
    return () => lifetime.abort();
  }, []);

  if (settings === null) return <p>{status.kind === 'error' ? t('errorPrefix', status.message) : t('popupLoading')}</p>;

  const locked = new Set<string>(policy.lockedKeys);
  const field = (key: 'agentName' | 'initials' | 'municipality' | 'ownAccounts', label: string, help?: string) => (
    <div class="field">
      <label for={`f-${key}`}>{label}</label>
      <input
        id={`f-${key}`}
        name={key}
        value={settings[key]}
        readOnly={locked.has(key)}
        aria-describedby={[help ? `h-${key}` : '', locked.has(key) ? 'managed-note' : ''].join(' ').trim() || undefined}
        onInput={(e) => setSettings({ ...settings, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
      {locked.has(key) && <small class="managed">{t('managedField')}</small>}
      {help && (
        <small id={`h-${key}`} class="muted">
          {help}
        </small>
      )}
    </div>
  );

  /** A yes/no setting; one the organisation's policy sets is shown locked. */
  const toggle = (key: 'accountGuard' | 'readabilityIndicator' | 'kccRole', label: string, help: string) => (
    <div class="field">
      <label>
        <input
          type="checkbox"
          name={key}
          checked={settings[key] === true}
          disabled={locked.has(key)}
          aria-describedby={[`h-${key}`, locked.has(key) ? 'managed-note' : ''].join(' ').trim()}
          onChange={(e) => setSettings({ ...settings, [key]: (e.currentTarget as HTMLInputElement).checked })}
        />{' '}
        {label}
      </label>
      {locked.has(key) && <small class="managed">{t('managedField')}</small>}
      <small id={`h-${key}`} class="muted">
        {help}
      </small>
    </div>
  );

  const save = async (e: Event) => {
    e.preventDefault();
    try {
      setSettings(await send('settings/save', { settings }));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div class="options-main">
      <h1>{t('optionsTitle')}</h1>
      <nav class="options-links" aria-label={t('optionsTitle')}>
        <a href="#werkbak" data-testid="options-queue">
          {t('openQueue')}
        </a>{' '}
        · <a href="setup.html">{t('setupReopen')}</a>
      </nav>
      <p id="managed-note" class="visually-hidden">
        {t('managedNote')}
      </p>
      {policy.problems.length > 0 && (
        <section class="warnings" role="alert" aria-labelledby="policy-problems-heading" data-testid="policy-problems">
          <h2 id="policy-problems-heading">{t('policyProblemsHeading')}</h2>
          <ul>
            {policy.problems.map((p) => (
              <li key={p.key + p.message}>{p.message}</li>
            ))}
          </ul>
        </section>
      )}
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('optionsAgentHeading')}</legend>
          {field('agentName', t('agentNameLabel'), t('agentNameHelp'))}
          {field('initials', t('initialsLabel'))}
          {field('municipality', t('municipalityLabel'))}
          {field('ownAccounts', t('ownAccountsLabel'), t('ownAccountsHelp'))}
          <AccountOffer ownAccounts={settings.ownAccounts} locked={locked.has('ownAccounts')} onAdd={(account) => setSettings({ ...settings, ownAccounts: withAccount(settings.ownAccounts, account) })} />
          {toggle('accountGuard', t('accountGuardLabel'), t('accountGuardHelp'))}
          {toggle('readabilityIndicator', t('readabilityIndicatorSetting'), t('readabilityIndicatorSettingHelp'))}
          {toggle('kccRole', t('kccRoleSetting'), t('kccRoleHelp'))}
        </fieldset>
        <IntakeFields settings={settings} locked={locked.has('intake')} onChange={(intake) => setSettings({ ...settings, intake })} />
        <button type="submit" class="primary">
          {t('saveButton')}
        </button>{' '}
        <span role="status" class={status.kind === 'error' ? 'error' : 'ok'}>
          {status.kind === 'saved' ? t('savedMessage') : status.kind === 'error' ? t('errorPrefix', status.message) : ''}
        </span>
      </form>
      <AwayControl team={team} idPrefix="options" showHeading />
      <OfficeHoursForm
        // The form keeps its own draft; a value the organisation sets replaces it.
        key={locked.has('officeHours') || locked.has('sla') ? JSON.stringify([settings.officeHours, settings.sla]) : 'own'}
        settings={settings}
        onSaved={setSettings}
        locked={locked.has('officeHours') || locked.has('sla')}
      />
      <TemplateManager settings={settings} />
      <SyncSection />
      <PrivacySection
        key={locked.has('retentionDays') ? `managed-${settings.retentionDays}` : 'own'}
        settings={settings}
        onSaved={setSettings}
        locked={locked.has('retentionDays')}
      />
    </div>
  );
}
