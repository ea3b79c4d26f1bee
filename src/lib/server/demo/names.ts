import type { Rng } from '$lib/analysis/prng';
import type { WijkType } from './types';

// Word lists for fictional but Dutch-sounding place and person names. Dutch towns name their
// neighbourhoods after a theme (trees, birds, painters, water), after old landmarks, or after the
// wijk plus a compass point; the generator does the same.

/** A comma-separated list, so long word lists stay readable on a line or two. */
const words = (list: string): string[] => list.split(', ');

interface WijkTheme {
	name: string;
	/** Stems for buurt and street names, in their compound form ("Linden" + "hof"). */
	stems: string[];
}

export const CENTRE_BUURT_NAMES = words(
	'Oude Haven, Marktkwartier, Kerkbuurt, Stationskwartier, Vestingwal, Havenkwartier, Molenpoort, Lange Gracht, Kloosterhof, Waagplein, Schuttershof, Begijnenhof, Raadhuiskwartier, Sluiskade, Nieuwe Vaart, Brouwersgracht, Poortwijk, Kerkplein, Wevershof, Zoutkeet'
);

const THEMES: Record<Exclude<WijkType, 'binnenstad'>, WijkTheme[]> = {
	vooroorlogs: [
		{
			name: 'Bomenbuurt',
			stems: words(
				'Linden, Eiken, Beuken, Berken, Iepen, Wilgen, Esdoorn, Kastanje, Platanen, Hazelaar, Vlier, Elzen'
			)
		},
		{
			name: 'Dichterswijk',
			stems: words(
				'Vondel, Bredero, Hooft, Huygens, Bilderdijk, Gezelle, Potgieter, Staring, Tollens, Beets, Da Costa, Cats'
			)
		}
	],
	naoorlogs: [
		{
			name: 'Vogelwijk',
			stems: words(
				'Merel, Lijster, Reiger, Zwaluw, Kievit, Specht, Spreeuwen, Roodborst, Vinken, Meeuwen, Wielewaal, Leeuwerik'
			)
		},
		{
			name: 'Bloemenwijk',
			stems: words(
				'Tulpen, Rozen, Narcissen, Krokus, Anjer, Dahlia, Lelie, Iris, Hyacinten, Klaproos, Madelief, Seringen'
			)
		},
		{
			name: 'Schilderskwartier',
			stems: words(
				'Rembrandt, Vermeer, Frans Hals, Jan Steen, Breitner, Mesdag, Israëls, Toorop, Maris, Ruisdael, Hobbema, Van Goyen'
			)
		}
	],
	bloemkool: [
		{
			name: 'Molenwijk',
			stems: words(
				'Molen, Wieken, Korenmolen, Maalsteen, Graanmolen, Oliemolen, Zaagmolen, Standerd, Watermolen, Molenaars'
			)
		},
		{
			name: 'De Akkers',
			stems: words(
				'Akker, Esch, Enk, Kamp, Hoeven, Gaarden, Brink, Horst, Schuren, Hooiberg, Ploeg, Zaaiers'
			)
		}
	],
	vinex: [
		{
			name: 'Waterrijk',
			stems: words(
				'Beek, Vaart, Wetering, Sluis, Kade, Plas, Oever, Kreek, Haven, Zwanen, Riet, Lisdodde'
			)
		},
		{
			name: 'Vlinderveld',
			stems: words(
				'Vlinder, Libellen, Citroenvlinder, Dagpauwoog, Atalanta, Parelmoer, Zandoog, Koolwitje, Kleine Vos, Hooibeestje, Glazenmaker, Juffer'
			)
		}
	],
	villawijk: [
		{
			name: 'Het Hoge Veld',
			stems: words(
				'Heide, Dennen, Sparren, Bos, Varen, Brem, Jeneverbes, Zandverstuiving, Gagel, Bosbes, Hulst, Lariks'
			)
		}
	],
	dorpskern: [
		{
			name: 'Oud-Voorbeeld',
			stems: words(
				'Dorps, Kapel, Pastorie, Smidse, Hoeve, Brink, Schoolmeesters, Kosters, Veldwachters, Notaris, Bakkers, Tol'
			)
		}
	]
};

const BUURT_SUFFIXES = words(
	'hof, veld, park, kamp, weide, hoek, laan, erf, rijk, hoven, plein, akker'
);
const COMPASS = ['Noord', 'Oost', 'Zuid', 'West', 'Midden'];
const INDUSTRIAL = [
	'Bedrijventerrein De Vaart',
	'Industrieterrein Noordpoort',
	'Bedrijvenpark Molenveld',
	'Werkgebied De Kreek'
];
const STREET_SUFFIXES = words('straat, laan, weg, plein, hof, singel, pad, dreef');

