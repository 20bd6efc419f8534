/** Where the KCC is with a case's handover, and its answer or reference: one line in the toolbar. Internal (closed shadow root). */
import type { Case } from '../domain/case';
import { kccStateOf } from '../domain/handover';
import { t, type MessageKey } from './i18n';

export function kccStateWord(state: NonNullable<ReturnType<typeof kccStateOf>>): string {
  return t(`kccState_${state}` as MessageKey);
}

export function KccLine({ c }: { c: Case }) {
  const state = kccStateOf(c);
  if (!state) return null;
  return (
    <p class="notice" data-lk="kcc-state" data-kcc-state={state}>
      {t('kccStateLine', kccStateWord(state))}
      {c.kcc?.answer && <> · {t('kccAnswer', c.kcc.answer)}</>}
      {c.kcc?.reference && <> · {t('kccReference', c.kcc.reference)}</>}
    </p>
  );
}
