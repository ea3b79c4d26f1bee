import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	AnalysisInputError,
	gravityWeight,
	stepWeight,
	twoStepFCA,
	type CostEdge
} from './accessibility';

const LUO_QI = stepWeight([
	[10, 1],
	[20, 0.68],
	[30, 0.22]
]);

// Three buurten a, b, c (households with a need) and two provisions X, Y (places per week).
const DEMAND = [
	{ id: 'a', value: 100 },
	{ id: 'b', value: 200 },
	{ id: 'c', value: 50 }
];
const SUPPLY = [
	{ id: 'X', value: 10 },
	{ id: 'Y', value: 6 }
];

describe('twoStepFCA, worked examples', () => {
	it('computes binary 2SFCA by hand', () => {
		// maxCost 15. In reach: a→X 5, b→X 12, b→Y 8. Out: c→Y 20, c→X 25.
		//   R_X = 10 / (100 + 200) = 1/30        R_Y = 6 / 200 = 0.03
		//   A_a = 1/30 ≈ 0.033333                A_b = 1/30 + 0.03 ≈ 0.063333     A_c = 0
		// Check: Σ D·A = 100/30 + 200·(1/30 + 0.03) + 0 = 3.3333 + 12.6667 = 16 = 10 + 6.
		const access = twoStepFCA({
			demand: DEMAND,
			supply: SUPPLY,
			maxCost: 15,
			costs: [
				{ origin: 'a', dest: 'X', cost: 5 },
				{ origin: 'b', dest: 'X', cost: 12 },
				{ origin: 'b', dest: 'Y', cost: 8 },
				{ origin: 'c', dest: 'Y', cost: 20 },
				{ origin: 'c', dest: 'X', cost: 25 }
			]
		});
		expect([...access.keys()]).toEqual(['a', 'b', 'c']);
		expect(access.get('a')).toBeCloseTo(1 / 30, 12);
		expect(access.get('b')).toBeCloseTo(1 / 30 + 0.03, 12);
		expect(access.get('c')).toBe(0);
	});

	it('computes E2SFCA with zones 1.00 / 0.68 / 0.22 by hand', () => {
		// Zones (Luo & Qi 2009): ≤ 10 min → 1, ≤ 20 → 0.68, ≤ 30 → 0.22; maxCost 30.
		//   a→X 5 (1)   b→X 15 (0.68)   c→X 25 (0.22)   b→Y 8 (1)   c→Y 12 (0.68)   a→Y 40 (out)
		// Step 1:
		//   Σ D·w at X = 100·1 + 200·0.68 + 50·0.22 = 100 + 136 + 11 = 247   R_X = 10/247 ≈ 0.0404858
		//   Σ D·w at Y = 200·1 + 50·0.68           = 200 + 34        = 234   R_Y =  6/234 ≈ 0.0256410
		// Step 2:
		//   A_a = 10/247                      ≈ 0.0404858
		//   A_b = 0.68·10/247 + 1·6/234       ≈ 0.0275304 + 0.0256410 = 0.0531714
		//   A_c = 0.22·10/247 + 0.68·6/234    ≈ 0.0089069 + 0.0174359 = 0.0263428
		// Check: 100·0.0404858 + 200·0.0531714 + 50·0.0263428 = 4.04858 + 10.63428 + 1.31714 = 16.
		const access = twoStepFCA({
			demand: DEMAND,
			supply: SUPPLY,
			maxCost: 30,
			weight: LUO_QI,
			costs: [
				{ origin: 'a', dest: 'X', cost: 5 },
				{ origin: 'b', dest: 'X', cost: 15 },
				{ origin: 'c', dest: 'X', cost: 25 },
				{ origin: 'b', dest: 'Y', cost: 8 },
				{ origin: 'c', dest: 'Y', cost: 12 },
				{ origin: 'a', dest: 'Y', cost: 40 }
			]
		});
		expect(access.get('a')).toBeCloseTo(0.0404858, 7);
		expect(access.get('b')).toBeCloseTo(0.0531714, 7);
		expect(access.get('c')).toBeCloseTo(0.0263428, 7);
		expect(access.get('a')).toBeCloseTo(10 / 247, 14);
		expect(access.get('b')).toBeCloseTo((0.68 * 10) / 247 + 6 / 234, 14);
		expect(access.get('c')).toBeCloseTo((0.22 * 10) / 247 + (0.68 * 6) / 234, 14);
	});

	it('treats the catchment and every zone boundary as inclusive', () => {
		const run = (cost: number) =>
			twoStepFCA({
				demand: [{ id: 'a', value: 4 }],
				supply: [{ id: 'X', value: 2 }],
				costs: [{ origin: 'a', dest: 'X', cost }],
				maxCost: 10
			}).get('a');
		expect(run(10)).toBe(0.5);
		expect(run(10 + 1e-9)).toBe(0);
		expect(LUO_QI(10)).toBe(1);
		expect(LUO_QI(10.000001)).toBe(0.68);
		expect(LUO_QI(30)).toBe(0.22);
		expect(LUO_QI(30.000001)).toBe(0);
		expect(LUO_QI(0)).toBe(1);
	});

	it('uses directed costs: only origin demand → dest supply counts', () => {
		// 'X' is also a demand id; an edge X → a would name unknown ids, so direction matters.
		expect(() =>
			twoStepFCA({
				demand: [{ id: 'a', value: 1 }],
				supply: [{ id: 'X', value: 1 }],
				costs: [{ origin: 'X', dest: 'a', cost: 1 }],
				maxCost: 5
			})
		).toThrow(/unknown demand id 'X'/);
	});

	it('gives 0 to everyone without supply or without demand, and skips unreached supply', () => {
		const noSupply = twoStepFCA({ demand: DEMAND, supply: [], costs: [], maxCost: 10 });
		expect([...noSupply.values()]).toEqual([0, 0, 0]);
		const noDemand = twoStepFCA({
			demand: DEMAND.map((d) => ({ ...d, value: 0 })),
			supply: SUPPLY,
			costs: [{ origin: 'a', dest: 'X', cost: 1 }],
			maxCost: 10
		});
		expect([...noDemand.values()]).toEqual([0, 0, 0]);
		// Y reaches nobody: its 6 places go nowhere, X's 10 go to a alone.
		const unreached = twoStepFCA({
			demand: DEMAND,
			supply: SUPPLY,
			costs: [{ origin: 'a', dest: 'X', cost: 1 }],
			maxCost: 10
		});
		expect(unreached.get('a')).toBeCloseTo(0.1, 15);
	});

	it('weighs with a gravity function, flooring costs below 1', () => {
		const w = gravityWeight(-1);
		expect(w(0)).toBe(1);
		expect(w(0.5)).toBe(1);
		expect(w(2)).toBe(0.5);
		expect(w(4)).toBe(0.25);
		expect(gravityWeight(-1.5)(4)).toBeCloseTo(0.125, 15);
		// a (D 1) at cost 2 and b (D 1) at cost 4 from X (S 3): Σ D·w = 0.75, R = 4,
		// A_a = 4·0.5 = 2, A_b = 4·0.25 = 1; Σ D·A = 3 = S.
		const access = twoStepFCA({
			demand: [
				{ id: 'a', value: 1 },
				{ id: 'b', value: 1 }
			],
			supply: [{ id: 'X', value: 3 }],
			costs: [
				{ origin: 'a', dest: 'X', cost: 2 },
				{ origin: 'b', dest: 'X', cost: 4 }
			],
			maxCost: 10,
			weight: w
		});
		expect(access.get('a')).toBeCloseTo(2, 14);
		expect(access.get('b')).toBeCloseTo(1, 14);
	});
});

