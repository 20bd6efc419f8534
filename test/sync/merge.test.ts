import { describe, expect, it } from 'vitest';
import { mergeCases, stableJson, type CaseVersion, type Stamp } from '../../src/sync/merge';
import { stamp, version } from './support';

/** Merges both ways, checks they agree, and returns the merge. */
function merge(a: CaseVersion, b: CaseVersion) {
  const ab = mergeCases(a, b);
  const ba = mergeCases(b, a);
  expect(stableJson(ab)).toBe(stableJson(ba));
  return ab;
}

function merged(a: CaseVersion, b: CaseVersion) {
  const { merged: m } = merge(a, b);
  if (m.deleted) throw new Error('deleted');
  return m.case;
}

describe('merging two versions of a case', () => {
  // Both start from: status new, no tags, no assignee, agreed on the server. Then each side changes offline.
  it('keeps both changes when two agents changed different fields', () => {
    const anna = version({ status: 'in_progress', updatedAt: 10 }, { fields: { status: [stamp(10, 'Anna')] } });
    const bram = version({ assignee: 'Bram', updatedAt: 12 }, { fields: { assignee: [stamp(12, 'Bram')] } });
    const result = merge(anna, bram);
    expect(result.conflicts).toEqual([]);
    const c = merged(anna, bram);
    expect(c).toMatchObject({ status: 'in_progress', assignee: 'Bram', updatedAt: 12 });
    expect(c.conflict).toBeUndefined();
  });

  it('lets a reopen clear the "no reply needed" reason that another browser still has from before', () => {
    const closedAt = { status: [stamp(5, 'Anna')], noReplyReason: [stamp(5, 'Anna')] };
    const reopened = version({ status: 'in_progress', updatedAt: 10 }, { fields: { status: [...closedAt.status, stamp(10, 'Bram')], noReplyReason: [...closedAt.noReplyReason, stamp(10, 'Bram')] } });
    const untouched = version({ status: 'closed', noReplyReason: 'thanks', updatedAt: 5 }, { fields: closedAt });
    const c = merged(reopened, untouched);
    expect(c.status).toBe('in_progress');
    expect(c.noReplyReason).toBeUndefined();
    expect(c.conflict).toBeUndefined();
  });

  it('keeps the KCC’s answer and webcare’s export of the same handover, made apart', () => {
    const handover = { category: 'Afval', note: 'Bellen', at: 5, agent: 'Anna' };
    const base = { handover: [stamp(5, 'Anna')] };
    const kcc = version({ handover, kcc: { state: 'answered', answer: 'Opgehaald', by: 'Kees', at: 10 }, updatedAt: 10 }, { fields: { ...base, kcc: [stamp(10, 'Kees')] } });
    const exported = { ...handover, exports: [{ at: 12, via: 'csv' as const, by: 'Anna' }] };
    const webcare = version({ handover: exported, updatedAt: 12 }, { fields: { handover: [...base.handover, stamp(12, 'Anna')] } });
    const result = merge(kcc, webcare);
    expect(result.conflicts).toEqual([]);
    const c = merged(kcc, webcare);
    expect(c.handover).toEqual(exported);
    expect(c.kcc).toMatchObject({ state: 'answered', answer: 'Opgehaald' });
  });

  it('takes the later change when both changed the status, and marks the case as changed by two people', () => {
    const anna = version({ status: 'closed', updatedAt: 10 }, { fields: { status: [stamp(10, 'Anna')] } });
    const bram = version({ status: 'waiting', updatedAt: 12 }, { fields: { status: [stamp(12, 'Bram')] } });
    const result = merge(anna, bram);
    expect(result.conflicts).toEqual(['status']);
    const c = merged(anna, bram);
    expect(c.status).toBe('waiting');
    expect(c.conflict).toEqual({ fields: ['status'], actors: ['Anna', 'Bram'], at: 12, lost: { status: 'closed' } });
  });

  it('breaks a tie in time by the actor name that sorts last, then by value', () => {
    const anna = version({ status: 'closed' }, { fields: { status: [stamp(10, 'Anna')] } });
    const bram = version({ status: 'waiting' }, { fields: { status: [stamp(10, 'Bram')] } });
    expect(merged(anna, bram).status).toBe('waiting');
    const annaAgain = version({ status: 'waiting' }, { fields: { status: [stamp(10, 'Anna', 'one')] } });
    const annaElsewhere = version({ status: 'closed' }, { fields: { status: [stamp(10, 'Anna', 'two')] } });
    expect(merged(annaAgain, annaElsewhere).status).toBe('waiting'); // "waiting" sorts after "closed"
  });

  it('lets a side that saw the other change win without a conflict, even when its clock is behind', () => {
    const anna = version({ status: 'closed' }, { fields: { status: [stamp(100, 'Anna')] } });
    // Bram pulled Anna's change, then reopened the case; his computer's clock is slow.
    const bram = version({ status: 'in_progress' }, { fields: { status: [stamp(100, 'Anna'), stamp(50, 'Bram')] } });
    const result = merge(anna, bram);
    expect(result.conflicts).toEqual([]);
    expect(merged(anna, bram).status).toBe('in_progress');
    // The history keeps the winner's change last, so a third merge still sees who set the value.
    expect((result.merged as { clocks: { fields: { status: Stamp[] } } }).clocks.fields.status.at(-1)).toEqual(stamp(50, 'Bram'));
  });

  it('keeps an unrelated tag added on each side', () => {
    const anna = version({ tags: ['afval'] }, { tags: { afval: [stamp(10, 'Anna')] } });
    const bram = version({ tags: ['klacht'] }, { tags: { klacht: [stamp(11, 'Bram')] } });
    const c = merged(anna, bram);
    expect(c.tags).toEqual(['klacht', 'afval']);
    expect(c.conflict).toBeUndefined();
  });

  it('applies a removal on one side and an add on the other', () => {
    const added = stamp(5, 'Anna');
    const anna = version({ tags: [] }, { tags: { afval: [added, stamp(10, 'Anna', 'remove')] } });
    const bram = version({ tags: ['afval', 'parkeren'] }, { tags: { afval: [added], parkeren: [stamp(12, 'Bram')] } });
    const c = merged(anna, bram);
    expect(c.tags).toEqual(['parkeren']);
    expect(c.conflict).toBeUndefined();
  });

  it('decides the same tag removed on one side and added again on the other by the later change, as a conflict', () => {
    const added = stamp(5, 'Anna');
    const anna = version({ tags: [] }, { tags: { afval: [added, stamp(10, 'Anna')] } });
    const bram = version({ tags: ['afval'] }, { tags: { afval: [added, stamp(8, 'Bram'), stamp(12, 'Bram')] } });
    const result = merge(anna, bram);
    expect(result.conflicts).toEqual(['tags']);
    expect(merged(anna, bram).tags).toEqual(['afval']);
  });

  it('lets an erasure win over any edit, however late (an erasure is not undone)', () => {
    const edited = version({ status: 'in_progress', updatedAt: 10_000 }, { fields: { status: [stamp(10_000, 'Anna')] } });
    const erasure: CaseVersion = { deleted: true, deletion: { kind: 'erasure' } };
    expect(merge(erasure, edited).merged).toEqual(erasure);
    // A tombstone that does not say why (an older client) is an erasure too.
    expect(merge({ deleted: true }, edited).merged).toEqual(erasure);
    // An erasure also beats a purge.
    expect(merge(erasure, { deleted: true, deletion: { kind: 'retention', lastChangeAt: 20_000 } }).merged).toEqual(erasure);
  });

  it('lets a purge win over the version it saw, or an older one', () => {
    const purge: CaseVersion = { deleted: true, deletion: { kind: 'retention', lastChangeAt: 5_000 } };
    const seen = version({ status: 'closed', updatedAt: 5_000 }, { fields: { status: [stamp(5_000, 'Anna')] } });
    const older = version({ status: 'closed', updatedAt: 4_000 }, { fields: { status: [stamp(4_000, 'Anna')] } });
    expect(merge(purge, seen).merged).toEqual(purge);
    expect(merge(purge, older).merged).toEqual(purge);
  });

  it('lets a later edit (a reopen, a note) win over a purge: the case lives on', () => {
    const purge: CaseVersion = { deleted: true, deletion: { kind: 'retention', lastChangeAt: 5_000 } };
    const reopened = version({ status: 'in_progress', updatedAt: 5_001 }, { fields: { status: [stamp(4_000, 'Anna'), stamp(5_001, 'Bram')] } });
    const result = merge(purge, reopened);
    expect(result.merged).toEqual(reopened);
    expect(result.conflicts).toEqual([]);
  });

  it('keeps, of two purges, the one that saw the later change', () => {
    const early: CaseVersion = { deleted: true, deletion: { kind: 'retention', lastChangeAt: 5_000 } };
    const late: CaseVersion = { deleted: true, deletion: { kind: 'retention', lastChangeAt: 6_000 } };
    expect(merge(early, late).merged).toEqual(late);
    // And then an edit between the two changes still loses to the later purge.
    const between = version({ status: 'closed', updatedAt: 5_500 });
    expect(mergeCases(merge(early, late).merged, between).merged).toEqual(late);
  });

  it('keeps the earliest first response, and marks two different first responses as a conflict', () => {
    const anna = version({ firstResponseAt: 2_000 }, { fields: { firstResponseAt: [stamp(2_000, 'Anna')] } });
    const bram = version({ firstResponseAt: 1_500 }, { fields: { firstResponseAt: [stamp(2_500, 'Bram')] } });
    const result = merge(anna, bram);
    expect(merged(anna, bram).firstResponseAt).toBe(1_500);
    expect(result.conflicts).toEqual(['firstResponseAt']);
  });

  it('takes the later due time quietly: it is worked out from the SLA policy, not set by a person', () => {
    const a = version({ dueAt: 5_000 }, { fields: { dueAt: [stamp(10, '')] } });
    const b = version({ dueAt: 6_000 }, { fields: { dueAt: [stamp(11, '')] } });
    const result = merge(a, b);
    expect(merged(a, b).dueAt).toBe(6_000);
    expect(result.conflicts).toEqual([]);
  });

  it('merges post content like a refresh: the longer text and the time read from the page', () => {
    const a = version({ text: 'De container', postedAtSource: 'first-seen', postedAt: 3_000 });
    const b = version({ text: 'De container is niet geleegd, al twee weken', postedAtSource: 'page', postedAt: 2_000 });
    const c = merged(a, b);
    expect(c).toMatchObject({ text: 'De container is niet geleegd, al twee weken', postedAtSource: 'page', postedAt: 2_000 });
  });

  it('keeps a conflict marker through later merges that agree', () => {
    const anna = version({ status: 'closed' }, { fields: { status: [stamp(10, 'Anna')] } });
    const bram = version({ status: 'waiting' }, { fields: { status: [stamp(12, 'Bram')] } });
    const first = mergeCases(anna, bram).merged;
    const again = mergeCases(first, anna);
    expect(again.conflicts).toEqual([]);
    expect(stableJson(again.merged)).toBe(stableJson(first));
  });

  it('is the same whichever side comes first, for many random pairs of offline edits', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const statuses = ['new', 'in_progress', 'waiting', 'handed_over', 'closed'] as const;
    const tags = ['afval', 'klacht', 'parkeren', 'wmo'];
    const common = [stamp(1, 'Base')];
    const side = (actor: string) => {
      const status = statuses[Math.floor(random() * statuses.length)]!;
      const changed = random() < 0.7;
      const at = Math.floor(random() * 5);
      const chosen = tags.filter(() => random() < 0.5);
      return version(
        { status: changed ? status : 'new', tags: chosen, ...(random() < 0.5 ? { assignee: actor } : {}), updatedAt: at },
        {
          fields: changed ? { status: [...common, stamp(at, actor)] } : { status: common },
          tags: Object.fromEntries(chosen.map((t) => [t, [stamp(Math.floor(random() * 5), random() < 0.5 ? actor : 'Other')]])),
        },
      );
    };
    for (let i = 0; i < 300; i++) {
      const a = side('Anna');
      const b = side('Bram');
      const ab = mergeCases(a, b);
      expect(stableJson(ab)).toBe(stableJson(mergeCases(b, a)));
      // Merging again with either side changes nothing.
      expect(stableJson(mergeCases(ab.merged, a).merged.deleted ? null : (mergeCases(ab.merged, a).merged as { case: unknown }).case)).toBe(
        stableJson((ab.merged as { case: unknown }).case),
      );
    }
  });
});
