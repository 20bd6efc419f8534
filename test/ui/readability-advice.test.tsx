import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { readability } from '../../src/domain/readability';
import { ReadabilityAdvice } from '../../src/ui/readability-advice';

/** Mounts the advice with the real check (as the background runs it) and waits until it has answered. */
async function mount(text: string, officialese?: Array<{ word: string; plain: string }>) {
  const root = document.createElement('div');
  document.body.append(root);
  const check = vi.fn(async (t: string) => readability(t, officialese));
  render(<ReadabilityAdvice text={text} check={check} idPrefix="lk-1" />, root);
  await vi.waitFor(() => expect(check).toHaveBeenCalled());
  await check.mock.results[0]!.value;
  await new Promise((r) => setTimeout(r, 0));
  return root;
}

describe('the B1 check in the template preview', () => {
  it('says in words that a plain reply meets B1, with its score and level', async () => {
    const root = await mount('Hoi Sanne, bedankt voor uw vraag. We kijken er morgen naar. ^AB');
    const section = root.querySelector('[data-lk="readability"]')!;
    expect(section.getAttribute('data-b1')).toBe('pass');
    expect(section.getAttribute('aria-labelledby')).toBe('lk-1-b1-label');
    expect(root.querySelector('#lk-1-b1-label')!.textContent).toBe('Leesbaarheid (B1)');
    expect(root.querySelector('[data-lk="readability-score"]')!.textContent).toMatch(/^✓ Voldoet aan B1: Flesch-Douma \d+ \((zeer )?makkelijk\)\.$/);
    expect(root.querySelector('details')).toBeNull();
  });

  it('gives advice with tips behind a disclosure for officialese and long sentences, hostile text as text', async () => {
    const text = 'Indien u het formulier retourneert <img src=x onerror=alert(1)>, dan zullen wij uw aanvraag zo snel als het maar enigszins mogelijk is voor u in behandeling nemen en afhandelen.';
    const root = await mount(text);
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

  it("uses the organisation's list when given", async () => {
    const root = await mount('De burger belt ons.', [{ word: 'burger', plain: 'inwoner' }]);
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Ambtelijk: “burger”, liever: inwoner']);
  });

  it('shows nothing for a text without words', async () => {
    expect((await mount('👍 ^AB')).innerHTML).toBe('');
  });

  it('asks once the text has been still, and drops an answer for an older text', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const check = vi.fn(async (t: string) => readability(t));
    render(<ReadabilityAdvice text="De burger" check={check} idPrefix="lk-2" />, root);
    render(<ReadabilityAdvice text="Hoi Sanne, we bellen u morgen." check={check} idPrefix="lk-2" />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-lk="readability"]')).not.toBeNull());
    expect(check.mock.calls.map((c) => c[0])).toEqual(['Hoi Sanne, we bellen u morgen.']);
  });
});
