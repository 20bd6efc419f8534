import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';
import { describeEvent } from '../../src/exports/event-description';

const intake = (after: unknown): CaseEvent => ({ caseId: caseIdFor('x', '1'), at: 0, actor: '', kind: 'intake', after });

describe('the history line of automatic intake', () => {
  it('says why the case was made, in the exports’ Dutch', () => {
    expect(describeEvent(intake({ reason: 'mention', detail: '@gemeente' }))).toBe('automatisch opgepakt: noemt @gemeente');
    expect(describeEvent(intake({ reason: 'page-comment', detail: 'Gemeente Voorbeeld' }))).toBe('automatisch opgepakt: reactie op een bericht van Gemeente Voorbeeld');
    expect(describeEvent(intake({ reason: 'keyword', detail: '#westerzand' }))).toBe('automatisch opgepakt: bevat #westerzand');
  });

  it('describes a record it cannot read (a later version, through sync) as the case being made', () => {
    expect(describeEvent(intake({ reason: 'telepathy', detail: 'x' }))).toBe('zaak gemaakt');
    expect(describeEvent(intake(null))).toBe('zaak gemaakt');
  });
});
