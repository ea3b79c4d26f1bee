import { bbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Position } from 'geojson';
import polylabel from 'polylabel';
import { boundaryOf, polygonsOf, type Boundary } from './polygon';

// The point stored as a buurt's or wijk's `centroid_*`: where its label goes and which buurt a
// map click on it belongs to. It must lie strictly inside: a point on the border would be claimed
// by the neighbour too. Turf's point-on-feature falls back to a vertex (on the border), so the
// fallback is polylabel's pole of inaccessibility, the inside point farthest from every edge.

/** Relative to the shape's size: about 1 m on a buurt of 10 km, 1 cm on a buurt of 100 m. */
const POLYLABEL_PRECISION = 1e-4;

function partArea(rings: readonly Position[][]): number {
	// Outer ring adds, holes subtract, whatever their winding order.
	return rings.reduce((sum, ring, r) => {
		let twice = 0;
		for (let i = 0; i + 1 < ring.length; i++) {
			twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
		}
		return sum + (r === 0 ? 1 : -1) * Math.abs(twice / 2);
	}, 0);
}

/**
 * Area-weighted centroid of one polygon (outer ring and holes). Coordinates are taken relative
 * to the first vertex so the cross products keep their precision with lon/lat input.
 */
export function areaCentroid(rings: readonly Position[][]): Position | null {
	const [ox, oy] = rings[0][0];
	let area = 0;
	let sx = 0;
	let sy = 0;
	rings.forEach((ring, r) => {
		let a = 0;
		let cx = 0;
		let cy = 0;
		for (let i = 0; i + 1 < ring.length; i++) {
			const [x0, y0] = [ring[i][0] - ox, ring[i][1] - oy];
			const [x1, y1] = [ring[i + 1][0] - ox, ring[i + 1][1] - oy];
			const cross = x0 * y1 - x1 * y0;
			a += cross;
			cx += (x0 + x1) * cross;
			cy += (y0 + y1) * cross;
		}
		const weight = (r === 0 ? 1 : -1) * Math.sign(a);
		area += weight * a;
		sx += weight * cx;
		sy += weight * cy;
	});
	if (!(area > 0) || !Number.isFinite(sx) || !Number.isFinite(sy)) return null;
	return [ox + sx / (3 * area), oy + sy / (3 * area)];
}

/** Distance from a point to the nearest edge of a polygon, in the coordinates' unit. */
export function distanceToBorder(p: Position, rings: readonly Position[][]): number {
	let best = Infinity;
	for (const ring of rings) {
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

export interface InteriorPointOptions {
	/** How far the centroid must be from the border to be used as is (coordinates' unit). */
	margin?: number;
}

/**
 * A point strictly inside the shape (a Polygon or MultiPolygon, or a list of polygons): the
 * centroid of its largest part when that lies inside (and at least `margin` from the border),
 * else the largest part's pole of inaccessibility (polylabel).
 */
export function interiorPoint(
	shape: Boundary | readonly Position[][][],
	{ margin = 0 }: InteriorPointOptions = {}
): [number, number] {
	const polygons = Array.isArray(shape) ? shape : polygonsOf(shape as Boundary);
	const largest = polygons.reduce((best, p) => (partArea(p) > partArea(best) ? p : best));
	const part = boundaryOf([largest]);
	const centroid = areaCentroid(largest);
	if (
		centroid &&
		booleanPointInPolygon(centroid, part, { ignoreBoundary: true }) &&
		(margin <= 0 || distanceToBorder(centroid, largest) > margin)
	) {
		return [centroid[0], centroid[1]];
	}
	const [minX, minY, maxX, maxY] = bbox(part);
	const precision = Math.max(maxX - minX, maxY - minY) * POLYLABEL_PRECISION;
	const [x, y] = polylabel(largest as number[][][], precision);
	return [x, y];
}
