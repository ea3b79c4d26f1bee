import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, poissonLogPmf, poissonLogUpperTail, poissonUpperTail } from './poisson';

/**
 * Reference values of P(X ≥ k | λ) = 1 − Σ_{j<k} e^−λ·λ^j/j! = P(k, λ), the regularized lower
 * incomplete gamma function, computed with mpmath at 40 significant digits both ways
 * (`gammainc(k, 0, λ, regularized=True)` and the direct finite sum) and cut to 20 digits (kept as
 * strings: a double holds about 17).
 * Closed forms where short: P(X ≥ 5 | 1) = 1 − (65/24)·e^−1, P(X ≥ 1 | λ) = 1 − e^−λ.
 */
const REFERENCE: [k: number, lambda: number, p: string][] = [
	[5, 1, '0.0036598468273437123455'],
	[10, 5, '0.031828057306204811737'],
	[1, 0.5, '0.3934693402873665764'],
	[12, 2, '1.364615159615195274e-6'],
	[3, 2, '0.32332358381693654053'],
	[1, 1e-10, '9.9999999995000003643e-11'],
	[2, 1e-5, '4.9999666667916671514e-11'],
	[5, 0.001, '8.3263918642115032568e-18'],
	[1, 20, '0.99999999793884637756'],
	[30, 40, '0.95677131784826443307'],
	[50, 10, '1.8547268838697993006e-19'],
	[100, 100, '0.51329879827914866486'],
	[101, 100, '0.47343780147000152962'],
	[200, 100, '9.3431500729883902803e-19'],
	[9500, 10000, '0.99999977438065057687'],
	[9800, 10000, '0.97778886829490347012'],
	[10000, 10000, '0.50132980833995520038'],
	[10100, 10000, '0.1598630993641207033'],
	[10500, 10000, '3.5995897948120386168e-7']
];

describe('poissonUpperTail', () => {
	it.each(REFERENCE)('P(X ≥ %i | λ = %d) matches the reference to 1e-13', (k, lambda, p) => {
		const expected = Number(p);
		expect(Math.abs(poissonUpperTail(k, lambda) - expected) / expected).toBeLessThan(1e-13);
	});

	it('has the closed forms for k = 0 and k = 1', () => {
		expect(poissonUpperTail(0, 3)).toBe(1);
		expect(poissonUpperTail(0, 0)).toBe(1);
		expect(poissonUpperTail(1, 0.5)).toBeCloseTo(1 - Math.exp(-0.5), 15);
		expect(poissonUpperTail(5, 1)).toBeCloseTo(1 - (65 / 24) * Math.exp(-1), 15);
		expect(poissonUpperTail(3, 0)).toBe(0);
	});

	it('keeps the logarithm where the probability underflows', () => {
		// P(X ≥ 1000 | λ = 1) = 9.1515650911649157572e-2569 (mpmath).
		expect(poissonUpperTail(1000, 1)).toBe(0);
		const log10 = poissonLogUpperTail(1000, 1) / Math.LN10;
		expect(log10).toBeCloseTo(-2569 + Math.log10(9.1515650911649), 10);
	});

	it('agrees with the exact sum of the probability mass function for small k and λ', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 60 }),
				fc.double({ min: 0.01, max: 60, noNaN: true }),
				(k, lambda) => {
					// Sum the upper tail from the far end up, so small terms are added first.
					let sum = 0;
					for (let j = 400; j >= k; j--) sum += Math.exp(poissonLogPmf(j, lambda));
					const p = poissonUpperTail(k, lambda);
					expect(Math.abs(p - sum)).toBeLessThanOrEqual(1e-12 * Math.max(sum, 1e-300));
				}
			),
			{ numRuns: 300 }
		);
	});

	it('falls as k rises and rises with λ', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 20_000 }),
				fc.double({ min: 0, max: 10_000, noNaN: true }),
				(k, lambda) => {
					const p = poissonUpperTail(k, lambda);
					expect(p).toBeGreaterThanOrEqual(0);
					expect(p).toBeLessThanOrEqual(1);
					expect(poissonUpperTail(k + 1, lambda)).toBeLessThanOrEqual(p);
					expect(poissonUpperTail(k, lambda * 1.01 + 0.01)).toBeGreaterThanOrEqual(p);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('refuses counts and means outside its domain', () => {
		expect(() => poissonUpperTail(-1, 1)).toThrow(RangeError);
		expect(() => poissonUpperTail(2.5, 1)).toThrow(/integer/);
		expect(() => poissonUpperTail(2, -1)).toThrow(/mean/);
		expect(() => poissonUpperTail(2, Number.NaN)).toThrow(/mean/);
		expect(() => poissonUpperTail(2, Infinity)).toThrow(/mean/);
	});
});

