// Geometry checks of the input: well-formed (Multi)Polygons, WGS84 longitude/latitude (not RD
// New, not swapped axes), no self-intersections. Interior points and unions are in geo/.
import { kinks } from '@turf/kinks';
import type { Polygon, Position } from 'geojson';
import { polygonsOf, withoutRepeats } from '$lib/server/geo/polygon';
import { CbsImportError, type Boundary } from './cbs-types';

export function isPolygonType(geometry: unknown): geometry is { type: 'Polygon' | 'MultiPolygon' } {
	const type = (geometry as { type?: unknown } | null)?.type;
	return type === 'Polygon' || type === 'MultiPolygon';
}

export function isPosition(value: unknown): value is Position {
	return (
		Array.isArray(value) &&
		value.length >= 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'number' &&
		Number.isFinite(value[0]) &&
		Number.isFinite(value[1])
	);
}

/**
 * Checks the nesting of a (Multi)Polygon and returns a 2D copy, or a reason it is malformed.
 * Extra members (bbox, z values) are dropped: the boundary column only needs lon/lat.
 */
export function cleanBoundary(geometry: {
	type: string;
	coordinates?: unknown;
}): Boundary | string {
	const polygons: unknown[] =
		geometry.type === 'Polygon'
			? [geometry.coordinates]
			: Array.isArray(geometry.coordinates)
				? geometry.coordinates
				: [undefined];
	if (polygons.length === 0) return 'the MultiPolygon has no polygons';
	const cleaned: Position[][][] = [];
	for (const [p, polygon] of polygons.entries()) {
		if (!Array.isArray(polygon) || polygon.length === 0) {
			return `malformed ${geometry.type}: polygon ${p + 1} has no rings`;
		}
		const rings: Position[][] = [];
		for (const [r, ring] of polygon.entries()) {
			if (!Array.isArray(ring) || !ring.every(isPosition)) {
				return `malformed ${geometry.type}: ring ${r + 1} is not a list of [lon, lat] positions`;
			}
			if (ring.length < 4) {
				return `malformed ${geometry.type}: ring ${r + 1} has ${ring.length} positions (at least 4 needed)`;
			}
			const first = ring[0];
			const last = ring[ring.length - 1];
			if (first[0] !== last[0] || first[1] !== last[1]) {
				return `malformed ${geometry.type}: ring ${r + 1} is not closed (first and last position differ)`;
			}
			rings.push(ring.map((position) => [position[0], position[1]]));
		}
		cleaned.push(rings);
	}
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: cleaned[0] }
		: { type: 'MultiPolygon', coordinates: cleaned };
}

/** RD New's extent in metres (EPSG:28992 area of use, rounded outwards). */
function looksLikeRdNew(x: number, y: number): boolean {
	return x >= -10_000 && x <= 300_000 && y >= 280_000 && y <= 650_000;
}

/**
 * Fatal when any polygon coordinate is outside longitude/latitude range (a projected file) or
 * when every coordinate looks like latitude, longitude in the Netherlands (swapped axes).
 */
export function checkWgs84(features: unknown[], label: string): void {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	let sample: Position | null = null;
	const visit = (value: unknown): void => {
		if (isPosition(value)) {
			const [x, y] = value;
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
			if (!sample && (Math.abs(x) > 180 || Math.abs(y) > 90)) sample = value;
			return;
		}
		if (Array.isArray(value)) for (const item of value) visit(item);
	};
	for (const feature of features) {
		const geometry = (feature as { geometry?: unknown } | null)?.geometry;
		if (isPolygonType(geometry)) visit((geometry as { coordinates?: unknown }).coordinates);
	}
	if (sample) {
		const [x, y] = sample as Position;
		const where = `e.g. [${x}, ${y}]`;
		if (looksLikeRdNew(x, y)) {
			throw new CbsImportError(
				`${label} has projected coordinates (${where}) that look like RD New (EPSG:28992) metres; ` +
					'WGS84 longitude/latitude is required. Convert it first, e.g. ' +
					'ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson.'
			);
		}
		throw new CbsImportError(
			`${label} has coordinates outside longitude/latitude range (${where}); ` +
				'WGS84 longitude/latitude is required.'
		);
	}
	// Every CBS area lies within lon 3.2–7.3, lat 50.7–53.6. Coordinates entirely inside the
	// mirrored box are latitude-first, which would put every buurt in the Arabian Sea.
	if (minX >= 50 && maxX <= 54 && minY >= 3 && maxY <= 8) {
		throw new CbsImportError(
			`${label} has its coordinates as [latitude, longitude] (e.g. x ${minX.toFixed(3)}, ` +
				`y ${minY.toFixed(3)}); GeoJSON requires [longitude, latitude].`
		);
	}
}

/**
 * Self-intersection check with @turf/kinks, one polygon at a time: turf compares every ring
 * with every other, so parts of a MultiPolygon that merely touch would count as crossings.
 * Cost is quadratic in the vertices of one polygon, fine for buurt boundaries.
 */
export function selfIntersection(boundary: Boundary): Position | null {
	for (const rings of polygonsOf(boundary)) {
		const polygon: Polygon = { type: 'Polygon', coordinates: rings.map(withoutRepeats) };
		const found = kinks(polygon).features[0];
		if (found) return found.geometry.coordinates;
	}
	return null;
}