describe('twoStepFCA, bad input', () => {
	const ok = {
		demand: [{ id: 'a', value: 1 }],
		supply: [{ id: 'X', value: 1 }],
		costs: [{ origin: 'a', dest: 'X', cost: 1 }] as CostEdge[],
		maxCost: 5
	};
	const cases: [string, Partial<Parameters<typeof twoStepFCA>[0]>, RegExp][] = [
		['maxCost 0', { maxCost: 0 }, /maxCost/],
		['maxCost negative', { maxCost: -1 }, /maxCost/],
		['maxCost NaN', { maxCost: NaN }, /maxCost/],
		['negative demand', { demand: [{ id: 'a', value: -1 }] }, /demand 'a'/],
		['NaN demand', { demand: [{ id: 'a', value: NaN }] }, /demand 'a'/],
		['infinite demand', { demand: [{ id: 'a', value: Infinity }] }, /demand 'a'/],
		['negative supply', { supply: [{ id: 'X', value: -3 }] }, /supply 'X'/],
		['infinite supply', { supply: [{ id: 'X', value: Infinity }] }, /supply 'X'/],
		[
			'duplicate demand id',
			{
				demand: [
					{ id: 'a', value: 1 },
					{ id: 'a', value: 2 }
				]
			},
			/duplicate id 'a'/
		],
		[
			'duplicate supply id',
			{
				supply: [
					{ id: 'X', value: 1 },
					{ id: 'X', value: 2 }
				]
			},
			/duplicate id 'X'/
		],
		['unknown origin', { costs: [{ origin: 'z', dest: 'X', cost: 1 }] }, /unknown demand id 'z'/],
		['unknown dest', { costs: [{ origin: 'a', dest: 'Z', cost: 1 }] }, /unknown supply id 'Z'/],
		['negative cost', { costs: [{ origin: 'a', dest: 'X', cost: -1 }] }, /cost must be/],
		['NaN cost', { costs: [{ origin: 'a', dest: 'X', cost: NaN }] }, /cost must be/],
		['infinite cost', { costs: [{ origin: 'a', dest: 'X', cost: Infinity }] }, /cost must be/],
		[
			'duplicate edge',
			{
				costs: [
					{ origin: 'a', dest: 'X', cost: 1 },
					{ origin: 'a', dest: 'X', cost: 2 }
				]
			},
			/duplicate edge 'a' → 'X'/
		],
		['weight NaN', { weight: () => NaN }, /weight/],
		['weight negative', { weight: () => -0.5 }, /weight/],
		['weight Infinity', { weight: () => Infinity }, /weight/],
		[
			'a weight that overflows',
			{
				weight: gravityWeight(400),
				maxCost: 1e3,
				costs: [{ origin: 'a', dest: 'X', cost: 900 }]
			},
			/weight/
		],
		[
			'ratios that overflow',
			{ demand: [{ id: 'a', value: 1e-300 }], supply: [{ id: 'X', value: 1e300 }] },
			/overflows/
		]
	];
	it.each(cases)('throws AnalysisInputError on %s', (_, change, message) => {
		const input = { ...ok, ...change };
		expect(() => twoStepFCA(input)).toThrow(AnalysisInputError);
		expect(() => twoStepFCA(input)).toThrow(message);
	});

	it('rejects bad steps and exponents', () => {
		expect(() => stepWeight([])).toThrow(AnalysisInputError);
		expect(() =>
			stepWeight([
				[10, 1],
				[10, 0.5]
			])
		).toThrow(/ascend/);
		expect(() =>
			stepWeight([
				[20, 1],
				[10, 0.5]
			])
		).toThrow(/ascend/);
		expect(() => stepWeight([[10, 1.2]])).toThrow(/\[0, 1\]/);
		expect(() => stepWeight([[10, -0.1]])).toThrow(/\[0, 1\]/);
		expect(() => stepWeight([[NaN, 1]])).toThrow(AnalysisInputError);
		expect(() => stepWeight([[-1, 1]])).toThrow(AnalysisInputError);
		expect(() => LUO_QI(NaN)).toThrow(AnalysisInputError);
		expect(() => gravityWeight(NaN)).toThrow(AnalysisInputError);
		expect(() => gravityWeight(-1)(-2)).toThrow(AnalysisInputError);
	});
});

