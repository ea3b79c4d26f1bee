import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, type CostEdge } from './accessibility';
import {
	DEFAULT_DETOUR_FACTOR,
	DEFAULT_WALKING_SPEED_KMH,
	haversineMeters,
	matrixCosts,
	walkingCosts,
	walkingMinutes,
	type Place
} from './walking-cost';

/** The all-pairs loop the index must reproduce, pair for pair and in the same order. */
function bruteForce(
	origins: Place[],
	destinations: Place[],
	maxMinutes: number,
	detour = DEFAULT_DETOUR_FACTOR,
	speedKmh = DEFAULT_WALKING_SPEED_KMH
): CostEdge[] {
	const edges: CostEdge[] = [];
	for (const o of origins) {
		for (const d of destinations) {
			const cost =
				(haversineMeters(o.lon, o.lat, d.lon, d.lat) * detour) / ((speedKmh * 1000) / 60);
			if (cost <= maxMinutes) edges.push({ origin: o.id, dest: d.id, cost });
		}
	}
	return edges;
}

describe('walking cost model', () => {
	it('turns distance into minutes by hand', () => {
		// 0.01° of latitude = 6,371,008.8 m × 0.01 × π/180 = 1,111.9508 m; × 1.3 detour = 1,445.536 m;
		// at 4.5 km/h = 75 m/min that is 19.2738 minutes.
		expect(haversineMeters(5.1, 52.0, 5.1, 52.01)).toBeCloseTo(1111.9508, 3);
		expect(walkingMinutes(1111.950802335329)).toBeCloseTo(19.2738139, 6);
		expect(walkingMinutes(1000, { detour: 1, speedKmh: 6 })).toBe(10);
		// Dam, Amsterdam → Dom, Utrecht: 35.04 km as the crow flies (Turf gives the same).
		expect(haversineMeters(4.893, 52.3731, 5.1214, 52.0907)).toBeCloseTo(35042.863, 2);
	});

	it('keeps only the pairs within reach, inclusive, in input order', () => {
		const origins = [
			{ id: 'a', lon: 5.1, lat: 52.0 },
			{ id: 'b', lon: 5.2, lat: 52.0 }
		];
		const destinations = [
			{ id: 'far', lon: 5.1, lat: 52.05 },
			{ id: 'near', lon: 5.1, lat: 52.01 },
			{ id: 'here', lon: 5.1, lat: 52.0 }
		];
		const edges = walkingCosts({ origins, destinations, maxMinutes: 20 });
		expect(edges.map((e) => [e.origin, e.dest])).toEqual([
			['a', 'near'],
			['a', 'here']
		]);
		expect(edges[0].cost).toBeCloseTo(19.2738139, 6);
		expect(edges[1].cost).toBe(0);
		// Exactly at the limit still counts.
		const limit = walkingCosts({ origins, destinations, maxMinutes: edges[0].cost });
		expect(limit.map((e) => e.dest)).toEqual(['near', 'here']);
		// A faster walker with a straighter street network reaches 'far' (5.56 km → 55.6 min).
		const fast = walkingCosts({ origins, destinations, maxMinutes: 60, detour: 1, speedKmh: 6 });
		expect(fast.filter((e) => e.origin === 'a').map((e) => e.dest)).toEqual([
			'far',
			'near',
			'here'
		]);
	});

	it('returns no pairs for empty inputs', () => {
		const one = [{ id: 'a', lon: 5, lat: 52 }];
		expect(walkingCosts({ origins: [], destinations: one, maxMinutes: 10 })).toEqual([]);
		expect(walkingCosts({ origins: one, destinations: [], maxMinutes: 10 })).toEqual([]);
	});

	it('rejects bad coordinates, models and ids', () => {
		const good = [{ id: 'a', lon: 5, lat: 52 }];
		const run = (change: Partial<Parameters<typeof walkingCosts>[0]>) => () =>
			walkingCosts({ origins: good, destinations: good, maxMinutes: 10, ...change });
		for (const place of [
			{ id: 'x', lon: NaN, lat: 52 },
			{ id: 'x', lon: 181, lat: 52 },
			{ id: 'x', lon: -180.5, lat: 52 },
			{ id: 'x', lon: 5, lat: 91 },
			{ id: 'x', lon: 5, lat: -Infinity }
		]) {
			expect(run({ origins: [place] })).toThrow(AnalysisInputError);
			expect(run({ destinations: [place] })).toThrow(/'x'/);
		}
		expect(run({ origins: [good[0], good[0]] })).toThrow(/duplicate id 'a'/);
		expect(run({ maxMinutes: 0 })).toThrow(/maxMinutes/);
		expect(run({ maxMinutes: NaN })).toThrow(/maxMinutes/);
		expect(run({ detour: 0.9 })).toThrow(/detour/);
		expect(run({ speedKmh: 0 })).toThrow(/speed/);
		expect(run({ speedKmh: Infinity })).toThrow(/speed/);
	});
});

