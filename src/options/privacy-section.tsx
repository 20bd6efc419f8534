/**
 * Privacy by design on the options page (AVG): what Loket stores and for how long, the retention period
 * with the next purge, a person search for access and erasure requests, the archive export, and the log of
 * erasures (counts only). Nothing here sends anything anywhere: exports are files the agent saves.
 */
import { useEffect, useState } from 'preact/hooks';
import { accessExportHtml, accessExportJson } from '../exports/access-export';
import { buildArchive, type ArchiveFiles } from '../exports/archive';
import type { Case } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import { siteLabel } from '../domain/site';
import type { ErasureRecord } from '../domain/person';
import { buildMdto, retentionFromSettings } from '../exports/mdto';
import { strToU8, zipSync } from 'fflate';
import { onPush, send } from '../protocol/client';
import type { Settings } from '../protocol/messages';
import { download, fileStamp } from '../ui/download';
import { formatDateTime, snippet } from '../ui/format';
import { t } from '../ui/i18n';

const EXPORT_SOON_DAYS = 7;
type Found = { query: string; cases: Case[]; events: CaseEvent[] };

const errorText = (error: unknown) => t('errorPrefix', error instanceof Error ? error.message : String(error));
const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'persoon';

export function PrivacySection({ settings, onSaved, locked }: { settings: Settings; onSaved(s: Settings): void; locked: boolean }) {
  const [days, setDays] = useState(String(settings.retentionDays));
  const [status, setStatus] = useState<{ nextPurgeAt: number | null; log: ErasureRecord[] } | null>(null);
  const [message, setMessage] = useState('');
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [requestReceived, setRequestReceived] = useState(false);
  const [from, setFrom] = useState(fileStamp(Date.now() - 30 * 86_400_000));
  const [to, setTo] = useState(fileStamp());

  const loadStatus = () => send('privacy/status', {}).then(setStatus, (e: unknown) => setMessage(errorText(e)));
  useEffect(() => {
    const lifetime = new AbortController();
    void loadStatus();
    onPush({ 'cases/removed': () => void loadStatus(), 'case/changed': () => void loadStatus() }, lifetime.signal);
    return () => lifetime.abort();
  }, []);

  const saveRetention = async (e: Event) => {
    e.preventDefault();
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 3650) return setMessage(t('retentionInvalid'));
    try {
      onSaved(await send('settings/save', { settings: { ...settings, retentionDays: n } }));
      setMessage(t('retentionSaved', String(n)));
      void loadStatus();
    } catch (error) {
      setMessage(errorText(error));
    }
  };

  const exportExpiring = async () => {
    const { cases, events } = await send('retention/expired', { withinDays: EXPORT_SOON_DAYS });
    if (cases.length === 0) return setMessage(t('retentionNothingToExport', String(EXPORT_SOON_DAYS)));
    const files = await buildArchive(cases, events, { from: 0, to: Date.now() + 1 }, Date.now());
    await saveArchive(files, `loket-bewaartermijn-${fileStamp()}`, settings);
    setMessage(t('retentionExported', String(cases.length)));
  };

  const search = async (e: Event) => {
    e.preventDefault();
    setConfirming(false);
    try {
      const result = await send('person/find', { query });
      setFound({ query, ...result });
    } catch (error) {
      setFound(null);
      setMessage(errorText(error));
    }
  };

  const erase = async () => {
    if (!found) return;
    try {
      const { erased } = await send('person/erase', { query: found.query, ids: found.cases.map((c) => c.id) });
      setMessage(t('erasureDone', String(erased.cases), String(erased.events)));
      setFound(null);
      setConfirming(false);
      setRequestReceived(false);
      void loadStatus();
    } catch (error) {
      setMessage(errorText(error));
    }
  };

  const exportArchive = async (e: Event) => {
    e.preventDefault();
    const period = { from: Date.parse(`${from}T00:00:00`), to: Date.parse(`${to}T00:00:00`) + 86_400_000 };
    if (!(period.to > period.from)) return setMessage(t('archivePeriodInvalid'));
    try {
      const cases = await send('cases/range', period);
      const events = await send('events/for', { ids: cases.map((c) => c.id) });
      await saveArchive(await buildArchive(cases, events, period, Date.now()), `loket-archief-${from}-${to}`, settings);
      setMessage(t('archiveDone', String(cases.length)));
    } catch (error) {
      setMessage(errorText(error));
    }
  };

  return (
    <section aria-labelledby="privacy-heading" data-testid="privacy">
      <h2 id="privacy-heading">{t('privacyHeading')}</h2>
      <div class="privacy-statement" data-testid="privacy-statement">
        <p>{t('privacyStatementWhat')}</p>
        <p>{t('privacyStatementWhere')}</p>
        <p>{t('privacyStatementHowLong', String(settings.retentionDays))}</p>
      </div>

      <form onSubmit={saveRetention} aria-labelledby="retention-heading">
        <h3 id="retention-heading">{t('retentionHeading')}</h3>
        <div class="field">
          <label for="retention-days">{t('retentionLabel')}</label>
          <input
            id="retention-days"
            type="number"
            min={1}
            max={3650}
            value={days}
            readOnly={locked}
            onInput={(e) => setDays((e.currentTarget as HTMLInputElement).value)}
          />
          {locked && <small class="managed">{t('managedField')}</small>}
        </div>
        <p class="muted" data-testid="next-purge">
          {status === null ? '' : status.nextPurgeAt === null ? t('retentionNoPurge') : t('retentionNextPurge', formatDateTime(status.nextPurgeAt))}
        </p>
        <div class="row-actions">
          <button type="submit" class="primary" disabled={locked}>
            {t('retentionSave')}
          </button>
          <button type="button" onClick={() => void exportExpiring().catch((e: unknown) => setMessage(errorText(e)))}>
            {t('retentionExport', String(EXPORT_SOON_DAYS))}
          </button>
        </div>
      </form>

      <form onSubmit={search} aria-labelledby="person-heading" data-testid="person-search">
        <h3 id="person-heading">{t('personHeading')}</h3>
        <p class="muted">{t('personIntro')}</p>
        <div class="field">
          <label for="person-query">{t('personLabel')}</label>
          <span>
            <input id="person-query" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />{' '}
            <button type="submit">{t('personSearch')}</button>
          </span>
        </div>
        {found && (
          <div data-testid="person-results">
            <p role="status">{t('personFound', String(found.cases.length), String(found.events.length), found.query)}</p>
            {found.cases.length > 0 && (
              <>
                <ul class="person-cases">
                  {found.cases.map((c) => (
                    <li key={c.id} data-case-id={c.id}>
                      {siteLabel(c.site)} · {c.author.name}
                      {c.author.handle ? ` (${c.author.handle})` : ''} · {formatDateTime(c.postedAt)}: {snippet(c.text, 80)}
                    </li>
                  ))}
                </ul>
                <div class="row-actions">
                  <button
                    type="button"
                    onClick={() => download(`loket-inzage-${slug(found.query)}-${fileStamp()}.json`, 'application/json', accessExportJson(found.query, found.cases, found.events, Date.now()))}
                  >
                    {t('personExportJson')}
                  </button>
                  <button
                    type="button"
                    onClick={() => download(`loket-inzage-${slug(found.query)}-${fileStamp()}.html`, 'text/html;charset=utf-8', accessExportHtml(found.query, found.cases, found.events, Date.now()))}
                  >
                    {t('personExportHtml')}
                  </button>
                  <button type="button" class="danger" onClick={() => setConfirming(true)}>
                    {t('personErase')}
                  </button>
                </div>
                {confirming && (
                  <div class="confirm" role="group" aria-labelledby="erase-confirm-text">
                    <p id="erase-confirm-text">{t('personEraseConfirm', String(found.cases.length), String(found.events.length), found.query)}</p>
                    <label>
                      <input type="checkbox" checked={requestReceived} onChange={(e) => setRequestReceived((e.currentTarget as HTMLInputElement).checked)} />{' '}
                      {t('personEraseRequestReceived')}
                    </label>
                    <div class="row-actions">
                      <button type="button" class="danger" disabled={!requestReceived} onClick={() => void erase()}>
                        {t('personEraseFinal')}
                      </button>
                      <button type="button" onClick={() => setConfirming(false)}>
                        {t('cancelButton')}
                      </button>
                    </div>
                  </div>
                )}
              </>
            )}
          </div>
        )}
      </form>

      <form onSubmit={exportArchive} aria-labelledby="archive-heading">
        <h3 id="archive-heading">{t('archiveHeading')}</h3>
        <p class="muted">{t('archiveIntro')}</p>
        <div class="inline-fields">
          <div class="field">
            <label for="archive-from">{t('archiveFrom')}</label>
            <input id="archive-from" type="date" value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="archive-to">{t('archiveTo')}</label>
            <input id="archive-to" type="date" value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
          </div>
        </div>
        <button type="submit">{t('archiveExport')}</button>
      </form>

      <p role="status" aria-live="polite" data-testid="privacy-status">
        {message}
      </p>

      {status && status.log.length > 0 && (
        <section aria-labelledby="erasure-log-heading">
          <h3 id="erasure-log-heading">{t('erasureLogHeading')}</h3>
          <ul data-testid="erasure-log">
            {status.log
              .slice(-20)
              .reverse()
              .map((r) => (
                <li key={`${r.at}-${r.actor}`}>
                  {formatDateTime(r.at)} · {r.actor || '—'} · {t(r.reason === 'retention' ? 'erasureReasonRetention' : 'erasureReasonRequest')} ·{' '}
                  {t('erasureCounts', String(r.cases), String(r.events))}
                </li>
              ))}
          </ul>
        </section>
      )}
    </section>
  );
}

async function saveArchive(files: ArchiveFiles, name: string, settings: Settings): Promise<void> {
  // MDTO metadata per case, for the municipality's records system (src/exports/mdto.ts), in one zip.
  const mdto = await buildMdto(files.json, { municipality: settings.municipality, retention: retentionFromSettings(settings.retentionDays), now: Date.now() });
  download(`${name}.json`, 'application/json', files.json);
  download(`${name}.html`, 'text/html;charset=utf-8', files.html);
  download(`${name}.json.sha256`, 'text/plain', `${files.sha256}  ${name}.json\n`);
  download(`${name}-mdto.zip`, 'application/zip', new Uint8Array(zipSync(Object.fromEntries(mdto.map((f) => [`${name}-mdto/${f.name}`, strToU8(f.text)])))));
}
