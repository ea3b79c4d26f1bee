import Flatbush from 'flatbush';
import { AnalysisInputError, type CostEdge } from './accessibility';

/**
 * Travel costs for the accessibility analysis. `twoStepFCA` takes any `CostEdge[]`, so this
 * walking model is a stand-in: a real router's duration matrix (OSRM `table`, Valhalla
 * `sources_to_targets`, …) replaces it through `matrixCosts` without touching the analysis.
 *
 * Walking model: great-circle (haversine) distance × a detour factor for the street network, at
 * a walking speed. Only pairs within reach are built: the destinations go into a flatbush index,
 * each origin queries the bounding box of its reach circle, and the exact distance decides.
 */

/** Mean earth radius in metres (IUGG), the one Turf's `distance` uses. */
export const EARTH_RADIUS_METERS = 6371008.8;
/** Street network distance over straight-line distance; 1.2–1.4 is usual for Dutch towns. */
export const DEFAULT_DETOUR_FACTOR = 1.3;
/** A comfortable walking pace that allows for crossings; older walkers are slower. */
export const DEFAULT_WALKING_SPEED_KMH = 4.5;

export interface Place {
	id: string;
	/** WGS84 degrees. */
	lon: number;
	lat: number;
}

export interface WalkingModel {
	detour?: number;
	speedKmh?: number;
}

const RADIANS = Math.PI / 180;

/** Great-circle distance in metres between two WGS84 points (haversine, as Turf computes it). */
export function haversineMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const dLat = (lat2 - lat1) * RADIANS;
	const dLon = (lon2 - lon1) * RADIANS;
	const sinLat = Math.sin(dLat / 2);
	const sinLon = Math.sin(dLon / 2);
	const a = sinLat * sinLat + sinLon * sinLon * Math.cos(lat1 * RADIANS) * Math.cos(lat2 * RADIANS);
	return EARTH_RADIUS_METERS * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
}

function resolveModel({ detour = DEFAULT_DETOUR_FACTOR, speedKmh = DEFAULT_WALKING_SPEED_KMH }) {
	// A network path is never shorter than the great circle, so a detour below 1 is a mistake.
	if (!Number.isFinite(detour) || detour < 1) {
		throw new AnalysisInputError(`detour factor must be a finite number >= 1, got ${detour}`);
	}
	if (!Number.isFinite(speedKmh) || !(speedKmh > 0)) {
		throw new AnalysisInputError(`walking speed must be a finite number > 0 km/h, got ${speedKmh}`);
	}
	return { detour, metersPerMinute: (speedKmh * 1000) / 60 };
}

/** Walking minutes for a straight-line distance in metres under the walking model. */
export function walkingMinutes(meters: number, model: WalkingModel = {}): number {
	const { detour, metersPerMinute } = resolveModel(model);
	return (meters * detour) / metersPerMinute;
}

function checkPlaces(places: ReadonlyArray<Place>, kind: 'origins' | 'destinations'): void {
	const seen = new Set<string>();
	places.forEach(({ id, lon, lat }, k) => {
		if (seen.has(id)) throw new AnalysisInputError(`${kind}: duplicate id '${id}'`);
		seen.add(id);
		if (!Number.isFinite(lon) || lon < -180 || lon > 180) {
			throw new AnalysisInputError(
				`${kind}[${k}] '${id}': longitude must lie in [-180, 180], got ${lon}`
			);
		}
		if (!Number.isFinite(lat) || lat < -90 || lat > 90) {
			throw new AnalysisInputError(
				`${kind}[${k}] '${id}': latitude must lie in [-90, 90], got ${lat}`
			);
		}
	});
}

/**
 * Every (origin, destination) pair within `maxMinutes` walking (inclusive), with its walking time
 * in minutes as cost; origins in input order, each origin's destinations in input order.
 */
