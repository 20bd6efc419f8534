import { describe, expect, it } from 'vitest';
import { firstActive, moveKey, reasonItems, statusItems, tagItems, type ChooserItem } from '../../src/ui/chooser-model';
import { mk } from '../support/report-cases';

const T = '2026-03-02T09:00:00Z';
const items: ChooserItem[] = [
  { id: 'a', label: 'Afval' },
  { id: 'b', label: 'Burgerzaken', disabled: true },
  { id: 'c', label: 'Container' },
  { id: 'd', label: 'Afvalpas' },
];

describe('the queue choosers', () => {
  it('move with arrows (wrapping), Home, End and a first letter, passing over what cannot be chosen', () => {
    expect(moveKey(items, 0, 'ArrowDown')).toBe(2);
    expect(moveKey(items, 3, 'ArrowDown')).toBe(0);
    expect(moveKey(items, 0, 'ArrowUp')).toBe(3);
    expect(moveKey(items, 2, 'Home')).toBe(0);
    expect(moveKey(items, 0, 'End')).toBe(3);
    expect(moveKey(items, 0, 'a')).toBe(3);
    expect(moveKey(items, 3, 'A')).toBe(0);
    expect(moveKey(items, 0, 'b')).toBe(0); // the only B item cannot be chosen
    expect(moveKey(items, 0, 'Enter')).toBeNull();
    expect(moveKey([], 0, 'ArrowDown')).toBeNull();
  });

  it('offer the statuses the targets can reach, with the one they share checked and first', () => {
    const label = (s: string) => s;
    const one = statusItems([mk({ id: 'x:1', posted: T, status: 'handed_over' })], label);
    expect(one.filter((i) => !i.disabled).map((i) => i.id)).toEqual(['in_progress', 'handed_over', 'closed']);
    expect(one[firstActive(one)]!.id).toBe('handed_over');
    const mixed = statusItems([mk({ id: 'x:1', posted: T, status: 'closed' }), mk({ id: 'x:2', posted: T, status: 'new' })], label);
    expect(mixed.every((i) => i.checked === false)).toBe(true);
    expect(mixed.find((i) => i.id === 'waiting')!.disabled).toBe(false); // the new one can
  });

  it('show a tag as on, off or mixed over the targets, and hide retired tags nobody has', () => {
    const tags = [
      { id: 'afval', label: 'Afval', color: '#fff' },
      { id: 'oud', label: 'Oud', color: '#fff', retired: true },
      { id: 'klacht', label: 'Klacht', group: 'Soort', color: '#fff' },
    ];
    const targets = [mk({ id: 'x:1', posted: T, tags: ['afval'] }), mk({ id: 'x:2', posted: T, tags: ['afval', 'klacht'] })];
    expect(tagItems(tags, targets)).toEqual([
      { id: 'afval', label: 'Afval', checked: true },
      { id: 'klacht', label: 'Klacht (Soort)', checked: 'mixed' },
    ]);
  });

  it('list the four "no reply needed" reasons', () => {
    expect(reasonItems((r) => r).map((i) => i.id)).toEqual(['thanks', 'spam', 'off_topic', 'answered_elsewhere']);
  });
});
