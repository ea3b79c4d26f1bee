import { slot, twoDays, weekly, type SlotMaker } from './schedules';

// Collective provisions (algemene voorzieningen: voedselbank-uitgiftepunt, taalhuis,
// mantelzorgsteunpunt…) with a weekly capacity in households and a walking catchment, the
// organisations that run them, and the community buildings they are held in.

export interface ProvisionKind {
	key: string;
	theme: string;
	names: string[];
	description: string;
	howToJoin: string;
	schedule: SlotMaker;
	capacity: [number, number];
	catchmentMinutes: number;
	/** Organisation key from ORGANISATIONS that usually runs it. */
	organisation: string;
	count: number;
}

export const PROVISION_KINDS: ProvisionKind[] = [
	{
		key: 'voedselbank',
		theme: 'voeding',
		names: ['Voedselbank-uitgiftepunt {venue}'],
		description:
			'Uitgiftepunt van de voedselbank: een wekelijks voedselpakket voor huishoudens met een verwijzing.',
		howToJoin: 'Met een verwijzing van het wijkteam of de schuldhulpverlening.',
		schedule: () => [slot(5, '14:00', '16:00')],
		capacity: [60, 150],
		catchmentMinutes: 30,
		organisation: 'voedselbank',
		count: 3
	},
	{
		key: 'eettafel',
		theme: 'voeding',
		names: ['Eettafel {venue}'],
		description:
			'Elke werkdag een warme maaltijd in gezelschap, ook met vervoer voor wie slecht ter been is.',
		howToJoin: 'Aanmelden bij de balie of via het wijkteam.',
		schedule: () => [1, 2, 3, 4, 5].map((d) => slot(d, '12:00', '13:30')),
		capacity: [25, 60],
		catchmentMinutes: 10,
		organisation: 'welzijn',
		count: 5
	},
	{
		key: 'geldzaken',
		theme: 'geldzaken',
		names: ['Inloopspreekuur Geldzaken {venue}', 'Geldloket {wijk}'],
		description: 'Hulp bij rondkomen, rekeningen en schulden, zonder wachtlijst. Vertrouwelijk.',
		howToJoin: 'Vrije inloop tijdens het spreekuur, of maak een afspraak.',
		schedule: weekly('09:00', '12:00'),
		capacity: [20, 40],
		catchmentMinutes: 20,
		organisation: 'gemeente',
		count: 5
	},
	{
		key: 'taalhuis',
		theme: 'taal-en-digitaal',
		names: ['Taalhuis {venue}'],
		description:
			'Taallessen, oefengroepen en advies voor wie beter Nederlands wil lezen, schrijven of spreken.',
		howToJoin: 'Kom naar een intake tijdens de openingstijden.',
		schedule: twoDays('10:00', '12:00'),
		capacity: [30, 60],
		catchmentMinutes: 20,
		organisation: 'bibliotheek',
		count: 4
	},
	{
		key: 'hulpplein',
		theme: 'taal-en-digitaal',
		names: ['Digitaal Hulpplein {venue}'],
		description:
			'Hulp bij de digitale overheid: DigiD, toeslagen, zorgverzekering en online afspraken.',
		howToJoin: 'Vrije inloop, neem je telefoon of laptop mee.',
		schedule: weekly('13:00', '16:00'),
		capacity: [20, 40],
		catchmentMinutes: 15,
		organisation: 'bibliotheek',
		count: 4
	},
	{
		key: 'ontmoeting',
		theme: 'sociaal-netwerk',
		names: ['Dagactiviteiten {venue}', 'Algemene buurtkamer {venue}', 'Ontmoetingsplek {wijk}'],
		description:
			'Dagelijkse ontmoeting en activiteiten voor wie zich alleen voelt, met een beroepskracht erbij.',
		howToJoin: 'Vrije inloop; voor vervoer kun je bellen.',
		schedule: () => [1, 2, 3, 4, 5].map((d) => slot(d, '10:00', '16:00')),
		capacity: [40, 100],
		catchmentMinutes: 15,
		organisation: 'welzijn',
		count: 7
	},
	{
		key: 'mantelzorgsteunpunt',
		theme: 'mantelzorg',
		names: ['Mantelzorgsteunpunt {wijk}'],
		description: 'Advies, lotgenotencontact en respijtzorg voor mantelzorgers.',
		howToJoin: 'Bel of mail voor een gesprek met een mantelzorgconsulent.',
		schedule: twoDays('09:00', '12:30'),
		capacity: [30, 60],
		catchmentMinutes: 30,
		organisation: 'welzijn',
		count: 3
	},
	{
		key: 'dagopvang',
		theme: 'mantelzorg',
		names: ['Dagopvang {venue}'],
		description:
			'Dagopvang voor ouderen die thuis wonen, zodat hun mantelzorger even op adem kan komen.',
		howToJoin: 'Via het wijkteam of de huisarts.',
		schedule: twoDays('09:30', '16:00'),
		capacity: [10, 25],
		catchmentMinutes: 20,
		organisation: 'zorg',
		count: 3
	},
	{
		key: 'opvoedspreekuur',
		theme: 'opvoeden-en-opgroeien',
		names: ['Opvoedspreekuur {venue}'],
		description:
			'Een pedagoog beantwoordt vragen over opvoeden, slapen, eten en gedrag, zonder verwijzing.',
		howToJoin: 'Vrije inloop of een afspraak via de site.',
		schedule: weekly('09:00', '11:00'),
		capacity: [10, 30],
		catchmentMinutes: 20,
		organisation: 'welzijn',
		count: 4
	},
	{
		key: 'jongerenpunt',
		theme: 'opvoeden-en-opgroeien',
		names: ['Jongerenpunt {wijk}'],
		description: 'Jongerenwerk met inloop, activiteiten en hulp bij school, werk en thuis.',
		howToJoin: 'Loop binnen, of app de jongerenwerker.',
		schedule: () => [3, 5].map((d) => slot(d, '15:00', '21:00')),
		capacity: [30, 60],
		catchmentMinutes: 15,
		organisation: 'welzijn',
		count: 3
	},
	{
		key: 'dagbesteding',
		theme: 'werk-en-dagbesteding',
		names: ['Dagbesteding {wijk}', 'Activeringscentrum {venue}'],
		description: 'Zinvolle dagbesteding met werk in hout, groen en catering, met begeleiding.',
		howToJoin: 'Aanmelden via het wijkteam.',
		schedule: () => [1, 2, 3, 4].map((d) => slot(d, '09:00', '15:30')),
		capacity: [15, 40],
		catchmentMinutes: 30,
		organisation: 'zorg',
		count: 3
	},
	{
		key: 'werkspreekuur',
		theme: 'werk-en-dagbesteding',
		names: ['Werkspreekuur {venue}'],
		description: 'Hulp bij solliciteren, vrijwilligerswerk zoeken en de stap naar werk.',
		howToJoin: 'Vrije inloop tijdens het spreekuur.',
		schedule: weekly('13:30', '15:30'),
		capacity: [20, 40],
		catchmentMinutes: 20,
		organisation: 'gemeente',
		count: 3
	},
	{
		key: 'beweegpunt',
		theme: 'gezondheid',
		names: ['Beweegpunt {venue}'],
		description: 'Laagdrempelig sporten en bewegen onder begeleiding, voor elke conditie.',
		howToJoin: 'Kom een keer meedoen; de eerste les is gratis.',
		schedule: twoDays('10:00', '11:30'),
		capacity: [30, 60],
		catchmentMinutes: 10,
		organisation: 'welzijn',
		count: 4
	},
	{
		key: 'gezondheid',
		theme: 'gezondheid',
		names: ['Gezondheidsspreekuur {venue}'],
		description: 'De wijkverpleegkundige voor vragen over gezondheid, medicijnen en zorg thuis.',
		howToJoin: 'Vrije inloop.',
		schedule: weekly('10:00', '12:00'),
		capacity: [20, 40],
		catchmentMinutes: 15,
		organisation: 'zorg',
		count: 3
	},
	{
		key: 'wijkbus',
		theme: 'vervoer',
		names: ['Wijkbus {wijk}'],
		description:
			'Een bus met vrijwillige chauffeurs voor wie niet zelf kan reizen: naar de winkel, de dokter of een activiteit.',
		howToJoin: 'Bel een dag van tevoren om een rit te reserveren.',
		schedule: () => [1, 2, 3, 4, 5].map((d) => slot(d, '09:00', '17:00')),
		capacity: [40, 80],
		catchmentMinutes: 30,
		organisation: 'welzijn',
		count: 3
	},
	{
		key: 'woonspreekuur',
		theme: 'wonen',
		names: ['Woonspreekuur {venue}', 'Energieloket {venue}'],
		description: 'Advies over huur, woningaanpassing, energie besparen en overlast in de buurt.',
		howToJoin: 'Vrije inloop of een afspraak.',
		schedule: weekly('13:00', '15:00'),
		capacity: [15, 30],
		catchmentMinutes: 20,
		organisation: 'gemeente',
		count: 3
	}
];

