/**
 * The choosers the queue's keys open (s status, l labels, x no reply needed), as plain data: their items for
 * the targets at hand, and the keyboard's moves through them. Kept apart from the menu so it is tested
 * without a browser.
 */
import type { Case } from '../domain/case';
import { CASE_STATUSES, canMove } from '../domain/case-lifecycle';
import { NO_REPLY_REASONS } from '../domain/no-reply';
import type { Tag } from '../domain/tag';

export interface ChooserItem {
  id: string;
  label: string;
  /** menuitemradio / menuitemcheckbox state; undefined for a plain menu item. 'mixed': some targets have it. */
  checked?: boolean | 'mixed';
  /** Not a move any target can make. */
  disabled?: boolean;
}

export type ChooserKind = 'status' | 'tags' | 'noReply';

/** Every status; the one all targets have is checked; one no target has or can move to is disabled. */
export function statusItems(targets: readonly Case[], label: (s: string) => string): ChooserItem[] {
  return CASE_STATUSES.map((s) => ({
    id: s,
    label: label(s),
    checked: targets.length > 0 && targets.every((c) => c.status === s),
    disabled: !targets.some((c) => canMove(c.status, s)),
  }));
}

/** The team's tags (retired ones only where a target still has them): on for all, some ('mixed') or none. */
export function tagItems(tags: readonly Tag[], targets: readonly Case[]): ChooserItem[] {
  return tags
    .filter((tag) => !tag.retired || targets.some((c) => c.tags.includes(tag.id)))
    .map((tag) => {
      const having = targets.filter((c) => c.tags.includes(tag.id)).length;
      return { id: tag.id, label: tag.group ? `${tag.label} (${tag.group})` : tag.label, checked: having === 0 ? false : having === targets.length ? true : 'mixed' };
    });
}

export function reasonItems(label: (r: string) => string): ChooserItem[] {
  return NO_REPLY_REASONS.map((r) => ({ id: r, label: label(r) }));
}

/**
 * The item the key moves to from `current`: arrows step (wrapping), Home and End jump, a letter goes to the
 * next item starting with it; disabled items are passed over. Null: the key is not a move.
 */
export function moveKey(items: readonly ChooserItem[], current: number, key: string): number | null {
  const usable = (i: number) => items[i] !== undefined && !items[i]!.disabled;
  const n = items.length;
  if (n === 0) return null;
  const step = (from: number, d: 1 | -1) => {
    for (let k = 1; k <= n; k++) {
      const i = (((from + d * k) % n) + n) % n;
      if (usable(i)) return i;
    }
    return current;
  };
  if (key === 'ArrowDown') return step(current, 1);
  if (key === 'ArrowUp') return step(current, -1);
  if (key === 'Home') return step(-1, 1);
  if (key === 'End') return step(n, -1);
  if (key.length === 1 && /\p{L}|\p{N}/u.test(key)) {
    const lower = key.toLowerCase();
    for (let k = 1; k <= n; k++) {
      const i = (current + k) % n;
      if (usable(i) && items[i]!.label.toLowerCase().startsWith(lower)) return i;
    }
    return current;
  }
  return null;
}

/** Where the chooser starts: the checked item, else the first that can be chosen. */
export function firstActive(items: readonly ChooserItem[]): number {
  const checked = items.findIndex((i) => i.checked === true && !i.disabled);
  if (checked >= 0) return checked;
  return Math.max(0, items.findIndex((i) => !i.disabled));
}
