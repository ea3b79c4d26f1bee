import area from '@turf/area';
import type { Position } from 'geojson';
import type { Rng } from '$lib/analysis/prng';
import {
	innerPoint,
	toGeoJson,
	toLonLat,
	toPlane,
	unionGeoJson,
	type MultiPolygonXY,
	type RingXY,
	type XY
} from './geometry';
import {
	adjacency,
	bendEdges,
	clippedCells,
	partition,
	relax,
	samplePoints,
	snapVertices,
	townOutline
} from './town-shape';
import { keyFigures } from './key-figures';
import { buurtNames, industrialName, wijkTheme } from './names';
import type {
	Boundary,
	BuurtContext,
	BuurtType,
	DemoBuurt,
	DemoGemeente,
	DemoWijk,
	Geography,
	WijkType
} from './types';

// The demo town's geography: buurten grown as cells inside a town outline, grouped into wijken
// in rings around the centre, each with CBS-like key figures. The rest of the demo city
// (offer, people, needs) is generated on top of this in generate-city.ts.

/** The fictional municipality: a CBS-style code no real gemeente has (real codes end below 2000). */
export const DEMO_GEMEENTE_CODE = 'GM9001';
export const DEMO_GEMEENTE_NAME = 'Voorbeeldstad';
/** The seed of the demo city everyone sees; tests pin the checksum of this one. */
export const DEMO_SEED = 20261128;

const gemeenteDigits = DEMO_GEMEENTE_CODE.slice(2);
const two = (n: number) => String(n).padStart(2, '0');

