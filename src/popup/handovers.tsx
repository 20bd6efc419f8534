/** The handovers to the KCC in the popup, with exports: CSV (Excel), JSON, and a prepared e-mail. */
import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { handoverRecord, handoversCsv, handoversJson, handoversMailto, type Handover } from '../domain/handover';
import { send, onPush } from '../protocol/client';
import { formatDateTime, snippet } from '../ui/format';
import { t } from '../ui/i18n';
import { download, fileStamp } from '../ui/download';

type Handed = Case & { handover: Handover };

export function Handovers() {
  const [cases, setCases] = useState<Handed[] | undefined>(undefined);

  useEffect(() => {
    const lifetime = new AbortController();
    const load = () => send('handovers/list', {}).then((list) => setCases(list.filter((c): c is Handed => c.handover !== undefined)), () => undefined);
    void load();
    onPush({ 'case/changed': () => void load() }, lifetime.signal);
    return () => lifetime.abort();
  }, []);

  if (cases === undefined) return null;
  const records = cases.map(handoverRecord);
  const stamp = fileStamp();
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
                <span class="category">{c.handover.category}</span> <span class="author">{c.author.name}</span>: {snippet(c.text, 80)}{' '}
                <span class="muted">({formatDateTime(c.handover.at)})</span>
              </li>
            ))}
          </ul>
          <div class="row-actions">
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