// Random valid instances: up to 8 demand and 6 supply points, values with plenty of zeros, a
// random subset of edges with costs on both sides of the catchment. Values stay within 12 orders
// of magnitude: 1e6 places over 5e-324 households overflows, and twoStepFCA says so (see above).
const value = fc.oneof(
	fc.constant(0),
	fc.integer({ min: 0, max: 1000 }),
	fc.double({ min: 1e-6, max: 1e6, noNaN: true })
);

/** |a − b| within `rel` of the larger magnitude (or of 1e-300 near zero). */
function expectClose(a: number, b: number, rel: number): void {
	expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b), 1e-300));
}
const instance = fc
	.record({
		demand: fc.array(value, { minLength: 1, maxLength: 8 }),
		supply: fc.array(value, { minLength: 0, maxLength: 6 }),
		maxCost: fc.double({ min: 0.5, max: 60, noNaN: true }),
		costSeed: fc.array(fc.option(fc.double({ min: 0, max: 90, noNaN: true }), { nil: null }), {
			minLength: 48,
			maxLength: 48
		})
	})
	.map(({ demand, supply, maxCost, costSeed }) => {
		const costs: CostEdge[] = [];
		demand.forEach((_, i) =>
			supply.forEach((_, j) => {
				const cost = costSeed[i * 6 + j];
				if (cost !== null) costs.push({ origin: `d${i}`, dest: `s${j}`, cost });
			})
		);
		return {
			demand: demand.map((v, i) => ({ id: `d${i}`, value: v })),
			supply: supply.map((v, j) => ({ id: `s${j}`, value: v })),
			costs,
			maxCost
		};
	});
const weights = fc.constantFrom<[string, ((c: number) => number) | undefined]>(
	['binary', undefined],
	['steps', LUO_QI],
	['gravity', gravityWeight(-1.5)]
);

