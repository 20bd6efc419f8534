import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';
import { describeEvent as describeForExport, DUTCH_EVENT_WORDS, tagLabeller } from '../../src/exports/event-description';
import { describeEvent, eventWords } from '../../src/ui/case-history';

const e = (over: Partial<CaseEvent>): CaseEvent => ({ caseId: caseIdFor('x', '1'), at: 0, actor: 'Anna', kind: 'changed', ...over });

describe('history lines', () => {
  it('says what changed, in the agent’s words', () => {
    expect(describeEvent(e({ kind: 'created' }), undefined)).toBe('zaak gemaakt');
    expect(describeEvent(e({ field: 'status', before: 'new', after: 'waiting' }), undefined)).toBe('status: Nieuw → Wacht op inwoner');
    expect(describeEvent(e({ field: 'tags', before: [], after: ['afval', 'klacht'] }), DEFAULT_TAGS)).toBe('labels: Afval, Klacht');
    expect(describeEvent(e({ field: 'assignee', after: 'Bram' }), undefined)).toBe('toegewezen aan Bram');
    expect(describeEvent(e({ field: 'assignee', after: null }), undefined)).toBe('niet meer toegewezen');
    expect(describeEvent(e({ field: 'assignee', before: 'Anna', after: 'Bram' }), undefined)).toBe('toegewezen aan Bram (was Anna)');
    expect(describeEvent(e({ field: 'assignee', before: 'Anna', after: null }), undefined)).toBe('vrijgegeven (was Anna)');
    expect(describeEvent(e({ field: 'handover', after: { category: 'Afval', note: 'Bel terug', at: 1, agent: 'Anna' } }), undefined)).toBe('doorgezet naar KCC (Afval): Bel terug');
    expect(describeEvent(e({ kind: 'note', after: 'Gebeld' }), undefined)).toBe('notitie: Gebeld');
  });

  it('shows a reply kept with the case with its words and link, and says when it was written outside Loket', () => {
    const reply = { postId: caseIdFor('x', '2'), text: '<b>Dank</b> voor uw melding.', url: 'https://x.com/g/status/2', postedAt: 1 };
    expect(describeEvent(e({ kind: 'reply', after: { ...reply, via: 'loket' } }), undefined)).toBe('antwoord: <b>Dank</b> voor uw melding. (https://x.com/g/status/2)');
    expect(describeEvent(e({ kind: 'reply', after: { ...reply, via: 'elsewhere' } }), undefined)).toBe(
      'antwoord, buiten Loket geschreven: <b>Dank</b> voor uw melding. (https://x.com/g/status/2)',
    );
    // A reply event this version cannot read (from a later one, through sync) is described, not fatal.
    expect(describeEvent(e({ kind: 'reply', after: { words: 1 } }), undefined)).toBe('gewijzigd');
  });

  it('says a change it does not know, and a handover without its details, without failing', () => {
    expect(describeEvent(e({ field: 'dueAt', after: 5 }), undefined)).toBe('uiterlijk antwoorden gewijzigd');
    expect(describeEvent(e({ field: 'somethingNew' as CaseEvent['field'], after: 1 }), undefined)).toBe('gewijzigd');
    expect(describeEvent(e({ field: 'handover', after: {} }), undefined)).toBe('doorgezet naar KCC (): ');
    expect(describeEvent(e({ field: 'handover', after: null }), undefined)).toBe('overdracht aan KCC ongedaan gemaakt');
    expect(describeEvent(e({ field: 'kcc', after: { state: 'in_progress' } }), undefined)).toBe('KCC: In behandeling');
  });

  it('uses the same Dutch words as the exports: one description, one wording', () => {
    const ui = eventWords();
    for (const key of ['created', 'unassigned', 'answered', 'due', 'changed'] as const) expect(ui[key]).toBe(DUTCH_EVENT_WORDS[key]);
    const events = [
      e({ kind: 'created' }),
      e({ kind: 'note', after: 'Gebeld' }),
      e({ field: 'status', before: 'new', after: 'closed' }),
      e({ field: 'tags', after: ['afval'] }),
      e({ field: 'tags', after: [] }),
      e({ field: 'assignee', after: 'Bram' }),
      e({ field: 'assignee', after: null }),
      e({ field: 'handover', after: { category: 'Afval', note: 'Bel terug', at: 1, agent: 'Anna' } }),
      e({ field: 'firstResponseAt', after: 1 }),
      e({ field: 'dueAt', after: 1 }),
      e({ kind: 'reply', after: { postId: caseIdFor('x', '2'), text: 'Dank voor uw melding.', url: 'https://x.com/g/status/2', postedAt: 1, via: 'loket' } }),
      e({ kind: 'reply', after: { postId: caseIdFor('x', '3'), text: 'Wij kijken ernaar.', url: 'https://x.com/g/status/3', postedAt: 1, via: 'elsewhere' } }),
    ];
    for (const event of events) expect(describeEvent(event, DEFAULT_TAGS)).toBe(describeForExport(event, tagLabeller(DEFAULT_TAGS)));
  });
});
