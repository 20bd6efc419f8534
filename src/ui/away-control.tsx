/**
 * "Ik ben afwezig" / "I'm away" (popup and options page): an optional end time, and where my open cases go —
 * released to everyone, or to one colleague — in one change (each case's history says so). While away,
 * "Ik ben terug" ends it; so does the end time passing. The background syncs it as this browser's presence,
 * and colleagues' alerts follow (domain/alert-audience.ts).
 */
import { useState } from 'preact/hooks';
import { send } from '../protocol/client';
import type { TeamView } from '../protocol/messages';
import { sameAgent } from '../domain/team';
import { formatDateTime } from './format';
import { t } from './i18n';

/** 'YYYY-MM-DDTHH:MM' in the browser's own zone (what <input type="datetime-local"> gives) to an instant. */
function localInstant(value: string): number | undefined {
  if (value === '') return undefined;
  const at = new Date(value).getTime();
  return Number.isFinite(at) ? at : undefined;
}

export function AwayControl({ team, idPrefix, showHeading = false }: { team: TeamView; idPrefix: string; showHeading?: boolean }) {
  const [open, setOpen] = useState(false);
  const [until, setUntil] = useState('');
  const [to, setTo] = useState<'pool' | 'colleague'>('pool');
  const [colleague, setColleague] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fail = (e: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', e instanceof Error ? e.message : String(e)) });
  const colleagues = team.members.filter((m) => !sameAgent(m.name, team.me.name));
  const away = team.me.away;

  const confirm = (e: Event) => {
    e.preventDefault();
    const end = localInstant(until);
    const release = to === 'pool' ? ({ to: 'pool' } as const) : ({ to: 'colleague', name: colleague } as const);
    send('presence/away', { ...(end !== undefined ? { until: end } : {}), release }).then((r) => {
      setOpen(false);
      setMessage({ kind: 'ok', text: t('awayReleased', String(r.released)) });
    }, fail);
  };

  return (
    <section class="away" aria-labelledby={`${idPrefix}-away-heading`} data-testid="away">
      <h2 id={`${idPrefix}-away-heading`} class={showHeading ? undefined : 'visually-hidden'}>
        {t('awayHeading')}
      </h2>
      {away ? (
        <p>
          <span data-testid="away-state">{away.until !== undefined ? t('awayNowUntil', formatDateTime(away.until)) : t('awayNow')}</span>{' '}
          <button type="button" onClick={() => send('presence/back', {}).then(() => setMessage(null), fail)}>
            {t('awayBack')}
          </button>
        </p>
      ) : !open ? (
        <button type="button" onClick={() => setOpen(true)} disabled={!team.me.name} title={team.me.name ? undefined : t('needName')} data-testid="away-open">
          {t('awayButton')}
        </button>
      ) : (
        <form onSubmit={confirm} data-testid="away-form">
          <label>
            {t('awayUntil')} <input type="datetime-local" value={until} onInput={(e) => setUntil((e.currentTarget as HTMLInputElement).value)} />
          </label>
          <fieldset>
            <legend>{t('awayRelease')}</legend>
            <label>
              <input type="radio" name={`${idPrefix}-away-to`} checked={to === 'pool'} onChange={() => setTo('pool')} /> {t('awayToPool')}
            </label>
            <label>
              <input type="radio" name={`${idPrefix}-away-to`} checked={to === 'colleague'} onChange={() => setTo('colleague')} /> {t('awayToColleague')}
            </label>
            {to === 'colleague' && (
              <span class="field">
                <label for={`${idPrefix}-away-colleague`}>{t('awayColleague')}</label>{' '}
                <select id={`${idPrefix}-away-colleague`} required value={colleague} onChange={(e) => setColleague((e.currentTarget as HTMLSelectElement).value)}>
                  <option value="">{t('assignChoose')}</option>
                  {colleagues.map((m) => (
                    <option value={m.name} key={m.name}>
                      {m.away ? t('assignAway', m.name) : m.name}
                    </option>
                  ))}
                </select>
              </span>
            )}
          </fieldset>
          <button type="submit">{t('awayConfirm')}</button>{' '}
          <button type="button" onClick={() => setOpen(false)}>
            {t('cancelButton')}
          </button>
        </form>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind === 'error' ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
