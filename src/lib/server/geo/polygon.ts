import type { MultiPolygon, Polygon, Position } from 'geojson';
import { union, type Geom } from 'polyclip-ts';

// Polygon helpers shared by the CBS importer and the demo generator. Coordinates may be lon/lat
// or metres on a plane: nothing here depends on the unit.

/** A buurt's, wijk's or gemeente's outline. */
export type Boundary = Polygon | MultiPolygon;

/** The polygons of a Polygon or MultiPolygon, as a list of ring lists. */
export function polygonsOf(geometry: Boundary): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A Polygon when there is one part, else a MultiPolygon. */
export function boundaryOf(polygons: Position[][][]): Boundary {
	return polygons.length === 1
		? { type: 'Polygon', coordinates: polygons[0] }
		: { type: 'MultiPolygon', coordinates: polygons };
}

/** Drops consecutive repeated positions (which @turf/kinks would report as crossings). */
export function withoutRepeats<P extends Position>(ring: readonly P[]): P[] {
	return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

/** Shoelace area of a ring: positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
	let twice = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return twice / 2;
}

/** Union of boundaries (polyclip-ts), as a Polygon when it is one piece; null when empty. */
export function unionBoundaries(boundaries: readonly Boundary[]): Boundary | null {
	if (boundaries.length === 0) return null;
	const geoms = boundaries.map((b) => polygonsOf(b) as Geom);
	const merged = union(geoms[0], ...geoms.slice(1)) as Position[][][];
	return merged.length === 0 ? null : boundaryOf(merged);
}
