// polylabel 2 ships no types; this is the part of its API the app uses.
declare module 'polylabel' {
	/** The pole of inaccessibility of a polygon (outer ring first, then holes), to `precision`. */
	export default function polylabel(
		polygon: number[][][],
		precision?: number
	): [number, number] & { distance: number };
}
