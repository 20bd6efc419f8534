/**
 * A starting set of Dutch reply templates at B1 level (short sentences, "u", no jargon), usable on day one,
 * plus English versions of the general ones. They cover what citizens ask a municipality most: waste,
 * passports and moving house, parking, reports about the street, care, taxes, outages, and the replies
 * that move a conversation along (to DM, to the KCC, thanks, apology, closing).
 *
 * Each one fits X's 280 characters with long names and filled-in fields (test/domain/default-templates.test.ts
 * checks that). They name no real website or phone number: "onze website", "14 + netnummer" and "112" hold
 * for every municipality. Ids are stable (`default:<slug>`), so the shipped templates stay recognisable after an agent edits them;
 * the database seeds them once (src/storage/db.ts). `order` is the position in this list.
 */
import type { ReplyAction } from './reply-actions';
import { SITES, type Site } from './site';
import type { Template } from './template';

const BOTH: Site[] = [...SITES];

interface Entry {
  slug: string;
  title: string;
  category: 'Afval' | 'Burgerzaken' | 'Parkeren' | 'Openbare ruimte' | 'Zorg' | 'Belastingen' | 'Storing' | 'Algemeen';
  shortcut: string;
  body: string;
  sites?: Site[];
  /** What inserting it does to the case (reply-actions.ts). */
  actions?: ReplyAction[];
}

/** Dutch greeting; "Hoi," when the first name is unknown (the renderer drops the space). */
const HOI = "Hoi {{voornaam || ''}},";
const HI = "Hi {{voornaam || ''}},";

