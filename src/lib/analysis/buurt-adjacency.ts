import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { BuurtBoundary } from './buurt-lookup';

/**
 * Which buurten border each other: the pairs whose boundaries run along each other for a
 * positive length. Computed once from the boundaries (they change once a year with the CBS
 * release), so the shared-needs detection can join adjacent buurten cheaply.
 *
 * Why a tolerance: once buurt polygons have been simplified one polygon at a time, or their
 * coordinates rounded, the two sides of a shared border no longer share vertices exactly; they
 * wander up to a metre or so around each other. Two buurten count as adjacent when
 * at least `minSharedMeters` of one boundary lies within `toleranceMeters` of the other. Touching
 * only at a corner gives (next to) zero shared length, so it does not count. When the source
 * was simplified more coarsely, raise the tolerance to about the simplification tolerance.
 *
 * Coordinates are GeoJSON WGS84 longitude/latitude in degrees. Distances are measured in a local
 * equirectangular frame around each boundary segment (x scaled by cos latitude), which is exact
 * to well under a millimetre over the length of one segment.
 */

export interface AdjacencyOptions {
	/** How far apart two boundaries may lie and still count as one border, in metres. */
	toleranceMeters?: number;
	/** How long the common border must be, in metres, measured along the lower code's boundary. */
	minSharedMeters?: number;
}

export const DEFAULT_ADJACENCY_TOLERANCE_METERS = 1;
export const DEFAULT_MIN_SHARED_METERS = 5;

/** [codeA, codeB] with codeA < codeB (string order). */
export type BuurtPair = [string, string];

/** Metres per degree of latitude on a sphere with the mean Earth radius (IUGG, 6,371,008.8 m). */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

interface Shape {
	code: string;
	/** Segments as x1, y1, x2, y2 in degrees, four numbers each. */
	segments: Float64Array;
	/** Flatbush over the segments' bounding boxes, null when there are none. */
	index: Flatbush | null;
	bbox: [number, number, number, number];
	/** Degrees of longitude per metre at the latitude furthest from the equator in the shape. */
	lonPerMetre: number;
}

