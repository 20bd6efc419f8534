/**
 * The reply template picker inside the toolbar: type to filter, arrow keys to choose, Enter to insert,
 * Escape to close. Shows the filled-in text before it goes anywhere, with a warning for every variable that
 * has no value, so nothing is sent with a silent blank.
 */
import { useMemo, useState } from 'preact/hooks';
import type { RenderedTemplate } from '../domain/render-template';
import type { Template } from '../domain/template';
import { t } from './i18n';
import { SearchCombobox } from './search-combobox';

export interface TemplatePickerProps {
  /** Undefined while loading. */
  templates: Template[] | undefined;
  render(template: Template): RenderedTemplate;
  onInsert(template: Template): void;
  onClose(): void;
  idPrefix: string;
}

/**
 * How well a template answers the search words: a shortcut typed in full first, then words in the title,
 * then in the category, then in the text. 0 = no match.
 */
export function score(template: Template, words: string[]): number {
  if (words.length === 0) return 1;
  const title = template.title.toLowerCase();
  const category = template.category.toLowerCase();
  const body = template.body.toLowerCase();
  let total = 0;
  for (const word of words) {
    if (template.shortcut?.toLowerCase() === word) total += 100;
    else if (title.split(/\s+/).some((w) => w.startsWith(word))) total += 20;
    else if (title.includes(word)) total += 10;
    else if (category.includes(word)) total += 5;
    else if (body.includes(word)) total += 1;
    else return 0;
  }
  return total;
}

export function TemplatePicker(props: TemplatePickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (props.templates ?? [])
      .map((tpl, index) => ({ tpl, index, score: score(tpl, words) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .map((s) => s.tpl);
  }, [props.templates, query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const rendered = current ? props.render(current) : undefined;
  const optionId = (i: number) => `${props.idPrefix}-opt-${i}`;

  return (
    <div class="picker" data-lk="picker">
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
          if (e.key === 'Enter' && current) props.onInsert(current);
          else if (e.key === 'Escape') props.onClose();
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
            onClick={() => (tpl === current ? props.onInsert(tpl) : setActive(i))}
          >
            <span class="title">{tpl.title}</span> <span class="category">{tpl.category}</span>
          </li>
        ))}
      </ul>
      {rendered && (
        <div class="preview">
          <span class="preview-label">{t('templatesPreview')}</span>
          <p data-lk="preview">{rendered.text}</p>
          {rendered.problems.map((p) => (
            <p class="warning" role="alert" key={p.variable}>
              {t(p.kind === 'empty' ? 'templateWarnEmpty' : 'templateWarnUnknown', `{{${p.variable}}}`)}
            </p>
          ))}
          <button type="button" class="primary" data-lk="insert" onClick={() => current && props.onInsert(current)}>
            {t('templatesInsert')}
          </button>
        </div>
      )}
    </div>
  );
}
