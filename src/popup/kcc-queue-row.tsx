/** One handover in the KCC's queue: the question, and the KCC's state, answer and reference to set. */
import { useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { kccStateOf, KCC_STATES, type Handover, type KccState } from '../domain/handover';
import { send } from '../protocol/client';
import { formatDateTime } from '../ui/format';
import { t } from '../ui/i18n';
import { kccStateWord } from '../ui/kcc-line';

export function KccQueueRow({ c }: { c: Case & { handover: Handover } }) {
  const [state, setState] = useState<KccState>(kccStateOf(c)!);
  const [answer, setAnswer] = useState(c.kcc?.answer ?? '');
  const [reference, setReference] = useState(c.kcc?.reference ?? '');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const id = (part: string) => `kcc-${c.id.replace(/[^a-z0-9]/gi, '-')}-${part}`;
  const save = (e: Event) => {
    e.preventDefault();
    setMessage(undefined);
    send('kcc/progress', { id: c.id, state, ...(answer.trim() ? { answer } : {}), ...(reference.trim() ? { reference } : {}) }).then(
      () => setMessage({ kind: 'ok', text: t('kccSaved') }),
      (error: unknown) => setMessage({ kind: 'error', text: t('errorBackground', error instanceof Error ? error.message : String(error)) }),
    );
  };
  return (
    <li data-handover-id={c.id} data-kcc-state={kccStateOf(c)}>
      <span class="category">{c.handover.category}</span> <span class="author">{c.author.name}</span>: {c.text}{' '}
      <span class="muted">({formatDateTime(c.handover.at)}, {c.handover.agent || '–'})</span>
      <p class="muted">{c.handover.note}</p>
      <form class="kcc-progress" onSubmit={save} aria-label={t('kccQueueHeading')}>
        <label for={id('state')}>{t('kccStateField')}</label>{' '}
        <select id={id('state')} data-testid="kcc-state" value={state} onChange={(e) => setState((e.currentTarget as HTMLSelectElement).value as KccState)}>
          {KCC_STATES.map((s) => (
            <option value={s} key={s}>
              {kccStateWord(s)}
            </option>
          ))}
        </select>
        <label for={id('answer')}>{t('kccAnswerField')}</label>
        <textarea id={id('answer')} data-testid="kcc-answer" rows={2} maxLength={5000} value={answer} onInput={(e) => setAnswer((e.currentTarget as HTMLTextAreaElement).value)} />
        <label for={id('reference')}>{t('kccReferenceField')}</label>{' '}
        <input id={id('reference')} data-testid="kcc-reference" maxLength={200} value={reference} onInput={(e) => setReference((e.currentTarget as HTMLInputElement).value)} />{' '}
        <button type="submit" data-testid="kcc-save">
          {t('kccSave')}
        </button>
        {message && (
          <span class={message.kind === 'error' ? 'warning' : 'muted'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {' '}
            {message.text}
          </span>
        )}
      </form>
    </li>
  );
}
