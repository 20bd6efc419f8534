import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../../src/domain/default-templates';
import { renderTemplate, templateFields, type TemplateValues } from '../../../src/domain/render-template';
import { readability, levelOf, type ReadabilityFinding } from '../../../src/domain/readability';
import { syllabify, syllableCount } from '../../../src/domain/readability/syllables';
import { splitSentences, tokenize } from '../../../src/domain/readability/tokens';

/** Flesch-Douma from hand counts, rounded as the module rounds. */
const douma = (words: number, sentences: number, syllables: number) => Math.round((206.835 - 0.93 * (words / sentences) - 77 * (syllables / words)) * 10) / 10;
const shown = (text: string, f: ReadabilityFinding) => text.slice(f.start, f.end);

describe('syllables from the Dutch hyphenation patterns', () => {
  it.each([
    ['gemeente', 'ge-meen-te'],
    ['parkeervergunning', 'par-keer-ver-gun-ning'],
    ['verhuizing', 'ver-hui-zing'],
    ['beantwoorden', 'be-ant-woor-den'],
    ['uitzoeken', 'uit-zoe-ken'],
    ['koeien', 'koei-en'],
    ['eeuw', 'eeuw'],
    ['afspraak', 'af-spraak'],
    ['oude', 'ou-de'],
  ])('%s is %s', (word, parts) => expect(syllabify(word).join('-')).toBe(parts));

  it('reads initialisms letter by letter and hyphenates compounds per part', () => {
    expect(syllableCount('CBR')).toBe(3);
    expect(syllableCount('ID-kaart')).toBe(3);
    expect(syllableCount('e-mail')).toBe(2);
  });
});

describe('sentences and words of a reply', () => {
  const text = 'Hoi Jan, kijk op https://www.gemeente.nl/afval. Bel ons bijv. om 9.00 uur! Dat is o.a. handig. Bedankt 👍 We kijken ernaar @gemeente #afval ^AB';

  it('keeps links, handles, hashtags, e-mail and initials out of the words, and numbers and abbreviations in', () => {
    const kinds = tokenize('Mail info@gemeente.nl of @gemeente #afval 14 o.a. ^AB www.gemeente.nl/x.').map((t) => `${t.kind}:${t.text}`);
    expect(kinds).toEqual(['word:Mail', 'email:info@gemeente.nl', 'word:of', 'handle:@gemeente', 'hashtag:#afval', 'number:14', 'abbreviation:o.a.', 'initials:^AB', 'url:www.gemeente.nl/x']);
  });

  it('ends a sentence at . ! ? and a line break, at an emoji before a capital, not at the dot of bijv. or o.a.', () => {
    expect(splitSentences(text).map((s) => s.words.map((w) => w.text).join(' '))).toEqual([
      'Hoi Jan kijk op',
      'Bel ons bijv om 9.00 uur',
      'Dat is o.a. handig',
      'Bedankt',
      'We kijken ernaar',
    ]);
    expect(splitSentences('Hoi Sanne,\nbedankt voor uw vraag\nWe kijken ernaar').length).toBe(3);
    expect(splitSentences('Papier, glas enz. Dat mag in de bak.').length).toBe(2);
    expect(splitSentences('We komen z.s.m. langs.').length).toBe(1);
  });

  it('drops a line that holds no words (a link alone, the initials)', () => {
    expect(splitSentences('Zie de site.\nhttps://gemeente.nl\n^AB').length).toBe(1);
  });
});

describe('the Flesch-Douma score', () => {
  it.each([
    // words, sentences and syllables counted by hand
    ['De kat zit op de mat.', 6, 1, 6, 124.3, 'very-easy'],
    // wij ver-zoe-ken u het for-mu-lier te re-tour-ne-ren: 7 words, 14 syllables
    ['Wij verzoeken u het formulier te retourneren.', 7, 1, 14, 46.3, 'difficult'],
    // u kunt uw pas-poort op-ha-len. neem uw oude pas mee. (ou-de): 10 words, 14 syllables
    ['U kunt uw paspoort ophalen. Neem uw oude pas mee.', 10, 2, 14, 94.4, 'very-easy'],
    // hoi uw con-tai-ner wordt op 14 (2) mei ge-leegd | zet hem vóór 7.30 (3) uur bui-ten; the handle, the emoji
    // and the initials are not words: 14 words, 21 syllables
    ['Hoi @jan, uw container wordt op 14 mei geleegd. Zet hem vóór 7.30 uur buiten 👍 ^AB', 14, 2, 21, 84.8, 'easy'],
    // in-ge-vol-ge de ge-meen-te-lij-ke ver-or-de-ning die-nen aan-vra-gen schrif-te-lijk te wor-den in-ge-diend
    // bij het col-le-ge van bur-ge-mees-ter en wet-hou-ders: 17 words, 42 syllables
    [
      'Ingevolge de gemeentelijke verordening dienen aanvragen schriftelijk te worden ingediend bij het college van burgemeester en wethouders.',
      17,
      1,
      42,
      0.8,
      'very-difficult',
    ],
  ] as const)('%s', (text, words, sentences, syllables, score, level) => {
    const r = readability(text);
    expect({ words: r.words, sentences: r.sentences, syllables: r.syllables }).toEqual({ words, sentences, syllables });
    expect(r.score).toBe(douma(words, sentences, syllables));
    expect(r.score).toBe(score);
    expect(r.level).toBe(level);
  });

  it('puts scores in Flesch bands with Dutch and English labels', () => {
    expect([95, 85, 75, 65, 55, 40, 10].map(levelOf)).toEqual(['very-easy', 'easy', 'fairly-easy', 'standard', 'fairly-difficult', 'difficult', 'very-difficult']);
    expect(readability('Dat is goed.').label).toEqual({ nl: 'zeer makkelijk', en: 'very easy' });
  });

  it('gives no score to a text without words, and that is no failure', () => {
    expect(readability('👍 https://gemeente.nl ^AB')).toMatchObject({ score: null, level: null, words: 0, passesB1: true });
  });
});

