/**
 * The import of the KCC's answer file (teams without sync): the file is read and checked whole
 * (kcc-answer-file.ts), matched to the handovers by case reference, and only then sent; a broken file is
 * refused with the reason and changes nothing.
 */
import { useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { matchKccAnswers, parseKccAnswers } from '../domain/kcc-answer-file';
import { send } from '../protocol/client';
import { t } from '../ui/i18n';

export function KccImport({ cases }: { cases: readonly Case[] }) {
  const [result, setResult] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const read = async (file: File) => {
    const parsed = parseKccAnswers(await file.text());
    if (!parsed.ok) return setResult({ kind: 'error', text: t('kccImportRefused', parsed.detail) });
    const { matched, unknown } = matchKccAnswers(parsed.rows, cases);
    const missing = unknown.length > 0 ? ` ${t('kccImportUnknown', unknown.slice(0, 10).join(', '))}` : '';
    if (matched.length === 0) return setResult({ kind: 'error', text: t('kccImportRefused', `${t('kccImportUnknown', unknown.slice(0, 10).join(', '))}`) });
    try {
      const { updated } = await send('kcc/import', { answers: matched });
      setResult({ kind: unknown.length > 0 ? 'error' : 'ok', text: `${t('kccImportDone', String(updated))}${missing}` });
    } catch (error) {
      setResult({ kind: 'error', text: t('kccImportRefused', error instanceof Error ? error.message : String(error)) });
    }
  };
  return (
    <div class="kcc-import">
      <label>
        {t('kccImportLabel')}{' '}
        <input
          type="file"
          data-testid="kcc-import"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void read(file).finally(() => (input.value = ''));
          }}
        />
      </label>
      {result && (
        <p class={result.kind === 'error' ? 'warning' : 'muted'} role={result.kind === 'error' ? 'alert' : 'status'} data-testid="kcc-import-result">
          {result.text}
        </p>
      )}
    </div>
  );
}
