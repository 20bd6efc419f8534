/**
 * The first-run setup (opened once on install, and from the options page): who the agent is (name and
 * initials — the templates' {{paraaf}}), the municipality and its own X accounts and Facebook Pages, office
 * hours and response targets (defaults shown), and team sync (optional: a link to its options section).
 * A setting the organisation's policy sets is shown, locked, and not asked. Saved through the background
 * like the options page, so every view hears of it.
 */
import { useEffect, useState } from 'preact/hooks';
import { renderTemplate } from '../domain/render-template';
import { signature } from '../domain/template-values';
import type { ResponseOf, Settings } from '../protocol/messages';
import { send } from '../protocol/client';
import { t, type MessageKey } from '../ui/i18n';
import { AccountOffer, withAccount } from '../ui/account-offer';

const MINUTE = 60_000;
const WORKDAYS = [1, 2, 3, 4, 5] as const;
/** The preview line shows what a template's signature becomes with the initials given. */
const PREVIEW = 'Met vriendelijke groet, {{paraaf}}';

type Status = { kind: 'idle' } | { kind: 'saved' } | { kind: 'error'; message: string };
type TextKey = 'agentName' | 'initials' | 'municipality' | 'ownAccounts';

export function SetupApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [policy, setPolicy] = useState<ResponseOf<'policy/status'>>({ lockedKeys: [], problems: [] });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  useEffect(() => {
    Promise.all([send('settings/get', {}), send('policy/status', {})]).then(
      ([s, p]) => {
        setSettings(s);
        setPolicy(p);
      },
      (e: unknown) => setStatus({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  if (settings === null) return <p>{status.kind === 'error' ? t('errorPrefix', status.message) : t('popupLoading')}</p>;
  const locked = new Set<string>(policy.lockedKeys);

  const text = (key: TextKey, label: MessageKey, help?: MessageKey) =>
    locked.has(key) ? (
      <div class="field locked" data-locked={key}>
        <span class="label">{t(label)}</span> <strong>{settings[key] || '—'}</strong> <small class="managed">{t('managedField')}</small>
      </div>
    ) : (
      <div class="field">
        <label for={`s-${key}`}>{t(label)}</label>
        <input id={`s-${key}`} value={settings[key]} aria-describedby={help ? `sh-${key}` : undefined} onInput={(e) => setSettings({ ...settings, [key]: (e.currentTarget as HTMLInputElement).value })} />
        {help && (
          <small id={`sh-${key}`} class="muted">
            {t(help)}
          </small>
        )}
      </div>
    );

  const firstShift = settings.officeHours.week[1][0] ?? { start: '08:30', end: '17:00' };
  const setHours = (patch: Partial<{ start: string; end: string }>) => {
    const shift = { ...firstShift, ...patch };
    const week = { ...settings.officeHours.week };
    for (const d of WORKDAYS) week[d] = [shift];
    setSettings({ ...settings, officeHours: { ...settings.officeHours, week } });
  };
  const target = (site: 'x' | 'facebook', label: MessageKey) => (
    <div class="field">
      <label for={`s-sla-${site}`}>{t(label)}</label>
      <input
        id={`s-sla-${site}`}
        type="number"
        min={1}
        max={10_000}
        value={Math.round(settings.sla.firstResponseMs[site] / MINUTE)}
        onInput={(e) => {
          const minutes = Number((e.currentTarget as HTMLInputElement).value);
          if (Number.isFinite(minutes) && minutes > 0) setSettings({ ...settings, sla: { ...settings.sla, firstResponseMs: { ...settings.sla.firstResponseMs, [site]: Math.round(minutes) * MINUTE } } });
        }}
      />
    </div>
  );
  const timesLocked = locked.has('officeHours') || locked.has('sla');

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
    <main class="setup">
      <h1>{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      <form onSubmit={save}>
        <fieldset>
          <legend>{t('setupYou')}</legend>
          {text('agentName', 'agentNameLabel', 'agentNameHelp')}
          {text('initials', 'initialsLabel', 'setupInitialsHelp')}
          <p class="muted" data-testid="paraaf-preview">
            {t('setupPreview')} <q>{renderTemplate(PREVIEW, { paraaf: signature(settings.initials) }).text}</q>
          </p>
        </fieldset>
        <fieldset>
          <legend>{t('setupMunicipality')}</legend>
          {text('municipality', 'municipalityLabel')}
          {text('ownAccounts', 'setupAccountsLabel', 'setupAccountsHelp')}
          <AccountOffer ownAccounts={settings.ownAccounts} locked={locked.has('ownAccounts')} onAdd={(account) => setSettings({ ...settings, ownAccounts: withAccount(settings.ownAccounts, account) })} />
        </fieldset>
        <fieldset>
          <legend>{t('setupTimes')}</legend>
          {timesLocked ? (
            <p data-locked="officeHours">
              {t('setupTimesSummary', firstShift.start, firstShift.end, String(Math.round(settings.sla.firstResponseMs.x / MINUTE)), String(Math.round(settings.sla.firstResponseMs.facebook / MINUTE)))}{' '}
              <small class="managed">{t('managedField')}</small>
            </p>
          ) : (
            <>
              <div class="field">
                <label for="s-open">{t('setupOpens')}</label>
                <input id="s-open" type="time" value={firstShift.start} onInput={(e) => setHours({ start: (e.currentTarget as HTMLInputElement).value })} />
              </div>
              <div class="field">
                <label for="s-close">{t('setupCloses')}</label>
                <input id="s-close" type="time" value={firstShift.end} onInput={(e) => setHours({ end: (e.currentTarget as HTMLInputElement).value })} />
              </div>
              {target('x', 'setupTargetX')}
              {target('facebook', 'setupTargetFacebook')}
              <p class="muted">{t('setupTimesMore')}</p>
            </>
          )}
        </fieldset>
        <fieldset>
          <legend>{t('setupSync')}</legend>
          <p>
            {t('setupSyncText')} <a href="options.html#sync-heading">{t('setupSyncLink')}</a>
          </p>
        </fieldset>
        <button type="submit" class="primary">
          {t('setupSave')}
        </button>{' '}
        <span role="status" class={status.kind === 'error' ? 'error' : 'ok'}>
          {status.kind === 'saved' ? t('setupSaved') : status.kind === 'error' ? t('errorPrefix', status.message) : ''}
        </span>
      </form>
      {status.kind === 'saved' && (
        <p>
          <a href="queue.html">{t('setupToQueue')}</a>
        </p>
      )}
    </main>
  );
}
