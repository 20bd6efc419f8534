/**
 * A keyboard chooser in the ARIA menu pattern: the menu takes the focus and points at its active item
 * (aria-activedescendant); arrow keys, Home, End and a first letter move, Enter or Space chooses, Escape (or
 * Tab, or a click elsewhere) closes without choosing. A single choice (menuitemradio, menuitem) closes the
 * menu; a checkbox menu (labels) stays open for more. Where the focus goes after closing is the caller's.
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { firstActive, moveKey, type ChooserItem } from './chooser-model';
import { t } from './i18n';

export interface ChooserMenuProps {
  label: string;
  items: ChooserItem[];
  /** Checkbox items that stay open after a choice (labels); else one choice closes. */
  multi?: boolean;
  idPrefix: string;
  onChoose(id: string): void;
  /** Why it closes: a choice, Escape or Tab ('cancel'), or the focus going elsewhere ('blur': leave the focus there). */
  onClose(why: 'chosen' | 'cancel' | 'blur'): void;
  style?: JSX.CSSProperties;
  /** A line under the items (what the choice applies to). */
  note?: string;
}

export function ChooserMenu(props: ChooserMenuProps) {
  const { items } = props;
  const [active, setActive] = useState(() => firstActive(items));
  const menu = useRef<HTMLDivElement>(null);
  // Closing once: the focus leaving a menu that is going away must not close what replaced it.
  const closed = useRef(false);
  const close = (why: 'chosen' | 'cancel' | 'blur') => {
    if (closed.current) return;
    closed.current = true;
    props.onClose(why);
  };
  // Focused before the browser paints it: a key pressed as soon as it shows goes to the menu.
  useLayoutEffect(() => menu.current?.focus(), []);
  const current = Math.min(active, items.length - 1);
  const itemId = (i: number) => `${props.idPrefix}-item-${i}`;
  const role = props.multi ? 'menuitemcheckbox' : items.some((i) => i.checked !== undefined) ? 'menuitemradio' : 'menuitem';

  const choose = (i: number) => {
    const item = items[i];
    if (!item || item.disabled) return;
    setActive(i);
    if (!props.multi) close('chosen');
    props.onChoose(item.id);
  };

  return (
    <div class="chooser" style={props.style} data-testid="chooser">
      <div
        ref={menu}
        role="menu"
        tabIndex={0}
        aria-label={props.label}
        aria-activedescendant={items.length > 0 ? itemId(current) : undefined}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === 'Tab') {
            e.preventDefault();
            e.stopPropagation();
            close('cancel');
            return;
          }
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            choose(current);
            return;
          }
          const next = moveKey(items, current, e.key);
          if (next !== null) {
            e.preventDefault();
            e.stopPropagation();
            setActive(next);
          }
        }}
        onFocusOut={(e) => {
          const to = e.relatedTarget as Node | null;
          if (to && !e.currentTarget.parentElement?.contains(to)) close('blur');
        }}
      >
        {items.map((item, i) => (
          <div
            key={item.id}
            id={itemId(i)}
            role={role}
            aria-checked={role === 'menuitem' ? undefined : item.checked === 'mixed' ? 'mixed' : item.checked === true}
            aria-disabled={item.disabled ? true : undefined}
            class={`chooser-item${i === current ? ' active' : ''}`}
            data-value={item.id}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(i)}
          >
            <span class="check" aria-hidden="true">
              {item.checked === true ? '✓' : item.checked === 'mixed' ? '–' : ''}
            </span>
            {item.label}
          </div>
        ))}
      </div>
      {items.length === 0 && <p class="muted chooser-note">{t('tagsNone')}</p>}
      {props.note && <p class="muted chooser-note">{props.note}</p>}
    </div>
  );
}
