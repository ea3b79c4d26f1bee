import type { FeatureCollection, Point } from 'geojson';
import type { FindFilters, OfferKind } from '$lib/schemas/find';
import type { Tx } from '$lib/server/db/types';
import { roundCoordinate } from '$lib/server/geo/map-data';
import { findOffer, type FindItem, type FindProblem } from './find';

/** Only what the map draws and links to; six decimals (about 10 cm) are plenty. */
export interface OfferPointProperties {
	id: string;
	kind: OfferKind;
	name: string;
}

export function offerPoints(
	items: readonly Pick<FindItem, 'id' | 'kind' | 'name' | 'lon' | 'lat'>[]
): FeatureCollection<Point, OfferPointProperties> {
	return {
		type: 'FeatureCollection',
		features: items.map((item) => ({
			type: 'Feature',
			properties: { id: item.id, kind: item.kind, name: item.name },
			geometry: {
				type: 'Point',
				coordinates: [roundCoordinate(item.lon), roundCoordinate(item.lat)]
			}
		}))
	};
}

/** The whole result set of these filters as points, in the order of the list. */
export async function findGeoJson(
	tx: Tx,
	filters: FindFilters,
	now: Date
): Promise<
	| { ok: true; collection: FeatureCollection<Point, OfferPointProperties> }
	| { ok: false; problem: FindProblem }
> {
	const result = await findOffer(tx, filters, now);
	if (!result.ok) return result;
	return { ok: true, collection: offerPoints(result.items) };
}
