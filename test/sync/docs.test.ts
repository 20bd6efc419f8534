import { describe, expect, it } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import type { Template } from '../../src/domain/template';
import {
  caseDoc,
  caseIdOfDoc,
  caseIdOfEventDoc,
  caseVersionOf,
  docKind,
  eventDoc,
  eventDocId,
  replyEventDocId,
  fixedRev,
  localTemplate,
  readDoc,
  tagDoc,
  teamTemplate,
  templateDoc,
  tombstone,
} from '../../src/sync/docs';
import { stamp, version } from './support';

const template = (scope: Template['scope']): Template => ({
  id: 'afval-ophalen',
  title: 'Afval ophalen',
  body: 'Beste {{naam}}, …',
  category: 'Afval',
  language: 'nl',
  sites: ['x', 'facebook'],
  scope,
  order: 3,
  usageCount: 12,
  lastUsedAt: 5_000,
  updatedAt: 4_000,
});

describe('case documents', () => {
  it('are named case:<case id> and come back as the same version', () => {
    const v = version({ status: 'closed', tags: ['afval'] }, { fields: { status: [stamp(10, 'Anna')] }, tags: { afval: [stamp(9, 'Anna')] } });
    const doc = caseDoc(v, '2-abc');
    expect(doc._id).toBe('case:x:100');
    expect(caseIdOfDoc(doc._id)).toBe('x:100');
    const read = readDoc(JSON.parse(JSON.stringify(doc)));
    expect(read?.kind).toBe('case');
    expect(caseVersionOf(read!)).toEqual(v);
  });

  it('leave the local sort key out', () => {
    const v = version({});
    (v.case as unknown as { openDue: number[] }).openDue = [1, 2];
    expect(caseDoc(v)).not.toHaveProperty('case.openDue');
  });

  it('are refused when malformed or when the id does not match the case', () => {
    const doc = JSON.parse(JSON.stringify(caseDoc(version({}), '1-a')));
    expect(readDoc({ ...doc, case: { ...doc.case, status: 'lost' } })).toBeNull();
    expect(readDoc({ ...doc, _id: 'case:x:999' })).toBeNull();
    expect(readDoc({ ...doc, clocks: { fields: { status: 'yesterday' }, tags: {} } })).toBeNull();
    expect(readDoc({ _id: '_design/app', _rev: '1-a', views: {} })).toBeNull();
    expect(readDoc('case:x:100')).toBeNull();
  });

  it('keep fields a newer version of Loket added', () => {
    const doc = JSON.parse(JSON.stringify(caseDoc(version({}), '1-a')));
    doc.case.priority = 'high';
    const read = readDoc(doc);
    expect(read?.kind === 'case' && 'doc' in read && (read.doc.case as unknown as { priority: string }).priority).toBe('high');
  });
});

describe('event documents', () => {
  it('sort by case and time, and name their case', () => {
    const id = eventDocId(caseIdFor('facebook', '123', '456'), 1_700_000_000_000, 'k3x9-17');
    expect(id).toBe('event:fb:123/456:001700000000000:k3x9-17');
    expect(caseIdOfEventDoc(id)).toBe('fb:123/456');
    expect(docKind(id)).toBe('event');
    expect(eventDocId(caseIdFor('x', '1'), 5, 'a') < eventDocId(caseIdFor('x', '1'), 40, 'a')).toBe(true);
  });

  it('name a kept reply by the reply itself, the same in every browser, and still name their case', () => {
    const id = replyEventDocId(caseIdFor('facebook', '123', '456'), caseIdFor('facebook', '123', '789'));
    expect(id).toBe('event:fb:123/456:000000000000000:reply-fb%3A123%2F789');
    expect(caseIdOfEventDoc(id)).toBe('fb:123/456');
    expect(replyEventDocId(caseIdFor('x', '1'), caseIdFor('x', '2'))).not.toBe(replyEventDocId(caseIdFor('x', '1'), caseIdFor('x', '3')));
  });

  it('carry a revision fixed by their id, so pushing one twice changes nothing', () => {
    const id = eventDocId(caseIdFor('x', '1'), 5, 'a-1');
    expect(fixedRev(id)).toMatch(/^1-[0-9a-f]{32}$/);
    expect(fixedRev(id)).toBe(fixedRev(id));
    expect(fixedRev(id)).not.toBe(fixedRev(`${id}0`));
    const doc = eventDoc({ seq: 7, caseId: caseIdFor('x', '1'), at: 5, actor: 'Anna', kind: 'changed', field: 'status', before: 'new', after: 'closed' }, id);
    expect(doc).toEqual({ _id: id, _rev: fixedRev(id), type: 'event', event: { caseId: 'x:1', at: 5, actor: 'Anna', kind: 'changed', field: 'status', before: 'new', after: 'closed' } });
    expect(readDoc(doc)?.kind).toBe('event');
  });

  it('are refused when the event belongs to another case than the id says', () => {
    const doc = eventDoc({ caseId: caseIdFor('x', '1'), at: 5, actor: 'Anna', kind: 'note', after: 'x' }, eventDocId(caseIdFor('x', '2'), 5, 'a-1'));
    expect(readDoc(doc)).toBeNull();
  });
});

describe('tags and templates', () => {
  it('share team templates without the agent own order and usage', () => {
    const shared = teamTemplate(template('team'))!;
    expect(shared).not.toHaveProperty('order');
    expect(shared).not.toHaveProperty('usageCount');
    expect(shared).not.toHaveProperty('lastUsedAt');
    expect(readDoc({ ...templateDoc(shared, 4_000), _rev: '1-a' })?.kind).toBe('template');
    // Placed in another agent's list: that agent's order and usage stay.
    const mine = { ...template('team'), order: 0, usageCount: 2 };
    expect(localTemplate(shared, mine, 99)).toMatchObject({ order: 0, usageCount: 2 });
    expect(localTemplate(shared, undefined, 99)).toMatchObject({ order: 99, usageCount: 0 });
  });

  it('never share a personal template', () => {
    expect(teamTemplate(template('personal'))).toBeNull();
  });

  it('read tags and tombstones', () => {
    expect(readDoc({ ...tagDoc({ id: 'afval', label: 'Afval', color: '#1d6f42' }, 10), _rev: '1-a' })?.kind).toBe('tag');
    expect(readDoc({ ...tombstone('tag:afval', '2-b') })).toEqual({ kind: 'tag', id: 'tag:afval', rev: '2-b', deleted: true });
  });
});
