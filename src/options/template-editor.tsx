/**
 * Creating and editing one template, with a live preview filled for an example post, the warnings the
 * picker would show, and the length on X.
 */
import { useState } from 'preact/hooks';
import type { CaseId } from '../domain/case-id';
import { renderTemplate, templateFields, VARIABLES } from '../domain/render-template';
import { SITES, siteLabel, siteMeta, type Site } from '../domain/site';
import type { Template } from '../domain/template';
import { templateValues } from '../domain/template-values';
import { X_MAX, xWeightedLength } from '../domain/x-length';
import type { Settings } from '../protocol/messages';
import type { TemplateDraft } from '../storage/template-store';
import { t } from '../ui/i18n';
import { KCC_CATEGORIES } from '../domain/handover';
import { actionFields, actionsOf, TemplateActionsEditor } from './template-actions-editor';

export interface TemplateEditorProps {
  draft: TemplateDraft;
  isNew: boolean;
  categories: string[];
  settings: Settings;
  onSave(draft: TemplateDraft): Promise<void>;
  onCancel(): void;
  /** The KCC's categories for a handover action (the organisation's policy); Loket's own when absent. */
  kccCategories?: readonly string[];
}

/** The example post the preview is filled for. */
const EXAMPLE = { author: { name: 'Jan de Vries', handle: 'jandevries' }, caseId: 'x:1850000000000000000' as CaseId };

export function TemplateEditor(props: TemplateEditorProps) {
  const [draft, setDraft] = useState<TemplateDraft>(props.draft);
  const [error, setError] = useState('');
  const [actions, setActions] = useState(() => actionFields(props.draft.actions));
  const set = <K extends keyof TemplateDraft>(key: K, value: TemplateDraft[K]) => setDraft({ ...draft, [key]: value });
  // The preview is for a site whose reply length is limited, when the template is offered there (X).
  const site: Site = draft.sites.find((s) => siteMeta(s).replyLength !== undefined) ?? draft.sites[0] ?? SITES[0];
  const preview = renderTemplate(draft.body, templateValues({ ...EXAMPLE, site }, props.settings, Date.now()));
  const length = siteMeta(site).replyLength === 'twitter-text' ? xWeightedLength(preview.text) : undefined;
  const fields = templateFields(draft.body);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!draft.title.trim() || !draft.body.trim()) return setError(t('templateEditRequired'));
    if (draft.sites.length === 0) return setError(t('templateEditSitesRequired'));
    const checked = actionsOf(actions);
    if ('error' in checked) return setError(t(checked.error));
    const { actions: _old, ...rest } = draft;
    try {
      await props.onSave(checked.actions.length > 0 ? { ...rest, actions: checked.actions } : rest);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const input = (key: 'title' | 'category' | 'shortcut', label: string, extra: Record<string, unknown> = {}) => (
    <div class="field">
      <label for={`te-${key}`}>{label}</label>
      <input id={`te-${key}`} value={draft[key] ?? ''} onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)} {...extra} />
    </div>
  );

  return (
    <form class="template-editor" onSubmit={submit} aria-labelledby="te-heading" data-testid="template-editor">
      <h3 id="te-heading">{props.isNew ? t('templateNewHeading') : t('templateEditHeading', props.draft.title)}</h3>
      {input('title', t('templateTitleLabel'), { required: true, 'aria-required': 'true' })}
      {input('category', t('templateCategoryLabel'), { list: 'te-categories' })}
      <datalist id="te-categories">
        {props.categories.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {input('shortcut', t('templateShortcutLabel'), { 'aria-describedby': 'te-shortcut-help', pattern: '[\\p{L}\\p{N}_\\-]*' })}
      <small id="te-shortcut-help" class="muted">
        {t('templateShortcutHelp')}
      </small>
      <div class="field">
        <label for="te-language">{t('templateLanguageLabel')}</label>
        <select id="te-language" value={draft.language} onChange={(e) => set('language', (e.currentTarget as HTMLSelectElement).value as Template['language'])}>
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </select>
      </div>
      <fieldset class="inline">
        <legend>{t('templateSitesLabel')}</legend>
        {SITES.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={draft.sites.includes(s)}
              onChange={(e) => set('sites', (e.currentTarget as HTMLInputElement).checked ? [...draft.sites, s] : draft.sites.filter((x) => x !== s))}
            />{' '}
            {siteLabel(s)}
          </label>
        ))}
      </fieldset>
      <fieldset class="inline">
        <legend>{t('templateScopeLabel')}</legend>
        {(['team', 'personal'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name="te-scope" checked={draft.scope === scope} onChange={() => set('scope', scope)} /> {t(scope === 'team' ? 'scopeTeam' : 'scopePersonal')}
          </label>
        ))}
      </fieldset>
      <TemplateActionsEditor fields={actions} categories={props.kccCategories ?? KCC_CATEGORIES} onChange={setActions} />
      <div class="field">
        <label for="te-body">{t('templateBodyLabel')}</label>
        <textarea id="te-body" rows={6} value={draft.body} aria-describedby="te-body-help" onInput={(e) => set('body', (e.currentTarget as HTMLTextAreaElement).value)} />
        <small id="te-body-help" class="muted">
          {t('templateBodyHelp', VARIABLES.map((v) => `{{${v}}}`).join(' '))}
        </small>
      </div>
      <section class="preview" aria-labelledby="te-preview-heading">
        <h4 id="te-preview-heading">{t('templatePreviewHeading', EXAMPLE.author.name)}</h4>
        <p data-testid="template-preview" class="preview-text">
          {preview.text}
        </p>
        {length && (
          <p class={length.remaining < 0 ? 'error' : 'muted'}>
            {length.remaining < 0 ? t('templateTooLong', String(-length.remaining), String(X_MAX)) : t('templateRemaining', String(length.remaining))}
          </p>
        )}
        {fields.length > 0 && <p class="muted">{t('templateFieldsNote', fields.join(', '))}</p>}
        {preview.problems
          .filter((p) => p.kind !== 'unfilled')
          .map((p) => (
            <p class="error" key={p.variable}>
              {t(p.kind === 'empty' ? 'templateWarnEmpty' : 'templateWarnUnknown', `{{${p.variable}}}`)}
            </p>
          ))}
      </section>
      <p role="alert" class="error">
        {error}
      </p>
      <div class="row-actions">
        <button type="submit" class="primary">
          {t('templateSave')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancelButton')}
        </button>
      </div>
    </form>
  );
}
