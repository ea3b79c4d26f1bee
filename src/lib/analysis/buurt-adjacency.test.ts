import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buurtAdjacency, sharedBoundaryLength } from './buurt-adjacency';
import type { BuurtBoundary } from './buurt-lookup';
import { createRng } from './prng';

// Shapes are drawn in metres on a local grid near Utrecht and turned into WGS84 degrees.
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const LAT0 = 52.09;
const LON0 = 5.12;
const at = (x: number, y: number): Position => [
	LON0 + x / (METRES_PER_DEGREE * Math.cos((LAT0 * Math.PI) / 180)),
	LAT0 + y / METRES_PER_DEGREE
];
const ring = (points: [number, number][]): Position[] => [
	...points.map(([x, y]) => at(x, y)),
	at(...points[0])
];
const rectangle = (x0: number, y0: number, x1: number, y1: number): Position[] =>
	ring([
		[x0, y0],
		[x1, y0],
		[x1, y1],
		[x0, y1]
	]);
const polygon = (...rings: Position[][]): Polygon => ({ type: 'Polygon', coordinates: rings });

function grid(size: number, cell: number): BuurtBoundary[] {
	const buurten: BuurtBoundary[] = [];
	for (let row = 0; row < size; row++) {
		for (let col = 0; col < size; col++) {
			buurten.push({
				code: `BU0000${row}${col}`,
				boundary: polygon(rectangle(col * cell, row * cell, (col + 1) * cell, (row + 1) * cell))
			});
		}
	}
	return buurten;
}

/** Rook neighbours of a size × size grid: edge-sharing cells only. */
function rookPairs(size: number): [string, string][] {
	const pairs: [string, string][] = [];
	for (let row = 0; row < size; row++) {
		for (let col = 0; col < size; col++) {
			if (col + 1 < size) pairs.push([`BU0000${row}${col}`, `BU0000${row}${col + 1}`]);
			if (row + 1 < size) pairs.push([`BU0000${row}${col}`, `BU0000${row + 1}${col}`]);
		}
	}
	return pairs.sort((a, b) => (a.join() < b.join() ? -1 : 1));
}

