import { describe, expect, it } from 'vitest';
import { applyPatch, newCase, type Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { actionsPatch, assignPatch, ME, undoActions, UndoError, UNDO_WINDOW_MS, type ReplyAction } from '../../src/domain/reply-actions';
import { replyActionsSchema } from '../../src/domain/template-draft-schema';

const post: PostRef = {
  caseId: caseIdFor('x', '100'),
  site: 'x',
  url: 'https://x.com/inwoner/status/100',
  author: { name: 'Inwoner', handle: '@inwoner' },
  text: 'Waar kan ik mijn paspoort ophalen?',
  postedAt: 1_000,
  postedAtSource: 'page',
};

/** Applies a patch as the store does: the case and one audit event per changed field. */
function apply(c: Case, patch: Parameters<typeof applyPatch>[1], at: number, actor: string, events: CaseEvent[]): Case {
  const { next, changes } = applyPatch(c, patch, at);
  for (const ch of changes) events.push({ caseId: c.id, at, actor, kind: 'changed', field: ch.field, before: ch.before, after: ch.after });
  return next;
}

describe('reply actions', () => {
  it('turn into one patch: status, tags, a handover (which hands over) and assign', () => {
    const c = newCase(post, 0);
    const actions: ReplyAction[] = [
      { kind: 'tags', add: ['paspoort'] },
      { kind: 'handover', category: 'Burgerzaken', note: 'Graag bellen' },
      { kind: 'assign', to: ME },
    ];
    const { patch, skipped } = actionsPatch(actions, c, 'Anna');
    expect(skipped).toEqual([]);
    expect(patch).toEqual({ addTags: ['paspoort'], handover: { category: 'Burgerzaken', note: 'Graag bellen', agent: 'Anna' }, assignee: 'Anna', status: 'handed_over' });
    expect(assignPatch('Bram', 'Anna')).toEqual({ assignee: 'Bram' });
    expect(assignPatch(ME, '')).toEqual({});
  });

  it('leave out a status move the lifecycle does not allow, and apply the rest', () => {
    const closed = applyPatch(newCase(post, 0), { status: 'closed' }, 1).next;
    const { patch, skipped } = actionsPatch([{ kind: 'status', status: 'waiting' }, { kind: 'tags', add: ['dm'] }], closed, 'Anna');
    expect(patch).toEqual({ addTags: ['dm'] });
    expect(skipped).toEqual([{ kind: 'status', status: 'waiting' }]);
  });

  it('are undone from the events of the change: every field back as it was, as a change of its own', () => {
    const events: CaseEvent[] = [];
    let c = apply(newCase(post, 0), { status: 'in_progress', tags: ['vraag'] }, 10, 'Anna', events);
    const { patch } = actionsPatch([{ kind: 'handover', category: 'Burgerzaken', note: 'Bellen' }, { kind: 'tags', add: ['paspoort'] }], c, 'Anna');
    c = apply(c, patch, 1_000, 'Anna', events);
    expect(c).toMatchObject({ status: 'handed_over', tags: ['vraag', 'paspoort'], handover: { category: 'Burgerzaken' } });

    const { next, changes } = undoActions(c, events, 1_000, 'Anna', 30_000);
    expect(next.status).toBe('in_progress');
    expect(next.tags).toEqual(['vraag']);
    expect(next.handover).toBeUndefined();
    expect(changes.map((ch) => ch.field).sort()).toEqual(['handover', 'status', 'tags']);
    expect(changes.find((ch) => ch.field === 'status')).toEqual({ field: 'status', before: 'handed_over', after: 'in_progress' });
  });

  it('restore an earlier handover and the KCC’s answer to it when a template replaced them', () => {
    const events: CaseEvent[] = [];
    let c = apply(newCase(post, 0), { handover: { category: 'Afval', note: 'eerste', agent: 'Anna' } }, 10, 'Anna', events);
    c = apply(c, { kcc: { state: 'answered', answer: 'Opgehaald', by: 'Kees' } }, 20, 'Kees', events);
    const earlier = c.handover;
    const earlierKcc = c.kcc;
    c = apply(c, actionsPatch([{ kind: 'handover', category: 'Parkeren', note: 'tweede' }], c, 'Anna').patch, 1_000, 'Anna', events);
    expect(c.kcc).toBeUndefined();
    const { next } = undoActions(c, events, 1_000, 'Anna', 2_000);
    expect(next.handover).toEqual(earlier);
    expect(next.kcc).toEqual(earlierKcc);
  });

  it('refuse to undo after the minute, someone else’s change, or a field changed since — changing nothing', () => {
    const events: CaseEvent[] = [];
    let c = apply(newCase(post, 0), actionsPatch([{ kind: 'status', status: 'waiting' }], newCase(post, 0), 'Anna').patch, 1_000, 'Anna', events);
    expect(() => undoActions(c, events, 1_000, 'Anna', 1_000 + UNDO_WINDOW_MS + 1)).toThrow(UndoError);
    expect(() => undoActions(c, events, 1_000, 'Bram', 2_000)).toThrow(/no change of yours/);
    c = apply(c, { status: 'in_progress' }, 1_500, 'Bram', events);
    const attempt = () => undoActions(c, events, 1_000, 'Anna', 2_000);
    expect(attempt).toThrow(/status has changed since/);
    expect(c.status).toBe('in_progress');
  });

  it('are checked: unknown kinds, empty tags, a status that does not exist, two of a kind', () => {
    expect(replyActionsSchema.safeParse([{ kind: 'status', status: 'closed' }, { kind: 'assign', to: '@me' }]).success).toBe(true);
    expect(replyActionsSchema.safeParse([{ kind: 'delete' }]).success).toBe(false);
    expect(replyActionsSchema.safeParse([{ kind: 'tags', add: [] }]).success).toBe(false);
    expect(replyActionsSchema.safeParse([{ kind: 'status', status: 'gone' }]).success).toBe(false);
    expect(replyActionsSchema.safeParse([{ kind: 'handover', category: 'Afval', note: ' ' }]).success).toBe(false);
    expect(replyActionsSchema.safeParse([{ kind: 'status', status: 'closed' }, { kind: 'status', status: 'waiting' }]).success).toBe(false);
  });
});
