import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { renderTemplate, templateFields, type TemplateValues } from '../../src/domain/render-template';
import { suitsSite } from '../../src/domain/template';
import { xWeightedLength } from '../../src/domain/x-length';

/** Long-ish real values: a long first name, a Frisian municipality, a case id, a long filled-in field. */
const LONG: TemplateValues = {
  voornaam: 'Maximiliaan',
  naam: 'Maximiliaan van der Heijden-Vermeulen',
  handle: '@maximiliaan_vdh1',
  gemeente: 'Súdwest-Fryslân',
  medewerker: 'Anne-Marie',
  paraaf: '^AMvdB',
  zaaknummer: 'x:1876543210987654321',
  datum: '31-12-2025',
  tijd: '23:59',
  kanaal: 'Facebook',
};
const longFills = (body: string) => Object.fromEntries(templateFields(body).map((f) => [f, 'het Hoogheemraadschap van Delfland']));

const byId = (id: string) => DEFAULT_TEMPLATES.find((t) => t.id === id);

describe('the default templates', () => {
  it('have unique, stable ids and shortcuts, and are ordered by position', () => {
    const ids = DEFAULT_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of DEFAULT_TEMPLATES) expect(t.id).toMatch(t.language === 'en' ? /^default:en-[a-z-]+$/ : /^default:[a-z-]+$/);
    const shortcuts = DEFAULT_TEMPLATES.map((t) => t.shortcut);
    expect(shortcuts.every((s) => s && /^[\p{L}\p{N}_-]+$/u.test(s))).toBe(true);
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    expect(DEFAULT_TEMPLATES.map((t) => t.order)).toEqual(DEFAULT_TEMPLATES.map((_, i) => i));
    expect(DEFAULT_TEMPLATES.length).toBeGreaterThanOrEqual(24 + 7);
  });

  it('are team templates for both sites, unused, in known categories', () => {
    const categories = ['Afval', 'Burgerzaken', 'Parkeren', 'Openbare ruimte', 'Zorg', 'Belastingen', 'Storing', 'Algemeen'];
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.scope, t.id).toBe('team');
      expect(t.usageCount, t.id).toBe(0);
      expect(categories, t.id).toContain(t.category);
      expect(suitsSite(t, 'x') && suitsSite(t, 'facebook'), t.id).toBe(true);
    }
    // Each template has its own list, so changing one in the store cannot change another.
    expect(DEFAULT_TEMPLATES[0]!.sites).not.toBe(DEFAULT_TEMPLATES[1]!.sites);
  });

  it('use only known variables: without values they report only what the agent must give', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const problems = renderTemplate(t.body, {}).problems;
      expect(problems.filter((p) => p.kind === 'unknown'), t.id).toEqual([]);
      expect(problems.filter((p) => p.kind === 'empty').map((p) => p.variable), t.id).toEqual(['paraaf']);
    }
  });

  it('render without any problem once the values and fields are given', () => {
    for (const t of DEFAULT_TEMPLATES) expect(renderTemplate(t.body, LONG, longFills(t.body)).problems, t.id).toEqual([]);
  });

  it('fit on X with long values, with room left for a line the agent adds', () => {
    for (const t of DEFAULT_TEMPLATES) {
      const { text } = renderTemplate(t.body, LONG, longFills(t.body));
      const length = xWeightedLength(text);
      expect(length.valid, t.id).toBe(true);
      expect(length.weighted, `${t.id}: ${text}`).toBeLessThanOrEqual(250);
    }
  });

  it('greet by first name, or just "Hoi,"/"Hi," without one, and are signed', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.body, t.id).toMatch(/\{\{paraaf\}\}$/);
      const anonymous = renderTemplate(t.body, { paraaf: '^AB' }, longFills(t.body)).text;
      expect(anonymous, t.id).toMatch(t.language === 'nl' ? /^Hoi, / : /^Hi, /);
      expect(renderTemplate(t.body, LONG, longFills(t.body)).text, t.id).toMatch(/^(Hoi|Hi) Maximiliaan, /);
    }
  });

  it('name no real website, e-mail address or phone number', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.body, t.id).not.toMatch(/https?:|www\.|@|\.(nl|com|org|eu|info|frl)\b/i);
      // 112 and "14 + netnummer" hold everywhere; no other numbers that look like phone numbers.
      expect(t.body.replace(/\b112\b/g, ''), t.id).not.toMatch(/\d{3,}|\d[\d -]{5,}\d/);
    }
  });

  it('cover what citizens ask about most', () => {
    const subjects: Record<string, RegExp> = {
      'afval-niet-geleegd': /container/i,
      grofvuil: /grofvuil.*\{\{invul:Ophaaldatum\}\}/,
      'paspoort-afspraak': /paspoort of ID-kaart.*\{\{invul:Afspraakdatum\}\}.*14 \+ netnummer/,
      rijbewijs: /rijbewijs/,
      verhuizing: /verhuizing/,
      parkeervergunning: /parkeervergunning/,
      'gat-in-de-weg': /gat in de weg/,
      straatverlichting: /lantaarnpaal/,
      zwerfafval: /afval op straat/,
      'melding-openbare-ruimte': /melding/,
      wmo: /Wmo/,
      'woz-bezwaar': /WOZ.*bezwaar/,
      belastingen: /belastingen/,
      kwijtschelding: /kwijtschelding/,
      'storing-website': /website werkt nu niet/,
      'storing-telefoon': /storing/,
      'dm-privacy': /DM.*Deel nooit uw BSN openbaar/,
      'kcc-handover': /collega neemt contact met u op/,
      compliment: /compliment/,
      excuses: /spijt/,
      'buiten-kantoortijd': /gesloten.*112/s,
      geduld: /geduld.*zoeken het/,
      'meer-informatie': /meer vertellen/,
      doorverwijzen: /\{\{invul:Organisatie\}\}/,
      afsluiten: /fijne dag/,
    };
    for (const [slug, pattern] of Object.entries(subjects)) {
      const t = byId(`default:${slug}`);
      expect(t, slug).toBeDefined();
      expect(t!.language, slug).toBe('nl');
      expect(t!.body, slug).toMatch(pattern);
    }
  });

  it('have English versions of the general replies', () => {
    const english: Record<string, RegExp> = {
      'dm-privacy': /DM.*Never share your BSN/,
      'kcc-handover': /colleague will contact you/,
      compliment: /compliment/,
      excuses: /sorry/,
      'buiten-kantoortijd': /closed.*112/s,
      geduld: /patience/,
      'meer-informatie': /tell us a little more/,
    };
    for (const [slug, pattern] of Object.entries(english)) {
      const t = byId(`default:en-${slug}`);
      expect(t?.language, slug).toBe('en');
      expect(t!.body, slug).toMatch(pattern);
      expect(t!.category).toBe(byId(`default:${slug}`)!.category);
    }
    expect(DEFAULT_TEMPLATES.filter((t) => t.language === 'en')).toHaveLength(Object.keys(english).length);
  });

  it('place the caret where the agent adds something, at most once per template', () => {
    for (const t of DEFAULT_TEMPLATES) expect(t.body.match(/\{\{cursor\}\}/g)?.length ?? 0, t.id).toBeLessThanOrEqual(1);
    const dm = renderTemplate(byId('default:dm-privacy')!.body, LONG);
    expect(dm.text.slice(dm.cursor)).toBe(' ^AMvdB');
  });
});
