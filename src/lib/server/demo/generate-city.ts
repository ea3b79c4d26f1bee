import { createRng } from '$lib/analysis/prng';
import { generateGeography } from './geography';
import { generateNeeds } from './generate-needs';
import { generateOffer } from './generate-offer';
import { generatePeople } from './generate-people';
import type { DemoCity } from './types';

export { DEMO_GEMEENTE_CODE, DEMO_GEMEENTE_NAME, DEMO_SEED } from './geography';

export interface GenerateOptions {
	seed: number;
	/** Reference date: needs are spread over the twelve months before it. */
	now: Date;
	buurtCount?: number;
}

/**
 * Generates the whole demo city Voorbeeldstad: geography with CBS-like key figures, the offer
 * (organisations, initiatives, provisions), wijkteams, demo accounts, volunteers and a year of
 * needs with a few planted hot spots. Pure and deterministic: the same seed and reference date
 * give the same city, byte for byte.
 */
export function generateDemoCity({ seed, now, buurtCount }: GenerateOptions): DemoCity {
	const rng = createRng(seed);
	// Forked up front, in a fixed order, so each part has its own stream.
	const [geoRng, offerRng, peopleRng, needsRng] = ['geography', 'offer', 'people', 'needs'].map(
		(l) => rng.fork(l)
	);
	const geography = generateGeography(geoRng, now.getUTCFullYear() - 1, buurtCount);
	const people = generatePeople(peopleRng, geography);
	const offer = generateOffer(offerRng, geography, people.accounts, now);
	const needs = generateNeeds(needsRng, geography, people.accounts, people.teams, now);
	return {
		seed,
		now: now.toISOString(),
		gemeente: geography.gemeente,
		wijken: geography.wijken,
		buurten: geography.buurten,
		organisations: offer.organisations,
		initiatives: offer.initiatives,
		provisions: offer.provisions,
		accounts: people.accounts,
		teams: people.teams,
		volunteers: people.volunteers,
		needs: needs.needs,
		hotSpots: needs.hotSpots
	};
}