describe('findings', () => {
  it('marks a sentence over 20 words, with its place in the text', () => {
    const long = 'Wij willen u graag helpen met uw vraag over de container die niet is geleegd en daarom sturen wij morgen iemand langs bij u thuis.';
    const text = `Hoi. ${long} Groet.`;
    const r = readability(text);
    const found = r.findings.filter((f) => f.kind === 'long-sentence');
    expect(found).toHaveLength(1);
    expect(shown(text, found[0]!)).toBe(long.slice(0, -1));
    expect(found[0]).toMatchObject({ words: 25 });
    expect(r.passesB1).toBe(false);
  });

  it('marks long words but passes on them alone', () => {
    const r = readability('U vraagt een parkeervergunning aan op de site.');
    expect(r.findings).toEqual([{ kind: 'long-word', start: 13, end: 30, word: 'parkeervergunning', syllables: 5 }]);
    expect(r.passesB1).toBe(true);
  });

  it('finds officialese as whole words, inflected, accents and case ignored, with the plain alternative', () => {
    const text = 'Indien u het pakket retourneert, verifieer ik dat. M.b.t. uw Verzoek: wij Verifieren het. Uw retourzending is binnen.';
    const found = readability(text).findings.filter((f) => f.kind === 'officialese');
    expect(found.map((f) => [shown(text, f), f.kind === 'officialese' && f.plain])).toEqual([
      ['Indien', 'als'],
      ['retourneert', 'terugsturen'],
      ['verifieer', 'controleren'],
      ['M.b.t.', 'over'],
      ['Verzoek', 'vragen'],
      ['Verifieren', 'controleren'],
    ]);
  });

  it('finds phrases across spaces and line breaks, and not the ordinary words the rules could make', () => {
    const text = 'Dit is met\nbetrekking  tot uw vraag. Dat is immers zo. We naderen de oplossing.';
    const found = readability(text).findings.filter((f) => f.kind === 'officialese');
    expect(found.map((f) => shown(text, f))).toEqual(['met\nbetrekking  tot']);
  });

  it('uses the organisation list instead of the default one when given', () => {
    const own = [{ word: 'burger', plain: 'inwoner' }];
    const text = 'Indien een burger of burgers bellen.';
    expect(readability(text, own).findings.map((f) => shown(text, f))).toEqual(['burger', 'burgers']);
  });
});

describe('the default templates', () => {
  const values: TemplateValues = {
    voornaam: 'Sanne',
    naam: 'Sanne de Vries',
    handle: '@sanne_dv',
    gemeente: 'Utrecht',
    medewerker: 'Anne',
    paraaf: '^AB',
    zaaknummer: 'W-7K3M9Q',
    datum: '4-3-2026',
    tijd: '10:00',
    kanaal: 'X',
  };

  it('every Dutch template passes the B1 check when filled in', () => {
    const dutch = DEFAULT_TEMPLATES.filter((t) => t.language === 'nl');
    expect(dutch.length).toBeGreaterThanOrEqual(24);
    for (const t of dutch) {
      const fills = Object.fromEntries(templateFields(t.body).map((f) => [f, 'dinsdag 4 maart']));
      const r = readability(renderTemplate(t.body, values, fills).text);
      expect({ id: t.id, passes: r.passesB1, problems: r.findings.filter((f) => f.kind !== 'long-word') }).toEqual({ id: t.id, passes: true, problems: [] });
      expect(r.score, t.id).toBeGreaterThanOrEqual(60);
    }
  });
});
