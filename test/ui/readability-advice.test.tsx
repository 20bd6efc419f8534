import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { ReadabilityAdvice } from '../../src/ui/readability-advice';

function mount(text: string, officialese?: Array<{ word: string; plain: string }>) {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ReadabilityAdvice text={text} officialese={officialese} idPrefix="lk-1" />, root);
  return root;
}

describe('the B1 check in the template preview', () => {
  it('says in words that a plain reply meets B1, with its score and level', () => {
    const root = mount('Hoi Sanne, bedankt voor uw vraag. We kijken er morgen naar. ^AB');
    const section = root.querySelector('[data-lk="readability"]')!;
    expect(section.getAttribute('data-b1')).toBe('pass');
    expect(section.getAttribute('aria-labelledby')).toBe('lk-1-b1-label');
    expect(root.querySelector('#lk-1-b1-label')!.textContent).toBe('Leesbaarheid (B1)');
    expect(root.querySelector('[data-lk="readability-score"]')!.textContent).toMatch(/^✓ Voldoet aan B1: Flesch-Douma \d+ \((zeer )?makkelijk\)\.$/);
    expect(root.querySelector('details')).toBeNull();
  });

  it('gives advice with tips behind a disclosure for officialese and long sentences, hostile text as text', () => {
    const text = 'Indien u het formulier retourneert <img src=x onerror=alert(1)>, dan zullen wij uw aanvraag zo snel als het maar enigszins mogelijk is voor u in behandeling nemen en afhandelen.';
    const root = mount(text);
    expect(root.querySelector('[data-lk="readability"]')!.getAttribute('data-b1')).toBe('advice');
    expect(root.querySelector('[data-lk="readability-score"]')!.textContent).toContain('Nog niet B1');
    const details = root.querySelector<HTMLDetailsElement>('[data-lk="readability-tips"]')!;
    expect(details.querySelector('summary')!.textContent).toBe(`${details.querySelectorAll('li').length} tips om het makkelijker te maken`);
    const tips = [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(tips).toContain('Ambtelijk: “Indien”, liever: als');
    expect(tips).toContain('Ambtelijk: “retourneert”, liever: terugsturen');
    expect(tips.some((tip) => tip!.startsWith('Lange zin ('))).toBe(true);
    expect(root.querySelector('img')).toBeNull();
  });

  it("uses the organisation's list when given", () => {
    const root = mount('De burger belt ons.', [{ word: 'burger', plain: 'inwoner' }]);
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Ambtelijk: “burger”, liever: inwoner']);
  });

  it('shows nothing for a text without words', () => {
    expect(mount('👍 ^AB').innerHTML).toBe('');
  });
});
