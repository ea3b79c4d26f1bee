import { describe, expect, it } from 'vitest';
import { createRng } from './prng';

function mean(values: number[]): number {
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function variance(values: number[]): number {
	const m = mean(values);
	return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
}

describe('createRng', () => {
	it('gives the same sequence for the same seed', () => {
		const draw = (seed: number) => {
			const rng = createRng(seed);
			return [
				rng.next(),
				rng.int(1, 6),
				rng.pick(['a', 'b', 'c']),
				rng.weightedPick(['x', 'y'], [1, 3]),
				rng.normal(10, 2),
				rng.poisson(4),
				rng.poisson(250),
				rng.uuid(),
				rng.fork('child').next()
			];
		};
		expect(draw(42)).toEqual(draw(42));
		expect(draw(42)).not.toEqual(draw(43));
	});

	it('is pinned, so a change to the algorithm is noticed (it would change every demo city)', () => {
		const rng = createRng(1);
		expect([rng.uint32(), rng.uint32(), rng.uint32()]).toMatchInlineSnapshot(`
			[
			  1828152527,
			  3394835397,
			  2967886022,
			]
		`);
	});

	it('keeps floats in [0, 1) and ints inside their inclusive range', () => {
		const rng = createRng(7);
		const ints = new Set<number>();
		for (let i = 0; i < 10_000; i++) {
			const x = rng.next();
			expect(x >= 0 && x < 1).toBe(true);
			ints.add(rng.int(-2, 2));
		}
		expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2].sort());
		expect(() => rng.int(3, 1)).toThrow(RangeError);
	});

	it('draws weighted picks in proportion to the weights and never a zero weight', () => {
		const rng = createRng(3);
		const counts = [0, 0, 0];
		for (let i = 0; i < 40_000; i++) counts[rng.weightedIndex([1, 0, 3])]++;
		expect(counts[1]).toBe(0);
		expect(counts[2] / counts[0]).toBeGreaterThan(2.8);
		expect(counts[2] / counts[0]).toBeLessThan(3.2);
	});

	it('has the moments of the normal and Poisson distributions', () => {
		const rng = createRng(11);
		const normals = Array.from({ length: 20_000 }, () => rng.normal(5, 2));
		expect(mean(normals)).toBeCloseTo(5, 1);
		expect(Math.sqrt(variance(normals))).toBeCloseTo(2, 1);
		for (const lambda of [0.5, 6, 80]) {
			const draws = Array.from({ length: 20_000 }, () => rng.poisson(lambda));
			expect(Math.abs(mean(draws) - lambda) / lambda).toBeLessThan(0.05);
			expect(Math.abs(variance(draws) - lambda) / lambda).toBeLessThan(0.08);
		}
		expect(rng.poisson(0)).toBe(0);
	});

	it('makes version-4 UUIDs and forks that do not repeat the parent', () => {
		const rng = createRng(5);
		expect(rng.uuid()).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
		);
		const a = rng.fork('a');
		const b = rng.fork('b');
		expect(a.next()).not.toBe(b.next());
	});
});
