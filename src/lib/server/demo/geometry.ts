import type { MultiPolygon, Polygon, Position } from 'geojson';
import { interiorPoint } from '$lib/server/geo/interior-point';
import { polygonsOf, ringArea, unionBoundaries, type Boundary } from '$lib/server/geo/polygon';

export { ringArea };

// Plane geometry for the generated town. The town is drawn in metres on a local plane (x east,
// y north of ORIGIN) so distances and areas mean something while generating, and converted to
// WGS84 only at the end. How the town's shape is grown is in town-shape.ts.

export type XY = [number, number];
/** A closed ring: the first point is repeated at the end. */
export type RingXY = XY[];
export type PolygonXY = RingXY[];
export type MultiPolygonXY = PolygonXY[];

/** Where Voorbeeldstad lies: in the middle of the country, on no real town's exact footprint. */
export const ORIGIN = { lon: 5.3, lat: 52.1 };
// Metres per degree at 52.1° N on the WGS84 ellipsoid; an equirectangular plane is accurate to
// well under a metre over a town of 8 km.
const METRES_PER_DEGREE_LAT = 111_269;
const METRES_PER_DEGREE_LON = 68_526;

/** Six decimals (about 10 cm) like the map payloads; identical inputs give identical outputs. */
export function round6(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}

export function toLonLat([x, y]: XY): XY {
	return [
		round6(ORIGIN.lon + x / METRES_PER_DEGREE_LON),
		round6(ORIGIN.lat + y / METRES_PER_DEGREE_LAT)
	];
}

export function toPlane([lon, lat]: Position): XY {
	return [(lon - ORIGIN.lon) * METRES_PER_DEGREE_LON, (lat - ORIGIN.lat) * METRES_PER_DEGREE_LAT];
}

export function multiPolygonArea(shape: readonly (readonly Position[][])[]): number {
	return shape.reduce(
		(sum, polygon) => sum + polygon.reduce((s, ring) => s + ringArea(ring), 0),
		0
	);
}

/** Even-odd ray casting; enough for sampling, where a point on an edge does not matter. */
export function insideRing([x, y]: XY, ring: readonly Position[]): boolean {
	let inside = false;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

export function insideShape(point: XY, shape: MultiPolygonXY): boolean {
	return shape.some(
		(polygon) =>
			insideRing(point, polygon[0]) && !polygon.slice(1).some((hole) => insideRing(point, hole))
	);
}

/** Orders rings as GeoJSON (RFC 7946 §3.1.6) asks: outer rings counter-clockwise, holes clockwise. */
export function orient(shape: MultiPolygonXY): MultiPolygonXY {
	return shape.map((polygon) =>
		polygon.map((ring, i) => (ringArea(ring) > 0 === (i === 0) ? ring : ring.slice().reverse()))
	);
}

export function withoutRepeats(ring: RingXY): RingXY {
	const out = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
	if (out.length > 1 && (out[0][0] !== out.at(-1)![0] || out[0][1] !== out.at(-1)![1]))
		out.push(out[0]);
	return out;
}

/**
 * A point strictly inside the shape and over a metre from its border, for labels and the
 * `centroid_*` columns (see geo/interior-point.ts).
 */
export function innerPoint(shape: MultiPolygonXY): XY {
	return interiorPoint(shape, { margin: 1 });
}

/** A shape in WGS84 as GeoJSON: a Polygon when it has one part, else a MultiPolygon. */
export function toGeoJson(shape: MultiPolygonXY): Polygon | MultiPolygon {
	const converted = shape
		.map((polygon) =>
			polygon.map((ring) => withoutRepeats(ring.map(toLonLat))).filter((ring) => ring.length >= 4)
		)
		.filter((polygon) => polygon.length > 0);
	return converted.length === 1
		? { type: 'Polygon', coordinates: converted[0] }
		: { type: 'MultiPolygon', coordinates: converted };
}

/** The union of GeoJSON shapes (for wijken out of buurten), rounded and oriented like the rest. */
export function unionGeoJson(shapes: readonly Boundary[]): Boundary {
	const merged = unionBoundaries(shapes);
	if (!merged) throw new Error('unionGeoJson needs at least one shape');
	const cleaned = orient(
		polygonsOf(merged).map((polygon) =>
			polygon.map((ring) => withoutRepeats(ring.map(([x, y]) => [round6(x), round6(y)])))
		)
	);
	return cleaned.length === 1
		? { type: 'Polygon', coordinates: cleaned[0] }
		: { type: 'MultiPolygon', coordinates: cleaned };
}
