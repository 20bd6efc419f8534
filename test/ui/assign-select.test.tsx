import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { AssignSelect, assignChoices } from '../../src/ui/assign-select';
import type { TeamMember } from '../../src/domain/team';

const NOW = Date.UTC(2026, 11, 3, 9, 0);
const member = (name: string, extra: Partial<TeamMember> = {}): TeamMember => ({ name, initials: '', role: 'webcare', inPolicy: true, ...extra });
const TEAM = [member('Anna'), member('Bram', { away: { since: NOW - 1 } }), member('Cor')];

function mount(assignee?: string) {
  const root = document.createElement('div');
  document.body.append(root);
  const onAssign = vi.fn();
  render(<AssignSelect assignee={assignee} me="Anna" team={TEAM} now={NOW} onAssign={onAssign} label="Toewijzen" />, root);
  const select = root.querySelector('select')!;
  return { select, onAssign, values: [...select.options].map((o) => o.value) };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the assign menu', () => {
  it('offers me first, then the colleagues (away ones marked), never the current assignee', () => {
    expect(assignChoices(TEAM, 'Anna', 'Cor', NOW)).toEqual([
      { name: 'Anna', away: false },
      { name: 'Bram', away: true },
    ]);
    expect(assignChoices(TEAM, 'Anna', 'anna', NOW).map((c) => c.name)).toEqual(['Bram', 'Cor']);
  });

  it('offers release only for an assigned case', () => {
    expect(mount().values).toHaveLength(4);
    expect(mount('Cor').values).toHaveLength(4); // '', Anna, Bram, release
    expect(mount('Cor').values.at(-1)).toMatch(/release/);
  });

  it('applies a mouse choice at once: a name, or null for release', () => {
    const { select, onAssign, values } = mount('Cor');
    select.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    select.value = 'Bram';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onAssign).toHaveBeenLastCalledWith('Bram');
    select.value = values.at(-1)!;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onAssign).toHaveBeenLastCalledWith(null);
  });

  it('a keyboard choice applies on Enter, not on every arrow key; Escape takes it back', async () => {
    const { select, onAssign } = mount();
    for (const value of ['Anna', 'Bram', 'Cor']) {
      select.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await tick();
    }
    expect(onAssign).not.toHaveBeenCalled();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await tick();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onAssign).not.toHaveBeenCalled();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    select.value = 'Cor';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onAssign).toHaveBeenCalledExactlyOnceWith('Cor');
  });
});
