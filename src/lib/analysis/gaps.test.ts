import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalysisInputError, stepWeight, twoStepFCA } from './accessibility';
import {
	DEFAULT_TARGET_RATIO,
	defaultSteps,
	e2sfcaGaps,
	gapMetrics,
	unmetNeed,
	type BuurtPoint,
	type ProvisionPoint
} from './gaps';
import { walkingCosts } from './walking-cost';

describe('gapMetrics', () => {
	it('computes unmet need and the summary by hand', () => {
		// Accessibility from the 2SFCA example in accessibility.test.ts, target 0.05:
		//   a: D 100, A 1/30 → 100 × (1 − (1/30)/0.05) = 100 × 1/3 = 33.333
		//   b: D 200, A 1/30 + 0.03 = 0.0633 ≥ 0.05 → 0
		//   c: D 50,  A 0 → 50
		// Total demand 350, unmet 83.333, share 0.2381, 2 of 3 buurten with unmet need.
		const result = gapMetrics({
			buurten: [
				{ code: 'a', demand: 100 },
				{ code: 'b', demand: 200 },
				{ code: 'c', demand: 50 }
			],
			accessibility: new Map([
				['a', 1 / 30],
				['b', 1 / 30 + 0.03],
				['c', 0]
			]),
			target: 0.05
		});
		expect(result.buurten.map((b) => b.unmet)).toEqual([expect.closeTo(100 / 3, 12), 0, 50]);
		expect(result.buurten.map((b) => b.coverage)).toEqual([expect.closeTo(2 / 3, 12), 1, 0]);
		expect(result.summary).toEqual({
			buurtCount: 3,
			totalDemand: 350,
			totalUnmet: expect.closeTo(250 / 3, 12),
			shareUnmet: expect.closeTo(250 / 3 / 350, 12),
			buurtenWithDemand: 3,
			buurtenWithUnmet: 2
		});
	});

	it('adds the expected need to the reported demand', () => {
		const result = gapMetrics({
			buurten: [
				{ code: 'a', demand: 0, expectedNeed: 10 },
				{ code: 'b', demand: 4, expectedNeed: 6 }
			],
			accessibility: new Map([
				['a', 0],
				['b', 0.5]
			])
		});
		expect(result.target).toBe(DEFAULT_TARGET_RATIO);
		expect(result.buurten[0]).toMatchObject({ reported: 0, expected: 10, demand: 10, unmet: 10 });
		expect(result.buurten[1]).toMatchObject({ reported: 4, expected: 6, demand: 10, unmet: 5 });
	});

	it('reports no share without demand, and no gap for rounding noise', () => {
		const none = gapMetrics({
			buurten: [{ code: 'a', demand: 0 }],
			accessibility: new Map([['a', 0]])
		});
		expect(none.summary).toMatchObject({ totalDemand: 0, totalUnmet: 0, shareUnmet: 0 });
		expect(unmetNeed(10, 1 - 1e-15, 1)).toBe(0);
		expect(unmetNeed(10, 0.5, 1)).toBe(5);
	});

	it('rejects bad input', () => {
		const access = new Map([['a', 0.5]]);
		const run = (change: Partial<Parameters<typeof gapMetrics>[0]>) => () =>
			gapMetrics({ buurten: [{ code: 'a', demand: 1 }], accessibility: access, ...change });
		expect(run({ target: 0 })).toThrow(/target/);
		expect(run({ target: NaN })).toThrow(/target/);
		expect(run({ target: Infinity })).toThrow(/target/);
		expect(run({ buurten: [{ code: 'a', demand: -1 }] })).toThrow(/demand/);
		expect(run({ buurten: [{ code: 'a', demand: 1, expectedNeed: NaN }] })).toThrow(/expectedNeed/);
		expect(run({ buurten: [{ code: 'z', demand: 1 }] })).toThrow(/accessibility/);
		expect(run({ accessibility: new Map([['a', NaN]]) })).toThrow(AnalysisInputError);
		expect(
			run({
				buurten: [
					{ code: 'a', demand: 1 },
					{ code: 'a', demand: 2 }
				]
			})
		).toThrow(/duplicate/);
	});
});

