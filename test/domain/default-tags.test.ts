import { describe, expect, it } from 'vitest';
import { CHIP_TEXT, contrast, DEFAULT_TAGS, tagPath } from '../../src/domain/default-tags';

describe('the default tag set', () => {
  it('covers what residents ask about and the kind of message, grouped', () => {
    const inGroup = (group: string) => DEFAULT_TAGS.filter((t) => t.group === group).map((t) => t.id);
    expect(inGroup('Dienstverlening')).toEqual(['afval', 'burgerzaken', 'parkeren', 'openbare-ruimte', 'wmo-zorg', 'belastingen', 'verkeer', 'vergunningen']);
    expect(inGroup('Soort bericht')).toEqual(['vraag', 'melding', 'klacht', 'compliment', 'pers-politiek']);
    expect(tagPath(DEFAULT_TAGS[0]!)).toBe('Dienstverlening › Afval');
    expect(new Set(DEFAULT_TAGS.map((t) => t.id)).size).toBe(DEFAULT_TAGS.length);
  });

  it('has chip colours on which the text meets WCAG AA', () => {
    for (const tag of DEFAULT_TAGS) expect(contrast(tag.color, CHIP_TEXT), tag.id).toBeGreaterThanOrEqual(4.5);
  });
});
