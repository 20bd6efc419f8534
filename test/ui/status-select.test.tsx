import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { StatusSelect } from '../../src/ui/status-select';

function mount() {
  const root = document.createElement('div');
  document.body.append(root);
  const onStatus = vi.fn();
  render(<StatusSelect status="new" onStatus={onStatus} lk="status" />, root);
  return { select: root.querySelector('select')!, onStatus };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the status menu', () => {
  it('applies a mouse choice at once', () => {
    const { select, onStatus } = mount();
    select.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    select.value = 'waiting';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onStatus).toHaveBeenCalledWith('waiting');
  });

  it('does not step through statuses on arrow keys: a keyboard choice applies on Enter', async () => {
    const { select, onStatus } = mount();
    for (const value of ['in_progress', 'waiting', 'handed_over']) {
      select.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await tick();
    }
    expect(onStatus).not.toHaveBeenCalled();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onStatus).toHaveBeenCalledOnce();
    expect(onStatus).toHaveBeenCalledWith('handed_over');
  });

  it('takes a keyboard choice back on Escape', async () => {
    const { select, onStatus } = mount();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    select.value = 'closed';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await tick();
    select.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await tick();
    select.dispatchEvent(new FocusEvent('blur'));
    expect(onStatus).not.toHaveBeenCalled();
    expect(select.value).toBe('new');
  });
});