export interface OrganisationSeed {
	key: string;
	name: string;
	kind: 'bewonersgroep' | 'vrijwilligersorganisatie' | 'welzijn' | 'zorg' | 'gemeente' | 'overig';
}

export const ORGANISATIONS: OrganisationSeed[] = [
	{ key: 'welzijn', name: 'Stichting Welzijn Voorbeeldstad', kind: 'welzijn' },
	{ key: 'gemeente', name: 'Gemeente Voorbeeldstad', kind: 'gemeente' },
	{ key: 'voedselbank', name: 'Voedselbank Voorbeeldstad', kind: 'vrijwilligersorganisatie' },
	{
		key: 'vrijwilligers',
		name: 'Vrijwilligerscentrale Voorbeeldstad',
		kind: 'vrijwilligersorganisatie'
	},
	{ key: 'bibliotheek', name: 'Bibliotheek Voorbeeldstad', kind: 'overig' },
	{ key: 'zorg', name: 'Zorgcoöperatie De Linde', kind: 'zorg' },
	{ key: 'taal', name: 'Stichting Taalvrienden Voorbeeldstad', kind: 'vrijwilligersorganisatie' }
];

export const VENUE_TYPES = [
	'Buurthuis',
	'Wijkcentrum',
	'Ontmoetingscentrum',
	'Buurtcentrum',
	'Kerkzaal'
];
export const VENUE_NAMES = [
	'De Schakel',
	'Het Anker',
	'De Brug',
	'De Ontmoeting',
	'Het Trefpunt',
	'De Boog',
	'De Linde',
	'Het Kruispunt',
	'De Wissel',
	'De Horizon',
	'De Vonk',
	'Het Baken',
	'De Sleutel',
	'De Lantaarn',
	'De Klimop',
	'Het Palet',
	'De Kandelaar',
	'De Regenboog',
	'Het Web',
	'De Ster',
	'De Hoeksteen',
	'Het Open Hof',
	'De Kern',
	'De Poort',
	'Het Binnenhof',
	'De Zonnewijzer',
	'De Eik',
	'Het Kompas'
];