function rings(geometry: Polygon | MultiPolygon): Position[][] {
	// Holes count too: an island buurt filling a hole borders the buurt around it.
	return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function prepare({ code, boundary }: BuurtBoundary): Shape {
	const coordinates: number[] = [];
	for (const ring of rings(boundary)) {
		for (let i = 0; i < ring.length; i++) {
			const [x1, y1] = ring[i];
			// GeoJSON closes rings by repeating the first position; close it here if the source did not.
			const next = i + 1 < ring.length ? ring[i + 1] : ring[0];
			const [x2, y2] = next;
			if (![x1, y1, x2, y2].every(Number.isFinite)) continue;
			if (x1 === x2 && y1 === y2) continue;
			coordinates.push(x1, y1, x2, y2);
		}
	}
	const segments = Float64Array.from(coordinates);
	const count = segments.length / 4;
	const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
	let index: Flatbush | null = null;
	if (count > 0) {
		index = new Flatbush(count);
		for (let s = 0; s < count; s++) {
			const [x1, y1, x2, y2] = segments.subarray(4 * s, 4 * s + 4);
			const box = [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
			index.add(box[0], box[1], box[2], box[3]);
			bbox[0] = Math.min(bbox[0], box[0]);
			bbox[1] = Math.min(bbox[1], box[1]);
			bbox[2] = Math.max(bbox[2], box[2]);
			bbox[3] = Math.max(bbox[3], box[3]);
		}
		index.finish();
	}
	const maxAbsLat = Math.min(89, Math.max(Math.abs(bbox[1]), Math.abs(bbox[3])));
	const lonPerMetre = 1 / (METRES_PER_DEGREE * Math.cos((maxAbsLat * Math.PI) / 180));
	return { code, segments, index, bbox, lonPerMetre };
}

/**
 * The length of `a`'s boundary, in metres, that lies within `tolerance` metres of `b`'s boundary
 * (more exactly: inside the band of half-width `tolerance` around each segment of `a` and
 * covered by a segment of `b`). Stops counting once `enough` is reached.
 */
function sharedLength(a: Shape, b: Shape, tolerance: number, enough = Infinity): number {
	if (!a.index || !b.index) return 0;
	const latPad = tolerance / METRES_PER_DEGREE;
	const lonPad = tolerance * Math.max(a.lonPerMetre, b.lonPerMetre);
	const near = a.index
		.search(b.bbox[0] - lonPad, b.bbox[1] - latPad, b.bbox[2] + lonPad, b.bbox[3] + latPad)
		.sort((x, y) => x - y);
	let total = 0;
	for (const s of near) {
		const [ax1, ay1, ax2, ay2] = a.segments.subarray(4 * s, 4 * s + 4);
		// A local frame in metres with its origin at the segment's start.
		const kx = METRES_PER_DEGREE * Math.cos((((ay1 + ay2) / 2) * Math.PI) / 180);
		const ky = METRES_PER_DEGREE;
		const dx = (ax2 - ax1) * kx;
		const dy = (ay2 - ay1) * ky;
		const length = Math.hypot(dx, dy);
		const [ux, uy] = [dx / length, dy / length];
		const intervals: [number, number][] = [];
		const others = b.index.search(
			Math.min(ax1, ax2) - lonPad,
			Math.min(ay1, ay2) - latPad,
			Math.max(ax1, ax2) + lonPad,
			Math.max(ay1, ay2) + latPad
		);
		for (const t of others) {
			const [bx1, by1, bx2, by2] = b.segments.subarray(4 * t, 4 * t + 4);
			const [px1, py1] = [(bx1 - ax1) * kx, (by1 - ay1) * ky];
			const [px2, py2] = [(bx2 - ax1) * kx, (by2 - ay1) * ky];
			// Position along a (s) and signed distance from a's line (d) of b's end points.
			const s1 = px1 * ux + py1 * uy;
			const s2 = px2 * ux + py2 * uy;
			const d1 = py1 * ux - px1 * uy;
			const d2 = py2 * ux - px2 * uy;
			// The part of b (parameter u in [0, 1]) inside the band |d| ≤ tolerance.
			let from = 0;
			let to = 1;
			if (d1 === d2) {
				if (Math.abs(d1) > tolerance) continue;
			} else {
				const enter = (tolerance - d1) / (d2 - d1);
				const leave = (-tolerance - d1) / (d2 - d1);
				from = Math.max(0, Math.min(enter, leave));
				to = Math.min(1, Math.max(enter, leave));
				if (from >= to) continue;
			}
			const along1 = s1 + from * (s2 - s1);
			const along2 = s1 + to * (s2 - s1);
			const lo = Math.max(0, Math.min(along1, along2));
			const hi = Math.min(length, Math.max(along1, along2));
			if (hi > lo) intervals.push([lo, hi]);
		}
		// Union of the covered stretches of this segment, so overlapping pieces of b count once.
		intervals.sort((x, y) => x[0] - y[0]);
		let end = -Infinity;
		for (const [lo, hi] of intervals) {
			if (hi <= end) continue;
			total += hi - Math.max(lo, end);
			end = hi;
		}
		if (total >= enough) return total;
	}
	return total;
}

function checkOptions(options: AdjacencyOptions): { tolerance: number; minShared: number } {
	const tolerance = options.toleranceMeters ?? DEFAULT_ADJACENCY_TOLERANCE_METERS;
	const minShared = options.minSharedMeters ?? DEFAULT_MIN_SHARED_METERS;
	if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
		throw new RangeError(`toleranceMeters must be a finite number ≥ 0 (got ${tolerance})`);
	}
	if (!(minShared > 0) || !Number.isFinite(minShared)) {
		throw new RangeError(`minSharedMeters must be a finite number > 0 (got ${minShared})`);
	}
	return { tolerance, minShared };
}

/**
 * The length in metres of `a`'s boundary that runs within `toleranceMeters` of `b`'s boundary;
 * about the length of their common border. For inspecting one pair; use buurtAdjacency for all.
 */
export function sharedBoundaryLength(
	a: Polygon | MultiPolygon,
	b: Polygon | MultiPolygon,
	toleranceMeters = DEFAULT_ADJACENCY_TOLERANCE_METERS
): number {
	const { tolerance } = checkOptions({ toleranceMeters });
	return sharedLength(
		prepare({ code: 'a', boundary: a }),
		prepare({ code: 'b', boundary: b }),
		tolerance
	);
}

/**
 * All pairs of adjacent buurten, each as [lower code, higher code], sorted. A flatbush index of
 * the buurten's bounding boxes limits the comparison to buurten whose boxes come within the
 * tolerance of each other; within a pair, an index of segments limits it to nearby segments.
 * The shared length is measured along the boundary of the lower code, so the answer does not
 * depend on the input order. Buurten without usable coordinates border nothing.
 */
export function buurtAdjacency(
	buurten: readonly BuurtBoundary[],
	options: AdjacencyOptions = {}
): BuurtPair[] {
	const { tolerance, minShared } = checkOptions(options);
	const seen = new Set<string>();
	for (const { code } of buurten) {
		if (seen.has(code)) throw new Error(`buurt ${code} appears more than once`);
		seen.add(code);
	}
	const shapes = buurten
		.map(prepare)
		.filter((shape) => shape.index !== null)
		.sort((x, y) => (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
	if (shapes.length < 2) return [];

	const boxes = new Flatbush(shapes.length);
	for (const { bbox } of shapes) boxes.add(bbox[0], bbox[1], bbox[2], bbox[3]);
	boxes.finish();

	const pairs: BuurtPair[] = [];
	const latPad = tolerance / METRES_PER_DEGREE;
	// The widest padding of all, so a pair is found from either side whatever their latitudes.
	const lonPad = tolerance * shapes.reduce((max, shape) => Math.max(max, shape.lonPerMetre), 0);
	shapes.forEach((a, i) => {
		const candidates = boxes
			.search(a.bbox[0] - lonPad, a.bbox[1] - latPad, a.bbox[2] + lonPad, a.bbox[3] + latPad)
			.filter((j) => j > i)
			.sort((x, y) => x - y);
		for (const j of candidates) {
			if (sharedLength(a, shapes[j], tolerance, minShared) >= minShared) {
				pairs.push([a.code, shapes[j].code]);
			}
		}
	});
	return pairs;
}
