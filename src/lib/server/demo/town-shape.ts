import { Delaunay } from 'd3-delaunay';
import { intersection } from 'polyclip-ts';
import { createRng, type Rng } from '$lib/analysis/prng';
import {
	insideRing,
	orient,
	withoutRepeats,
	type MultiPolygonXY,
	type RingXY,
	type XY
} from './geometry';

// How the town gets its shape: a wobbly outline, seed points drawn denser towards the centre,
// their Voronoi cells clipped to the outline and relaxed, then borders snapped and bent so
// neighbouring buurten share them exactly and they do not look ruler-drawn.

const key = (p: XY) => `${p[0]},${p[1]}`;

/**
 * The town outline: an ellipse of about 8 × 6 km, slightly turned, whose radius wobbles with a
 * few random low-frequency waves and a little per-vertex noise, so it looks grown, not drawn.
 */
export function townOutline(rng: Rng, halfWidth = 4000, halfHeight = 3000, vertices = 90): RingXY {
	const turn = rng.float(-0.3, 0.3);
	const waves = [2, 3, 4, 6, 9].map((k) => ({
		k,
		amplitude: rng.float(0.04, 0.11) / Math.sqrt(k - 1),
		phase: rng.float(0, 2 * Math.PI)
	}));
	const ring: RingXY = [];
	for (let i = 0; i < vertices; i++) {
		const angle = (2 * Math.PI * i) / vertices;
		const radius =
			(halfWidth * halfHeight) /
			Math.hypot(halfHeight * Math.cos(angle), halfWidth * Math.sin(angle));
		const wobble = waves.reduce((f, w) => f + w.amplitude * Math.sin(w.k * angle + w.phase), 1);
		const r = radius * wobble * (1 + rng.normal(0, 0.01));
		const x = r * Math.cos(angle);
		const y = r * Math.sin(angle);
		ring.push([x * Math.cos(turn) - y * Math.sin(turn), x * Math.sin(turn) + y * Math.cos(turn)]);
	}
	ring.push(ring[0]);
	return ring;
}

/** Points inside `outline` drawn with probability proportional to `density` (rejection sampling). */
export function samplePoints(
	rng: Rng,
	outline: RingXY,
	count: number,
	density: (p: XY) => number,
	maxDensity: number
): XY[] {
	const xs = outline.map((p) => p[0]);
	const ys = outline.map((p) => p[1]);
	const [minX, maxX, minY, maxY] = [
		Math.min(...xs),
		Math.max(...xs),
		Math.min(...ys),
		Math.max(...ys)
	];
	const points: XY[] = [];
	while (points.length < count) {
		const p: XY = [rng.float(minX, maxX), rng.float(minY, maxY)];
		if (insideRing(p, outline) && rng.next() * maxDensity < density(p)) points.push(p);
	}
	return points;
}

/** Voronoi cells of `points`, each clipped to the outline (a cell can fall apart in two). */
export function clippedCells(points: readonly XY[], outline: RingXY): MultiPolygonXY[] {
	const xs = outline.map((p) => p[0]);
	const ys = outline.map((p) => p[1]);
	const bounds = [
		Math.min(...xs) - 10,
		Math.min(...ys) - 10,
		Math.max(...xs) + 10,
		Math.max(...ys) + 10
	];
	const voronoi = Delaunay.from(points).voronoi(bounds as [number, number, number, number]);
	return points.map((_, i) => {
		const cell = voronoi.cellPolygon(i) as XY[];
		return intersection([cell], [outline]) as MultiPolygonXY;
	});
}

/**
 * The centre of mass of a shape under `density`, by splitting it into fan triangles (signed, so
 * concave rings and holes come out right) and each triangle into four for the quadrature.
 */
