import type { Rng } from '$lib/analysis/prng';
import type { BuurtType, DemoBuurt } from './types';

// CBS-like key figures ("Kerncijfers wijken en buurten") for a generated buurt. The numbers are
// invented but tied together the way real ones are: the centre is dense with young adults living
// alone; post-war flats are older and poorer; new-build (Vinex) wijken are full of families; an
// older population means more one-person households and more pensions.

interface Profile {
	/** Multiplier on the town's density gradient. */
	density: number;
	/** Mean shares (%) of the age groups 0–14, 15–24, 25–44 and 65+; 45–64 takes the rest. */
	ages: [number, number, number, number];
	/** Shift (percentage points) in the share of one-person households. */
	living_alone: number;
	/** Relative rate of social-assistance (bijstand) and related benefits; 1 is the town average. */
	deprivation: number;
}

const PROFILES: Record<BuurtType, Profile> = {
	binnenstad: { density: 1.0, ages: [8, 16, 33, 17], living_alone: 14, deprivation: 1.3 },
	vooroorlogs: { density: 1.25, ages: [14, 12, 31, 15], living_alone: 6, deprivation: 1.2 },
	naoorlogs: { density: 1.35, ages: [15, 12, 25, 24], living_alone: 8, deprivation: 2.0 },
	bloemkool: { density: 1.0, ages: [14, 13, 22, 22], living_alone: -3, deprivation: 0.9 },
	vinex: { density: 1.3, ages: [23, 11, 31, 8], living_alone: -12, deprivation: 0.6 },
	villawijk: { density: 0.5, ages: [13, 11, 17, 31], living_alone: -6, deprivation: 0.35 },
	dorpskern: { density: 0.75, ages: [15, 11, 21, 26], living_alone: -2, deprivation: 0.8 },
	bedrijventerrein: { density: 0, ages: [6, 14, 40, 8], living_alone: 22, deprivation: 1.6 }
};

/** CBS rounds absolute numbers in the buurt tables to multiples of 5. */
export function roundTo5(value: number): number {
	return Math.max(0, Math.round(value / 5) * 5);
}

/** Whole percentages that add up to exactly 100 (largest-remainder rounding). */
export function wholePercentages(shares: readonly number[]): number[] {
	const total = shares.reduce((sum, s) => sum + s, 0);
	const exact = shares.map((s) => (s / total) * 100);
	const out = exact.map(Math.floor);
	const order = exact
		.map((value, i) => ({ i, rest: value - Math.floor(value) }))
		.sort((a, b) => b.rest - a.rest || a.i - b.i);
	const missing = 100 - out.reduce((sum, v) => sum + v, 0);
	for (let k = 0; k < missing; k++) out[order[k].i]++;
	return out;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

export type KeyFigures = Pick<
	DemoBuurt,
	| 'inhabitants'
	| 'households'
	| 'average_household_size'
	| 'pct_age_0_14'
	| 'pct_age_15_24'
	| 'pct_age_25_44'
	| 'pct_age_45_64'
	| 'pct_age_65_plus'
	| 'pct_one_person_households'
	| 'pct_households_with_children'
	| 'social_assistance_benefits'
	| 'disability_benefits'
	| 'unemployment_benefits'
	| 'pension_benefits'
>;

/**
 * Key figures for one buurt. `centrality` is 1 in the town centre and falls towards 0 at the edge.
 * Like CBS, figures for a buurt with fewer than 50 inhabitants are withheld (null).
 */
export function keyFigures(
	rng: Rng,
	type: BuurtType,
	centrality: number,
	areaHa: number
): KeyFigures {
	const profile = PROFILES[type];
	const noise = (sd: number) => Math.exp(rng.normal(0, sd));
	const perHectare = (12 + 62 * centrality) * profile.density * noise(0.15);
	const inhabitants =
		type === 'bedrijventerrein' ? roundTo5(rng.int(15, 140)) : roundTo5(areaHa * perHectare);

	const [young, teens, adults, old] = profile.ages;
	const shares = [
		Math.max(2, young * noise(0.12) - 3 * centrality),
		Math.max(4, teens * noise(0.12) + 4 * centrality),
		Math.max(10, adults * noise(0.1) + 3 * centrality),
		0,
		Math.max(3, old * noise(0.15))
	];
	shares[3] = clamp(100 - shares.reduce((sum, s) => sum + s, 0) + rng.normal(0, 2), 14, 36);
	const ages = wholePercentages(shares);
	const [pct0to14, , , , pct65plus] = ages;

	const onePerson = clamp(
		36 +
			profile.living_alone +
			0.45 * (pct65plus - 19) -
			0.9 * (pct0to14 - 15) +
			12 * centrality +
			rng.normal(0, 3),
		10,
		78
	);
	const withChildren = clamp(
		9 + 1.55 * pct0to14 - 0.12 * (onePerson - 36) + rng.normal(0, 2.5),
		3,
		95 - onePerson
	);
	// Households without children of more than one person average about 2.1 people; with children 3.8.
	const averageSize =
		(onePerson * 1 + withChildren * 3.8 + (100 - onePerson - withChildren) * 2.1) / 100;
	const households = roundTo5(inhabitants / averageSize);

	const deprivation = profile.deprivation * noise(0.3);
	const figures: KeyFigures = {
		inhabitants,
		households,
		average_household_size: Math.round(averageSize * 100) / 100,
		pct_age_0_14: ages[0],
		pct_age_15_24: ages[1],
		pct_age_25_44: ages[2],
		pct_age_45_64: ages[3],
		pct_age_65_plus: ages[4],
		pct_one_person_households: Math.round(onePerson),
		pct_households_with_children: Math.round(withChildren),
		social_assistance_benefits: roundTo5(inhabitants * 0.026 * deprivation),
		disability_benefits: roundTo5(
			inhabitants * (1 - pct65plus / 100) * (0.04 + 0.025 * deprivation)
		),
		unemployment_benefits: roundTo5(inhabitants * 0.011 * (0.7 + 0.3 * deprivation)),
		pension_benefits: roundTo5(inhabitants * (pct65plus / 100) * 0.92)
	};
	if (inhabitants < 50) {
		for (const field of Object.keys(figures) as (keyof KeyFigures)[]) {
			if (field !== 'inhabitants' && field !== 'households') figures[field] = null as never;
		}
	}
	return figures;
}