/** A theme for each wijk type, never the same theme twice in one town. */
export function wijkTheme(rng: Rng, type: WijkType, taken: Set<string>): WijkTheme {
	if (type === 'binnenstad')
		return { name: 'Binnenstad', stems: words('Markt, Kerk, Haven, Gracht, Poort, Wal') };
	const free = THEMES[type].filter((theme) => !taken.has(theme.name));
	const theme = free.length > 0 ? rng.pick(free) : rng.pick(THEMES.bloemkool);
	const name = taken.has(theme.name) ? `${theme.name}-${rng.pick(['Noord', 'Zuid'])}` : theme.name;
	taken.add(name);
	return { ...theme, name };
}

/**
 * Buurt names for one wijk, none repeating anything in `taken`: mostly stem + suffix compounds,
 * and for a large wijk a couple named after the wijk and a compass point ("Molenwijk-Noord").
 */
export function buurtNames(
	rng: Rng,
	theme: WijkTheme,
	count: number,
	taken: Set<string>,
	compassOf: (index: number) => string
): string[] {
	const names: string[] = [];
	const stems = rng.shuffle(theme.stems);
	for (let i = 0; i < count; i++) {
		let name = '';
		if (theme.name === 'Binnenstad') {
			name = CENTRE_BUURT_NAMES.find((n) => !taken.has(n)) ?? '';
		} else if (count >= 8 && i < 2) {
			name = `${theme.name}-${compassOf(i)}`;
		}
		for (let attempt = 0; !name || taken.has(name); attempt++) {
			const stem = stems[(i + attempt) % stems.length];
			// Written as Dutch street names are: "Frans Hals" + "park" is "Frans Halspark".
			name = stem + BUURT_SUFFIXES[(i * 7 + attempt * 5) % BUURT_SUFFIXES.length];
			if (attempt > 40) name = `${theme.name} ${COMPASS[attempt % COMPASS.length]} ${attempt}`;
		}
		taken.add(name);
		names.push(name);
	}
	return names;
}

export function industrialName(rng: Rng, taken: Set<string>): string {
	const free = INDUSTRIAL.filter((name) => !taken.has(name));
	const name = free.length > 0 ? rng.pick(free) : `Bedrijventerrein ${taken.size}`;
	taken.add(name);
	return name;
}

/** A street in the wijk's theme, as an address line. */
export function streetAddress(rng: Rng, stems: readonly string[]): string {
	const stem = rng.pick(stems);
	const suffix = rng.pick(STREET_SUFFIXES);
	return `${stem}${suffix} ${rng.int(1, 180)}`;
}

/**
 * A postcode no real address has: PostNL never issues the letter pairs SA, SD and SS, so
 * "3991 SA" cannot be mistaken for a real place.
 */
export function fictionalPostcode(rng: Rng, wijkIndex: number): string {
	return `${3990 + (wijkIndex % 10)} ${rng.pick(['SA', 'SD'])}`;
}

/**
 * A phone number in an area code the Netherlands does not use (099), so no real line is rung
 * from the demo.
 */
export function fictionalPhone(rng: Rng): string {
	return `099-${rng.int(2_000_000, 9_999_999)}`;
}

export function slug(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

const FIRST_NAMES = words(
	'Anna, Fatima, Mohamed, Jan, Emma, Sven, Noor, Ayşe, Pieter, Daan, Sanne, Kees, Marleen, Yusuf, Priya, Oksana, Tomasz, Ingrid, Henk, Lotte, Samira, Bram, Fleur, Ahmed, Wilma, Joost, Mila, Liam, Hanneke, Gerrit, Ricardo, Esther, Thijs, Aaliyah, Mehmet, Sofie, Ruud, Iris, Kofi, Ria, Bas, Zeynep, Femke, Dirk, Nadia, Wout, Julia, Hamza, Tineke, Lucas, Mariam, Olga, Jeroen'
);
const INITIALS = 'ABCDEFGHJKLMNOPRSTVWYZ';

/** "Anna B.": a first name and an initial, as people show themselves on a neighbourhood site. */
export function personName(rng: Rng): string {
	return `${rng.pick(FIRST_NAMES)} ${rng.pick([...INITIALS])}.`;
}
