import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { Delaunay } from 'd3-delaunay';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createBuurtLookup, type BuurtBoundary } from './buurt-lookup';
import { createRng } from './prng';

function square(minLon: number, minLat: number, size: number): Position[] {
	return [
		[minLon, minLat],
		[minLon + size, minLat],
		[minLon + size, minLat + size],
		[minLon, minLat + size],
		[minLon, minLat]
	];
}

// A small hand-made municipality: two buurten side by side (the higher code on the left), a buurt
// with a hole that is partly filled by an island buurt, and a buurt in two separate parts.
const HAND_MADE: BuurtBoundary[] = [
	{ code: 'BU90010102', boundary: { type: 'Polygon', coordinates: [square(5.0, 52.0, 0.01)] } },
	{ code: 'BU90010101', boundary: { type: 'Polygon', coordinates: [square(5.01, 52.0, 0.01)] } },
	{
		code: 'BU90010201',
		boundary: {
			type: 'Polygon',
			coordinates: [square(5.0, 52.01, 0.02), square(5.005, 52.015, 0.01).reverse()]
		}
	},
	{
		code: 'BU90010202',
		boundary: { type: 'Polygon', coordinates: [square(5.005, 52.015, 0.005)] }
	},
	{
		code: 'BU90010301',
		boundary: {
			type: 'MultiPolygon',
			coordinates: [[square(5.02, 52.0, 0.01)], [square(5.03, 52.02, 0.01)]]
		}
	}
];

describe('createBuurtLookup', () => {
	const lookup = createBuurtLookup(HAND_MADE);

	it('finds the buurt of a point well inside it', () => {
		expect(lookup(5.005, 52.005)).toBe('BU90010102');
		expect(lookup(5.015, 52.005)).toBe('BU90010101');
	});

	it('gives a point on a shared border to the lowest code, whatever the input order', () => {
		expect(lookup(5.01, 52.005)).toBe('BU90010101');
		expect(createBuurtLookup([...HAND_MADE].reverse())(5.01, 52.005)).toBe('BU90010101');
		// A corner shared by three buurten.
		expect(lookup(5.01, 52.01)).toBe('BU90010101');
	});

	it('counts the outer border of the municipality as inside', () => {
		expect(lookup(5.0, 52.005)).toBe('BU90010102');
	});

	it('does not give a point in a hole to the buurt around the hole', () => {
		// In the island that fills part of the hole.
		expect(lookup(5.0075, 52.0175)).toBe('BU90010202');
		// In the part of the hole nobody covers.
		expect(lookup(5.0125, 52.0225)).toBeNull();
		// Around the hole, and on the hole's edge (boundary counts as inside).
		expect(lookup(5.002, 52.028)).toBe('BU90010201');
		expect(lookup(5.015, 52.022)).toBe('BU90010201');
	});

	it('finds both parts of a MultiPolygon buurt and not the space between them', () => {
		expect(lookup(5.025, 52.005)).toBe('BU90010301');
		expect(lookup(5.035, 52.025)).toBe('BU90010301');
		expect(lookup(5.035, 52.012)).toBeNull();
	});

	it('returns null just outside the municipality, at (0, 0) and for non-numbers', () => {
		expect(lookup(4.999999, 52.005)).toBeNull();
		expect(lookup(5.005, 51.999999)).toBeNull();
		expect(lookup(0, 0)).toBeNull();
		expect(lookup(Number.NaN, 52)).toBeNull();
		expect(createBuurtLookup([])(5, 52)).toBeNull();
	});
});

/** A Voronoi tiling of a box into `count` buurten with shuffled codes, plus the hand-made ones. */
function voronoiBuurten(count: number, seed: number): BuurtBoundary[] {
	const rng = createRng(seed);
	const points = Array.from({ length: count }, (): [number, number] => [
		rng.float(5.1, 5.2),
		rng.float(52.1, 52.16)
	]);
	const voronoi = Delaunay.from(points).voronoi([5.1, 52.1, 5.2, 52.16]);
	const codes = rng.shuffle(points.map((_, i) => `BU9002${String(i).padStart(4, '0')}`));
	const round = (v: number) => Math.round(v * 1e6) / 1e6;
	const tiles = points.map((_, i): BuurtBoundary => {
		const ring = voronoi.cellPolygon(i).map(([x, y]) => [round(x), round(y)]);
		return { code: codes[i], boundary: { type: 'Polygon', coordinates: [ring] } };
	});
	return [...tiles, ...HAND_MADE];
}

function bruteForce(buurten: readonly BuurtBoundary[], lon: number, lat: number): string | null {
	const sorted = [...buurten].sort((a, b) => (a.code < b.code ? -1 : 1));
	for (const buurt of sorted) {
		if (booleanPointInPolygon([lon, lat], buurt.boundary)) return buurt.code;
	}
	return null;
}

describe('createBuurtLookup against a brute-force loop', () => {
	const buurten = voronoiBuurten(80, 2026);
	const lookup = createBuurtLookup(buurten);

	it('agrees on random points in and around the tiling', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 4.99, max: 5.21, noNaN: true }),
				fc.double({ min: 51.99, max: 52.17, noNaN: true }),
				(lon, lat) => lookup(lon, lat) === bruteForce(buurten, lon, lat)
			),
			{ numRuns: 5_000, seed: 2026 }
		);
	});

	it('agrees on every vertex and edge midpoint, where buurten meet', () => {
		let checked = 0;
		for (const { boundary } of buurten) {
			const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
			for (const ring of polygons.flat()) {
				for (let i = 0; i + 1 < ring.length; i++) {
					const [x0, y0] = ring[i];
					const [x1, y1] = ring[i + 1];
					for (const [lon, lat] of [
						[x0, y0],
						[(x0 + x1) / 2, (y0 + y1) / 2]
					]) {
						const found = lookup(lon, lat);
						expect(found).toBe(bruteForce(buurten, lon, lat));
						expect(found).not.toBeNull();
						checked++;
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(500);
	});
});
