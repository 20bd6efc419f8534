/**
 * The tag picker inside the toolbar: type to filter, arrow keys to move, Enter or Space to put a tag on or
 * take it off, Escape to close. Several tags per case; each change is saved at once.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tagPath } from '../domain/default-tags';
import type { Tag } from '../domain/tag';
import { t } from './i18n';

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
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (props.tags ?? []).filter((tag) => !tag.retired && words.every((w) => tagPath(tag).toLowerCase().includes(w)));
  }, [props.tags, query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const optionId = (i: number) => `${props.idPrefix}-tag-${i}`;

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, shown.length - 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if ((e.key === 'Enter' || (e.key === ' ' && query === '')) && current) props.onToggle(current.id);
    else if (e.key === 'Escape') props.onClose();
    else return;
    e.preventDefault();
  };

  return (
    <div class="picker" data-lk="tag-picker">
      <label class="search">
        <span>{t('tagsSearch')}</span>
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${props.idPrefix}-tags`}
          aria-activedescendant={current ? optionId(shown.indexOf(current)) : undefined}
          aria-autocomplete="list"
          autocomplete="off"
          value={query}
          data-lk="tag-search"
          onInput={(e) => {
            setQuery((e.currentTarget as HTMLInputElement).value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
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
