/**
 * The search field of a picker: a combobox that filters a listbox, focused when the picker opens, with the
 * arrow keys moving the active option (the picker says what Enter, Space and Escape do).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export interface SearchComboboxProps {
  label: string;
  /** Id of the listbox it controls. */
  controls: string;
  /** Id of the active option, if any. */
  activeId: string | undefined;
  lk: string;
  onQuery(query: string): void;
  /** Moves the active option by this many places. */
  onMove(delta: number): void;
  /** Other keys; return true when handled. */
  onKey(e: KeyboardEvent, query: string): boolean;
}

export function SearchCombobox(props: SearchComboboxProps) {
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <label class="search">
      <span>{props.label}</span>
      <input
        ref={input}
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={props.controls}
        aria-activedescendant={props.activeId}
        aria-autocomplete="list"
        autocomplete="off"
        value={query}
        data-lk={props.lk}
        onInput={(e) => {
          const value = (e.currentTarget as HTMLInputElement).value;
          setQuery(value);
          props.onQuery(value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') props.onMove(1);
          else if (e.key === 'ArrowUp') props.onMove(-1);
          else if (!props.onKey(e, query)) return;
          e.preventDefault();
        }}
      />
    </label>
  );
}
