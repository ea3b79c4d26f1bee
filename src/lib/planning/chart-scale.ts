// Scales for the small SVG bar charts of the planning pages (no chart library needed).

/** The smallest "nice" number (1, 2, 2.5 or 5 × 10^k) at or above `value`; 5 for nothing. */
export function niceMax(value: number): number {
	if (!Number.isFinite(value) || value <= 0) return 5;
	const power = 10 ** Math.floor(Math.log10(value));
	for (const step of [1, 2, 2.5, 5, 10]) {
		if (step * power >= value) return step * power;
	}
	return 10 * power;
}

/** `count` + 1 evenly spaced ticks from 0 to max, inclusive. */
export function ticks(max: number, count = 4): number[] {
	const safeMax = Number.isFinite(max) && max > 0 ? max : 5;
	return Array.from({ length: count + 1 }, (_, k) => (safeMax * k) / count);
}

/** Bar length in [0, size] for a value on a 0..max scale; non-finite or negative values give 0. */
export function barLength(value: number, max: number, size: number): number {
	if (!Number.isFinite(value) || value <= 0 || !(max > 0)) return 0;
	return Math.min(size, (value / max) * size);
}