const place = (bounds: { lon: [number, number]; lat: [number, number] }) =>
	fc.record({
		lon: fc.double({ min: bounds.lon[0], max: bounds.lon[1], noNaN: true }),
		lat: fc.double({ min: bounds.lat[0], max: bounds.lat[1], noNaN: true })
	});
const withIds = (prefix: string, points: { lon: number; lat: number }[]): Place[] =>
	points.map((p, k) => ({ id: `${prefix}${k}`, ...p }));

describe('walkingCosts equals the brute-force loop', () => {
	it('in a town', () => {
		const town = place({ lon: [5.05, 5.2], lat: [52.03, 52.13] });
		fc.assert(
			fc.property(
				fc.array(town, { maxLength: 40 }),
				fc.array(town, { maxLength: 40 }),
				fc.double({ min: 0.5, max: 60, noNaN: true }),
				fc.double({ min: 1, max: 2, noNaN: true }),
				fc.double({ min: 2, max: 7, noNaN: true }),
				(o, d, maxMinutes, detour, speedKmh) => {
					const origins = withIds('o', o);
					const destinations = withIds('d', d);
					expect(walkingCosts({ origins, destinations, maxMinutes, detour, speedKmh })).toEqual(
						bruteForce(origins, destinations, maxMinutes, detour, speedKmh)
					);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('anywhere on earth, across the antimeridian and near the poles', () => {
		const anywhere = fc.oneof(
			place({ lon: [-180, 180], lat: [-90, 90] }),
			place({ lon: [179.5, 180], lat: [-60, 60] }),
			place({ lon: [-180, -179.5], lat: [-60, 60] }),
			place({ lon: [-180, 180], lat: [89.5, 90] }),
			place({ lon: [-180, 180], lat: [-90, -89.5] })
		);
		fc.assert(
			fc.property(
				fc.array(anywhere, { maxLength: 30 }),
				fc.array(anywhere, { maxLength: 30 }),
				fc.oneof(
					fc.double({ min: 1, max: 2000, noNaN: true }),
					fc.double({ min: 2000, max: 400_000, noNaN: true })
				),
				(o, d, maxMinutes) => {
					const origins = withIds('o', o);
					const destinations = withIds('d', d);
					expect(walkingCosts({ origins, destinations, maxMinutes })).toEqual(
						bruteForce(origins, destinations, maxMinutes)
					);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('on exact ties at the reach boundary', () => {
		// Destinations placed at exactly maxMinutes from the origin in several directions.
		const origin = { id: 'o', lon: 5.1, lat: 52.1 };
		const destinations = [0, 45, 90, 135, 180, 270].map((bearing, k) => {
			const meters = 1000;
			const dLat = ((meters * Math.cos((bearing * Math.PI) / 180)) / 6371008.8) * (180 / Math.PI);
			const dLon =
				((meters * Math.sin((bearing * Math.PI) / 180)) /
					(6371008.8 * Math.cos((origin.lat * Math.PI) / 180))) *
				(180 / Math.PI);
			return { id: `d${k}`, lon: origin.lon + dLon, lat: origin.lat + dLat };
		});
		for (const d of destinations) {
			const exact =
				(haversineMeters(origin.lon, origin.lat, d.lon, d.lat) * DEFAULT_DETOUR_FACTOR) / 75;
			expect(walkingCosts({ origins: [origin], destinations: [d], maxMinutes: exact })).toEqual(
				bruteForce([origin], [d], exact)
			);
			expect(
				walkingCosts({ origins: [origin], destinations: [d], maxMinutes: exact })
			).toHaveLength(1);
		}
	});
});

describe('matrixCosts', () => {
	it('turns a router matrix into edges, skipping unreachable and far pairs', () => {
		expect(
			matrixCosts({
				origins: ['a', 'b'],
				destinations: ['X', 'Y'],
				minutes: [
					[5, null],
					[12.5, 31]
				],
				maxMinutes: 30
			})
		).toEqual([
			{ origin: 'a', dest: 'X', cost: 5 },
			{ origin: 'b', dest: 'X', cost: 12.5 }
		]);
	});

	it('rejects a matrix of the wrong shape or with bad durations', () => {
		const base = { origins: ['a'], destinations: ['X'], maxMinutes: 30 };
		expect(() => matrixCosts({ ...base, minutes: [] })).toThrow(/rows/);
		expect(() => matrixCosts({ ...base, minutes: [[1, 2]] })).toThrow(/columns/);
		expect(() => matrixCosts({ ...base, minutes: [[-1]] })).toThrow(AnalysisInputError);
		expect(() => matrixCosts({ ...base, minutes: [[NaN]] })).toThrow(AnalysisInputError);
		expect(() => matrixCosts({ ...base, minutes: [[1]], maxMinutes: 0 })).toThrow(/maxMinutes/);
	});
});
