import { describe, expect, it } from 'vitest';
import { barLength, niceMax, ticks } from './chart-scale';

describe('chart scale', () => {
	it('rounds up to 1, 2, 2.5 or 5 times a power of ten', () => {
		expect([0, 3, 5, 7, 12, 24, 26, 80, 101, NaN].map(niceMax)).toEqual([
			5, 5, 5, 10, 20, 25, 50, 100, 200, 5
		]);
	});

	it('spaces ticks and clamps bars', () => {
		expect(ticks(20, 4)).toEqual([0, 5, 10, 15, 20]);
		expect(ticks(NaN, 2)).toEqual([0, 2.5, 5]);
		expect(barLength(5, 10, 100)).toBe(50);
		expect(barLength(50, 10, 100)).toBe(100);
		expect([barLength(-1, 10, 100), barLength(NaN, 10, 100), barLength(5, 0, 100)]).toEqual([
			0, 0, 0
		]);
	});
});
