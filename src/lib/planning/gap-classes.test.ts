import { describe, expect, it } from 'vitest';
import { GAP_COLOURS, gapBreaks, gapClass, roundUnmet } from './gap-classes';

describe('gap classes', () => {
	it('has five colours, light to dark', () => {
		expect(GAP_COLOURS).toHaveLength(5);
		const lightness = GAP_COLOURS.map((hex) => {
			const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
			return 0.2126 * r + 0.7152 * g + 0.0722 * b;
		});
		expect(lightness).toEqual([...lightness].sort((a, b) => b - a));
	});

	it('starts at 5 and keeps every class at least 5 wide', () => {
		for (const max of [0, 3, 12, 15, 40, 100, 1234.5, NaN, Infinity, -1]) {
			const [a, b, c] = gapBreaks(max);
			expect(a).toBe(5);
			expect(b - a).toBeGreaterThanOrEqual(5);
			expect(c - b).toBeGreaterThanOrEqual(5);
			expect([a, b, c].every(Number.isFinite)).toBe(true);
		}
		expect(gapBreaks(100)).toEqual([5, 35, 65]);
	});

	it('puts the shown (rounded) value in its class; 0 and below 5 apart', () => {
		const breaks = gapBreaks(30);
		expect(
			[0, 0.04, 0.05, 4.9, 4.96, 5, 9.94, 9.96, 19.9, 20, 500].map((u) => gapClass(u, breaks))
		).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4]);
		expect(gapClass(NaN, breaks)).toBe(0);
		expect(roundUnmet(-1)).toBe(0);
		expect(roundUnmet(Infinity)).toBe(0);
	});
});
