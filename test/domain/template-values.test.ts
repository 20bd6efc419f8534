import { describe, expect, it } from 'vitest';
import { caseIdFor, caseReference } from '../../src/domain/case-id';
import { renderTemplate } from '../../src/domain/render-template';
import { signature, templateValues, type AgentDetails } from '../../src/domain/template-values';

const ANNA: AgentDetails = { agentName: 'Anna de Wit', initials: 'AW', municipality: 'Gemeente Voorbeeld' };
// 2026-03-29 00:30 UTC: 01:30 in Amsterdam, half an hour before the clocks go forward.
const BEFORE_DST = Date.UTC(2026, 2, 29, 0, 30);
// 2026-03-29 01:30 UTC: 03:30 summer time (CEST, UTC+2).
const AFTER_DST = Date.UTC(2026, 2, 29, 1, 30);
// 2026-12-31 23:30 UTC: already New Year's Day in Amsterdam.
const NEW_YEAR = Date.UTC(2026, 11, 31, 23, 30);

describe('the agent’s signature', () => {
  it('puts a caret before the initials once, and leaves no initials empty', () => {
    expect(signature('AW')).toBe('^AW');
    expect(signature('^AW')).toBe('^AW');
    expect(signature('  AW ')).toBe('^AW');
    expect(signature('')).toBe('');
    expect(signature('   ')).toBe('');
  });
});

describe('template values for a post', () => {
  it('takes the author from the page, the agent from the settings, and the reference from the case id', () => {
    const id = caseIdFor('x', '1000000000000000001');
    const values = templateValues({ author: { name: 'Jan de Vries 🌷', handle: '@jdv' }, caseId: id, site: 'x' }, ANNA, BEFORE_DST);
    expect(values).toMatchObject({
      naam: 'Jan de Vries 🌷',
      voornaam: 'Jan',
      handle: '@jdv',
      gemeente: 'Gemeente Voorbeeld',
      medewerker: 'Anna de Wit',
      paraaf: '^AW',
      zaaknummer: caseReference(id),
      kanaal: 'X',
    });
    expect(values.zaaknummer).toMatch(/^W-[0-9A-HJKMNP-TV-Z]{6}$/);
  });

  it('names the channel Facebook for a Facebook post, and leaves the handle empty when the site shows none', () => {
    const values = templateValues({ author: { name: 'Gemeente fan' }, caseId: caseIdFor('facebook', '123', '456'), site: 'facebook' }, ANNA, BEFORE_DST);
    expect(values.kanaal).toBe('Facebook');
    expect(values.handle).toBe('');
  });

  it('gives no first name when the display name does not start with one', () => {
    expect(templateValues({ author: { name: '🌷 bloemetje' }, caseId: caseIdFor('x', '1'), site: 'x' }, ANNA, BEFORE_DST).voornaam).toBe('');
    expect(templateValues({ author: { name: '@@@' }, caseId: caseIdFor('x', '1'), site: 'x' }, ANNA, BEFORE_DST).voornaam).toBe('');
  });

  it('gives date and time in Amsterdam, across the change to summer time and the turn of the year', () => {
    const post = { author: { name: 'Jan' }, caseId: caseIdFor('x', '1'), site: 'x' as const };
    expect(templateValues(post, ANNA, BEFORE_DST)).toMatchObject({ datum: '29 maart 2026', tijd: '01:30' });
    expect(templateValues(post, ANNA, AFTER_DST)).toMatchObject({ datum: '29 maart 2026', tijd: '03:30' });
    expect(templateValues(post, ANNA, NEW_YEAR)).toMatchObject({ datum: '1 januari 2027', tijd: '00:30' });
  });

  it('fills a template, with a name that looks like a variable staying text', () => {
    const values = templateValues({ author: { name: '{{paraaf}} Piet' }, caseId: caseIdFor('x', '7'), site: 'x' }, { ...ANNA, initials: '' }, BEFORE_DST);
    const { text, problems } = renderTemplate('Hoi {{naam}}, groet van {{medewerker}} ({{gemeente}}). {{paraaf}}', values);
    expect(text).toContain('Hoi {{paraaf}} Piet, groet van Anna de Wit (Gemeente Voorbeeld).');
    // No initials set: the signature is reported as empty rather than left out silently.
    expect(problems).toEqual([{ kind: 'empty', variable: 'paraaf' }]);
  });
});