describe('poissonLogPmf', () => {
	it('matches e^−λ·λ^k/k! where that is exact enough, in both of its branches', () => {
		// ln P(X = 20 | 10) = 20·ln 10 − 10 − ln 20! (20! = 2432902008176640000).
		expect(poissonLogPmf(20, 10)).toBeCloseTo(
			20 * Math.log(10) - 10 - Math.log(2432902008176640000),
			12
		);
		expect(poissonLogPmf(3, 2)).toBeCloseTo(Math.log((Math.exp(-2) * 8) / 6), 15);
		expect(poissonLogPmf(0, 4)).toBe(-4);
		expect(poissonLogPmf(2, 0)).toBe(-Infinity);
	});
});

describe('benjaminiHochberg', () => {
	it('adjusts a hand-worked example, in the input order', () => {
		// Sorted: 0.005, 0.01, 0.03, 0.04; m·p/rank = 0.02, 0.02, 0.04, 0.04; running minimum from
		// the largest rank down leaves them as they are.
		const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
		expect(q.map((x) => Number(x.toFixed(12)))).toEqual([0.02, 0.04, 0.04, 0.02]);
	});

	it('takes the running minimum from the top and caps at 1', () => {
		// Sorted: 0.01, 0.02, 0.03, 0.5, 0.9; m·p/rank = 0.05, 0.05, 0.05, 0.625, 0.9.
		const q = benjaminiHochberg([0.9, 0.03, 0.01, 0.5, 0.02]);
		expect(q.map((x) => Number(x.toFixed(12)))).toEqual([0.9, 0.05, 0.05, 0.625, 0.05]);
		// m·p/rank = 0.04, 0.03: the smaller p inherits the smaller q.
		expect(benjaminiHochberg([0.02, 0.03]).map((x) => Number(x.toFixed(12)))).toEqual([0.03, 0.03]);
		expect(benjaminiHochberg([1, 1, 0.8])).toEqual([1, 1, 1]);
		expect(benjaminiHochberg([])).toEqual([]);
		expect(benjaminiHochberg([0.3])).toEqual([0.3]);
	});

	it('is monotone in p, at least p, at most 1, equal for ties and independent of order', () => {
		fc.assert(
			fc.property(
				fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(0.05)), {
					minLength: 1,
					maxLength: 60
				}),
				(p) => {
					const q = benjaminiHochberg(p);
					p.forEach((pi, i) => {
						expect(q[i]).toBeGreaterThanOrEqual(pi);
						expect(q[i]).toBeLessThanOrEqual(1);
						p.forEach((pj, j) => {
							if (pi < pj) expect(q[i]).toBeLessThanOrEqual(q[j]);
							if (pi === pj) expect(q[i]).toBe(q[j]);
						});
					});
					const reversed = benjaminiHochberg([...p].reverse()).reverse();
					expect(reversed).toEqual(q);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('refuses values that are not probabilities', () => {
		expect(() => benjaminiHochberg([0.1, Number.NaN])).toThrow(/p-value 1/);
		expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
		expect(() => benjaminiHochberg([-0.1])).toThrow(RangeError);
	});
});
