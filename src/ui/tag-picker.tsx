/**
 * The tag picker inside the toolbar: type to filter, arrow keys to move, Enter or Space to put a tag on or
 * take it off, Escape to close. Several tags per case; each change is saved at once.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { tagPath } from '../domain/default-tags';
import type { Tag } from '../domain/tag';
import { t } from './i18n';
import { SearchCombobox } from './search-combobox';

export interface TagPickerProps {
  /** Undefined while loading. */
  tags: Tag[] | undefined;
  selected: readonly string[];
  onToggle(tagId: string): void;
  onClose(): void;
  idPrefix: string;
}

export function TagPicker(props: TagPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // Enter pressed before the tag set arrived: applied to the best match once it is there, not lost.
  const [pending, setPending] = useState(false);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (props.tags ?? []).filter((tag) => !tag.retired && words.every((w) => tagPath(tag).toLowerCase().includes(w)));
  }, [props.tags, query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (i: number) => `${props.idPrefix}-tag-${i}`;
  useEffect(() => {
    if (!pending || props.tags === undefined) return;
    setPending(false);
    if (current) props.onToggle(current.id);
  }, [pending, props.tags]);

  return (
    <div class="picker" data-lk="tag-picker">
      <SearchCombobox
        label={t('tagsSearch')}
        controls={`${props.idPrefix}-tags`}
        activeId={current ? optionId(shown.indexOf(current)) : undefined}
        lk="tag-search"
        onQuery={(q) => {
          setQuery(q);
          setPending(false);
          setActive(0);
        }}
        onMove={(d) => setActive((i) => Math.max(0, Math.min(i + d, shown.length - 1)))}
        onKey={(e, q) => {
          if (e.key === 'Enter' && props.tags === undefined) setPending(true);
          else if ((e.key === 'Enter' || (e.key === ' ' && q === '')) && current) props.onToggle(current.id);
          else if (e.key === 'Escape') props.onClose();
          else return false;
          return true;
        }}
      />
      {props.tags !== undefined && shown.length === 0 && <p class="state">{t('tagsNone')}</p>}
      <ul role="listbox" aria-multiselectable="true" id={`${props.idPrefix}-tags`} aria-label={t('tagsList')} class="options">
        {shown.map((tag, i) => {
          const on = props.selected.includes(tag.id);
          return (
            <li
              role="option"
              id={optionId(i)}
              key={tag.id}
              aria-selected={on}
              class={tag === current ? 'option active' : 'option'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                setActive(i);
                props.onToggle(tag.id);
              }}
            >
              <span class="check" aria-hidden="true">
                {on ? '✓' : ''}
              </span>
              <span class="chip" style={{ background: tag.color }}>
                {tag.label}
              </span>{' '}
              <span class="category">{tag.group ?? ''}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
