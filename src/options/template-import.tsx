/**
 * Importing a template file: read, check, show what it will add and replace, and only then change anything.
 * A broken or foreign file gets a clear error and changes nothing.
 */
import { useState } from 'preact/hooks';
import type { Template } from '../domain/template';
import { parseTemplateFile, planImport, type ImportedTemplate, type ImportPlan } from '../domain/template-file';
import { send } from '../protocol/client';
import { t, type MessageKey } from '../ui/i18n';

type State =
  | { kind: 'idle' }
  | { kind: 'error'; text: string }
  | { kind: 'planned'; name: string; scope: Template['scope']; templates: ImportedTemplate[]; plan: ImportPlan }
  | { kind: 'done'; text: string };

const FILE_ERRORS: Record<string, MessageKey> = {
  'not-json': 'importNotJson',
  'not-loket': 'importNotLoket',
  'wrong-version': 'importWrongVersion',
  invalid: 'importInvalid',
};

const MAX_FILE_BYTES = 5_000_000;

export function TemplateImport({ current }: { current: Template[] }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const choose = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setState({ kind: 'error', text: t('importTooLarge', file.name) });
    const parsed = parseTemplateFile(await file.text());
    if (!parsed.ok) {
      return setState({ kind: 'error', text: `${t(FILE_ERRORS[parsed.code] ?? 'importInvalid', file.name)} ${parsed.detail}` });
    }
    setState({ kind: 'planned', name: file.name, scope: parsed.scope, templates: parsed.templates, plan: planImport(current, parsed.templates, parsed.scope) });
  };

  const confirm = async () => {
    if (state.kind !== 'planned') return;
    try {
      const result = await send('templates/import', { scope: state.scope, templates: state.templates });
      setState({ kind: 'done', text: t('importDone', String(result.added), String(result.replaced)) });
    } catch (error) {
      setState({ kind: 'error', text: t('errorPrefix', error instanceof Error ? error.message : String(error)) });
    }
  };

  return (
    <div class="import" data-testid="template-import">
      <label class="file-button">
        {t('importChoose')}
        <input type="file" accept=".json,application/json" onChange={choose} data-testid="import-file" />
      </label>
      <div role="status" aria-live="polite">
        {state.kind === 'error' && (
          <p class="error" data-testid="import-error">
            {state.text}
          </p>
        )}
        {state.kind === 'done' && <p class="ok">{state.text}</p>}
        {state.kind === 'planned' && (
          <div class="import-plan" data-testid="import-plan">
            <p>{t('importPlanHeading', state.name, t(state.scope === 'team' ? 'scopeTeam' : 'scopePersonal'))}</p>
            <ul>
              <li>{t('importPlanAdd', String(state.plan.add.length))}</li>
              {state.plan.add.length > 0 && <PlanList titles={state.plan.add.map((x) => x.title)} />}
              <li>{t('importPlanReplace', String(state.plan.replace.length))}</li>
              {state.plan.replace.length > 0 && <PlanList titles={state.plan.replace.map((x) => x.after.title)} />}
              <li>{t('importPlanUnchanged', String(state.plan.unchanged.length))}</li>
              {state.plan.renamed.length > 0 && <li>{t('importPlanRenamed', String(state.plan.renamed.length))}</li>}
            </ul>
            <div class="row-actions">
              <button type="button" class="primary" onClick={() => void confirm()} disabled={state.plan.add.length + state.plan.replace.length === 0}>
                {t('importConfirm')}
              </button>
              <button type="button" onClick={() => setState({ kind: 'idle' })}>
                {t('cancelButton')}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}

function PlanList({ titles }: { titles: string[] }) {
  const shown = titles.slice(0, 10);
  return (
    <li class="plan-titles">
      <ul>
        {shown.map((title, i) => (
          <li key={i}>{title}</li>
        ))}
        {titles.length > shown.length && <li>{t('importPlanMore', String(titles.length - shown.length))}</li>}
      </ul>
    </li>
  );
}
