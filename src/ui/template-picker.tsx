/**
 * The reply template picker: type to search, arrow keys to choose, Enter to insert (or to go to the
 * template's fill-in fields first), Escape to close. The preview shows the text exactly as it will go into
 * the reply, with a warning for every variable that has no value and every field not filled in, so nothing
 * is sent with a silent blank; on X it counts characters the way X does.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { RenderedTemplate } from '../domain/render-template';
import { templateFields } from '../domain/render-template';
import { siteMeta, type Site } from '../domain/site';
import type { Template } from '../domain/template';
import type { Readability } from '../domain/readability';
import { X_MAX, xWeightedLength } from '../domain/x-length';
import { AccountWarning, type AccountWarningProps } from './account-warning';
import { t } from './i18n';
import { ReadabilityAdvice } from './readability-advice';
import { SearchCombobox } from './search-combobox';
import { searchTemplates } from './template-search';
import { describeAction } from './reply-action-words';

export type Fills = Record<string, string>;

export interface TemplatePickerProps {
  /** Undefined while loading. */
  templates: Template[] | undefined;
  site: Site;
  render(template: Template, fills: Fills): RenderedTemplate;
  /** `more`: the agent wants to add another template to the same reply after this one. */
  onInsert(template: Template, fills: Fills, more: boolean): void;
  onClose(): void;
  idPrefix: string;
  /** The B1 check (the background's, with the organisation's officialese list); no advice when absent. */
  checkReadability?(text: string): Promise<Readability>;
  /** The wrong-account warning, while it shows. */
  accountWarning?: AccountWarningProps;
}

/** Warn this many characters before X's limit. */
const X_WARN_REMAINING = 20;

export function TemplatePicker(props: TemplatePickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [fills, setFills] = useState<Fills>({});
  const firstField = useRef<HTMLInputElement>(null);
  const [focusFields, setFocusFields] = useState(false);

  const shown = useMemo(() => searchTemplates(props.templates ?? [], query, props.site), [props.templates, query, props.site]);
  const current = shown[Math.min(active, shown.length - 1)];
  const fields = useMemo(() => (current ? templateFields(current.body) : []), [current]);
  const rendered = current ? props.render(current, fills) : undefined;
  const length = rendered && siteMeta(props.site).replyLength === 'twitter-text' ? xWeightedLength(rendered.text) : undefined;
  const optionId = (i: number) => `${props.idPrefix}-opt-${i}`;
  const fieldId = (i: number) => `${props.idPrefix}-field-${i}`;

  useEffect(() => {
    if (focusFields) {
      firstField.current?.focus();
      setFocusFields(false);
    }
  }, [focusFields]);

  const insert = (more: boolean) => {
    if (!current) return;
    props.onInsert(current, fills, more);
    setFills({});
  };

  return (
    <div class="picker" data-lk="picker">
      {props.accountWarning && <AccountWarning {...props.accountWarning} />}
      <SearchCombobox
        label={t('templatesSearch')}
        controls={`${props.idPrefix}-list`}
        activeId={current ? optionId(shown.indexOf(current)) : undefined}
        lk="template-search"
        onQuery={(q) => {
          setQuery(q);
          setActive(0);
        }}
        onMove={(d) => setActive((i) => Math.max(0, Math.min(i + d, shown.length - 1)))}
        onKey={(e) => {
          if (e.key === 'Enter' && current) {
            // A template with fields to fill: Enter goes to the first field; Enter there inserts.
            if (fields.length > 0 && fields.some((f) => !fills[f]?.trim())) setFocusFields(true);
            else insert(e.shiftKey);
          } else if (e.key === 'Escape') props.onClose();
          else return false;
          return true;
        }}
      />
      {props.templates !== undefined && shown.length === 0 && <p class="state">{t('templatesNone')}</p>}
      <ul role="listbox" id={`${props.idPrefix}-list`} aria-label={t('templatesList')} class="options">
        {shown.map((tpl, i) => (
          <li
            role="option"
            id={optionId(i)}
            key={tpl.id}
            aria-selected={tpl === current}
            class={tpl === current ? 'option active' : 'option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => (tpl === current ? insert(false) : setActive(i))}
          >
            <span class="title">{tpl.title}</span> <span class="category">{tpl.category}</span>
            {tpl.language !== 'nl' && <span class="lang"> ({tpl.language.toUpperCase()})</span>}
            {tpl.shortcut && <span class="category"> ;{tpl.shortcut}</span>}
          </li>
        ))}
      </ul>
      {current && fields.length > 0 && (
        <fieldset class="fields">
          <legend>{t('templateFieldsLegend')}</legend>
          {fields.map((label, i) => (
            <div class="field-row" key={label}>
              <label for={fieldId(i)}>{label}</label>
              <input
                id={fieldId(i)}
                ref={i === 0 ? firstField : undefined}
                data-lk={`fill-${i}`}
                value={fills[label] ?? ''}
                autocomplete="off"
                onInput={(e) => setFills({ ...fills, [label]: (e.currentTarget as HTMLInputElement).value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    const next = (e.currentTarget.closest('fieldset')?.querySelectorAll('input')[i + 1]) as HTMLInputElement | undefined;
                    if (next) next.focus();
                    else insert(e.shiftKey);
                  } else if (e.key === 'Escape') {
                    e.preventDefault();
                    props.onClose();
                  }
                }}
              />
            </div>
          ))}
        </fieldset>
      )}
      {rendered && (
        <div class="preview">
          <span class="preview-label" id={`${props.idPrefix}-preview-label`}>
            {t('templatesPreview')}
          </span>
          <p data-lk="preview" aria-labelledby={`${props.idPrefix}-preview-label`}>
            {rendered.text}
          </p>
          {current?.actions && current.actions.length > 0 && (
            <div class="actions" data-lk="template-actions">
              <span class="preview-label" id={`${props.idPrefix}-actions-label`}>
                {t('templateActionsHeading')}
              </span>
              <ul aria-labelledby={`${props.idPrefix}-actions-label`}>
                {current.actions.map((a) => (
                  <li key={a.kind}>{describeAction(a)}</li>
                ))}
              </ul>
            </div>
          )}
          {length && (
            <p data-lk="x-length" class={length.remaining < 0 ? 'warning' : 'muted'} role={length.remaining < X_WARN_REMAINING ? 'alert' : undefined}>
              {length.remaining < 0 ? t('templateTooLong', String(-length.remaining), String(X_MAX)) : t('templateRemaining', String(length.remaining))}
            </p>
          )}
          {current?.language === 'nl' && props.checkReadability && (
            <ReadabilityAdvice text={rendered.text} check={props.checkReadability} idPrefix={props.idPrefix} />
          )}
          {rendered.problems.map((p) => (
            <p class="warning" role="alert" key={`${p.kind}:${p.variable}`}>
              {p.kind === 'unfilled'
                ? t('templateWarnUnfilled', p.variable)
                : t(p.kind === 'empty' ? 'templateWarnEmpty' : 'templateWarnUnknown', `{{${p.variable}}}`)}
            </p>
          ))}
          <button type="button" class="primary" data-lk="insert" onClick={() => insert(false)}>
            {t('templatesInsert')}
          </button>{' '}
          <button type="button" data-lk="insert-more" onClick={() => insert(true)} title={t('templatesInsertMoreHint')}>
            {t('templatesInsertMore')}
          </button>
        </div>
      )}
    </div>
  );
}
