import { union, type Geom } from 'polyclip-ts';
import type { MultiPolygon, Polygon, Position } from 'geojson';

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

export function ringArea(ring: readonly Position[]): number {
	let twice = 0;
	for (let i = 0; i + 1 < ring.length; i++) {
		twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return twice / 2; // positive when counter-clockwise
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
 * A point strictly inside the shape, for labels and the `centroid_*` columns: the area centroid
 * when it is inside, else the middle of the widest run of a horizontal line through the largest
 * part (the idea of JTS's InteriorPointArea). Turf's point-on-feature falls back to a vertex, which
 * lies on the border and would be claimed by a neighbour.
 */
export function innerPoint(shape: MultiPolygonXY): XY {
	const largest = shape.reduce((best, p) =>
		Math.abs(multiPolygonArea([p])) > Math.abs(multiPolygonArea([best])) ? p : best
	);
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (const ring of largest) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const cross = ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
			area += cross;
			cx += (ring[i][0] + ring[i + 1][0]) * cross;
			cy += (ring[i][1] + ring[i + 1][1]) * cross;
		}
	}
	const centroid: XY = [cx / (3 * area), cy / (3 * area)];
	if (insideShape(centroid, [largest]) && distanceToBorder(centroid, largest) > 1) return centroid;

	// A scan line halfway between the two vertex heights nearest the centroid's, so it misses vertices.
	const ys = [...new Set(largest.flat().map((p) => p[1]))].sort((a, b) => a - b);
	const above = ys.find((y) => y > centroid[1]) ?? ys.at(-1)!;
	const below = ys.findLast((y) => y <= centroid[1]) ?? ys[0];
	const y = (above + below) / 2;
	const xs: number[] = [];
	for (const ring of largest) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const [[x0, y0], [x1, y1]] = [ring[i], ring[i + 1]];
			if (y0 > y !== y1 > y) xs.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
		}
	}
	xs.sort((a, b) => a - b);
	let best: XY = centroid;
	let width = -1;
	for (let i = 0; i + 1 < xs.length; i += 2) {
		if (xs[i + 1] - xs[i] > width) {
			width = xs[i + 1] - xs[i];
			best = [(xs[i] + xs[i + 1]) / 2, y];
		}
	}
	return best;
}

function distanceToBorder(p: XY, polygon: PolygonXY): number {
	let best = Infinity;
	for (const ring of polygon) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const [a, b] = [ring[i], ring[i + 1]];
			const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
			const t = Math.max(
				0,
				Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1))
			);
			best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
		}
	}
	return best;
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

/** The union of GeoJSON shapes (for wijken out of buurten), as a Polygon or MultiPolygon. */
export function unionGeoJson(shapes: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
	const geoms = shapes.map((s) => (s.type === 'Polygon' ? [s.coordinates] : s.coordinates) as Geom);
	const merged = union(geoms[0], ...geoms.slice(1)) as MultiPolygonXY;
	const cleaned = orient(
		merged.map((polygon) =>
			polygon.map((ring) => withoutRepeats(ring.map(([x, y]) => [round6(x), round6(y)])))
		)
	);
	return cleaned.length === 1
		? { type: 'Polygon', coordinates: cleaned[0] }
		: { type: 'MultiPolygon', coordinates: cleaned };
}