describe('twoStepFCA, properties', () => {
	it('conserves supply: Σ D_i·A_i = Σ S_j over supplies with weighted demand in reach', () => {
		fc.assert(
			fc.property(instance, weights, (input, [, weight]) => {
				const access = twoStepFCA({ ...input, weight });
				const w = weight ?? (() => 1);
				let servedSupply = 0;
				for (const s of input.supply) {
					const reached = input.costs.some(
						(e) =>
							e.dest === s.id &&
							e.cost <= input.maxCost &&
							input.demand.find((d) => d.id === e.origin)!.value * w(e.cost) > 0
					);
					if (reached) servedSupply += s.value;
				}
				const total = input.demand.reduce((sum, d) => sum + d.value * access.get(d.id)!, 0);
				expect(Math.abs(total - servedSupply)).toBeLessThanOrEqual(
					1e-9 * Math.max(1, servedSupply)
				);
			}),
			{ numRuns: 500 }
		);
	});

	it('conserves supply exactly as stated with binary weights and full reach', () => {
		fc.assert(
			fc.property(instance, (input) => {
				// Give every supply one edge within reach from a demand point with positive demand.
				const demand = input.demand.map((d, i) => (i === 0 ? { ...d, value: d.value + 1 } : d));
				const costs = input.costs.filter((e) => e.origin !== 'd0');
				for (const s of input.supply) costs.push({ origin: 'd0', dest: s.id, cost: 0 });
				const access = twoStepFCA({ ...input, demand, costs });
				const total = demand.reduce((sum, d) => sum + d.value * access.get(d.id)!, 0);
				const supply = input.supply.reduce((sum, s) => sum + s.value, 0);
				expect(Math.abs(total - supply)).toBeLessThanOrEqual(1e-9 * Math.max(1, supply));
			}),
			{ numRuns: 500 }
		);
	});

	it('never lowers any A_i when a provision is added', () => {
		fc.assert(
			fc.property(
				instance,
				weights,
				value,
				fc.array(fc.option(fc.double({ min: 0, max: 90, noNaN: true }), { nil: null }), {
					minLength: 8,
					maxLength: 8
				}),
				(input, [, weight], extraValue, extraCosts) => {
					const before = twoStepFCA({ ...input, weight });
					const costs = [...input.costs];
					input.demand.forEach((d, i) => {
						const cost = extraCosts[i];
						if (cost !== null) costs.push({ origin: d.id, dest: 'new', cost });
					});
					const after = twoStepFCA({
						...input,
						supply: [...input.supply, { id: 'new', value: extraValue }],
						costs,
						weight
					});
					// Exactly, not within a tolerance: the old R_j do not change and the new edges come
					// last, so each old sum is recomputed bit for bit before R_new·w (≥ 0) is added.
					for (const [id, a] of before) expect(after.get(id)!).toBeGreaterThanOrEqual(a);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('never returns NaN or Infinity, and returns every demand id', () => {
		fc.assert(
			fc.property(instance, weights, (input, [, weight]) => {
				const access = twoStepFCA({ ...input, weight });
				expect([...access.keys()]).toEqual(input.demand.map((d) => d.id));
				for (const a of access.values()) {
					expect(Number.isFinite(a)).toBe(true);
					expect(a).toBeGreaterThanOrEqual(0);
				}
			}),
			{ numRuns: 1000 }
		);
	});

	it('scales: k × supply gives k × A, k × demand gives A / k', () => {
		fc.assert(
			fc.property(instance, fc.double({ min: 0.01, max: 100, noNaN: true }), (input, k) => {
				const base = twoStepFCA({ ...input, weight: LUO_QI });
				const moreSupply = twoStepFCA({
					...input,
					supply: input.supply.map((s) => ({ ...s, value: s.value * k })),
					weight: LUO_QI
				});
				const moreDemand = twoStepFCA({
					...input,
					demand: input.demand.map((d) => ({ ...d, value: d.value * k })),
					weight: LUO_QI
				});
				for (const [id, a] of base) {
					expectClose(moreSupply.get(id)!, a * k, 1e-12);
					expectClose(moreDemand.get(id)! * k, a, 1e-12);
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('does not depend on the order of the edges', () => {
		fc.assert(
			fc.property(instance, (input) => {
				const forward = twoStepFCA({ ...input, weight: LUO_QI });
				const backward = twoStepFCA({
					...input,
					costs: [...input.costs].reverse(),
					weight: LUO_QI
				});
				for (const [id, a] of forward) expectClose(backward.get(id)!, a, 1e-12);
			}),
			{ numRuns: 300 }
		);
	});
});