const DUTCH: Entry[] = [
  {
    slug: 'afval-niet-geleegd',
    title: 'Container niet geleegd',
    category: 'Afval',
    shortcut: 'container',
    body: `${HOI} vervelend dat uw container niet is geleegd. Wilt u dit melden via onze website of de afvalapp? Dan komen we zo snel mogelijk langs.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'grofvuil',
    title: 'Grofvuil laten ophalen',
    category: 'Afval',
    shortcut: 'grofvuil',
    body: `${HOI} we halen uw grofvuil graag op. U maakt een afspraak via onze website. De eerste vrije ophaaldag is {{invul:Ophaaldatum}}. Zet het grofvuil die ochtend vroeg buiten.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'paspoort-afspraak',
    title: 'Afspraak paspoort of ID-kaart',
    category: 'Burgerzaken',
    shortcut: 'paspoort',
    body: `${HOI} u maakt een afspraak voor een paspoort of ID-kaart via onze website. De eerste vrije plek is nu op {{invul:Afspraakdatum}}. Is het dringend? Bel dan 14 + netnummer.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'rijbewijs',
    title: 'Rijbewijs verlengen',
    category: 'Burgerzaken',
    shortcut: 'rijbewijs',
    body: `${HOI} u verlengt uw rijbewijs bij de gemeente. Maak een afspraak via onze website. Neem een pasfoto en uw oude rijbewijs mee. Bent u 75 jaar of ouder? Dan heeft u eerst een verklaring van het CBR nodig. {{paraaf}}`,
  },
  {
    slug: 'verhuizing',
    title: 'Verhuizing doorgeven',
    category: 'Burgerzaken',
    shortcut: 'verhuizen',
    body: `${HOI} u geeft uw verhuizing door via onze website, met DigiD. Dat kan vanaf 4 weken voor tot 5 dagen na de verhuisdatum. Andere organisaties krijgen dan ook uw nieuwe adres.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'parkeervergunning',
    title: 'Parkeervergunning aanvragen',
    category: 'Parkeren',
    shortcut: 'parkeren',
    body: `${HOI} u vraagt een parkeervergunning aan via onze website. Houd uw kenteken bij de hand. In sommige straten is er een wachtlijst. Op de website leest u of dat voor uw straat geldt.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'melding-openbare-ruimte',
    title: 'Melding openbare ruimte',
    category: 'Openbare ruimte',
    shortcut: 'melding',
    body: `${HOI} bedankt voor uw melding. Wilt u deze doorgeven via onze website? Zet er de plek bij en als het kan een foto. Dan pakken we het op.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'gat-in-de-weg',
    title: 'Gat in de weg',
    category: 'Openbare ruimte',
    shortcut: 'gat',
    body: `${HOI} bedankt dat u dit meldt. Een gat in de weg kan gevaarlijk zijn. Waar is het precies? Stuur ons de straat en een huisnummer in de buurt. Dan sturen we er een collega heen.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'straatverlichting',
    title: 'Straatverlichting kapot',
    category: 'Openbare ruimte',
    shortcut: 'lamp',
    body: `${HOI} bedankt dat u dit meldt. Wilt u ons het nummer op de lantaarnpaal sturen? Of de straat en een huisnummer in de buurt. Dan laten we de lamp maken.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'zwerfafval',
    title: 'Zwerfafval',
    category: 'Openbare ruimte',
    shortcut: 'zwerfafval',
    body: `${HOI} vervelend dat er afval op straat ligt. Waar is het precies? Stuur ons de straat en een huisnummer in de buurt. Dan ruimen we het zo snel mogelijk op.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'wmo',
    title: 'Hulp of zorg thuis (Wmo)',
    category: 'Zorg',
    shortcut: 'wmo',
    body: `${HOI} de gemeente kan u helpen met zorg en hulp thuis, zoals hulp in het huishouden of een traplift. Stuur ons een DM met uw telefoonnummer. Dan belt een collega van het Wmo-loket u. Deel geen medische gegevens openbaar. {{paraaf}}`,
  },
  {
    slug: 'woz-bezwaar',
    title: 'Bezwaar tegen de WOZ-waarde',
    category: 'Belastingen',
    shortcut: 'woz',
    body: `${HOI} bent u het niet eens met de WOZ-waarde van uw huis? Dan kunt u bezwaar maken. Doe dat binnen 6 weken na de datum op uw aanslag, via onze website met DigiD. Dat is gratis.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'belastingen',
    title: 'Vraag over gemeentelijke belastingen',
    category: 'Belastingen',
    shortcut: 'belasting',
    body: `${HOI} op onze website leest u hoe u de gemeentelijke belastingen betaalt, ook in termijnen. Wilt u dat we met u meekijken? Stuur ons dan een DM met uw naam en adres.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'kwijtschelding',
    title: 'Kwijtschelding',
    category: 'Belastingen',
    shortcut: 'kwijtschelding',
    body: `${HOI} heeft u een laag inkomen en weinig spaargeld? Dan hoeft u de gemeentelijke belastingen misschien niet te betalen. Dat heet kwijtschelding. U vraagt het aan via onze website.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'storing-website',
    title: 'Storing website',
    category: 'Storing',
    shortcut: 'storing',
    body: `${HOI} dat klopt, onze website werkt nu niet goed. We werken aan een oplossing. Wilt u het later nog eens proberen? Sorry voor het ongemak.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'storing-telefoon',
    title: 'Storing telefoon',
    category: 'Storing',
    shortcut: 'telefoon',
    body: `${HOI} dat klopt, door een storing zijn we nu slecht te bellen. We werken aan een oplossing. U kunt ons ook hier een bericht sturen. Dan helpen we u zo snel mogelijk.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'dm-privacy',
    title: 'Naar DM (privacy)',
    category: 'Algemeen',
    shortcut: 'dm',
    body: `${HOI} dat zoeken we graag voor u uit. Wilt u ons een DM sturen met uw naam, adres en telefoonnummer? Deel nooit uw BSN openbaar.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'kcc-handover',
    title: 'Collega neemt contact op (KCC)',
    category: 'Algemeen',
    shortcut: 'kcc',
    body: `${HOI} bedankt voor uw bericht. We hebben uw vraag doorgegeven aan ons Klant Contact Centrum. Een collega neemt contact met u op.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'doorverwezen-kcc',
    title: 'Doorverwezen naar KCC',
    category: 'Algemeen',
    shortcut: 'doorkcc',
    body: `${HOI} uw vraag is doorgestuurd naar ons Klant Contact Centrum. Zij nemen contact met u op. U hoeft niets te doen.{{cursor}} {{paraaf}}`,
    actions: [{ kind: 'handover', category: 'Overig', note: 'Doorverwezen vanuit webcare: graag contact opnemen met de inwoner.' }],
  },
  {
    slug: 'opgelost',
    title: 'Opgelost',
    category: 'Algemeen',
    shortcut: 'opgelost',
    body: `${HOI} fijn dat het is opgelost. Heeft u nog een vraag? Stuur ons gerust een bericht.{{cursor}} {{paraaf}}`,
    actions: [{ kind: 'status', status: 'closed' }],
  },
  {
    slug: 'vraag-om-dm',
    title: 'Vraag om DM',
    category: 'Algemeen',
    shortcut: 'vraagdm',
    body: `${HOI} we helpen u graag verder. Wilt u ons een DM sturen met uw vraag? Deel geen persoonlijke gegevens openbaar.{{cursor}} {{paraaf}}`,
    actions: [{ kind: 'status', status: 'waiting' }],
  },
  {
    slug: 'compliment',
    title: 'Bedankt voor het compliment',
    category: 'Algemeen',
    shortcut: 'dank',
    body: `${HOI} wat fijn om te lezen! Dank u wel. We geven uw compliment door aan de collega’s.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'excuses',
    title: 'Excuses bij een klacht',
    category: 'Algemeen',
    shortcut: 'sorry',
    body: `${HOI} het spijt ons dat het niet goed is gegaan. Dat is vervelend voor u. Wilt u ons een DM sturen over wat er is gebeurd? Dan zoeken we het samen met u uit.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'buiten-kantoortijd',
    title: 'Buiten kantoortijd',
    category: 'Algemeen',
    shortcut: 'gesloten',
    body: `${HOI} bedankt voor uw bericht. We zijn nu gesloten. Op de volgende werkdag reageren we zo snel mogelijk.\nIs er gevaar? Bel dan 112.\n{{paraaf}}`,
  },
  {
    slug: 'geduld',
    title: 'Nog even geduld',
    category: 'Algemeen',
    shortcut: 'geduld',
    body: `${HOI} bedankt voor uw geduld. We zoeken het nog voor u uit. Zodra we meer weten, laten we het u weten.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'meer-informatie',
    title: 'Vraag om meer informatie',
    category: 'Algemeen',
    shortcut: 'info',
    body: `${HOI} we denken graag met u mee. Kunt u ons iets meer vertellen?{{cursor}} Dan kunnen we u beter helpen. {{paraaf}}`,
  },
  {
    slug: 'doorverwijzen',
    title: 'Doorverwijzen naar een andere organisatie',
    category: 'Algemeen',
    shortcut: 'doorverwijzen',
    body: `${HOI} bedankt voor uw bericht. Hier gaat de gemeente helaas niet over. U kunt hiervoor terecht bij {{invul:Organisatie}}.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'afsluiten',
    title: 'Gesprek afsluiten',
    category: 'Algemeen',
    shortcut: 'afsluiten',
    body: `${HOI} fijn dat we u konden helpen. Heeft u later nog een vraag? Stuur ons gerust een bericht. Een fijne dag verder!{{cursor}} {{paraaf}}`,
  },
];

