/** How a figure is written in cards and tables: the value, a spoken "none" for a missing one, "≈" for an estimate. */
import { t } from '../ui/i18n';

/** A formatted value, or a dash that a screen reader reads as "none". */
export function Value({ text, estimated = false }: { text: string | null; estimated?: boolean }) {
  if (text === null) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{t('reportNoValue')}</span>
      </>
    );
  }
  return (
    <>
      {estimated && <EstimateMark />}
      {text}
    </>
  );
}

/** "≈" on screen, "estimated" to a screen reader. */
export function EstimateMark() {
  return (
    <>
      <span class="estimate-mark" aria-hidden="true">
        ≈{' '}
      </span>
      <span class="visually-hidden">{t('reportEstimatedSpoken')} </span>
    </>
  );
}