function boundingBox(boundary: Boundary): [number, number, number, number] {
	const points: Position[] =
		boundary.type === 'Polygon'
			? boundary.coordinates[0]
			: boundary.coordinates.flatMap((p) => p[0]);
	const xs = points.map((p) => p[0]);
	const ys = points.map((p) => p[1]);
	return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function compassPoint(from: XY, to: XY): string {
	const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
	return ['Oost', 'Noord', 'West', 'Zuid'][
		Math.round(((angle + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 2)) % 4
	];
}

/** The index of the point nearest `to`, skipping the indices in `skip`. */
function nearest(points: readonly XY[], to: XY, skip: ReadonlySet<number>): number {
	let best = -1;
	let bestDistance = Infinity;
	points.forEach((p, i) => {
		const d = Math.hypot(p[0] - to[0], p[1] - to[1]);
		if (!skip.has(i) && d < bestDistance) {
			best = i;
			bestDistance = d;
		}
	});
	return best;
}

/** Angle clockwise from north, for numbering wijken the way a reader scans a map. */
const bearing = ([x, y]: XY) => (Math.atan2(x, y) + 2 * Math.PI) % (2 * Math.PI);

export function generateGeography(rng: Rng, year: number, buurtCount = 100): Geography {
	const outline: RingXY = townOutline(rng.fork('outline'));
	const shape = rng.fork('shape');
	const centre: XY = [shape.float(-500, 500), shape.float(-400, 400)];
	// Old village cores the town grew around: small secondary peaks of density.
	const cores: XY[] = [0, 1].map((i) => {
		const angle = shape.float(0, Math.PI) + i * Math.PI;
		return [centre[0] + 2300 * Math.cos(angle), centre[1] + 1700 * Math.sin(angle)];
	});
	const density = (p: XY) =>
		0.15 +
		Math.exp(-((p[0] - centre[0]) ** 2 + (p[1] - centre[1]) ** 2) / (2 * 1300 ** 2)) +
		cores.reduce(
			(sum, c) =>
				sum + 0.35 * Math.exp(-((p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2) / (2 * 450 ** 2)),
			0
		);

	const seeds = samplePoints(shape, outline, buurtCount, density, 1.6);
	const relaxed = relax(seeds, outline, density, 2);
	const cells: MultiPolygonXY[] = bendEdges(
		snapVertices(clippedCells(relaxed, outline)),
		rng.uint32()
	);
	const points = cells.map(innerPoint);
	const neighbours = adjacency(cells);

	// Wijken: the centre, an inner ring of four and an outer ring of five, one of them an old village.
	const ring = rng.fork('wijken');
	const inner0 = ring.float(0, Math.PI / 2);
	const outer0 = ring.float(0, (2 * Math.PI) / 5);
	const targets: { at: XY; type: WijkType | null }[] = [{ at: centre, type: 'binnenstad' }];
	for (let k = 0; k < 4; k++) {
		const a = inner0 + (k * Math.PI) / 2 + ring.float(-0.2, 0.2);
		targets.push({
			at: [centre[0] + 1600 * Math.cos(a), centre[1] + 1300 * Math.sin(a)],
			type: null
		});
	}
	for (let k = 0; k < 5; k++) {
		const a = outer0 + (k * 2 * Math.PI) / 5 + ring.float(-0.15, 0.15);
		targets.push({
			at: [centre[0] + 3000 * Math.cos(a), centre[1] + 2200 * Math.sin(a)],
			type: null
		});
	}
	// The outer-ring wijk nearest the first old core becomes that village, centred on it.
	const village =
		5 +
		nearest(
			targets.slice(5).map((t) => t.at),
			cores[0],
			new Set<number>()
		);
	targets[village] = { at: cores[0], type: 'dorpskern' };
	const innerTypes = ring.shuffle<WijkType>([
		'vooroorlogs',
		'vooroorlogs',
		'naoorlogs',
		'naoorlogs'
	]);
	const outerTypes = ring.shuffle<WijkType>(['vinex', 'vinex', 'bloemkool', 'villawijk']);
	targets.forEach((t, i) => {
		if (!t.type) t.type = i < 5 ? innerTypes.pop()! : outerTypes.pop()!;
	});

	// Each wijk grows from the buurt nearest its target; the centre starts a little late, so the
	// binnenstad stays a compact core of small buurten.
	const used = new Set<number>();
	const sources = targets.map((t, i) => {
		const cell = nearest(points, t.at, used);
		used.add(cell);
		return { cell, offset: i === 0 ? 200 : 0 };
	});
	const owner = partition(neighbours, points, sources);

	// Number wijken: centre first, then each ring clockwise from north.
	const order = targets
		.map((t, i) => ({
			i,
			ring: i === 0 ? 0 : i < 5 ? 1 : 2,
			bearing: bearing([t.at[0] - centre[0], t.at[1] - centre[1]])
		}))
		.sort((a, b) => a.ring - b.ring || a.bearing - b.bearing);

	const names = rng.fork('names');
	const figures = rng.fork('figures');
	const takenThemes = new Set<string>();
	const takenNames = new Set<string>();
	const gemeente: DemoGemeente = {
		code: DEMO_GEMEENTE_CODE,
		name: DEMO_GEMEENTE_NAME,
		is_fictional: true,
		source: 'Buurtkracht demo generator: a fictional town, not CBS data'
	};
	const wijken: DemoWijk[] = [];
	const context: BuurtContext[] = [];
	order.forEach(({ i: source }, wijkIndex) => {
		const wijkCode = `WK${gemeenteDigits}${two(wijkIndex + 1)}`;
		const type = targets[source].type!;
		const theme = wijkTheme(names, type, takenThemes);
		const members = cells
			.map((_, c) => c)
			.filter((c) => owner[c] === source)
			.sort(
				(a, b) =>
					Math.hypot(points[a][0] - centre[0], points[a][1] - centre[1]) -
					Math.hypot(points[b][0] - centre[0], points[b][1] - centre[1])
			);
		// A big wijk at the edge of town gets one industrial estate, along the outline.
		const industrial =
			(type === 'vinex' || type === 'bloemkool') && members.length >= 5 ? members.at(-1)! : -1;
		const wijkCentre: XY = [
			members.reduce((s, c) => s + points[c][0], 0) / members.length,
			members.reduce((s, c) => s + points[c][1], 0) / members.length
		];
		const housing = members.filter((c) => c !== industrial);
		const buurtNamesList = buurtNames(names, theme, housing.length, takenNames, (k) =>
			compassPoint(wijkCentre, points[housing[k]])
		);
		members.forEach((c, k) => {
			const boundary = toGeoJson(cells[c]);
			const [minLon, minLat, maxLon, maxLat] = boundingBox(boundary);
			const [lon, lat] = toLonLat(points[c]);
			const areaHa = Math.round(area(boundary) / 1000) / 10;
			const distance = Math.hypot(points[c][0] - centre[0], points[c][1] - centre[1]);
			const centrality = Math.exp(-((distance / 1800) ** 2));
			const buurtType: BuurtType = c === industrial ? 'bedrijventerrein' : type;
			const buurt: DemoBuurt = {
				code: `BU${gemeenteDigits}${two(wijkIndex + 1)}${two(k + 1)}`,
				wijk_code: wijkCode,
				gemeente_code: DEMO_GEMEENTE_CODE,
				name:
					c === industrial ? industrialName(names, takenNames) : buurtNamesList[housing.indexOf(c)],
				boundary,
				centroid_lon: lon,
				centroid_lat: lat,
				min_lon: minLon,
				min_lat: minLat,
				max_lon: maxLon,
				max_lat: maxLat,
				...keyFigures(figures, buurtType, centrality, areaHa),
				land_area_ha: areaHa,
				key_figures_year: year
			};
			context.push({ buurt, type: buurtType, wijkIndex, stems: theme.stems, centrality });
		});
		const wijkBoundary = unionGeoJson(members.map((c) => toGeoJson(cells[c])));
		const [wLon, wLat] = toLonLat(
			innerPoint(
				(wijkBoundary.type === 'Polygon'
					? [wijkBoundary.coordinates]
					: wijkBoundary.coordinates
				).map((polygon) => polygon.map((r) => r.map(toPlane)))
			)
		);
		wijken.push({
			code: wijkCode,
			gemeente_code: DEMO_GEMEENTE_CODE,
			name: theme.name,
			boundary: wijkBoundary,
			centroid_lon: wLon,
			centroid_lat: wLat
		});
	});
	return { gemeente, wijken, buurten: context.map((c) => c.buurt), context };
}
