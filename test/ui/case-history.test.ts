import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case-event';
import { xCaseId } from '../../src/domain/case-id';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';
import { describeEvent } from '../../src/ui/case-history';

const e = (over: Partial<CaseEvent>): CaseEvent => ({ caseId: xCaseId('1'), at: 0, actor: 'Anna', kind: 'changed', ...over });

describe('history lines', () => {
  it('says what changed, in the agent’s words', () => {
    expect(describeEvent(e({ kind: 'created' }), undefined)).toBe('zaak gemaakt');
    expect(describeEvent(e({ field: 'status', before: 'new', after: 'waiting' }), undefined)).toBe('status: Nieuw → Wacht op inwoner');
    expect(describeEvent(e({ field: 'tags', before: [], after: ['afval', 'klacht'] }), DEFAULT_TAGS)).toBe('labels: Afval, Klacht');
    expect(describeEvent(e({ field: 'assignee', after: 'Bram' }), undefined)).toBe('toegewezen aan Bram');
    expect(describeEvent(e({ field: 'assignee', after: null }), undefined)).toBe('niet meer toegewezen');
    expect(describeEvent(e({ field: 'handover', after: { category: 'Afval', note: 'Bel terug', at: 1, agent: 'Anna' } }), undefined)).toBe('doorgezet naar KCC (Afval): Bel terug');
    expect(describeEvent(e({ kind: 'note', after: 'Gebeld' }), undefined)).toBe('notitie: Gebeld');
  });
});