function weightedCentroid(shape: MultiPolygonXY, density: (p: XY) => number): XY {
	let mass = 0;
	let mx = 0;
	let my = 0;
	for (const ring of shape.flat()) {
		const [ax, ay] = ring[0];
		for (let i = 1; i + 2 < ring.length; i++) {
			const [bx, by] = ring[i];
			const [cx, cy] = ring[i + 1];
			const area = ((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
			const mids = [
				[(ax + bx) / 2, (ay + by) / 2],
				[(bx + cx) / 2, (by + cy) / 2],
				[(cx + ax) / 2, (cy + ay) / 2]
			];
			const parts = [
				[ring[0], mids[0], mids[2]],
				[mids[0], ring[i], mids[1]],
				[mids[2], mids[1], ring[i + 1]],
				mids
			];
			for (const tri of parts) {
				const p: XY = [
					(tri[0][0] + tri[1][0] + tri[2][0]) / 3,
					(tri[0][1] + tri[1][1] + tri[2][1]) / 3
				];
				const m = (area / 4) * density(p);
				mass += m;
				mx += m * p[0];
				my += m * p[1];
			}
		}
	}
	return [mx / mass, my / mass];
}

/**
 * Lloyd relaxation weighted by density squared: plain Lloyd evens cell sizes out, but with a
 * density ρ its cells settle at a generator density of about √ρ (Du, Faber & Gunzburger 1999), so
 * weighting by density² keeps the small-cells-in-the-centre gradient the points were drawn with.
 */
export function relax(
	points: readonly XY[],
	outline: RingXY,
	density: (p: XY) => number,
	iterations: number
): XY[] {
	let current = points.slice();
	for (let step = 0; step < iterations; step++) {
		const cells = clippedCells(current, outline);
		current = cells.map((cell) => weightedCentroid(cell, (p) => density(p) ** 2));
	}
	return current;
}

/**
 * Makes vertices that should coincide identical. The clipper computes a border point once per
 * cell, and the two results can differ in the last bits; snapped, neighbours share exact
 * coordinates, so the converted WGS84 polygons tile without slivers.
 */
export function snapVertices(shapes: MultiPolygonXY[], tolerance = 0.05): MultiPolygonXY[] {
	const grid = new Map<string, XY[]>();
	const cell = (v: number) => Math.floor(v / (tolerance * 10));
	const snap = (p: XY): XY => {
		const [cx, cy] = [cell(p[0]), cell(p[1])];
		for (let dx = -1; dx <= 1; dx++) {
			for (let dy = -1; dy <= 1; dy++) {
				for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
					if (Math.hypot(q[0] - p[0], q[1] - p[1]) <= tolerance) return q;
				}
			}
		}
		const bucket = `${cx},${cy}`;
		grid.set(bucket, [...(grid.get(bucket) ?? []), p]);
		return p;
	};
	return shapes.map((shape) =>
		orient(
			shape
				.map((polygon) =>
					polygon.map((ring) => withoutRepeats(ring.map(snap))).filter((ring) => ring.length >= 4)
				)
				.filter((polygon) => polygon.length > 0)
		)
	);
}

/**
 * Bends every inner edge a little (two levels of midpoint displacement), the same way for both
 * cells that share it, so borders look like streets and ditches instead of ruler lines. The
 * outline is left alone: it already wobbles.
 */
export function bendEdges(shapes: MultiPolygonXY[], seed: number): MultiPolygonXY[] {
	const uses = new Map<string, number>();
	const edgeKey = (a: XY, b: XY) => [key(a), key(b)].sort().join('|');
	for (const ring of shapes.flat(2)) {
		for (let i = 0; i + 1 < ring.length; i++) {
			const k = edgeKey(ring[i], ring[i + 1]);
			uses.set(k, (uses.get(k) ?? 0) + 1);
		}
	}
	const bent = new Map<string, XY[]>();
	const bend = (a: XY, b: XY): XY[] => {
		const k = edgeKey(a, b);
		const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
		if (uses.get(k) !== 2 || length < 120) return [];
		if (!bent.has(k)) {
			// Drawn from the canonical direction (lower key first), so both cells get the same points.
			const [p, q] = key(a) < key(b) ? [a, b] : [b, a];
			const rng = createRng(seed).fork(k);
			const displace = (u: XY, v: XY, amount: number): XY => {
				const [dx, dy] = [v[0] - u[0], v[1] - u[1]];
				const offset = rng.float(-amount, amount);
				return [(u[0] + v[0]) / 2 - dy * offset, (u[1] + v[1]) / 2 + dx * offset];
			};
			const mid = displace(p, q, 0.06);
			bent.set(k, [displace(p, mid, 0.08), mid, displace(mid, q, 0.08)]);
		}
		const points = bent.get(k)!;
		return key(a) < key(b) ? points : points.slice().reverse();
	};
	return shapes.map((shape) =>
		shape.map((polygon) =>
			polygon.map((ring) => {
				const out: RingXY = [ring[0]];
				for (let i = 0; i + 1 < ring.length; i++)
					out.push(...bend(ring[i], ring[i + 1]), ring[i + 1]);
				return out;
			})
		)
	);
}

/** Pairs of shapes that share a border of positive length (two or more common vertices). */
export function adjacency(shapes: MultiPolygonXY[]): Set<number>[] {
	const owners = new Map<string, Set<number>>();
	shapes.forEach((shape, i) => {
		for (const p of shape.flat(2)) {
			const k = key(p);
			if (!owners.has(k)) owners.set(k, new Set());
			owners.get(k)!.add(i);
		}
	});
	const shared = new Map<string, number>();
	for (const set of owners.values()) {
		const list = [...set].sort((a, b) => a - b);
		for (let a = 0; a < list.length; a++) {
			for (let b = a + 1; b < list.length; b++) {
				const k = `${list[a]}:${list[b]}`;
				shared.set(k, (shared.get(k) ?? 0) + 1);
			}
		}
	}
	const neighbours = shapes.map(() => new Set<number>());
	for (const [k, count] of shared) {
		if (count < 2) continue;
		const [a, b] = k.split(':').map(Number);
		neighbours[a].add(b);
		neighbours[b].add(a);
	}
	return neighbours;
}

/** Multi-source Dijkstra on the neighbour graph; sources may start late (additive offsets). Every
 * region is connected: a cell's shortest path from its source runs through cells of that source. */
export function partition(
	neighbours: Set<number>[],
	points: XY[],
	sources: { cell: number; offset: number }[]
): number[] {
	const dist = points.map(() => Infinity);
	const owner = points.map(() => -1);
	const done = points.map(() => false);
	sources.forEach((s, i) => {
		dist[s.cell] = s.offset;
		owner[s.cell] = i;
	});
	for (;;) {
		let u = -1;
		for (let i = 0; i < points.length; i++)
			if (!done[i] && dist[i] < Infinity && (u < 0 || dist[i] < dist[u])) u = i;
		if (u < 0) break;
		done[u] = true;
		for (const v of neighbours[u]) {
			const d = dist[u] + Math.hypot(points[u][0] - points[v][0], points[u][1] - points[v][1]);
			if (d < dist[v]) {
				dist[v] = d;
				owner[v] = owner[u];
			}
		}
	}
	return owner;
}
