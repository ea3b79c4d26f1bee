import type { BuurtLookup } from '$lib/analysis/buurt-lookup';
import type { Rng } from '$lib/analysis/prng';
import { round6 } from './geometry';
import type { BuurtContext } from './types';

/**
 * A random point inside the buurt, checked with the same lookup the app uses, so every generated
 * location maps back to the buurt it was made for (also after rounding to six decimals).
 */
export function pointInBuurt(
	rng: Rng,
	context: BuurtContext,
	lookup: BuurtLookup
): [number, number] {
	const b = context.buurt;
	for (let attempt = 0; attempt < 1000; attempt++) {
		const lon = round6(rng.float(b.min_lon, b.max_lon));
		const lat = round6(rng.float(b.min_lat, b.max_lat));
		if (lookup(lon, lat) === b.code) return [lon, lat];
	}
	return [b.centroid_lon, b.centroid_lat]; // inside by construction; only for a degenerate sliver
}