/** English versions of the general replies, for citizens who write in English; same slug as the Dutch one. */
const ENGLISH: Entry[] = [
  {
    slug: 'dm-privacy',
    title: 'Move to DM (privacy)',
    category: 'Algemeen',
    shortcut: 'dm-en',
    body: `${HI} we are happy to look into this for you. Could you send us a DM with your name, address and phone number? Never share your BSN (citizen service number) in public.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'kcc-handover',
    title: 'A colleague will contact you (KCC)',
    category: 'Algemeen',
    shortcut: 'kcc-en',
    body: `${HI} thank you for your message. We have passed your question on to our customer contact centre. A colleague will contact you.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'compliment',
    title: 'Thanks for the compliment',
    category: 'Algemeen',
    shortcut: 'dank-en',
    body: `${HI} how nice to read this! Thank you. We will pass your compliment on to our colleagues.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'excuses',
    title: 'Apology for a complaint',
    category: 'Algemeen',
    shortcut: 'sorry-en',
    body: `${HI} we are sorry that this went wrong. Could you send us a DM about what happened? Then we will sort it out together with you.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'buiten-kantoortijd',
    title: 'Outside office hours',
    category: 'Algemeen',
    shortcut: 'gesloten-en',
    body: `${HI} thank you for your message. We are closed right now. We will reply as soon as we can on the next working day.\nIn danger? Call 112.\n{{paraaf}}`,
  },
  {
    slug: 'geduld',
    title: 'Please bear with us',
    category: 'Algemeen',
    shortcut: 'geduld-en',
    body: `${HI} thank you for your patience. We are still looking into this for you. We will let you know as soon as we know more.{{cursor}} {{paraaf}}`,
  },
  {
    slug: 'meer-informatie',
    title: 'Ask for more information',
    category: 'Algemeen',
    shortcut: 'info-en',
    body: `${HI} we are happy to help. Could you tell us a little more?{{cursor}} Then we can help you better. {{paraaf}}`,
  },
];

const toTemplate = (entry: Entry, language: Template['language']): Omit<Template, 'order'> => ({
  id: language === 'nl' ? `default:${entry.slug}` : `default:${language}-${entry.slug}`,
  title: entry.title,
  body: entry.body,
  category: entry.category,
  language,
  sites: [...(entry.sites ?? BOTH)],
  shortcut: entry.shortcut,
  ...(entry.actions ? { actions: structuredClone(entry.actions) } : {}),
  scope: 'team',
  usageCount: 0,
});

export const DEFAULT_TEMPLATES: Template[] = [...DUTCH.map((e) => toTemplate(e, 'nl')), ...ENGLISH.map((e) => toTemplate(e, 'en'))].map((t, order) => ({ ...t, order }));
