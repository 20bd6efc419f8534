/**
 * The team server (CouchDB, or any server that speaks its replication protocol): address, database and
 * account, a connection test with clear errors, and an export of everything that works without a server.
 * The password is only for signing in: it goes to the background once, which sends it to the server
 * (`POST /_session`) and forgets it; the server's session does the rest (src/sync/session.ts). Loket asks
 * the browser for access to that server's address only (without it the browser keeps no session).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { onPush, send } from '../protocol/client';
import type { ResponseOf } from '../protocol/messages';
import type { SyncStatus } from '../storage/sync-records';
import type { SessionState } from '../storage/sync-config';
import { download, fileStamp } from '../ui/download';
import { formatDateTime } from '../ui/format';
import { t } from '../ui/i18n';
import { syncErrorText, syncStatusText } from '../ui/sync-status';

type View = ResponseOf<'sync/config'>;

/**
 * Asks the browser for access to the server's origin (only that one). The browser shows its own prompt and
 * remembers the answer; Loket does not wait for it: until access is granted, requests rely on the server
 * allowing this extension's origin (CORS), as CouchDB can be set to.
 */
function askForAccess(url: string): void {
  let origins: string[];
  try {
    origins = [`${new URL(url).origin}/*`];
  } catch {
    return;
  }
  void browser.permissions.contains({ origins }).then(
    (granted) => (granted ? undefined : browser.permissions.request({ origins }).catch(() => false)),
    () => undefined,
  );
}

/** Whether Loket is signed in to the server, in words. */
function sessionText(session: SessionState): string {
  if (session.state === 'signed-in') return t('syncSignedIn', session.name, formatDateTime(session.since));
  if (session.reason === 'expired') return t('syncSessionExpired');
  return t(session.reason === 'signed-out' ? 'syncSignedOutByAgent' : 'syncSignedOutNever');
}

export function SyncSection() {
  const passwordField = useRef<HTMLInputElement>(null);
  const [view, setView] = useState<View | null>(null);
  const [draft, setDraft] = useState({ enabled: false, url: '', database: '', username: '', password: '' });
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    const lifetime = new AbortController();
    void send('sync/config', {}).then((v) => {
      setView(v);
      setDraft({ enabled: v.enabled, url: v.url, database: v.database, username: v.username, password: '' });
    });
    void send('sync/status', {}).then(setStatus, () => undefined);
    onPush(
      {
        'sync/status': ({ status: s }) => {
          setStatus(s);
          // The server refused the session meanwhile: show it, and the way to sign in again.
          if (s.state === 'signed-out') void send('sync/config', {}).then(setView, () => undefined);
        },
      },
      lifetime.signal,
    );
    return () => lifetime.abort();
  }, []);
  if (!view) return null;

  const input = (key: 'url' | 'database' | 'username' | 'password', label: string, extra: Record<string, unknown> = {}) => (
    <div class="field">
      <label for={`sync-${key}`}>{label}</label>
      <input id={`sync-${key}`} ref={key === 'password' ? passwordField : undefined} value={draft[key]} onInput={(e) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value })} {...extra} />
    </div>
  );
  const payload = () => ({ url: draft.url, database: draft.database, username: draft.username, ...(draft.password ? { password: draft.password } : {}) });

  const test = async () => {
    setMessage(null);
    askForAccess(draft.url);
    const result = await send('sync/test', payload());
    setMessage(result.ok ? { ok: true, text: t('syncTestOk', result.serverVersion) } : { ok: false, text: syncErrorText(result.code, result.message) });
  };
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      if (draft.enabled) askForAccess(draft.url);
      const result = await send('sync/save', { enabled: draft.enabled, ...payload() });
      // The password has done its work (or failed): it is not kept, not even in the field.
      setDraft({ ...draft, password: '' });
      if (!result.ok) {
        setMessage({ ok: false, text: syncErrorText(result.code, result.message) });
        return;
      }
      setView(result.view);
      const signedOut = result.view.enabled && result.view.username !== '' && result.view.session.state !== 'signed-in';
      setMessage(signedOut ? { ok: false, text: t('syncPasswordNeeded') } : { ok: true, text: t(result.view.enabled ? 'syncSavedOn' : 'syncSavedOff') });
      if (signedOut) passwordField.current?.focus();
    } catch (error) {
      setMessage({ ok: false, text: t('errorPrefix', error instanceof Error ? error.message : String(error)) });
    }
  };
  const signIn = (e: Event) => {
    if (draft.password) return void save(e);
    setMessage({ ok: false, text: t('syncPasswordNeeded') });
    passwordField.current?.focus();
  };
  const signOut = async () => {
    setView(await send('sync/logout', {}));
    setMessage({ ok: true, text: t('syncSignedOutByAgent') });
  };
  const needsLogin = view.enabled && view.username !== '' && view.session.state !== 'signed-in';

  return (
    <form onSubmit={save} aria-labelledby="sync-heading" data-testid="sync">
      <h2 id="sync-heading">{t('syncHeading')}</h2>
      <p class="muted">{t('syncIntro')}</p>
      <label>
        <input type="checkbox" checked={draft.enabled} onChange={(e) => setDraft({ ...draft, enabled: (e.currentTarget as HTMLInputElement).checked })} />{' '}
        {t('syncEnabled')}
      </label>
      {input('url', t('syncUrl'), { type: 'url', placeholder: 'https://couchdb.gemeente.nl', autocomplete: 'url' })}
      {input('database', t('syncDatabase'), { placeholder: 'loket-webcare' })}
      {input('username', t('syncUsername'), { autocomplete: 'username' })}
      {input('password', t('syncPassword'), { type: 'password', autocomplete: 'current-password' })}
      {view.enabled && view.username !== '' && (
        <p class={needsLogin ? 'error' : 'muted'} data-testid="sync-session">
          {sessionText(view.session)}
        </p>
      )}
      <div class="row-actions">
        {needsLogin && (
          <button type="button" class="primary" onClick={signIn}>
            {t('syncSignInAgain')}
          </button>
        )}
        {view.session.state === 'signed-in' && (
          <button type="button" onClick={() => void signOut()}>
            {t('syncSignOut')}
          </button>
        )}
        <button type="button" onClick={() => void test()}>
          {t('syncTest')}
        </button>
        <button type="submit" class="primary">
          {t('syncSave')}
        </button>
        <button type="button" onClick={() => void send('export/all', {}).then((json) => download(`loket-alles-${fileStamp()}.json`, 'application/json', json))}>
          {t('syncExportAll')}
        </button>
      </div>
      <p role="status" aria-live="polite" class={message?.ok === false ? 'error' : 'ok'} data-testid="sync-message">
        {message?.text ?? ''}
      </p>
      {status && view.enabled && (
        <p class="muted" data-testid="sync-state">
          {syncStatusText(status)}
        </p>
      )}
    </form>
  );
}
