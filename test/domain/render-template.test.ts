import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { VARIABLES, firstName, renderTemplate } from '../../src/domain/render-template';

describe('filling a template', () => {
  it('fills Dutch variables and their English aliases', () => {
    const r = renderTemplate('Hoi {{voornaam}} ({{handle}}), groet {{Name}} / {{initials}}', { voornaam: 'Jan', handle: '@jan', naam: 'Jan de Vries', paraaf: '^AB' });
    expect(r).toEqual({ text: 'Hoi Jan (@jan), groet Jan de Vries / ^AB', problems: [] });
  });

  it('uses the fallback when a value is empty, in either quote style', () => {
    expect(renderTemplate("Beste {{voornaam || 'inwoner'}}", {}).text).toBe('Beste inwoner');
    expect(renderTemplate('Beste {{ voornaam||"u" }}', { voornaam: '  ' }).text).toBe('Beste u');
    expect(renderTemplate("Hoi {{voornaam || ''}}, dag", {}).text).toBe('Hoi , dag');
  });

  it('leaves unknown and empty variables visible and reports them', () => {
    const r = renderTemplate('Hoi {{voornaam}}, {{bsn}}', {});
    expect(r.text).toBe('Hoi {{voornaam}}, {{bsn}}');
    expect(r.problems).toEqual([
      { kind: 'empty', variable: 'voornaam' },
      { kind: 'unknown', variable: 'bsn' },
    ]);
  });

  it('does not interpret values as template syntax or markup', () => {
    expect(renderTemplate('{{naam}}', { naam: "{{paraaf}} <img src=x onerror='x'>" }).text).toBe("{{paraaf}} <img src=x onerror='x'>");
  });

  it('takes a plain first name only', () => {
    expect(firstName('Jan de Vries')).toBe('Jan');
    expect(firstName('Anne-Marie ’t Hart')).toBe('Anne-Marie');
    expect(firstName('🌷 Bloemenwinkel')).toBe('');
    expect(firstName('@gemeente')).toBe('');
  });

  it('ships default templates that use only known variables', () => {
    const values = Object.fromEntries(VARIABLES.map((v) => [v, 'x']));
    for (const template of DEFAULT_TEMPLATES) expect(renderTemplate(template.body, values).problems, template.id).toEqual([]);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
  });
});
