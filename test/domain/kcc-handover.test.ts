import { describe, expect, it } from 'vitest';
import { applyPatch, newCase, NoHandoverError } from '../../src/domain/case';
import { caseIdFor, caseReference } from '../../src/domain/case-id';
import { kccConfig, kccStateOf, KCC_CATEGORIES, wasExported, worksForKcc } from '../../src/domain/handover';
import { matchKccAnswers, parseKccAnswers } from '../../src/domain/kcc-answer-file';
import type { PostRef } from '../../src/domain/post-ref';
import { handoverRecord, handoversCsv } from '../../src/exports/handover-export';
import type { Case } from '../../src/domain/case';
import type { Handover } from '../../src/domain/handover';

const post = (n: string): PostRef => ({
  caseId: caseIdFor('x', n),
  site: 'x',
  url: `https://x.com/inwoner/status/${n}`,
  author: { name: 'Inwoner', handle: '@inwoner' },
  text: `Vraag ${n}`,
  postedAt: 1_000,
  postedAtSource: 'page',
});
const handed = (n: string) => applyPatch(newCase(post(n), 0), { status: 'handed_over', handover: { category: 'Afval', note: 'Bellen', agent: 'Anna' } }, 100).next;

describe('a handover to the KCC', () => {
  it('records each export on the handover, and a new handover starts unexported', () => {
    let c = handed('1');
    expect(wasExported(c.handover!)).toBe(false);
    const exported = applyPatch(c, { handoverExport: { via: 'csv', by: 'Anna' } }, 200);
    expect(exported.changes.map((ch) => ch.field)).toEqual(['handover']);
    c = exported.next;
    expect(c.handover!.exports).toEqual([{ via: 'csv', by: 'Anna', at: 200 }]);
    expect(wasExported(c.handover!)).toBe(true);
    c = applyPatch(c, { handoverExport: { via: 'mail', by: 'Bram' } }, 300).next;
    expect(c.handover!.exports!.map((e) => e.via)).toEqual(['csv', 'mail']);
    c = applyPatch(c, { handover: { category: 'Parkeren', note: 'Opnieuw', agent: 'Anna' } }, 400).next;
    expect(wasExported(c.handover!)).toBe(false);
  });

  it('carries the KCC’s progress, cleared by a new handover; none without a handover', () => {
    let c = handed('2');
    expect(kccStateOf(c)).toBe('received');
    c = applyPatch(c, { kcc: { state: 'in_progress', by: 'Kees' } }, 200).next;
    expect(kccStateOf(c)).toBe('in_progress');
    const answered = applyPatch(c, { kcc: { state: 'answered', answer: '  U kunt langskomen.  ', reference: 'KCC-1', by: 'Kees' } }, 300);
    expect(answered.next.kcc).toEqual({ state: 'answered', answer: 'U kunt langskomen.', reference: 'KCC-1', by: 'Kees', at: 300 });
    expect(applyPatch(answered.next, { kcc: { state: 'answered', answer: 'U kunt langskomen.', reference: 'KCC-1', by: 'Kees' } }, 400).changes).toEqual([]);
    const again = applyPatch(answered.next, { handover: { category: 'Afval', note: 'Nog een keer', agent: 'Anna' } }, 500);
    expect(again.next.kcc).toBeUndefined();
    expect(again.changes.map((ch) => ch.field)).toEqual(['handover', 'kcc']);
    expect(() => applyPatch(newCase(post('3'), 0), { kcc: { state: 'answered', answer: 'x', by: 'Kees' } }, 1)).toThrow(NoHandoverError);
    expect(() => applyPatch(newCase(post('3'), 0), { handoverExport: { via: 'csv', by: 'Anna' } }, 1)).toThrow(NoHandoverError);
  });

  it('takes the KCC’s address and categories from the policy, with today’s categories as the default', () => {
    expect(kccConfig(undefined)).toEqual({ email: '', categories: [...KCC_CATEGORIES] });
    expect(kccConfig({ email: 'kcc@voorbeeld.nl', categories: ['Afval', 'Overig'] })).toEqual({ email: 'kcc@voorbeeld.nl', categories: ['Afval', 'Overig'] });
  });

  it('knows a KCC agent by the policy’s team list, else by the agent’s own setting', () => {
    const team = [
      { name: 'Kees', role: 'kcc' as const },
      { name: 'Anna', role: 'webcare' as const },
    ];
    expect(worksForKcc('kees ', team, false)).toBe(true);
    expect(worksForKcc('Anna', team, true)).toBe(false);
    expect(worksForKcc('Onbekend', team, true)).toBe(false);
    expect(worksForKcc('Anna', undefined, true)).toBe(true);
    expect(worksForKcc('Anna', [], false)).toBe(false);
  });
});

describe('the KCC’s answer file', () => {
  const cases = [handed('10'), handed('11')] as Array<Case & { handover: Handover }>;
  const ref10 = caseReference(cases[0]!.id);
  const ref11 = caseReference(cases[1]!.id);

  it('reads our own CSV export filled in by the KCC (Excel, semicolons) and matches it back by reference', () => {
    const exported = handoversCsv(cases.map(handoverRecord));
    expect(exported).toContain(ref10);
    const filled = `\uFEFFzaaknummer;status;antwoord;kcc_kenmerk\r\n${ref10};beantwoord;"U kunt de pas ophalen; neem ID mee.";KCC-7\r\n${ref11};in behandeling;;\r\nW-ZZZZZZ;ontvangen;;\r\n`;
    const parsed = parseKccAnswers(filled);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { matched, unknown } = matchKccAnswers(parsed.rows, cases);
    expect(matched).toEqual([
      { id: cases[0]!.id, state: 'answered', answer: 'U kunt de pas ophalen; neem ID mee.', reference: 'KCC-7' },
      { id: cases[1]!.id, state: 'in_progress' },
    ]);
    expect(unknown).toEqual(['W-ZZZZZZ']);
  });

  it('reads JSON with Dutch or English names, and by the Loket case id too', () => {
    const parsed = parseKccAnswers(
      JSON.stringify({ format: 'loket-kcc-answers/1', answers: [{ reference: ref10.toLowerCase(), state: 'answered', answer: 'Klaar' }, { zaak: cases[1]!.id, antwoord: 'Gebeld' }] }),
    );
    expect(parsed.ok && matchKccAnswers(parsed.rows, cases).matched).toEqual([
      { id: cases[0]!.id, state: 'answered', answer: 'Klaar' },
      { id: cases[1]!.id, state: 'answered', answer: 'Gebeld' },
    ]);
  });

  it.each([
    ['', 'empty'],
    ['{"answers": [', 'unreadable'],
    ['naam,datum\nJan,1-1', 'missing-column'],
    ['zaaknummer,status\nW-1,misschien', 'invalid'],
    ['zaaknummer,status,antwoord\nW-1,beantwoord,', 'invalid'],
    ['zaaknummer,status\n,ontvangen', 'invalid'],
    ['zaaknummer,status\n"W-1,ontvangen', 'unreadable'],
    ['[{"zaaknummer": "W-1", "status": "beantwoord", "antwoord": "ok"}, 5]', 'invalid'],
  ])('refuses a broken file with the reason: %j', (text, code) => {
    const parsed = parseKccAnswers(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.code).toBe(code);
      expect(parsed.detail.length).toBeGreaterThan(5);
    }
  });

  it('names the line of a bad row', () => {
    const parsed = parseKccAnswers(`zaaknummer,status\n${ref10},ontvangen\n${ref11},weg`);
    expect(!parsed.ok && parsed.detail).toMatch(/^line 3: status "weg"/);
  });
});
