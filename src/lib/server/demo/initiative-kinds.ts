import { slot, twoDays, weekday, weekly, type SlotMaker } from './schedules';

// Resident initiatives as a Dutch town has them (buurtkamer, taalcafé, repair café…), each with the
// leefgebieden it serves and a typical timetable. Name patterns take {buurt}, {wijk} and {venue}.

export interface InitiativeKind {
	key: string;
	/** Theme codes; the first is the main one. */
	themes: string[];
	names: string[];
	description: string;
	howToJoin: string;
	schedule: SlotMaker;
	/** Held in a community building rather than outdoors or at people's homes. */
	atVenue: boolean;
	/** Extra languages (ISO 639-1) besides Dutch that such a group often speaks. */
	languages: string[];
	weight: number;
}

export const INITIATIVE_KINDS: InitiativeKind[] = [
	{
		key: 'buurtkamer',
		themes: ['sociaal-netwerk', 'gezondheid'],
		names: ['Buurtkamer {venue}', 'Huiskamer van {buurt}', 'Buurtkamer {buurt}'],
		description:
			'Een huiskamer voor de buurt: binnenlopen voor koffie, een praatje of een spelletje. Vrijwilligers uit de buurt zijn er altijd.',
		howToJoin: 'Loop gewoon binnen, aanmelden is niet nodig.',
		schedule: twoDays('10:00', '16:00'),
		atVenue: true,
		languages: ['en'],
		weight: 12
	},
	{
		key: 'koffieochtend',
		themes: ['sociaal-netwerk'],
		names: ['Koffieochtend {buurt}', 'Inloop met koffie {venue}', 'Ochtendkoffie {buurt}'],
		description:
			'Elke week koffie en thee met buurtgenoten. Goed om nieuwe mensen te leren kennen.',
		howToJoin: 'Kom langs; de koffie staat klaar.',
		schedule: weekly('10:00', '12:00'),
		atVenue: true,
		languages: [],
		weight: 10
	},
	{
		key: 'taalcafe',
		themes: ['taal-en-digitaal', 'sociaal-netwerk'],
		names: ['Taalcafé {buurt}', 'Samen Nederlands praten {venue}', 'Taalcafé {wijk}'],
		description:
			'Oefen Nederlands in een ontspannen groep, met vrijwillige taalmaatjes. Alle niveaus zijn welkom.',
		howToJoin: 'Kom langs of meld je aan bij de organisatie; je hoeft niets mee te nemen.',
		// In the morning for people at home, in the evening for people who work.
		schedule: (rng) =>
			rng.chance(0.5)
				? [slot(weekday(rng), '10:00', '12:00')]
				: [slot(weekday(rng), '19:00', '21:00')],
		atVenue: true,
		languages: ['en', 'ar', 'tr', 'uk', 'ti', 'pl', 'so', 'fa'],
		weight: 10
	},
	{
		key: 'repair-cafe',
		themes: ['wonen', 'sociaal-netwerk'],
		names: ['Repair Café {wijk}', 'Repair Café {venue}', 'Reparatiecafé {buurt}'],
		description:
			'Kapotte spullen samen repareren: kleding, fietsen, apparaten. Gratis, een vrijwillige bijdrage mag.',
		howToJoin: 'Neem je kapotte spullen mee; reparaties gaan op volgorde van binnenkomst.',
		schedule: () => [slot(6, '10:00', '13:00', 'month')],
		atVenue: true,
		languages: ['en'],
		weight: 6
	},
	{
		key: 'maaltijd',
		themes: ['voeding', 'sociaal-netwerk'],
		names: ['Samen Eten {buurt}', 'Buurtmaaltijd {venue}', 'Aanschuiftafel {buurt}'],
		description:
			'Samen een warme maaltijd eten voor een kleine prijs. Buurtbewoners koken om de beurt.',
		howToJoin: 'Meld je uiterlijk een dag van tevoren aan, dan wordt er voor je gekookt.',
		schedule: (rng) => [slot(rng.int(2, 4), '17:30', '19:30', rng.pick(['week', 'two_weeks']))],
		atVenue: true,
		languages: [],
		weight: 9
	},
	{
		key: 'wandelgroep',
		themes: ['gezondheid', 'sociaal-netwerk'],
		names: ['Wandelgroep {buurt}', 'Ommetje {buurt}', 'Wandelclub {wijk}'],
		description:
			'Een rustige wandeling van een uur door de buurt, op een tempo dat iedereen bijhoudt. Na afloop koffie.',
		howToJoin: 'Verzamelen bij het startpunt; stevige schoenen aan.',
		schedule: (rng) => [slot(rng.int(1, 6), '09:30', '11:00')],
		atVenue: false,
		languages: [],
		weight: 8
	},
	{
		key: 'huiswerkklas',
		themes: ['opvoeden-en-opgroeien', 'taal-en-digitaal'],
		names: ['Huiswerkklas {venue}', 'Huiswerkbegeleiding {wijk}', 'Studieplek {buurt}'],
		description:
			'Een rustige plek om huiswerk te maken, met vrijwilligers die helpen met plannen, lezen en rekenen.',
		howToJoin: 'Voor kinderen van groep 6 tot en met de brugklas. Aanmelden via de organisatie.',
		schedule: () => [slot(1, '15:30', '17:30'), slot(3, '15:30', '17:30')],
		atVenue: true,
		languages: ['en', 'ar', 'tr'],
		weight: 7
	},
	{
		key: 'digicafe',
		themes: ['taal-en-digitaal'],
		names: ['Digicafé {venue}', 'Computerinloop {buurt}', 'Hulp met je telefoon {buurt}'],
		description:
			"Hulp bij je telefoon, tablet of computer: DigiD, mail, foto's, videobellen. Neem je eigen apparaat mee.",
		howToJoin: 'Loop binnen met je apparaat en je vraag.',
		schedule: weekly('13:30', '15:30'),
		atVenue: true,
		languages: ['en'],
		weight: 7
	},
	{
		key: 'formulierenhulp',
		themes: ['geldzaken', 'taal-en-digitaal'],
		names: [
			'Formulierenhulp {venue}',
			'Hulp bij post en formulieren {buurt}',
			'Formulierenspreekuur {wijk}'
		],
		description:
			'Vrijwilligers helpen bij brieven en formulieren: toeslagen, belastingaangifte, aanvragen bij de gemeente.',
		howToJoin: 'Kom naar het spreekuur en neem je post en je DigiD mee.',
		schedule: weekly('09:30', '11:30'),
		atVenue: true,
		languages: ['en', 'ar', 'tr', 'pl'],
		weight: 7
	},
	{
		key: 'schuldhulpmaatje',
		themes: ['geldzaken'],
		names: ['Schuldhulpmaatjes {wijk}', 'Geldmaatjes {wijk}', 'Thuisadministratie {wijk}'],
		description:
			'Een getraind maatje helpt je overzicht te krijgen in je geldzaken en schulden, bij jou thuis.',
		howToJoin: 'Bel of mail; een coördinator neemt binnen een week contact op.',
		schedule: () => [slot(4, '19:00', '20:30')],
		atVenue: false,
		languages: ['en'],
		weight: 5
	},
	{
		key: 'mantelzorgcafe',
		themes: ['mantelzorg', 'sociaal-netwerk'],
		names: ['Mantelzorgcafé {wijk}', 'Mantelzorgkoffie {venue}'],
		description:
			'Mantelzorgers ontmoeten elkaar, delen ervaringen en tips. Soms met een gastspreker.',
		howToJoin: 'Vrije inloop; wie wil, kan de zorg voor die middag laten overnemen — vraag ernaar.',
		schedule: () => [slot(2, '14:00', '16:00', 'month')],
		atVenue: true,
		languages: [],
		weight: 5
	},
	{
		key: 'moestuin',
		themes: ['wonen', 'voeding', 'werk-en-dagbesteding'],
		names: ['Buurtmoestuin {buurt}', 'Samentuin {buurt}', 'Pluktuin {buurt}'],
		description: 'Samen groenten kweken op een stuk grond in de buurt. De oogst wordt gedeeld.',
		howToJoin: 'Kom op een tuinochtend langs en doe mee; gereedschap is er.',
		schedule: () => [slot(3, '14:00', '16:00'), slot(6, '10:00', '12:00')],
		atVenue: false,
		languages: [],
		weight: 5
	},
	{
		key: 'bewegen',
		themes: ['gezondheid'],
		names: ['Bewegen voor ouderen {venue}', 'Stoelyoga {buurt}', 'Beweegclub 65+ {buurt}'],
		description: 'Rustig bewegen op muziek, ook zittend. Goed voor balans en kracht, en gezellig.',
		howToJoin: 'De eerste keer is gratis; daarna een kleine bijdrage per maand.',
		schedule: weekly('10:00', '11:00'),
		atVenue: true,
		languages: [],
		weight: 6
	},
	{
		key: 'klussendienst',
		themes: ['wonen'],
		names: ['Klussendienst {wijk}', 'Buurtklussers {buurt}'],
		description:
			'Kleine klussen in en om het huis voor wie het zelf niet kan: een lamp ophangen, een kraan repareren.',
		howToJoin: 'Bel het klussennummer; je betaalt alleen de materialen.',
		schedule: weekly('09:00', '12:00'),
		atVenue: false,
		languages: [],
		weight: 4
	},
	{
		key: 'vervoer',
		themes: ['vervoer', 'sociaal-netwerk'],
		names: ['Buurtauto {wijk}', 'Boodschappenritje {buurt}', 'Rijdende Vrijwilligers {wijk}'],
		description:
			'Vrijwillige chauffeurs rijden je naar de dokter, de winkel of familie, voor een kleine kilometervergoeding.',
		howToJoin: 'Bel twee dagen van tevoren om een rit te boeken.',
		schedule: () => [1, 2, 3, 4, 5].map((d) => slot(d, '09:00', '17:00')),
		atVenue: false,
		languages: [],
		weight: 4
	},
	{
		key: 'ouder-kind',
		themes: ['opvoeden-en-opgroeien', 'sociaal-netwerk'],
		names: ['Ouder-kindochtend {venue}', 'Speelinloop {buurt}', 'Peuterkoffie {buurt}'],
		description:
			'Ouders en kinderen tot vier jaar spelen samen; ouders drinken koffie en delen vragen over opvoeden.',
		howToJoin: 'Vrije inloop, neem je kind mee.',
		schedule: weekly('09:30', '11:30'),
		atVenue: true,
		languages: ['en', 'ar', 'tr'],
		weight: 5
	},
	{
		key: 'jongeren',
		themes: ['opvoeden-en-opgroeien', 'werk-en-dagbesteding'],
		names: ['Jongerenavond {buurt}', 'Jongerenhonk {wijk}'],
		description:
			'Een plek voor jongeren van 12 tot 18 om te chillen, te gamen en mee te denken over activiteiten.',
		howToJoin: 'Kom langs; de jongerenwerker is er ook.',
		schedule: () => [slot(5, '19:00', '22:00')],
		atVenue: true,
		languages: [],
		weight: 4
	},
	{
		key: 'kledingruil',
		themes: ['geldzaken', 'wonen'],
		names: ['Kledingruil {buurt}', 'Ruilwinkel {venue}'],
		description:
			'Kleding en spullen ruilen in plaats van kopen: breng wat je niet meer draagt, neem mee wat je nodig hebt.',
		howToJoin: 'Breng maximaal tien stuks schone kleding mee.',
		schedule: () => [slot(6, '10:00', '13:00', 'month')],
		atVenue: true,
		languages: [],
		weight: 3
	},
	{
		key: 'voorlezen',
		themes: ['taal-en-digitaal', 'opvoeden-en-opgroeien'],
		names: ['Voorleesmaatjes {wijk}', 'Voorleesuurtje {venue}'],
		description:
			'Vrijwilligers lezen voor aan kinderen, thuis of in de buurt, zodat taal een feest wordt.',
		howToJoin: 'Ouders kunnen hun kind aanmelden bij de coördinator.',
		schedule: () => [slot(3, '14:00', '15:00')],
		atVenue: true,
		languages: ['en'],
		weight: 3
	},
	{
		key: 'handwerk',
		themes: ['sociaal-netwerk'],
		names: ['Handwerkclub {venue}', 'Breicafé {buurt}'],
		description: 'Breien, haken en borduren met elkaar. Beginners leren het van de anderen.',
		howToJoin: 'Neem je eigen werkje mee of begin met wol van de club.',
		schedule: weekly('13:30', '16:00'),
		atVenue: true,
		languages: [],
		weight: 4
	},
	{
		key: 'maatjes',
		themes: ['sociaal-netwerk', 'mantelzorg'],
		names: ['Maatjes voor ouderen {wijk}', 'Belcirkel {wijk}'],
		description:
			'Een vast maatje komt op bezoek of belt elke week, voor wie weinig mensen meer ziet.',
		howToJoin: 'Aanmelden kan voor jezelf of voor een ander, telefonisch of per mail.',
		schedule: () => [slot(1, '10:00', '12:00')],
		atVenue: false,
		languages: [],
		weight: 4
	},
	{
		key: 'werkplaats',
		themes: ['werk-en-dagbesteding'],
		names: ['Buurtwerkplaats {wijk}', 'Houtwerkplaats {venue}'],
		description:
			'Samen timmeren, repareren en maken voor de buurt. Een zinvolle dag voor wie (nog) geen werk heeft.',
		howToJoin: 'Loop eens mee op een werkochtend.',
		schedule: twoDays('09:00', '15:00'),
		atVenue: true,
		languages: [],
		weight: 3
	}
];
