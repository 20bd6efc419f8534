import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import { caseFilter, type CaseFilters } from '../../src/ui/case-filters';

const matchesFilters = (x: Case, f: CaseFilters, me: string) => caseFilter(f, me)(x);

const c = (over: Partial<Case>): Case =>
  ({ id: 'x:1', site: 'x', url: '', author: { name: 'Jan de Vries', handle: '@jan' }, text: 'Container niet geleegd', status: 'new', tags: [], postedAt: 0, postedAtSource: 'page', createdAt: 0, updatedAt: 0, ...over }) as Case;
const all: CaseFilters = { status: 'all', site: 'all', tag: 'all', assignee: 'all', query: '' };

describe('case filters (popup and work queue)', () => {
  it('filters by status, channel and tag', () => {
    expect(matchesFilters(c({}), { ...all, status: 'new' }, '')).toBe(true);
    expect(matchesFilters(c({}), { ...all, status: 'waiting' }, '')).toBe(false);
    expect(matchesFilters(c({}), { ...all, site: 'facebook' }, '')).toBe(false);
    expect(matchesFilters(c({ tags: ['afval'] }), { ...all, tag: 'afval' }, '')).toBe(true);
    expect(matchesFilters(c({}), { ...all, tag: 'afval' }, '')).toBe(false);
  });

  it('shows mine and unassigned by default, everyone on request', () => {
    expect(matchesFilters(c({ assignee: 'Anna' }), { ...all, assignee: 'mineOrFree' }, 'Anna')).toBe(true);
    expect(matchesFilters(c({}), { ...all, assignee: 'mineOrFree' }, 'Anna')).toBe(true);
    expect(matchesFilters(c({ assignee: 'Bram' }), { ...all, assignee: 'mineOrFree' }, 'Anna')).toBe(false);
    expect(matchesFilters(c({ assignee: 'Bram' }), { ...all, assignee: 'all' }, 'Anna')).toBe(true);
    // Without an agent name, "mine" cannot be told apart: show everything.
    expect(matchesFilters(c({ assignee: 'Bram' }), { ...all, assignee: 'mineOrFree' }, '')).toBe(true);
  });

  it('searches author, handle and text, all words, any case', () => {
    expect(matchesFilters(c({}), { ...all, query: 'jan container' }, '')).toBe(true);
    expect(matchesFilters(c({}), { ...all, query: '@JAN' }, '')).toBe(true);
    expect(matchesFilters(c({}), { ...all, query: 'paspoort' }, '')).toBe(false);
  });

  it("'mine' is only mine, 'unassigned' only nobody's; a tag id is searched too", () => {
    expect(matchesFilters(c({ assignee: 'Anna' }), { ...all, assignee: 'mine' }, 'Anna')).toBe(true);
    expect(matchesFilters(c({}), { ...all, assignee: 'mine' }, 'Anna')).toBe(false);
    expect(matchesFilters(c({}), { ...all, assignee: 'unassigned' }, 'Anna')).toBe(true);
    expect(matchesFilters(c({ assignee: 'Bram' }), { ...all, assignee: 'unassigned' }, 'Anna')).toBe(false);
    expect(matchesFilters(c({ tags: ['afval'] }), { ...all, query: 'afval' }, '')).toBe(true);
  });
});