describe('e2sfcaGaps', () => {
	it('computes a theme by hand from a routing matrix, with per-provision catchments', () => {
		// Buurten A (D 30), B (D 10 reported + 10 expected = 20), C (D 40). Provisions P1 (20 places,
		// catchment 10 min) and P2 (30 places, 30 min). maxCost = 30, default zones 10/20/30 min with
		// weights 1 / 0.68 / 0.22. B→P1 (12 min) lies beyond P1's own 10 minutes and is dropped.
		//   R_P1 = 20 / (30·1)                         = 0.666667
		//   R_P2 = 30 / (30·0.22 + 20·0.68 + 40·1) = 30 / 60.2 = 0.498339
		//   A_A = 0.666667 + 0.22·0.498339 = 0.776301   unmet 30 × (1 − 0.776301) =  6.710963
		//   A_B = 0.68·0.498339            = 0.338870   unmet 20 × (1 − 0.338870) = 13.222591
		//   A_C = 0.498339                             unmet 40 × (1 − 0.498339) = 20.066445
		// Every buurt is below the target 1, so total unmet = Σ D − Σ D·A = 90 − 50 = 40.
		const result = e2sfcaGaps({
			buurten: [
				{ code: 'A', lon: 0, lat: 0, demand: 30 },
				{ code: 'B', lon: 0, lat: 0, demand: 10, expectedNeed: 10 },
				{ code: 'C', lon: 0, lat: 0, demand: 40 }
			],
			provisions: [
				{ id: 'P1', lon: 0, lat: 0, capacity: 20, catchmentMinutes: 10 },
				{ id: 'P2', lon: 0, lat: 0, capacity: 30, catchmentMinutes: 30 }
			],
			costs: [
				{ origin: 'A', dest: 'P1', cost: 4 },
				{ origin: 'B', dest: 'P1', cost: 12 },
				{ origin: 'C', dest: 'P1', cost: 35 },
				{ origin: 'A', dest: 'P2', cost: 25 },
				{ origin: 'B', dest: 'P2', cost: 15 },
				{ origin: 'C', dest: 'P2', cost: 8 }
			]
		});
		expect(result.maxCost).toBe(30);
		expect(result.steps).toEqual([
			[10, 1],
			[20, 0.68],
			[30, 0.22]
		]);
		const r2 = 30 / 60.2;
		expect(result.buurten.map((b) => b.accessibility)).toEqual([
			expect.closeTo(2 / 3 + 0.22 * r2, 12),
			expect.closeTo(0.68 * r2, 12),
			expect.closeTo(r2, 12)
		]);
		expect(result.buurten.map((b) => b.unmet)).toEqual([
			expect.closeTo(6.710963, 5),
			expect.closeTo(13.222591, 5),
			expect.closeTo(20.066445, 5)
		]);
		expect(result.summary.totalDemand).toBe(90);
		expect(result.summary.totalUnmet).toBeCloseTo(40, 10);
		expect(result.summary.shareUnmet).toBeCloseTo(40 / 90, 10);
		expect(result.summary.buurtenWithUnmet).toBe(3);
	});

	it('leaves everything unmet without provisions', () => {
		const result = e2sfcaGaps({
			buurten: [
				{ code: 'A', lon: 5, lat: 52, demand: 3 },
				{ code: 'B', lon: 5.01, lat: 52, demand: 0 }
			],
			provisions: []
		});
		expect(result.buurten.map((b) => [b.accessibility, b.unmet])).toEqual([
			[0, 3],
			[0, 0]
		]);
		expect(result.summary).toMatchObject({ totalUnmet: 3, shareUnmet: 1, buurtenWithUnmet: 1 });
		expect(() =>
			e2sfcaGaps({ buurten: [{ code: 'A', lon: 500, lat: 52, demand: 3 }], provisions: [] })
		).toThrow(/longitude/);
	});

	it('rejects bad provisions and steps', () => {
		const buurten = [{ code: 'A', lon: 5, lat: 52, demand: 3 }];
		const provision = { id: 'P', lon: 5, lat: 52, capacity: 10, catchmentMinutes: 10 };
		expect(() =>
			e2sfcaGaps({ buurten, provisions: [{ ...provision, catchmentMinutes: 0 }] })
		).toThrow(/catchmentMinutes/);
		expect(() => e2sfcaGaps({ buurten, provisions: [{ ...provision, capacity: -1 }] })).toThrow(
			/supply 'P'/
		);
		expect(() => e2sfcaGaps({ buurten, provisions: [provision, provision] })).toThrow(/duplicate/);
		expect(() => e2sfcaGaps({ buurten, provisions: [provision], steps: [] })).toThrow(/step/);
		expect(() =>
			e2sfcaGaps({ buurten, provisions: [], costs: [{ origin: 'A', dest: 'Q', cost: 1 }] })
		).toThrow(/unknown supply id 'Q'/);
	});

	// Random towns: buurten and provisions within a few kilometres, zeros allowed everywhere.
	const point = fc.record({
		lon: fc.double({ min: 5.05, max: 5.15, noNaN: true }),
		lat: fc.double({ min: 52.05, max: 52.12, noNaN: true })
	});
	const town = fc.record({
		buurten: fc.array(
			fc.record({
				at: point,
				demand: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
				expectedNeed: fc.option(
					fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 20, noNaN: true })),
					{
						nil: undefined
					}
				)
			}),
			{ minLength: 1, maxLength: 25 }
		),
		provisions: fc.array(
			fc.record({
				at: point,
				capacity: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150 })),
				catchmentMinutes: fc.constantFrom(10, 15, 20, 30)
			}),
			{ maxLength: 10 }
		),
		target: fc.double({ min: 0.05, max: 3, noNaN: true })
	});
	type Town = typeof town extends fc.Arbitrary<infer T> ? T : never;
	const toInput = ({ buurten, provisions, target }: Town) => ({
		buurten: buurten.map((b, k): BuurtPoint => ({
			code: `BU${k}`,
			...b.at,
			demand: b.demand,
			expectedNeed: b.expectedNeed
		})),
		provisions: provisions.map((p, k): ProvisionPoint => ({
			id: `P${k}`,
			...p.at,
			capacity: p.capacity,
			catchmentMinutes: p.catchmentMinutes
		})),
		target
	});

	it('equals walking costs, own catchments and twoStepFCA wired by hand', () => {
		fc.assert(
			fc.property(town, (raw) => {
				const input = toInput(raw);
				const result = e2sfcaGaps(input);
				const maxCost = Math.max(0, ...input.provisions.map((p) => p.catchmentMinutes));
				if (maxCost === 0) return;
				const catchment = new Map(input.provisions.map((p) => [p.id, p.catchmentMinutes]));
				const costs = walkingCosts({
					origins: input.buurten.map((b) => ({ id: b.code, lon: b.lon, lat: b.lat })),
					destinations: input.provisions,
					maxMinutes: maxCost
				}).filter((e) => e.cost <= catchment.get(e.dest)!);
				const access = twoStepFCA({
					demand: input.buurten.map((b) => ({
						id: b.code,
						value: b.demand + (b.expectedNeed ?? 0)
					})),
					supply: input.provisions.map((p) => ({ id: p.id, value: p.capacity })),
					costs,
					maxCost,
					weight: stepWeight(defaultSteps(maxCost))
				});
				for (const b of result.buurten) expect(b.accessibility).toBe(access.get(b.code));
			}),
			{ numRuns: 200 }
		);
	});

	it('never returns NaN or Infinity and keeps 0 ≤ unmet ≤ demand', () => {
		fc.assert(
			fc.property(town, (raw) => {
				const result = e2sfcaGaps(toInput(raw));
				for (const b of result.buurten) {
					for (const v of [b.demand, b.accessibility, b.coverage, b.unmet]) {
						expect(Number.isFinite(v)).toBe(true);
					}
					expect(b.unmet).toBeGreaterThanOrEqual(0);
					expect(b.unmet).toBeLessThanOrEqual(b.demand);
				}
				const s = result.summary;
				for (const v of [s.totalDemand, s.totalUnmet, s.shareUnmet]) {
					expect(Number.isFinite(v)).toBe(true);
				}
				expect(s.shareUnmet).toBeGreaterThanOrEqual(0);
				expect(s.shareUnmet).toBeLessThanOrEqual(1 + 1e-12);
			}),
			{ numRuns: 300 }
		);
	});
});
