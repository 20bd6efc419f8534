import { describe, expect, it } from 'vitest';
import type { Template } from '../../src/domain/template';
import { score, searchTemplates, withinOneEdit } from '../../src/ui/template-search';
import { storedTemplate } from '../support/templates';

const LIBRARY: Template[] = [
  storedTemplate('grofvuil', { title: 'Grofvuil ophalen', body: 'U maakt een afspraak voor grofvuil op de website.', category: 'Afval', shortcut: 'grof' }),
  storedTemplate('paspoort', { title: 'Paspoort aanvragen', body: 'Een paspoort vraagt u aan in het gemeentehuis.', category: 'Burgerzaken', shortcut: 'pas' }),
  storedTemplate('bijstand', { title: 'Financiële hulp', body: 'Voor bijzondere bijstand kunt u bij ons terecht.', category: 'Werk en inkomen' }),
  storedTemplate('dank-fb', { title: 'Bedankt', body: 'Dank voor uw compliment!', category: 'Algemeen', sites: ['facebook'] }),
  storedTemplate('dank-x', { title: 'Bedankt', body: 'Dank voor uw compliment!', category: 'Algemeen', sites: ['x'] }),
  storedTemplate('container', { title: 'Container niet geleegd', body: 'De wagen komt alsnog langs.', category: 'Afval' }),
];
const ids = (found: Template[]) => found.map((t) => t.id);

describe('one edit apart', () => {
  it('allows one insertion, deletion, substitution or swap of neighbours, and no more', () => {
    expect(withinOneEdit('paspoort', 'paspoort')).toBe(true);
    expect(withinOneEdit('pasport', 'paspoort')).toBe(true); // a letter left out
    expect(withinOneEdit('passpoort', 'paspoort')).toBe(true); // a letter too many
    expect(withinOneEdit('paspoirt', 'paspoort')).toBe(true); // a wrong letter
    expect(withinOneEdit('papsoort', 'paspoort')).toBe(true); // two letters swapped
    expect(withinOneEdit('pasport', 'paspoort ')).toBe(false);
    expect(withinOneEdit('papsort', 'paspoort')).toBe(false);
    expect(withinOneEdit('', 'a')).toBe(true);
    expect(withinOneEdit('ab', 'ba')).toBe(true);
    expect(withinOneEdit('abc', 'cab')).toBe(false);
  });
});

describe('searching templates', () => {
  it('offers every template, in the agent’s order, before anything is typed', () => {
    expect(ids(searchTemplates(LIBRARY, '   ', 'x'))).toEqual(['grofvuil', 'paspoort', 'bijstand', 'dank-x', 'container', 'dank-fb']);
  });

  it('puts the template whose shortcut is the typed word first, then a shortcut it begins, then title words', () => {
    const library = [
      storedTemplate('a', { title: 'Paspoort kwijt', body: 'Meld het verlies.' }),
      storedTemplate('b', { title: 'Reisdocument', body: 'Over uw paspoort.', shortcut: 'paspoortje' }),
      storedTemplate('c', { title: 'Reisdocument', body: 'Aanvragen.', shortcut: 'paspoort' }),
      storedTemplate('d', { title: 'Reizen', body: 'Neem uw paspoort mee.' }),
    ];
    expect(ids(searchTemplates(library, 'paspoort', 'x'))).toEqual(['c', 'b', 'a', 'd']);
  });

  it('needs every typed word to match somewhere: title, category or text', () => {
    expect(ids(searchTemplates(LIBRARY, 'afval container', 'x'))).toEqual(['container']);
    expect(ids(searchTemplates(LIBRARY, 'afval', 'x'))).toEqual(['grofvuil', 'container']);
    expect(ids(searchTemplates(LIBRARY, 'gemeentehuis', 'x'))).toEqual(['paspoort']);
    expect(searchTemplates(LIBRARY, 'afval paspoort', 'x')).toEqual([]);
  });

  it('does not mind accents or capitals, either way round', () => {
    expect(ids(searchTemplates(LIBRARY, 'financiele', 'x'))).toEqual(['bijstand']);
    expect(ids(searchTemplates(LIBRARY, 'FINANCIËLE', 'x'))).toEqual(['bijstand']);
    expect(ids(searchTemplates([storedTemplate('e', { title: 'Gemeentelijke belasting', body: 'De aanslag.' })], 'GEMEENTÉLIJKE', 'x'))).toEqual(['e']);
  });

  it('forgives one typo in a word of four letters or more, but not in a shorter one', () => {
    expect(ids(searchTemplates(LIBRARY, 'paspoirt', 'x'))).toEqual(['paspoort']);
    expect(ids(searchTemplates(LIBRARY, 'conatiner', 'x'))).toEqual(['container']);
    expect(searchTemplates(LIBRARY, 'pss', 'x')).toEqual([]);
    expect(searchTemplates(LIBRARY, 'paspiirt', 'x')).toEqual([]); // two typos
  });

  it('puts the templates that suit the post’s site first among equal matches', () => {
    expect(ids(searchTemplates(LIBRARY, 'bedankt', 'x'))).toEqual(['dank-x', 'dank-fb']);
    expect(ids(searchTemplates(LIBRARY, 'bedankt', 'facebook'))).toEqual(['dank-fb', 'dank-x']);
  });

  it('scores a word found nowhere as no match at all, whatever the other words found', () => {
    const grofvuil = LIBRARY[0]!;
    expect(score(grofvuil, ['grof'])).toBeGreaterThan(score(grofvuil, ['grofvuil'])); // its shortcut, over a title word
    expect(score(grofvuil, ['grof', 'xyzzy'])).toBe(0);
    expect(score(grofvuil, [])).toBe(1);
  });

  it('leaves the library it was given as it was', () => {
    const copy = [...LIBRARY];
    searchTemplates(LIBRARY, 'afval', 'facebook');
    expect(LIBRARY).toEqual(copy);
  });
});
