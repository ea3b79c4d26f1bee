// Walking minutes between two points for the find and detail pages, with the accessibility
// analysis' own walking model (walking-cost.ts: haversine × 1.3 detour at 4.5 km/h), so a
// resident reads the same minutes the planners compute with.
import { haversineMeters, walkingMinutes as minutesForMeters } from './walking-cost';

export interface LonLat {
	lon: number;
	lat: number;
}

/** Walking minutes between two points, unrounded. */
export function walkingMinutes(a: LonLat, b: LonLat): number {
	return minutesForMeters(haversineMeters(a.lon, a.lat, b.lon, b.lat));
}

/** Walking minutes as people read them: whole minutes, rounded up, at least 1. */
export function walkingMinutesRounded(a: LonLat, b: LonLat): number {
	return Math.max(1, Math.ceil(walkingMinutes(a, b) - 1e-9));
}
