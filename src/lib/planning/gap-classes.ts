// Classes of the gap map, shared by the server (table, exports) and the map, so a buurt's colour
// and its row in the table always agree.

/**
 * ColorBrewer YlOrRd with 5 classes (Brewer, colorbrewer2.org): sequential, safe for the common
 * forms of colour blindness and in greyscale print. Light = no unmet need, dark = most.
 */
export const GAP_COLOURS = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

export type GapClass = 0 | 1 | 2 | 3 | 4;

/**
 * Counts below this many households are shown as "<5" (as CBS does for small numbers). The first
 * class boundary is the same number, so a buurt's colour never tells more than its row.
 */
export const SMALL_COUNT = 5;

/** Lower bounds of classes 2, 3 and 4 (class 0 is "none", class 1 is "more than 0, below 5"). */
export type GapBreaks = readonly [number, number, number];

const roundTo5 = (value: number) => Math.round(value / 5) * 5;

/**
 * Breaks for a map whose largest unmet need is `maxUnmet`: 5, then about a third and two thirds
 * of the maximum, rounded to multiples of 5 and at least 5 apart, so every class spans at least
 * five households.
 */
export function gapBreaks(maxUnmet: number): GapBreaks {
	const max = Number.isFinite(maxUnmet) && maxUnmet > 0 ? maxUnmet : 0;
	const second = Math.max(SMALL_COUNT * 2, roundTo5(max / 3));
	const third = Math.max(second + 5, roundTo5((max * 2) / 3));
	return [SMALL_COUNT, second, third];
}

/** Unmet need shown with one decimal: the class follows the shown value. */
export function roundUnmet(value: number): number {
	return Number.isFinite(value) && value > 0 ? Math.round(value * 10) / 10 : 0;
}

export function gapClass(unmet: number, breaks: GapBreaks): GapClass {
	const value = roundUnmet(unmet);
	if (value <= 0) return 0;
	if (value < breaks[0]) return 1;
	if (value < breaks[1]) return 2;
	if (value < breaks[2]) return 3;
	return 4;
}
