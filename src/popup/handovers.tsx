/** The handovers to the KCC in the popup, with exports: CSV (Excel), JSON, and a prepared e-mail. */
import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import type { Handover } from '../domain/handover';
import { handoverRecord, handoversCsv, handoversJson, handoversMailto } from '../exports/handover-export';
import { send, onPush } from '../protocol/client';
import { formatDateTime, snippet } from '../ui/format';
import { t } from '../ui/i18n';
import { download, fileStamp } from '../ui/download';

type Handed = Case & { handover: Handover };

export function Handovers() {
  const [cases, setCases] = useState<Handed[] | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    const lifetime = new AbortController();
    const load = () => send('handovers/list', {}).then((list) => setCases(list.filter((c): c is Handed => c.handover !== undefined)), () => undefined);
    void load();
    onPush({ 'case/changed': () => void load(), 'cases/removed': () => void load() }, lifetime.signal);
    return () => lifetime.abort();
  }, []);

  if (cases === undefined) return null;
  // Export what the agent ticked; with nothing ticked, everything listed.
  const chosen = cases.filter((c) => selected.has(c.id));
  const records = (chosen.length > 0 ? chosen : cases).map(handoverRecord);
  const stamp = fileStamp();
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };
  return (
    <section class="handovers" aria-labelledby="handovers-heading" data-testid="handovers">
      <h2 id="handovers-heading">
        {t('handoversHeading')} ({cases.length})
      </h2>
      {cases.length === 0 ? (
        <p class="muted">{t('handoversNone')}</p>
      ) : (
        <>
          <ul>
            {cases.map((c) => (
              <li key={c.id} data-handover-id={c.id}>
                <input type="checkbox" checked={selected.has(c.id)} onChange={() => toggle(c.id)} aria-label={t('handoverSelect', c.author.name, c.handover.category)} />{' '}
                <span class="category">{c.handover.category}</span> <span class="author">{c.author.name}</span>: {snippet(c.text, 80)}{' '}
                <span class="muted">({formatDateTime(c.handover.at)})</span>
              </li>
            ))}
          </ul>
          <div class="row-actions" role="group" aria-label={t('handoverExportGroup')}>
            <span class="muted" data-testid="handover-export-scope">
              {chosen.length > 0 ? t('handoverExportSelected', String(chosen.length)) : t('handoverExportAll', String(cases.length))}
            </span>
            <button type="button" onClick={() => download(`loket-overdrachten-${stamp}.csv`, 'text/csv;charset=utf-8', handoversCsv(records))}>
              {t('exportCsv')}
            </button>
            <button type="button" onClick={() => download(`loket-overdrachten-${stamp}.json`, 'application/json', handoversJson(records))}>
              {t('exportJson')}
            </button>
            <a href={handoversMailto(records)}>{t('exportMail')}</a>
          </div>
        </>
      )}
    </section>
  );
}
