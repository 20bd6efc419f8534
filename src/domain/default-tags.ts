/**
 * The default Dutch tag set: what residents ask about (grouped under "Dienstverlening") and what kind of
 * message it is ("Soort bericht"). Colours are light, so the chip's dark text meets WCAG AA on every one of
 * them (checked by a unit test); the label, not the colour, carries the meaning.
 */
import type { Tag } from './tag';

const SERVICE = 'Dienstverlening';
const KIND = 'Soort bericht';

export const DEFAULT_TAGS: Tag[] = [
  { id: 'afval', label: 'Afval', group: SERVICE, color: '#c8e6c9' },
  { id: 'burgerzaken', label: 'Burgerzaken', group: SERVICE, color: '#bbdefb' },
  { id: 'parkeren', label: 'Parkeren', group: SERVICE, color: '#d1c4e9' },
  { id: 'openbare-ruimte', label: 'Openbare ruimte', group: SERVICE, color: '#dcedc8' },
  { id: 'wmo-zorg', label: 'WMO/zorg', group: SERVICE, color: '#f8bbd0' },
  { id: 'belastingen', label: 'Belastingen', group: SERVICE, color: '#ffe0b2' },
  { id: 'verkeer', label: 'Verkeer', group: SERVICE, color: '#fff59d' },
  { id: 'vergunningen', label: 'Vergunningen', group: SERVICE, color: '#b2dfdb' },
  { id: 'vraag', label: 'Vraag', group: KIND, color: '#e1f5fe' },
  { id: 'melding', label: 'Melding', group: KIND, color: '#fff3e0' },
  { id: 'klacht', label: 'Klacht', group: KIND, color: '#ffcdd2' },
  { id: 'compliment', label: 'Compliment', group: KIND, color: '#e8f5e9' },
  { id: 'pers-politiek', label: 'Pers/politiek', group: KIND, color: '#e0e0e0' },
];

/** The text colour used on every chip. */
export const CHIP_TEXT = '#0f1419';

/** "Dienstverlening › Afval" */
export function tagPath(tag: Tag): string {
  return tag.group ? `${tag.group} › ${tag.label}` : tag.label;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
