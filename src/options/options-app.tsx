/** The options page: who the agent is. Saved through the background so every view hears of the change. */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../protocol/messages';
import { send } from '../protocol/client';
import { t } from '../ui/i18n';
import { TemplateManager } from './template-manager';
import { OfficeHoursForm } from './office-hours-form';
import { PrivacySection } from './privacy-section';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    send('settings/get', {})
      .then(setSettings)
      .catch((error: unknown) => setStatus({ kind: 'error', message: String(error instanceof Error ? error.message : error) }));
  }, []);

  if (settings === null) return <p>{status.kind === 'error' ? t('errorPrefix', status.message) : t('popupLoading')}</p>;

  const field = (key: 'agentName' | 'initials' | 'municipality' | 'ownAccounts', label: string, help?: string) => (
    <div class="field">
      <label for={`f-${key}`}>{label}</label>
      <input
        id={`f-${key}`}
        name={key}
        value={settings[key]}
        aria-describedby={help ? `h-${key}` : undefined}
        onInput={(e) => setSettings({ ...settings, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
      {help && (
        <small id={`h-${key}`} class="muted">
          {help}
        </small>
      )}
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
    <main>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('optionsAgentHeading')}</legend>
          {field('agentName', t('agentNameLabel'), t('agentNameHelp'))}
          {field('initials', t('initialsLabel'))}
          {field('municipality', t('municipalityLabel'))}
          {field('ownAccounts', t('ownAccountsLabel'), t('ownAccountsHelp'))}
        </fieldset>
        <button type="submit" class="primary">
          {t('saveButton')}
        </button>{' '}
        <span role="status" class={status.kind === 'error' ? 'error' : 'ok'}>
          {status.kind === 'saved' ? t('savedMessage') : status.kind === 'error' ? t('errorPrefix', status.message) : ''}
        </span>
      </form>
      <OfficeHoursForm settings={settings} onSaved={setSettings} />
      <TemplateManager settings={settings} />
      <PrivacySection settings={settings} onSaved={setSettings} />
    </main>
  );
}
