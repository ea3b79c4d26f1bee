import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';

export interface BuurtBoundary {
	code: string;
	boundary: Polygon | MultiPolygon;
}

/** Point (WGS84 longitude, latitude) → the code of the buurt it lies in, or null outside all. */
export type BuurtLookup = (lon: number, lat: number) => string | null;

function boundingBox(geometry: Polygon | MultiPolygon): [number, number, number, number] {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	const polygons: Position[][][] =
		geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	// Holes lie inside the outer ring, so the outer rings alone bound the geometry.
	for (const polygon of polygons) {
		for (const [x, y] of polygon[0] ?? []) {
			if (x < minX) minX = x;
			if (y < minY) minY = y;
			if (x > maxX) maxX = x;
			if (y > maxY) maxY = y;
		}
	}
	return [minX, minY, maxX, maxY];
}

/**
 * Builds a point → buurt lookup: a flatbush index of bounding boxes narrows the candidates, and
 * Turf's point-in-polygon decides.
 *
 * Border rule (deterministic, independent of input order): a point on a polygon's boundary —
 * outer ring or hole — counts as inside it, and when several buurten contain the point (it lies
 * on a shared border or corner) the one with the lowest code wins, comparing codes as strings.
 * So every point of a gap-free tiling maps to exactly one buurt, and a point on the outer border
 * of the municipality still maps to the buurt along it.
 */
export function createBuurtLookup(buurten: readonly BuurtBoundary[]): BuurtLookup {
	const usable = buurten
		.filter((buurt) => boundingBox(buurt.boundary).every(Number.isFinite))
		.slice()
		// Sorted by code, so the lowest matching index is the lowest matching code.
		.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
	if (usable.length === 0) return () => null; // flatbush refuses an empty index

	const index = new Flatbush(usable.length);
	for (const buurt of usable) index.add(...boundingBox(buurt.boundary));
	index.finish();

	return (lon, lat) => {
		if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null;
		const candidates = index.search(lon, lat, lon, lat).sort((a, b) => a - b);
		for (const i of candidates) {
			if (booleanPointInPolygon([lon, lat], usable[i].boundary)) return usable[i].code;
		}
		return null;
	};
}
