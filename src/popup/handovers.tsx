/**
 * The handovers to the KCC in the popup. For webcare: the list with the KCC's state and answer on each, and
 * exports — CSV (Excel), JSON, or an e-mail to the KCC's address from the policy — each recorded on the
 * handovers it carried, so a handover is exported once unless the agent ticks "ook al geëxporteerde"; and the
 * import of the KCC's answer file (teams without sync). For a KCC agent (policy team role, or the setting):
 * the same list as the KCC's queue, each handover with its state and answer to set (kcc-queue-row.tsx).
 */
import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { kccStateOf, lastExport, wasExported, type Handover, type HandoverExportVia, type KccConfig } from '../domain/handover';
import { handoverRecord, handoversCsv, handoversJson, handoversMailto } from '../exports/handover-export';
import { send, onPush } from '../protocol/client';
import { formatDateTime, snippet } from '../ui/format';
import { t } from '../ui/i18n';
import { download, fileStamp } from '../ui/download';
import { kccStateWord } from '../ui/kcc-line';
import { KccImport } from './kcc-import';
import { KccQueueRow } from './kcc-queue-row';

type Handed = Case & { handover: Handover };

export function Handovers() {
  const [cases, setCases] = useState<Handed[] | undefined>(undefined);
  const [config, setConfig] = useState<(KccConfig & { isKcc: boolean }) | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [showExported, setShowExported] = useState(false);

  useEffect(() => {
    const lifetime = new AbortController();
    const load = () => send('handovers/list', {}).then((list) => setCases(list.filter((c): c is Handed => c.handover !== undefined)), () => undefined);
    void load();
    void send('kcc/config', {}).then(setConfig, () => setConfig({ email: '', categories: [], isKcc: false }));
    onPush({ 'case/changed': () => void load(), 'cases/removed': () => void load(), 'settings/changed': () => void send('kcc/config', {}).then(setConfig, () => undefined) }, lifetime.signal);
    return () => lifetime.abort();
  }, []);

  if (cases === undefined || config === undefined) return null;
  const isKcc = config.isKcc;
  // The KCC sees every handover; webcare exports those not exported yet, unless asked for all.
  const listed = isKcc || showExported ? cases : cases.filter((c) => !wasExported(c.handover));
  const chosen = listed.filter((c) => selected.has(c.id));
  const toExport = chosen.length > 0 ? chosen : listed;
  const records = toExport.map(handoverRecord);
  const stamp = fileStamp();
  const recordExport = (via: HandoverExportVia) => {
    if (toExport.length === 0) return;
    void send('handovers/exported', { ids: toExport.map((c) => c.id), via }).then(() => setSelected(new Set()), () => undefined);
  };
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };
  const heading = isKcc ? t('kccQueueHeading') : t('handoversHeading');
  return (
    <section class="handovers" aria-labelledby="handovers-heading" data-testid="handovers" data-kcc={isKcc ? 'queue' : 'webcare'}>
      <h2 id="handovers-heading">
        {heading} ({listed.length})
      </h2>
      {!isKcc && (
        <label class="muted">
          <input type="checkbox" data-testid="handovers-show-exported" checked={showExported} onChange={(e) => setShowExported((e.currentTarget as HTMLInputElement).checked)} />{' '}
          {t('handoversShowExported')}
        </label>
      )}
      {cases.length === 0 ? (
        <p class="muted">{t('handoversNone')}</p>
      ) : listed.length === 0 ? (
        <p class="muted" data-testid="handovers-none-new">
          {t('handoversNoneToExport')}
        </p>
      ) : isKcc ? (
        <ul>
          {listed.map((c) => (
            <KccQueueRow key={c.id} c={c} />
          ))}
        </ul>
      ) : (
        <>
          <ul>
            {listed.map((c) => {
              const state = kccStateOf(c)!;
              const last = lastExport(c.handover);
              return (
                <li key={c.id} data-handover-id={c.id} data-kcc-state={state}>
                  <input type="checkbox" checked={selected.has(c.id)} onChange={() => toggle(c.id)} aria-label={t('handoverSelect', c.author.name, c.handover.category)} />{' '}
                  <span class="category">{c.handover.category}</span> <span class="author">{c.author.name}</span>: {snippet(c.text, 80)}{' '}
                  <span class="muted">({formatDateTime(c.handover.at)})</span> <span class="kcc-state">{t('kccStateLine', kccStateWord(state))}</span>
                  {last && (
                    <span class="muted" data-testid="handover-exported">
                      {' '}
                      · {t('handoverExported', formatDateTime(last.at), last.via.toUpperCase(), last.by || '–')}
                    </span>
                  )}
                  {c.kcc?.answer && <p class="kcc-answer">{t('kccAnswer', c.kcc.answer)}</p>}
                  {c.kcc?.reference && <p class="muted">{t('kccReference', c.kcc.reference)}</p>}
                </li>
              );
            })}
          </ul>
          <div class="row-actions" role="group" aria-label={t('handoverExportGroup')}>
            <span class="muted" data-testid="handover-export-scope">
              {chosen.length > 0 ? t('handoverExportSelected', String(chosen.length)) : t('handoverExportAll', String(listed.length))}
            </span>
            <button
              type="button"
              onClick={() => {
                download(`loket-overdrachten-${stamp}.csv`, 'text/csv;charset=utf-8', handoversCsv(records));
                recordExport('csv');
              }}
            >
              {t('exportCsv')}
            </button>
            <button
              type="button"
              onClick={() => {
                download(`loket-overdrachten-${stamp}.json`, 'application/json', handoversJson(records));
                recordExport('json');
              }}
            >
              {t('exportJson')}
            </button>
            <a href={handoversMailto(records, config.email)} data-testid="handover-mail" onClick={() => recordExport('mail')}>
              {t('exportMail')}
            </a>
          </div>
        </>
      )}
      {!isKcc && cases.length > 0 && <KccImport cases={cases} />}
    </section>
  );
}
