import { describe, expect, it } from 'vitest';
import { applyPatch, newCase, NoReplyNotClosedError, type Case } from '../../src/domain/case';
import { caseIdFor } from '../../src/domain/case-id';
import { intakeOf } from '../../src/domain/intake';
import { isNoReplyNeeded, noReplyPatch } from '../../src/domain/no-reply';
import { buildReport } from '../../src/domain/report';
import { describeEvent } from '../../src/exports/event-description';
import { at, mk } from '../support/report-cases';

const post = { caseId: caseIdFor('x', '17'), site: 'x' as const, url: 'https://x.com/a/status/17', author: { name: 'A' }, text: 'Dank!', postedAt: 0, postedAtSource: 'page' as const };

describe('"no reply needed"', () => {
  it('closes the case with its reason in one patch, each field one change', () => {
    const { next, changes } = applyPatch(newCase(post, 0), noReplyPatch('thanks'), 10);
    expect(next.status).toBe('closed');
    expect(next.noReplyReason).toBe('thanks');
    expect(isNoReplyNeeded(next)).toBe(true);
    expect(changes).toEqual([
      { field: 'status', before: 'new', after: 'closed' },
      { field: 'noReplyReason', before: null, after: 'thanks' },
    ]);
    expect(describeEvent({ caseId: post.caseId, at: 10, actor: 'Anna', kind: 'changed', ...changes[1]! })).toBe('gesloten zonder reactie: bedankje');
  });

  it('refuses a reason on a case that stays open, and changes nothing', () => {
    const c = newCase(post, 0);
    expect(() => applyPatch(c, { noReplyReason: 'spam' }, 1)).toThrow(NoReplyNotClosedError);
    expect(() => applyPatch(c, { status: 'in_progress', noReplyReason: 'spam' }, 1)).toThrow(NoReplyNotClosedError);
    expect(c.noReplyReason).toBeUndefined();
  });

  it('is cleared, with a history line, when the case is reopened', () => {
    const closed = applyPatch(newCase(post, 0), noReplyPatch('spam'), 1).next;
    const { next, changes } = applyPatch(closed, { status: 'in_progress' }, 2);
    expect(next.noReplyReason).toBeUndefined();
    expect(isNoReplyNeeded(next)).toBe(false);
    expect(changes).toContainEqual({ field: 'noReplyReason', before: 'spam', after: null });
    expect(describeEvent({ caseId: post.caseId, at: 2, actor: '', kind: 'changed', ...changes[1]! })).toBe('weer geopend (had geen reactie nodig)');
  });

  it('keeps the reason when a closed case gets another change', () => {
    const closed = applyPatch(newCase(post, 0), noReplyPatch('off_topic'), 1).next;
    const { next, changes } = applyPatch(closed, { addTags: ['afval'] }, 2);
    expect(next.noReplyReason).toBe('off_topic');
    expect(changes.map((c) => c.field)).toEqual(['tags']);
  });
});

describe('intake', () => {
  it('is manual for a case an agent makes, and for a case stored before the field existed', () => {
    expect(newCase(post, 0).intake).toBe('manual');
    expect(newCase(post, 0, 'auto').intake).toBe('auto');
    const { intake: _gone, ...old } = newCase(post, 0);
    expect(intakeOf(old as Case)).toBe('manual');
  });
});

describe('the report with "no reply needed" and coverage', () => {
  const period = { from: at('2026-03-02T00:00:00Z'), to: at('2026-03-09T00:00:00Z') };
  const options = { period, officeMs: (a: number, b: number) => b - a, timeZone: 'Europe/Amsterdam', serviceTagIds: new Set<string>(), now: at('2026-03-09T00:00:00Z') };
  const answered = mk({ id: 'x:1', posted: '2026-03-02T09:00:00Z', responseMin: 30, dueMin: 60 });
  const waiting = mk({ id: 'x:2', posted: '2026-03-02T10:00:00Z', dueMin: 60 });
  const thanks: Case = { ...mk({ id: 'x:3', posted: '2026-03-02T11:00:00Z', status: 'closed' }), noReplyReason: 'thanks', intake: 'auto' };
  const spam: Case = { ...mk({ id: 'x:4', posted: '2026-03-02T12:00:00Z', status: 'closed' }), noReplyReason: 'spam' };
  // Answered first, then closed as "no reply needed": it was answered, and counts so.
  const answeredThenNoReply: Case = { ...mk({ id: 'x:5', posted: '2026-03-02T13:00:00Z', responseMin: 10, status: 'closed' }), noReplyReason: 'answered_elsewhere' };

  it('leaves "no reply needed" out of the response rate: answered ÷ (cases − no reply needed)', () => {
    const without = buildReport([answered, waiting], options).total;
    expect(without.responseRate).toBe(1 / 2);
    const total = buildReport([answered, waiting, thanks, spam, answeredThenNoReply], options).total;
    expect(total.cases).toBe(5);
    expect(total.answered).toBe(2);
    expect(total.noReplyNeeded).toBe(2);
    expect(total.responseRate).toBe(2 / 3);
  });

  it('has no response rate when every case needed no reply', () => {
    expect(buildReport([thanks, spam], options).total.responseRate).toBeNull();
  });

  it('counts cases made automatically and by hand, and says posts seen is not measured until intake exists', () => {
    const report = buildReport([answered, waiting, thanks], options);
    expect(report.total.madeAutomatically).toBe(1);
    expect(report.total.madeByHand).toBe(2);
    expect(report.intakeSeen).toBeNull();
    expect(buildReport([thanks], { ...options, intakeSeen: 7 }).intakeSeen).toBe(7);
  });
});

describe('the case/no-reply message', () => {
  it('takes a known reason only, and a patch with a reason must close the case', async () => {
    const { requestSchemas, casePatchSchema } = await import('../../src/protocol/schemas');
    expect(requestSchemas['case/no-reply'].safeParse({ id: 'x:17', reason: 'thanks' }).success).toBe(true);
    expect(requestSchemas['case/no-reply'].safeParse({ id: 'x:17', reason: 'bedankt' }).success).toBe(false);
    expect(requestSchemas['case/no-reply'].safeParse({ id: 'x:17' }).success).toBe(false);
    expect(casePatchSchema.safeParse(noReplyPatch('spam')).success).toBe(true);
  });
});
