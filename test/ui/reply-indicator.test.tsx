import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readability } from '../../src/domain/readability';
import { indicatorLabel, ReplyIndicator } from '../../src/ui/reply-indicator';

const roots: HTMLElement[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});

function mount(text: string, onDismiss = vi.fn()) {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  const draw = (t: string) => act(() => render(<ReplyIndicator text={t} result={readability(t)} theme="light" onDismiss={onDismiss} idPrefix="lk-ind" />, root));
  draw(text);
  return { root, draw, onDismiss, q: (s: string) => root.querySelector<HTMLElement>(s) };
}

describe('the B1 indicator beside the reply box', () => {
  it('says B1 ✓ for plain words, and the level and score for a hard text, the number of tips when only those fail it', () => {
    expect(indicatorLabel(readability('Wij halen het afval morgen op.'))).toBe('B1 ✓');
    expect(indicatorLabel(readability('Ingevolge de regeling retourneren wij het formulier binnen twee weken.'))).toMatch(/^Taal: zeer moeilijk \(Flesch-Douma \d+\)$/);
    expect(indicatorLabel(readability('Wij sturen het boek zo snel als het kan terug, ingevolge de wet.'))).toBe('Taal: 1 tip');
  });

  it('is a labelled group with a button that opens the tips and another that hides it', () => {
    const { q, onDismiss } = mount('Ingevolge de regeling retourneren wij het formulier.');
    expect(q('[data-lk="indicator"]')!.getAttribute('role')).toBe('group');
    expect(q('[data-lk="indicator"]')!.getAttribute('aria-label')).toBe('Loket: taalniveau van je antwoord');
    const toggle = q('[data-lk="indicator-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(q('#lk-ind-verdict')!.textContent).toMatch(/^Nog niet B1/);
    expect(toggle.getAttribute('aria-describedby')).toBe('lk-ind-verdict');
    act(() => toggle.click());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const tips = [...q('[data-lk="indicator-panel"]')!.querySelectorAll('li')].map((li) => li.textContent);
    expect(tips).toEqual(['Ambtelijk: “Ingevolge”, liever: volgens', 'Ambtelijk: “retourneren”, liever: terugsturen']);
    expect(q('[data-lk="indicator-panel"] details')!.hasAttribute('open')).toBe(true);
    // Escape closes the tips, and the focus stays on the button.
    act(() => void q('[data-lk="indicator-panel"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(q('[data-lk="indicator-panel"]')).toBeNull();
    expect(document.activeElement).toBe(toggle);
    expect(q('[data-lk="indicator-dismiss"]')!.getAttribute('aria-label')).toBe('Taalhulp verbergen bij dit antwoord');
    act(() => q('[data-lk="indicator-dismiss"]')!.click());
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('tells screen readers the verdict when it changes, not at every new score', () => {
    const { q, draw } = mount('Wij halen het afval morgen op.');
    const live = q('[data-lk="indicator-live"]')!;
    expect(live.getAttribute('aria-live')).toBe('polite');
    const first = live.textContent;
    expect(first).toMatch(/^Voldoet aan B1/);
    draw('Wij halen het afval morgen op. Zet de bak buiten.');
    expect(live.textContent).toBe(first); // still B1: nothing new is said
    draw('Ingevolge de regeling retourneren wij het formulier.');
    expect(live.textContent).toMatch(/^Nog niet B1/);
  });

  it('shows what the agent typed as text, never as markup', () => {
    const { root, q } = mount('Ingevolge <img src=x onerror=alert(1)> de regeling.');
    act(() => q('[data-lk="indicator-toggle"]')!.click());
    expect(root.querySelector('img')).toBeNull();
  });
});