export function walkingCosts(input: {
	origins: ReadonlyArray<Place>;
	destinations: ReadonlyArray<Place>;
	maxMinutes: number;
	detour?: number;
	speedKmh?: number;
}): CostEdge[] {
	const { origins, destinations, maxMinutes } = input;
	const { detour, metersPerMinute } = resolveModel(input);
	if (!(maxMinutes > 0)) {
		throw new AnalysisInputError(`maxMinutes must be a number > 0, got ${maxMinutes}`);
	}
	checkPlaces(origins, 'origins');
	checkPlaces(destinations, 'destinations');
	const edges: CostEdge[] = [];
	if (origins.length === 0 || destinations.length === 0) return edges; // flatbush refuses empty

	const index = new Flatbush(destinations.length);
	for (const { lon, lat } of destinations) index.add(lon, lat);
	index.finish();

	// The reach as an angle at the earth's centre, a hair wider so rounding in the box never drops
	// a pair the exact distance keeps (the exact test below decides).
	const reach = ((maxMinutes * metersPerMinute) / detour / EARTH_RADIUS_METERS) * (1 + 1e-9);
	const reachDegrees = reach / RADIANS;
	const boxes: [number, number, number, number][] = [];
	for (const o of origins) {
		boxes.length = 0;
		const minLat = Math.max(-90, o.lat - reachDegrees);
		const maxLat = Math.min(90, o.lat + reachDegrees);
		const cosLat = Math.cos(o.lat * RADIANS);
		// The reach circle's widest longitude span is asin(sin δ / cos φ) (its tangent meridians);
		// with a pole inside the circle every longitude is in reach.
		const span =
			reach >= Math.PI / 2 || Math.sin(reach) >= cosLat
				? 180
				: Math.asin(Math.sin(reach) / cosLat) / RADIANS + 1e-9;
		if (span >= 180) {
			boxes.push([-180, minLat, 180, maxLat]);
		} else {
			boxes.push([Math.max(-180, o.lon - span), minLat, Math.min(180, o.lon + span), maxLat]);
			// Across the antimeridian the box continues on the other side.
			if (o.lon - span < -180) boxes.push([o.lon - span + 360, minLat, 180, maxLat]);
			if (o.lon + span > 180) boxes.push([-180, minLat, o.lon + span - 360, maxLat]);
		}
		const found =
			boxes.length === 1
				? index.search(...boxes[0])
				: [...new Set(boxes.flatMap((box) => index.search(...box)))];
		for (const k of found.sort((a, b) => a - b)) {
			const dest = destinations[k];
			const cost = (haversineMeters(o.lon, o.lat, dest.lon, dest.lat) * detour) / metersPerMinute;
			if (cost <= maxMinutes) edges.push({ origin: o.id, dest: dest.id, cost });
		}
	}
	return edges;
}

/**
 * Cost edges from a router's duration matrix: `minutes[r][c]` is the travel time from
 * `origins[r]` to `destinations[c]`, `null` where the router found no route. Pairs beyond
 * `maxMinutes` are left out, as `walkingCosts` does.
 */
export function matrixCosts(input: {
	origins: ReadonlyArray<string>;
	destinations: ReadonlyArray<string>;
	minutes: ReadonlyArray<ReadonlyArray<number | null>>;
	maxMinutes: number;
}): CostEdge[] {
	const { origins, destinations, minutes, maxMinutes } = input;
	if (!(maxMinutes > 0)) {
		throw new AnalysisInputError(`maxMinutes must be a number > 0, got ${maxMinutes}`);
	}
	if (minutes.length !== origins.length) {
		throw new AnalysisInputError(`matrix has ${minutes.length} rows for ${origins.length} origins`);
	}
	const edges: CostEdge[] = [];
	minutes.forEach((row, r) => {
		if (row.length !== destinations.length) {
			throw new AnalysisInputError(
				`matrix row ${r} has ${row.length} columns for ${destinations.length} destinations`
			);
		}
		row.forEach((cost, c) => {
			if (cost === null) return;
			if (!Number.isFinite(cost) || cost < 0) {
				throw new AnalysisInputError(
					`matrix[${r}][${c}] must be a finite number >= 0 or null, got ${cost}`
				);
			}
			if (cost <= maxMinutes) edges.push({ origin: origins[r], dest: destinations[c], cost });
		});
	});
	return edges;
}
