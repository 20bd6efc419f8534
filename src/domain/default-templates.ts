/**
 * A starting set of Dutch reply templates at B1 level, usable on day one. Team sets and the agent's own
 * templates are added to these; ids are stable so an update can refresh the defaults without touching the
 * agent's own.
 */
import type { Template } from './template';

const template = (id: string, title: string, category: string, body: string, shortcut?: string): Template => ({
  id: `default:${id}`,
  title,
  body,
  category,
  language: 'nl',
  sites: ['x', 'facebook'],
  scope: 'team',
  usageCount: 0,
  ...(shortcut ? { shortcut } : {}),
});

export const DEFAULT_TEMPLATES: Template[] = [
  template('dm-privacy', 'Naar DM (privacy)', 'Algemeen', "Hoi {{voornaam || ''}}, dat zoeken we graag voor u uit. Wilt u ons een DM sturen met uw adres en telefoonnummer? Deel nooit uw BSN openbaar. {{paraaf}}", 'dm'),
  template('kcc-handover', 'Collega neemt contact op (KCC)', 'Algemeen', 'Hoi {{voornaam || \'\'}}, bedankt voor uw bericht. Een collega van ons Klant Contact Centrum neemt contact met u op. {{paraaf}}', 'kcc'),
  template('afval-niet-geleegd', 'Container niet geleegd', 'Afval', "Hoi {{voornaam || ''}}, vervelend dat uw container niet is geleegd. Wilt u dit melden via de website of de afvalapp? Dan komen we zo snel mogelijk langs. {{paraaf}}", 'afval'),
  template('paspoort-afspraak', 'Afspraak paspoort of ID-kaart', 'Burgerzaken', "Hoi {{voornaam || ''}}, u maakt een afspraak voor een paspoort of ID-kaart via onze website. Is het dringend? Bel dan 14 0 + netnummer, dan kijken we met u mee. {{paraaf}}", 'paspoort'),
  template('melding-openbare-ruimte', 'Melding openbare ruimte', 'Openbare ruimte', "Hoi {{voornaam || ''}}, bedankt voor uw melding. Wilt u deze doorgeven via Fixi of onze website, met de plek en een foto? Dan pakken we het op. {{paraaf}}", 'melding'),
  template('buiten-kantoortijd', 'Buiten kantoortijd', 'Algemeen', "Hoi {{voornaam || ''}}, bedankt voor uw bericht. We zijn nu gesloten. Op de eerstvolgende werkdag reageren we zo snel mogelijk.\nBij spoed belt u 112 of de storingslijn.\n{{paraaf}}", 'gesloten'),
  template('compliment', 'Bedankt voor het compliment', 'Algemeen', 'Wat fijn om te lezen, {{voornaam || \'dank u wel\'}}! We geven uw compliment door aan de collega’s. {{paraaf}}', 'dank'),
  template('excuses', 'Excuses bij een klacht', 'Algemeen', "Hoi {{voornaam || ''}}, het spijt ons dat het niet goed is gegaan. Wilt u ons een DM sturen? Dan zoeken we het samen met u uit. {{paraaf}}", 'sorry'),
];
