import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { VARIABLES, canonicalVariable, cleanValue, firstName, renderTemplate, templateFields } from '../../src/domain/render-template';

describe('filling a template', () => {
  it('fills Dutch variables and their English aliases', () => {
    const r = renderTemplate('Hoi {{voornaam}} ({{handle}}), groet {{Name}} / {{initials}}', { voornaam: 'Jan', handle: '@jan', naam: 'Jan de Vries', paraaf: '^AB' });
    expect(r).toEqual({ text: 'Hoi Jan (@jan), groet Jan de Vries / ^AB', problems: [] });
    const en = renderTemplate('{{agent}} {{case}} {{channel}} {{firstname}} {{municipality}} {{date}} {{time}}', {
      medewerker: 'Anna',
      zaaknummer: 'x:1',
      kanaal: 'X',
      voornaam: 'Jan',
      gemeente: 'Utrecht',
      datum: '1-2-2025',
      tijd: '09:00',
    });
    expect(en.text).toBe('Anna x:1 X Jan Utrecht 1-2-2025 09:00');
    expect(canonicalVariable('Kenmerk')).toBe('zaaknummer');
    expect(canonicalVariable('bsn')).toBeNull();
  });

  it('uses the fallback when a value is empty, in either quote style', () => {
    expect(renderTemplate("Beste {{voornaam || 'inwoner'}}", {}).text).toBe('Beste inwoner');
    expect(renderTemplate('Beste {{ voornaam||"u" }}', { voornaam: '  ' }).text).toBe('Beste u');
  });

  it("leaves a name out tidily with an empty fallback: 'Hoi,' not 'Hoi ,'", () => {
    expect(renderTemplate("Hoi {{voornaam || ''}}, dag", {}).text).toBe('Hoi, dag');
    expect(renderTemplate("Hoi {{voornaam || ''}}, dag", { voornaam: 'Jan' }).text).toBe('Hoi Jan, dag');
    expect(renderTemplate("Dag {{voornaam || ''}}\nTot ziens", {}).text).toBe('Dag\nTot ziens');
    expect(renderTemplate("Dag {{voornaam || ''}}", {}).text).toBe('Dag');
    expect(renderTemplate("Hoi {{voornaam || ''}} en welkom", {}).text).toBe('Hoi en welkom');
  });

  it('leaves unknown and empty variables visible and reports them once each', () => {
    const r = renderTemplate('Hoi {{voornaam}}, {{bsn}} {{bsn}} {{ iets raars }}', {});
    expect(r.text).toBe('Hoi {{voornaam}}, {{bsn}} {{bsn}} {{ iets raars }}');
    expect(r.problems).toEqual([
      { kind: 'empty', variable: 'voornaam' },
      { kind: 'unknown', variable: 'bsn' },
      { kind: 'unknown', variable: 'iets raars' },
    ]);
  });

  it('never inserts a literal {{paraaf}}: an agent value not set yet is left out, and reported', () => {
    const r = renderTemplate('Dank voor uw bericht. {{paraaf}}', {});
    expect(r.text).toBe('Dank voor uw bericht.');
    expect(r.problems).toEqual([{ kind: 'empty', variable: 'paraaf' }]);
    const english = renderTemplate('Thanks, {{agent}} of {{municipality}} {{initials}}', {});
    expect(english.text).not.toMatch(/\{\{/);
    expect(english.problems.map((p) => p.variable)).toEqual(['agent', 'municipality', 'initials']);
    expect(renderTemplate('Groet {{paraaf}}', { paraaf: '^AB' }).text).toBe('Groet ^AB');
  });

  it('takes a plain first name only', () => {
    expect(firstName('Jan de Vries')).toBe('Jan');
    expect(firstName('Anne-Marie ’t Hart')).toBe('Anne-Marie');
    expect(firstName('🌷 Bloemenwinkel')).toBe('');
    expect(firstName('@gemeente')).toBe('');
    expect(firstName('\u202EJan de Vries')).toBe('Jan');
  });

  it('ships default templates that use only known variables', () => {
    const values = Object.fromEntries(VARIABLES.map((v) => [v, 'x']));
    for (const template of DEFAULT_TEMPLATES) {
      const fills = Object.fromEntries(templateFields(template.body).map((f) => [f, 'y']));
      expect(renderTemplate(template.body, values, fills).problems, template.id).toEqual([]);
    }
  });
});

describe('the cursor mark', () => {
  it('is removed and reports where the caret goes', () => {
    const r = renderTemplate('Hoi {{voornaam}}, {{cursor}} Groet {{paraaf}}', { voornaam: 'Jan', paraaf: '^AB' });
    expect(r.text).toBe('Hoi Jan,  Groet ^AB');
    expect(r.cursor).toBe('Hoi Jan, '.length);
  });

  it('counts what values take before it, and only the first one', () => {
    const r = renderTemplate('{{naam}}: {{ Cursor }}.{{cursor}}!', { naam: 'Anne-Marie de Groot' });
    expect(r.text).toBe('Anne-Marie de Groot: .!');
    expect(r.cursor).toBe('Anne-Marie de Groot: '.length);
  });

  it('is absent without a mark, and stays inside the text when a space before it is tidied away', () => {
    expect('cursor' in renderTemplate('Hoi', {})).toBe(false);
    const r = renderTemplate("Hoi {{cursor}}{{voornaam || ''}}, dag", {});
    expect(r.text).toBe('Hoi, dag');
    expect(r.cursor).toBe(3);
  });
});

describe('fill-in fields', () => {
  const body = 'Uw grofvuil halen we op {{invul:Ophaaldatum}} bij {{ fill : Adres  of plek }}. Tot {{invul:Ophaaldatum}}!';

  it('lists each label once, in order, tidied', () => {
    expect(templateFields(body)).toEqual(['Ophaaldatum', 'Adres of plek']);
    expect(templateFields('{{invul:Datum afspraak één}} {{voornaam}} {{cursor}}')).toEqual(['Datum afspraak één']);
    expect(templateFields('Geen velden')).toEqual([]);
  });

  it('puts in what the agent typed', () => {
    const r = renderTemplate(body, {}, { Ophaaldatum: 'dinsdag 4 maart', 'Adres of plek': 'Dorpsstraat 1' });
    expect(r).toEqual({ text: 'Uw grofvuil halen we op dinsdag 4 maart bij Dorpsstraat 1. Tot dinsdag 4 maart!', problems: [] });
  });

  it('shows a field not filled in as [label] and reports it once', () => {
    const r = renderTemplate(body, {}, { Ophaaldatum: '  ' });
    expect(r.text).toBe('Uw grofvuil halen we op [Ophaaldatum] bij [Adres of plek]. Tot [Ophaaldatum]!');
    expect(r.problems).toEqual([
      { kind: 'unfilled', variable: 'Ophaaldatum' },
      { kind: 'unfilled', variable: 'Adres of plek' },
    ]);
  });

  it('reports a field without a label as unknown', () => {
    expect(renderTemplate('{{invul:}}', {}).problems).toEqual([{ kind: 'unknown', variable: 'invul:' }]);
  });
});

describe('values from strangers', () => {
  it('does not expand template syntax inside a value (one pass)', () => {
    const r = renderTemplate('Hoi {{naam}}, {{paraaf}}', { naam: '{{paraaf}} {{cursor}} {{invul:x}}', paraaf: '^AB' });
    expect(r.text).toBe('Hoi {{paraaf}} {{cursor}} {{invul:x}}, ^AB');
    expect(r.problems).toEqual([]);
    expect(r.cursor).toBeUndefined();
    expect(renderTemplate('{{invul:Datum}}', {}, { Datum: '{{voornaam}}' }).text).toBe('{{voornaam}}');
  });

  it('keeps markup as literal text', () => {
    expect(renderTemplate('{{naam}}', { naam: "<img src=x onerror='x'> &amp;" }).text).toBe("<img src=x onerror='x'> &amp;");
  });

  it('strips bidi overrides, isolates and direction marks from values, not from the template', () => {
    const value = 'Jan\u202E\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F evil';
    expect(renderTemplate('\u2067{{voornaam}}\u2069', { voornaam: value }).text).toBe('\u2067Jan evil\u2069');
    expect(renderTemplate('{{invul:x}}', {}, { x: '\u202Ecba' }).text).toBe('cba');
  });

  it('strips control characters from values', () => {
    expect(renderTemplate('{{naam}}', { naam: 'Jan\u0000\u0007\u001B[31m\u007F\u009B de Vries\uFEFF' }).text).toBe('Jan[31m de Vries');
  });

  it('trims values and makes them one line', () => {
    expect(renderTemplate('[{{naam}}]', { naam: '  Jan\r\n\r\nde\tVries\u2028 junior  ' }).text).toBe('[Jan de Vries junior]');
    expect(renderTemplate('Hoi {{voornaam}}!\n{{paraaf}}', { voornaam: ' Jan ', paraaf: '^AB' }).text).toBe('Hoi Jan!\n^AB');
  });

  it('treats a value that is only invisible characters as empty', () => {
    expect(renderTemplate("Hoi {{voornaam || 'inwoner'}}", { voornaam: '\u202E\u200F \n' }).text).toBe('Hoi inwoner');
    expect(cleanValue('\u2066 \u2069')).toBe('');
  });

  it('keeps emoji made with a zero-width joiner intact', () => {
    expect(cleanValue('Fam 👨‍👩‍👧')).toBe('Fam 👨‍👩‍👧');
  });
});