describe('buurtAdjacency', () => {
	it('joins the cells of a 3 × 3 grid along edges, not at corners', () => {
		const pairs = buurtAdjacency(grid(3, 100));
		expect(pairs).toEqual(rookPairs(3));
		expect(pairs).toHaveLength(12);
		// The centre borders four cells; its diagonal neighbours only touch it at a corner.
		expect(pairs.filter((p) => p.includes('BU000011'))).toHaveLength(4);
		expect(pairs).not.toContainEqual(['BU000000', 'BU000011']);
		expect(pairs).not.toContainEqual(['BU000001', 'BU000010']);
	});

	it('gives the same sorted pairs whatever the input order', () => {
		const buurten = grid(3, 100);
		const shuffled = createRng(7).shuffle(buurten);
		expect(buurtAdjacency(shuffled)).toEqual(buurtAdjacency(buurten));
	});

	it('tolerates borders whose two sides have different, slightly jittered vertices', () => {
		const rng = createRng(42);
		const jitter = () => rng.float(-0.4, 0.4);
		// A's right edge and B's left edge follow x = 200 with different vertices, each off by up
		// to 0.4 m, as after simplifying each polygon on its own.
		const a = polygon(
			ring([
				[0, 0],
				[200 + jitter(), 0],
				[200 + jitter(), 50],
				[200 + jitter(), 100],
				[200 + jitter(), 150],
				[200 + jitter(), 200],
				[0, 200]
			])
		);
		const b = polygon(
			ring([
				[200 + jitter(), 0],
				[400, 0],
				[400, 200],
				[200 + jitter(), 200],
				[200 + jitter(), 130],
				[200 + jitter(), 70]
			])
		);
		expect(sharedBoundaryLength(a, b)).toBeGreaterThan(198);
		expect(sharedBoundaryLength(a, b)).toBeLessThan(202);
		const buurten: BuurtBoundary[] = [
			{ code: 'BU_A', boundary: a },
			{ code: 'BU_B', boundary: b },
			// 3 m to the right of B: a gap wider than the tolerance.
			{ code: 'BU_C', boundary: polygon(rectangle(403, 0, 503, 200)) },
			// Above A, sharing only 3 m of A's top edge: too short to count.
			{ code: 'BU_D', boundary: polygon(rectangle(-97, 200, 3, 300)) },
			// Above B and C, sharing 8 m with B and 89 m with C.
			{ code: 'BU_E', boundary: polygon(rectangle(392, 200, 492, 300)) }
		];
		expect(buurtAdjacency(buurten)).toEqual([
			['BU_A', 'BU_B'],
			['BU_B', 'BU_E'],
			['BU_C', 'BU_E']
		]);
		// A wider tolerance bridges the 3 m gap; a shorter minimum accepts the 3 m border.
		expect(buurtAdjacency(buurten, { toleranceMeters: 4 })).toContainEqual(['BU_B', 'BU_C']);
		expect(buurtAdjacency(buurten, { minSharedMeters: 2 })).toContainEqual(['BU_A', 'BU_D']);
	});

	it('keeps a jittered grid with extra vertices on its edges intact', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const rng = createRng(seed);
			const size = 4;
			const cell = 150;
			// One jitter per grid vertex per polygon side, plus extra vertices along each edge.
			const buurten: BuurtBoundary[] = [];
			for (let row = 0; row < size; row++) {
				for (let col = 0; col < size; col++) {
					const [x0, y0, x1, y1] = [col * cell, row * cell, (col + 1) * cell, (row + 1) * cell];
					const corners: [number, number][] = [
						[x0, y0],
						[x1, y0],
						[x1, y1],
						[x0, y1]
					];
					const points: [number, number][] = [];
					corners.forEach(([x, y], i) => {
						const [nx, ny] = corners[(i + 1) % 4];
						points.push([x + rng.float(-0.3, 0.3), y + rng.float(-0.3, 0.3)]);
						for (let extra = rng.int(0, 3); extra > 0; extra--) {
							const t = rng.float(0.05, 0.95);
							points.push([
								x + t * (nx - x) + rng.float(-0.3, 0.3),
								y + t * (ny - y) + rng.float(-0.3, 0.3)
							]);
						}
					});
					// Extra vertices come out in random order along their edge; sorting by angle around
					// the centre of the (convex) square puts the whole ring in sequence.
					buurten.push({ code: `BU0000${row}${col}`, boundary: polygon(ring(sortAlong(points))) });
				}
			}
			expect(buurtAdjacency(buurten)).toEqual(rookPairs(size));
		}
	});

	it('borders through every part of a MultiPolygon and through holes', () => {
		const buurten: BuurtBoundary[] = [
			{
				code: 'BU_MULTI',
				boundary: {
					type: 'MultiPolygon',
					coordinates: [[rectangle(0, 0, 100, 100)], [rectangle(1000, 0, 1100, 100)]]
				}
			},
			{ code: 'BU_WEST', boundary: polygon(rectangle(-100, 0, 0, 100)) },
			{ code: 'BU_EAST', boundary: polygon(rectangle(1100, 20, 1200, 80)) },
			{ code: 'BU_ALONE', boundary: polygon(rectangle(500, 500, 600, 600)) },
			// A buurt with a hole, and an island buurt filling it.
			{
				code: 'BU_RING',
				boundary: polygon(
					rectangle(2000, 0, 2300, 300),
					rectangle(2100, 100, 2200, 200).slice().reverse()
				)
			},
			{ code: 'BU_ISLAND', boundary: polygon(rectangle(2100, 100, 2200, 200)) }
		];
		expect(buurtAdjacency(buurten)).toEqual([
			['BU_EAST', 'BU_MULTI'],
			['BU_ISLAND', 'BU_RING'],
			['BU_MULTI', 'BU_WEST']
		]);
	});

	it('returns nothing for fewer than two usable buurten and refuses bad input', () => {
		expect(buurtAdjacency([])).toEqual([]);
		expect(buurtAdjacency(grid(1, 100))).toEqual([]);
		expect(() => buurtAdjacency([...grid(2, 100), grid(1, 100)[0]])).toThrow(/more than once/);
		expect(() => buurtAdjacency(grid(2, 100), { toleranceMeters: -1 })).toThrow(RangeError);
		expect(() => buurtAdjacency(grid(2, 100), { minSharedMeters: 0 })).toThrow(RangeError);
	});
});

/** Orders points counter-clockwise around their mean, so extra edge vertices land in sequence. */
function sortAlong(points: [number, number][]): [number, number][] {
	const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
	const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
	return [...points].sort(
		(p, q) => Math.atan2(p[1] - cy, p[0] - cx) - Math.atan2(q[1] - cy, q[0] - cx)
	);
}
