/**
 * Reads a CBS Wijk- en Buurtkaart GeoJSON FeatureCollection (WGS84) into rows for
 * public.gemeenten, public.wijken and public.buurten. Pure: no I/O, no database; the writes are
 * in cbs-write.ts and the PDOK download in pdok.ts.
 *
 * Two kinds of problems:
 * - FATAL (CbsImportError): the input as a whole cannot be right (not JSON, not a
 *   FeatureCollection, no polygons, projected coordinates). Nothing is written.
 * - Per feature: the feature is skipped and reported with its reason; the others are imported.
 *
 * Duplicate codes within a file: the first feature wins, later duplicates are skipped and
 * reported. CBS files hold one record per code (a buurt in several parts is one MultiPolygon),
 * so a duplicate is an editing mistake, and refusing the whole file for it would block an
 * import that is otherwise sound.
 */
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { kinks } from '@turf/kinks';
import { pointOnFeature } from '@turf/point-on-feature';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { union, type Geom } from 'polyclip-ts';
import { z } from 'zod';

/** A problem with the input as a whole: the import stops and writes nothing. */
export class CbsImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CbsImportError';
	}
}

// ============================================================================================
// Field mapping: CBS property names (2015 uppercase and recent lowercase editions) → columns
// ============================================================================================

type FigureKind = 'count' | 'percent' | 'decimal1' | 'decimal2';

interface FigureSpec {
	column: KeyFigureColumn;
	kind: FigureKind;
	/** Property names, first the 2015 (uppercase) edition, then the PDOK/recent lowercase names. */
	sources: readonly string[];
}

export type KeyFigureColumn =
	| 'inhabitants'
	| 'households'
	| 'average_household_size'
	| 'pct_age_0_14'
	| 'pct_age_15_24'
	| 'pct_age_25_44'
	| 'pct_age_45_64'
	| 'pct_age_65_plus'
	| 'pct_one_person_households'
	| 'pct_households_with_children'
	| 'social_assistance_benefits'
	| 'disability_benefits'
	| 'unemployment_benefits'
	| 'pension_benefits'
	| 'land_area_ha';

/**
 * CBS key figures → buurten columns. Lowercase names are those of the Wijk- en Buurtkaart
 * 2022–2024 and the PDOK OGC API "CBS Wijken en Buurten" (see CBS "Toelichting Wijk- en
 * Buurtkaart 2022, 2023 en 2024"). CBS itself spells the household size
 * `gemiddelde_huishoudsgrootte`; the longer spelling is accepted too. Names match
 * case-insensitively, so `aant_inw` or `BUURTCODE` also work.
 */
export const KEY_FIGURES: readonly FigureSpec[] = [
	{ column: 'inhabitants', kind: 'count', sources: ['AANT_INW', 'aantal_inwoners'] },
	{ column: 'households', kind: 'count', sources: ['AANTAL_HH', 'aantal_huishoudens'] },
	{
		column: 'average_household_size',
		kind: 'decimal2',
		sources: ['GEM_HH_GR', 'gemiddelde_huishoudsgrootte', 'gemiddelde_huishoudensgrootte']
	},
	{
		column: 'pct_age_0_14',
		kind: 'percent',
		sources: ['P_00_14_JR', 'percentage_personen_0_tot_15_jaar']
	},
	{
		column: 'pct_age_15_24',
		kind: 'percent',
		sources: ['P_15_24_JR', 'percentage_personen_15_tot_25_jaar']
	},
	{
		column: 'pct_age_25_44',
		kind: 'percent',
		sources: ['P_25_44_JR', 'percentage_personen_25_tot_45_jaar']
	},
	{
		column: 'pct_age_45_64',
		kind: 'percent',
		sources: ['P_45_64_JR', 'percentage_personen_45_tot_65_jaar']
	},
	{
		column: 'pct_age_65_plus',
		kind: 'percent',
		sources: ['P_65_EO_JR', 'percentage_personen_65_jaar_en_ouder']
	},
	{
		column: 'pct_one_person_households',
		kind: 'percent',
		sources: ['P_EENP_HH', 'percentage_eenpersoonshuishoudens']
	},
	{
		column: 'pct_households_with_children',
		kind: 'percent',
		sources: ['P_HH_M_K', 'percentage_huishoudens_met_kinderen']
	},
	{
		column: 'social_assistance_benefits',
		kind: 'count',
		sources: ['WWB_UITTOT', 'aantal_personen_met_een_alg_bijstandsuitkering_tot']
	},
	{
		column: 'disability_benefits',
		kind: 'count',
		sources: ['AO_UIT_TOT', 'aantal_personen_met_een_ao_uitkering_totaal']
	},
	{
		column: 'unemployment_benefits',
		kind: 'count',
		sources: ['WW_UIT_TOT', 'aantal_personen_met_een_ww_uitkering_totaal']
	},
	{
		column: 'pension_benefits',
		kind: 'count',
		sources: ['A_SOZ_OW', 'aantal_personen_met_een_aow_uitkering_totaal']
	},
	{
		column: 'land_area_ha',
		kind: 'decimal1',
		sources: ['OPP_LAND', 'oppervlakte_land_in_ha', 'oppervlakte_land_in_hectare']
	}
];

/** Identity fields: codes and names, for buurten features and wijken features. */
export const IDENTITY_FIELDS = {
	buurtCode: ['BU_CODE', 'buurtcode'],
	buurtName: ['BU_NAAM', 'buurtnaam'],
	wijkCode: ['WK_CODE', 'wijkcode'],
	wijkName: ['WK_NAAM', 'wijknaam'],
	gemeenteCode: ['GM_CODE', 'gemeentecode'],
	gemeenteName: ['GM_NAAM', 'gemeentenaam'],
	/** Recent editions carry the statistics year per feature; --year overrides it. */
	year: ['jaar']
} as const;

const BUURT_CODE = /^BU\d{8}$/;
const WIJK_CODE = /^WK\d{6}$/;
const GEMEENTE_CODE = /^GM\d{4}$/;

/** Limits of the column types (integer, numeric(4,2), numeric(10,1)). */
const MAX_BY_KIND: Record<FigureKind, number> = {
	count: 2_147_483_647,
	percent: 100,
	decimal2: 99.99,
	decimal1: 999_999_999.9
};

// ============================================================================================
// Result types
// ============================================================================================

export type Boundary = Polygon | MultiPolygon;

export interface GemeenteRow {
	code: string;
	name: string;
	/** True when no file named the gemeente: an existing name is then kept. */
	name_is_placeholder: boolean;
	source: string;
}

export interface WijkRow {
	code: string;
	gemeente_code: string;
	name: string;
	/** True for "Wijk WK034401": an existing (real) name is then kept on re-import. */
	name_is_placeholder: boolean;
	boundary: Boundary | null;
	centroid_lon: number | null;
	centroid_lat: number | null;
}

export type BuurtRow = {
	code: string;
	wijk_code: string;
	gemeente_code: string;
	name: string;
	boundary: Boundary;
	centroid_lon: number;
	centroid_lat: number;
	min_lon: number;
	min_lat: number;
	max_lon: number;
	max_lat: number;
	key_figures_year: number | null;
} & Record<KeyFigureColumn, number | null>;

export interface SkippedFeature {
	file: 'buurten' | 'wijken';
	/** 1-based position in the file's features array. */
	index: number;
	code: string | null;
	reason: string;
}

export interface FieldMapping {
	/** The property name as it appears in the file, or an option such as --year. */
	source: string;
	/** table.column */
	column: string;
}

export interface CbsImportPlan {
	source: string;
	gemeenten: GemeenteRow[];
	wijken: WijkRow[];
	buurten: BuurtRow[];
	skipped: SkippedFeature[];
	warnings: string[];
	fieldsMapped: FieldMapping[];
	/** table.column names no source field was found for (left null). */
	fieldsMissing: string[];
	/** Per column: how many values CBS marked secret or not applicable (stored as null). */
	secretValues: Partial<Record<KeyFigureColumn, number>>;
	/** Wijken whose boundary was derived from their buurten. */
	derivedWijken: string[];
}

export interface CbsImportInput {
	/** The parsed buurten GeoJSON (any JSON value; it is checked here). */
	buurten: unknown;
	/** The parsed wijken GeoJSON: names and boundaries of the wijken. */
	wijken?: unknown;
	/** key_figures_year for every buurt; overrides a `jaar` property. */
	year?: number;
	/** Shown in the summary and stored in gemeenten.source. */
	source?: string;
	/** Labels for messages, e.g. the file names. */
	buurtenLabel?: string;
	wijkenLabel?: string;
	/** Warnings of an earlier step (e.g. the PDOK download), listed first. */
	warnings?: string[];
}

// ============================================================================================
// JSON and FeatureCollection checks (fatal)
// ============================================================================================

/** Parses JSON text; a syntax error is fatal and names the input. */
export function parseGeoJsonText(text: string, label: string): unknown {
	try {
		return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new CbsImportError(`${label} is not JSON (${reason.slice(0, 120)})`);
	}
}

const featureCollectionSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown()),
	crs: z.unknown().optional()
});

const featureSchema = z.object({
	type: z.literal('Feature'),
	geometry: z.unknown(),
	properties: z.record(z.string(), z.unknown()).nullish()
});

function describeJson(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a JSON array';
	if (typeof value !== 'object') return `a JSON ${typeof value}`;
	const type = (value as { type?: unknown }).type;
	if (type === 'Feature') return 'a single GeoJSON Feature';
	if (typeof type === 'string') return `a GeoJSON object of type "${type.slice(0, 40)}"`;
	return 'a JSON object without "type": "FeatureCollection"';
}

function asFeatureCollection(value: unknown, label: string): unknown[] {
	const parsed = featureCollectionSchema.safeParse(value);
	if (!parsed.success) {
		throw new CbsImportError(
			`${label} is not a GeoJSON FeatureCollection: it is ${describeJson(value)}. ` +
				'Expected {"type": "FeatureCollection", "features": [...]}.'
		);
	}
	checkCrsMember(parsed.data.crs, label);
	return parsed.data.features;
}

/**
 * The pre-RFC 7946 `crs` member: GDAL writes it for anything but WGS84, so a named EPSG:28992
 * (RD New, the CBS delivery CRS) is the clearest sign of a file that was not reprojected.
 */
function checkCrsMember(crs: unknown, label: string): void {
	if (crs === undefined || crs === null) return;
	const name = (crs as { properties?: { name?: unknown } }).properties?.name;
	if (typeof name !== 'string') return;
	if (/28992/.test(name)) {
		throw new CbsImportError(
			`${label} is in RD New (EPSG:28992, its "crs" says ${name}); WGS84 longitude/latitude is ` +
				'required. Convert it first, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson.'
		);
	}
	if (!/CRS84$|EPSG(::|:|\/0\/)4326$/i.test(name)) {
		throw new CbsImportError(
			`${label} names the coordinate system ${name}; WGS84 longitude/latitude (CRS84) is required.`
		);
	}
}

// ============================================================================================
// Geometry helpers
// ============================================================================================

function isPolygonType(geometry: unknown): geometry is { type: 'Polygon' | 'MultiPolygon' } {
	const type = (geometry as { type?: unknown } | null)?.type;
	return type === 'Polygon' || type === 'MultiPolygon';
}

/** The polygons of a Polygon or MultiPolygon, as a list of ring lists. */
function polygonsOf(geometry: Boundary): Position[][][] {
	return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function isPosition(value: unknown): value is Position {
	return (
		Array.isArray(value) &&
		value.length >= 2 &&
		typeof value[0] === 'number' &&
		typeof value[1] === 'number' &&
		Number.isFinite(value[0]) &&
		Number.isFinite(value[1])
	);
}

/**
 * Checks the nesting of a (Multi)Polygon and returns a 2D copy, or a reason it is malformed.
 * Extra members (bbox, z values) are dropped: the boundary column only needs lon/lat.
 */
function cleanBoundary(geometry: { type: string; coordinates?: unknown }): Boundary | string {
	const polygons: unknown[] =
		geometry.type === 'Polygon'
			? [geometry.coordinates]
			: Array.isArray(geometry.coordinates)
				? geometry.coordinates
				: [undefined];
	if (polygons.length === 0) return 'the MultiPolygon has no polygons';
	const cleaned: Position[][][] = [];
	for (const [p, polygon] of polygons.entries()) {
		if (!Array.isArray(polygon) || polygon.length === 0) {
			return `malformed ${geometry.type}: polygon ${p + 1} has no rings`;
		}
		const rings: Position[][] = [];
		for (const [r, ring] of polygon.entries()) {
			if (!Array.isArray(ring) || !ring.every(isPosition)) {
				return `malformed ${geometry.type}: ring ${r + 1} is not a list of [lon, lat] positions`;
			}
			if (ring.length < 4) {
				return `malformed ${geometry.type}: ring ${r + 1} has ${ring.length} positions (at least 4 needed)`;
			}
			const first = ring[0];
			const last = ring[ring.length - 1];
			if (first[0] !== last[0] || first[1] !== last[1]) {
				return `malformed ${geometry.type}: ring ${r + 1} is not closed (first and last position differ)`;
			}
			rings.push(ring.map((position) => [position[0], position[1]]));
		}
		cleaned.push(rings);
	}
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: cleaned[0] }
		: { type: 'MultiPolygon', coordinates: cleaned };
}

/** RD New's extent in metres (EPSG:28992 area of use, rounded outwards). */
function looksLikeRdNew(x: number, y: number): boolean {
	return x >= -10_000 && x <= 300_000 && y >= 280_000 && y <= 650_000;
}

/**
 * Fatal when any polygon coordinate is outside longitude/latitude range (a projected file) or
 * when every coordinate looks like latitude, longitude in the Netherlands (swapped axes).
 */
function checkWgs84(features: unknown[], label: string): void {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	let sample: Position | null = null;
	const visit = (value: unknown): void => {
		if (isPosition(value)) {
			const [x, y] = value;
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
			if (!sample && (Math.abs(x) > 180 || Math.abs(y) > 90)) sample = value;
			return;
		}
		if (Array.isArray(value)) for (const item of value) visit(item);
	};
	for (const feature of features) {
		const geometry = (feature as { geometry?: unknown } | null)?.geometry;
		if (isPolygonType(geometry)) visit((geometry as { coordinates?: unknown }).coordinates);
	}
	if (sample) {
		const [x, y] = sample as Position;
		const where = `e.g. [${x}, ${y}]`;
		if (looksLikeRdNew(x, y)) {
			throw new CbsImportError(
				`${label} has projected coordinates (${where}) that look like RD New (EPSG:28992) metres; ` +
					'WGS84 longitude/latitude is required. Convert it first, e.g. ' +
					'ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson.'
			);
		}
		throw new CbsImportError(
			`${label} has coordinates outside longitude/latitude range (${where}); ` +
				'WGS84 longitude/latitude is required.'
		);
	}
	// Every CBS area lies within lon 3.2–7.3, lat 50.7–53.6. Coordinates entirely inside the
	// mirrored box are latitude-first, which would put every buurt in the Arabian Sea.
	if (minX >= 50 && maxX <= 54 && minY >= 3 && maxY <= 8) {
		throw new CbsImportError(
			`${label} has its coordinates as [latitude, longitude] (e.g. x ${minX.toFixed(3)}, ` +
				`y ${minY.toFixed(3)}); GeoJSON requires [longitude, latitude].`
		);
	}
}

/** Drops consecutive repeated positions, which @turf/kinks would report as crossings. */
function withoutRepeats(ring: Position[]): Position[] {
	return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
}

/**
 * Self-intersection check with @turf/kinks, one polygon at a time: turf compares every ring
 * with every other, so parts of a MultiPolygon that merely touch would count as crossings.
 * Cost is quadratic in the vertices of one polygon, fine for buurt boundaries.
 */
function selfIntersection(boundary: Boundary): Position | null {
	for (const rings of polygonsOf(boundary)) {
		const polygon: Polygon = { type: 'Polygon', coordinates: rings.map(withoutRepeats) };
		const found = kinks(polygon).features[0];
		if (found) return found.geometry.coordinates;
	}
	return null;
}

/**
 * Area-weighted (geometric) centroid in plane lon/lat, holes subtracted. Coordinates are taken
 * relative to the first vertex so the cross products keep their precision.
 */
export function areaCentroid(boundary: Boundary): Position | null {
	const polygons = polygonsOf(boundary);
	const [ox, oy] = polygons[0][0][0];
	let area = 0;
	let sx = 0;
	let sy = 0;
	for (const rings of polygons) {
		rings.forEach((ring, r) => {
			let a = 0;
			let cx = 0;
			let cy = 0;
			for (let i = 0; i < ring.length - 1; i++) {
				const x0 = ring[i][0] - ox;
				const y0 = ring[i][1] - oy;
				const x1 = ring[i + 1][0] - ox;
				const y1 = ring[i + 1][1] - oy;
				const cross = x0 * y1 - x1 * y0;
				a += cross;
				cx += (x0 + x1) * cross;
				cy += (y0 + y1) * cross;
			}
			// Outer rings add, holes subtract, whatever their winding order.
			const weight = (r === 0 ? 1 : -1) * Math.sign(a);
			area += weight * a;
			sx += weight * cx;
			sy += weight * cy;
		});
	}
	if (!(area > 0) || !Number.isFinite(sx) || !Number.isFinite(sy)) return null;
	return [ox + sx / (3 * area), oy + sy / (3 * area)];
}

function strictlyInside(point: Position, boundary: Boundary): boolean {
	return booleanPointInPolygon(point, boundary, { ignoreBoundary: true });
}

/**
 * A point inside the polygon on a horizontal scan line between two vertex heights: the middle
 * of the widest inside stretch (even-odd rule, so holes are outside).
 */
function scanlinePoint(boundary: Boundary): Position | null {
	const polygons = polygonsOf(boundary);
	const ys = [...new Set(polygons.flat(2).map((p) => p[1]))].sort((a, b) => a - b);
	if (ys.length < 2) return null;
	const middle = (ys[0] + ys[ys.length - 1]) / 2;
	const lines = ys
		.slice(1)
		.map((y, i) => (y + ys[i]) / 2)
		.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))
		.slice(0, 25);
	for (const y of lines) {
		const xs: number[] = [];
		for (const ring of polygons.flat()) {
			for (let i = 0; i < ring.length - 1; i++) {
				const [x0, y0] = ring[i];
				const [x1, y1] = ring[i + 1];
				if (y0 > y !== y1 > y) xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
			}
		}
		if (xs.length < 2 || xs.length % 2 !== 0) continue;
		xs.sort((a, b) => a - b);
		let best: Position | null = null;
		let width = 0;
		for (let i = 0; i < xs.length; i += 2) {
			if (xs[i + 1] - xs[i] > width) {
				width = xs[i + 1] - xs[i];
				best = [(xs[i] + xs[i + 1]) / 2, y];
			}
		}
		if (best && strictlyInside(best, boundary)) return best;
	}
	return null;
}

/**
 * A point strictly inside the boundary: the geometric centroid when it lies inside, else
 * @turf/point-on-feature. That one falls back to the nearest *vertex*, which is on the
 * boundary and would sit in two buurten at once, so a scan-line interior point is the last step.
 */
export function interiorPoint(boundary: Boundary): Position {
	const centroid = areaCentroid(boundary);
	if (centroid && strictlyInside(centroid, boundary)) return centroid;
	const onSurface = pointOnFeature(boundary).geometry.coordinates;
	if (strictlyInside(onSurface, boundary)) return onSurface;
	return scanlinePoint(boundary) ?? onSurface;
}

/** Union of buurt boundaries (polyclip-ts), as a Polygon when it is one piece. */
export function unionBoundaries(boundaries: Boundary[]): Boundary | null {
	if (boundaries.length === 0) return null;
	const geoms = boundaries.map((b) => b.coordinates as unknown as Geom);
	const merged = union(geoms[0], ...geoms.slice(1));
	if (merged.length === 0) return null;
	return merged.length === 1
		? { type: 'Polygon', coordinates: merged[0] }
		: { type: 'MultiPolygon', coordinates: merged };
}

// ============================================================================================
// Property reading
// ============================================================================================

type Props = Map<string, { key: string; value: unknown }>;

function propsOf(properties: Record<string, unknown> | null | undefined): Props {
	const map: Props = new Map();
	for (const [key, value] of Object.entries(properties ?? {})) {
		map.set(key.toLowerCase(), { key, value });
	}
	return map;
}

function pick(props: Props, names: readonly string[]): { key: string; value: unknown } | undefined {
	for (const name of names) {
		const found = props.get(name.toLowerCase());
		if (found && found.value !== null && found.value !== undefined) return found;
	}
	return undefined;
}

function pickText(props: Props, names: readonly string[]): string | null {
	const found = pick(props, names);
	if (found === undefined) return null;
	if (typeof found.value !== 'string' && typeof found.value !== 'number') return null;
	const text = String(found.value).trim();
	return text === '' ? null : text;
}

/** CBS marks a secret or not-applicable figure with -99999999, -99999997, -99997, -99995, … */
const SENTINEL_LIMIT = -99_990;
/** Symbols CBS uses in text exports for secret or missing figures. */
const SECRET_SYMBOLS = new Set(['', '.', 'x', '-', '?']);

type FigureResult = { value: number | null; secret?: true; problem?: string };

export function readFigure(raw: unknown, kind: FigureKind): FigureResult {
	if (raw === null || raw === undefined) return { value: null };
	let value: number;
	if (typeof raw === 'number') value = raw;
	else if (typeof raw === 'string') {
		const text = raw.trim();
		if (SECRET_SYMBOLS.has(text.toLowerCase())) return { value: null, secret: true };
		value = Number(text);
		if (!Number.isFinite(value))
			return { value: null, problem: `"${text.slice(0, 20)}" is not a number` };
	} else return { value: null, problem: `${typeof raw} is not a number` };
	if (!Number.isFinite(value)) return { value: null, problem: `${value} is not a number` };
	if (value <= SENTINEL_LIMIT) return { value: null, secret: true };
	if (value < 0) return { value: null, problem: `${value} is negative` };
	if (kind === 'percent' && value > 100)
		return { value: null, problem: `${value} is outside 0..100` };
	if (value > MAX_BY_KIND[kind]) return { value: null, problem: `${value} is too large` };
	switch (kind) {
		// CBS publishes whole counts and whole percentages; the columns are integer and smallint.
		case 'count':
		case 'percent':
			return { value: Math.round(value) };
		case 'decimal1':
			return { value: Math.round(value * 10) / 10 };
		case 'decimal2':
			return { value: Math.round(value * 100) / 100 };
	}
}

function readYear(raw: unknown): number | null {
	const year = typeof raw === 'string' ? Number(raw.trim()) : raw;
	return typeof year === 'number' && Number.isInteger(year) && year >= 1990 && year <= 2100
		? year
		: null;
}

function normaliseCode(text: string | null): string | null {
	return text === null ? null : text.toUpperCase().replace(/\s+/g, '');
}

/** Gemeente codes also appear as bare numbers (344 or "0344") in some CBS tables. */
function normaliseGemeenteCode(text: string | null): string | null {
	const code = normaliseCode(text);
	if (code !== null && /^\d{1,4}$/.test(code)) return `GM${code.padStart(4, '0')}`;
	return code;
}

// ============================================================================================
// The plan
// ============================================================================================

interface CheckedFeature {
	index: number;
	props: Props;
	boundary: Boundary;
}

/**
 * Shared per-feature checks: Feature shape, polygon geometry, well-formed rings, no
 * self-intersection. Returns null (and records the skip) when the feature cannot be used.
 */
function checkFeature(
	raw: unknown,
	index: number,
	file: SkippedFeature['file'],
	codeFields: readonly string[],
	skipped: SkippedFeature[]
): CheckedFeature | null {
	const parsed = featureSchema.safeParse(raw);
	const props = propsOf(parsed.success ? parsed.data.properties : undefined);
	const code = normaliseCode(pickText(props, codeFields));
	const skip = (reason: string) => {
		skipped.push({ file, index, code, reason });
		return null;
	};
	if (!parsed.success) return skip('not a GeoJSON Feature with properties');
	const geometry = parsed.data.geometry as { type?: unknown; coordinates?: unknown } | null;
	if (geometry === null || geometry === undefined) return skip('has no geometry');
	if (!isPolygonType(geometry)) {
		return skip(`geometry is ${String(geometry.type)}; expected Polygon or MultiPolygon`);
	}
	const boundary = cleanBoundary(geometry as { type: string; coordinates?: unknown });
	if (typeof boundary === 'string') return skip(boundary);
	const crossing = selfIntersection(boundary);
	if (crossing) {
		return skip(
			`self-intersecting polygon (crosses itself near ${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)})`
		);
	}
	return { index, props, boundary };
}

function checkedFeatures(value: unknown, label: string): unknown[] {
	const features = asFeatureCollection(value, label);
	const polygons = features.filter((f) =>
		isPolygonType((f as { geometry?: unknown } | null)?.geometry)
	);
	if (polygons.length === 0) {
		const kinds = new Map<string, number>();
		for (const f of features) {
			const type = (f as { geometry?: { type?: unknown } | null } | null)?.geometry?.type;
			const name = typeof type === 'string' ? type : 'no geometry';
			kinds.set(name, (kinds.get(name) ?? 0) + 1);
		}
		const found =
			features.length === 0
				? 'it has no features at all'
				: `found ${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ')}`;
		throw new CbsImportError(`${label} contains no Polygon or MultiPolygon features (${found}).`);
	}
	checkWgs84(polygons, label);
	return features;
}

/** What the steps of one import share: the reports they add to and where each field came from. */
class PlanContext {
	readonly skipped: SkippedFeature[] = [];
	readonly warnings: string[];
	readonly secretValues: CbsImportPlan['secretValues'] = {};
	/** Which property each column was read from (the first feature that has it decides). */
	readonly sources = new Map<string, string>();
	readonly gemeenteNames = new Map<string, string>();
	private readonly nameConflicts = new Set<string>();

	constructor(earlierWarnings: string[] = []) {
		this.warnings = [...earlierWarnings];
	}

	skip(file: SkippedFeature['file'], index: number, code: string | null, reason: string): void {
		this.skipped.push({ file, index, code, reason });
	}

	noteSource(field: string, found: { key: string } | undefined): void {
		if (found && !this.sources.has(field)) this.sources.set(field, found.key);
	}

	noteGemeente(code: string, name: string | null): void {
		if (name === null) return;
		const known = this.gemeenteNames.get(code);
		if (known === undefined) this.gemeenteNames.set(code, name);
		else if (known !== name && !this.nameConflicts.has(`${code}\u0000${name}`)) {
			this.nameConflicts.add(`${code}\u0000${name}`);
			this.warnings.push(`${code}: gemeente named both "${known}" and "${name}"; kept "${known}"`);
		}
	}

	name(name: string | null, placeholder: string, code: string): string {
		const chosen = name ?? placeholder;
		if (chosen.length <= 200) return chosen;
		this.warnings.push(`${code}: name longer than 200 characters, shortened`);
		return chosen.slice(0, 200);
	}
}

/** The wijken of a wijken file, by code: names and boundaries. */
function readWijkenFile(features: unknown[], ctx: PlanContext): Map<string, WijkRow> {
	const wijken = new Map<string, WijkRow>();
	const seen = new Map<string, number>();
	for (const [i, raw] of features.entries()) {
		const index = i + 1;
		const checked = checkFeature(raw, index, 'wijken', IDENTITY_FIELDS.wijkCode, ctx.skipped);
		if (!checked) continue;
		const code = normaliseCode(pickText(checked.props, IDENTITY_FIELDS.wijkCode));
		if (code === null) {
			ctx.skip('wijken', index, null, `no wijk code (${IDENTITY_FIELDS.wijkCode.join(' or ')})`);
			continue;
		}
		if (!WIJK_CODE.test(code)) {
			ctx.skip('wijken', index, code, `wijk code "${code}" is not WK followed by 6 digits`);
			continue;
		}
		const first = seen.get(code);
		if (first !== undefined) {
			ctx.skip('wijken', index, code, `duplicate of wijk feature #${first}; the first one is used`);
			continue;
		}
		const expectedGemeente = `GM${code.slice(2, 6)}`;
		const gemeenteCode =
			normaliseGemeenteCode(pickText(checked.props, IDENTITY_FIELDS.gemeenteCode)) ??
			expectedGemeente;
		if (gemeenteCode !== expectedGemeente) {
			ctx.skip(
				'wijken',
				index,
				code,
				`wijk code ${code} does not belong to gemeente ${gemeenteCode}`
			);
			continue;
		}
		seen.set(code, index);
		ctx.noteGemeente(gemeenteCode, pickText(checked.props, IDENTITY_FIELDS.gemeenteName));
		ctx.noteSource('wijkenFile.code', pick(checked.props, IDENTITY_FIELDS.wijkCode));
		ctx.noteSource('wijkenFile.name', pick(checked.props, IDENTITY_FIELDS.wijkName));
		const name = pickText(checked.props, IDENTITY_FIELDS.wijkName);
		const [lon, lat] = interiorPoint(checked.boundary);
		wijken.set(code, {
			code,
			gemeente_code: gemeenteCode,
			name: ctx.name(name, `Wijk ${code}`, code),
			name_is_placeholder: name === null,
			boundary: checked.boundary,
			centroid_lon: lon,
			centroid_lat: lat
		});
	}
	return wijken;
}

/** The buurt codes and how they must nest: BU0344 0111 → WK0344 01 → GM0344. */
function buurtCodes(props: Props): {
	code: string | null;
	wijkCode?: string;
	gemeenteCode?: string;
	problem?: string;
} {
	const code = normaliseCode(pickText(props, IDENTITY_FIELDS.buurtCode));
	if (code === null) {
		return { code, problem: `no buurt code (${IDENTITY_FIELDS.buurtCode.join(' or ')})` };
	}
	if (!BUURT_CODE.test(code))
		return { code, problem: `buurt code "${code}" is not BU followed by 8 digits` };
	const expectedGemeente = `GM${code.slice(2, 6)}`;
	const expectedWijk = `WK${code.slice(2, 8)}`;
	const gemeenteCode =
		normaliseGemeenteCode(pickText(props, IDENTITY_FIELDS.gemeenteCode)) ?? expectedGemeente;
	const wijkCode = normaliseCode(pickText(props, IDENTITY_FIELDS.wijkCode)) ?? expectedWijk;
	if (!GEMEENTE_CODE.test(gemeenteCode)) {
		return { code, problem: `gemeente code "${gemeenteCode}" is not GM followed by 4 digits` };
	}
	if (gemeenteCode !== expectedGemeente) {
		return {
			code,
			problem: `buurt code ${code} does not belong to gemeente ${gemeenteCode} (expected ${expectedGemeente})`
		};
	}
	if (wijkCode !== expectedWijk) {
		return {
			code,
			problem: `buurt code ${code} does not belong to wijk ${wijkCode} (expected ${expectedWijk})`
		};
	}
	return { code, wijkCode, gemeenteCode };
}

/** The buurten rows, and the wijk names some editions carry on each buurt. */
function readBuurten(
	features: unknown[],
	year: number | undefined,
	ctx: PlanContext
): { buurten: BuurtRow[]; wijkNames: Map<string, string> } {
	const buurten: BuurtRow[] = [];
	const wijkNames = new Map<string, string>();
	const seen = new Map<string, number>();
	for (const [i, raw] of features.entries()) {
		const index = i + 1;
		const checked = checkFeature(raw, index, 'buurten', IDENTITY_FIELDS.buurtCode, ctx.skipped);
		if (!checked) continue;
		const { props, boundary } = checked;
		const { code, wijkCode, gemeenteCode, problem } = buurtCodes(props);
		if (problem || code === null || !wijkCode || !gemeenteCode) {
			ctx.skip('buurten', index, code, problem ?? 'no buurt code');
			continue;
		}
		const first = seen.get(code);
		if (first !== undefined) {
			ctx.skip(
				'buurten',
				index,
				code,
				`duplicate of buurt feature #${first}; the first one is used`
			);
			continue;
		}
		seen.set(code, index);
		ctx.noteGemeente(gemeenteCode, pickText(props, IDENTITY_FIELDS.gemeenteName));
		const wijkName = pickText(props, IDENTITY_FIELDS.wijkName);
		if (wijkName !== null && !wijkNames.has(wijkCode)) wijkNames.set(wijkCode, wijkName);
		for (const field of ['buurtCode', 'buurtName', 'wijkCode', 'wijkName'] as const) {
			ctx.noteSource(field, pick(props, IDENTITY_FIELDS[field]));
		}
		ctx.noteSource('gemeenteCode', pick(props, IDENTITY_FIELDS.gemeenteCode));
		ctx.noteSource('gemeenteName', pick(props, IDENTITY_FIELDS.gemeenteName));

		const name = pickText(props, IDENTITY_FIELDS.buurtName);
		if (name === null) ctx.warnings.push(`${code}: no buurt name; stored as "Buurt ${code}"`);
		const figures = {} as Record<KeyFigureColumn, number | null>;
		for (const spec of KEY_FIGURES) {
			const found = pick(props, spec.sources);
			ctx.noteSource(spec.column, found);
			const result = readFigure(found?.value, spec.kind);
			figures[spec.column] = result.value;
			if (result.secret) ctx.secretValues[spec.column] = (ctx.secretValues[spec.column] ?? 0) + 1;
			if (result.problem) {
				ctx.warnings.push(
					`${code}: ${found?.key} ${result.problem}; ${spec.column} stored as null`
				);
			}
		}
		let keyFiguresYear = year ?? null;
		if (keyFiguresYear === null) {
			const found = pick(props, IDENTITY_FIELDS.year);
			keyFiguresYear = readYear(found?.value);
			ctx.noteSource('year', found);
		}
		const [minLon, minLat, maxLon, maxLat] = turfBbox(boundary);
		const [centroidLon, centroidLat] = interiorPoint(boundary);
		buurten.push({
			code,
			wijk_code: wijkCode,
			gemeente_code: gemeenteCode,
			name: ctx.name(name, `Buurt ${code}`, code),
			boundary,
			centroid_lon: centroidLon,
			centroid_lat: centroidLat,
			min_lon: minLon,
			min_lat: minLat,
			max_lon: maxLon,
			max_lat: maxLat,
			...figures,
			key_figures_year: keyFiguresYear
		});
	}
	return { buurten, wijkNames };
}

/** A wijk for every wijk code the buurten use and the wijken file lacks: union of its buurten. */
function deriveWijken(
	buurten: BuurtRow[],
	fromFile: Map<string, WijkRow> | undefined,
	wijkNames: Map<string, string>,
	ctx: PlanContext
): WijkRow[] {
	const byWijk = new Map<string, BuurtRow[]>();
	for (const buurt of buurten) {
		if (fromFile?.has(buurt.wijk_code)) continue;
		byWijk.set(buurt.wijk_code, [...(byWijk.get(buurt.wijk_code) ?? []), buurt]);
	}
	return [...byWijk].map(([code, members]) => {
		if (fromFile) {
			ctx.warnings.push(
				`${code} is not in the wijken file; its boundary is derived from its buurten`
			);
		}
		let boundary: Boundary | null = null;
		try {
			boundary = unionBoundaries(members.map((b) => b.boundary));
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			ctx.warnings.push(
				`${code}: the union of its buurten failed (${reason}); boundary left empty`
			);
		}
		const name = wijkNames.get(code) ?? null;
		const point = boundary ? interiorPoint(boundary) : null;
		return {
			code,
			gemeente_code: members[0].gemeente_code,
			name: ctx.name(name, `Wijk ${code}`, code),
			name_is_placeholder: name === null,
			boundary,
			centroid_lon: point?.[0] ?? null,
			centroid_lat: point?.[1] ?? null
		};
	});
}

/** Source field → column for everything the import stores, and the columns left empty. */
function mappingReport(
	ctx: PlanContext,
	options: { wijkenFile: boolean; derived: boolean; yearOption: boolean }
): Pick<CbsImportPlan, 'fieldsMapped' | 'fieldsMissing'> {
	const fieldsMapped: FieldMapping[] = [];
	const fieldsMissing: string[] = [];
	const map = (field: string, column: string, suffix = '') => {
		const key = ctx.sources.get(field);
		if (key) fieldsMapped.push({ source: `${key}${suffix}`, column });
		else fieldsMissing.push(column);
	};
	map('buurtCode', 'buurten.code');
	map('buurtName', 'buurten.name');
	map('wijkCode', 'buurten.wijk_code');
	map('gemeenteCode', 'buurten.gemeente_code');
	map('gemeenteName', 'gemeenten.name');
	if (options.wijkenFile) {
		map('wijkenFile.code', 'wijken.code', ' (wijken file)');
		map('wijkenFile.name', 'wijken.name', ' (wijken file)');
		fieldsMapped.push({ source: 'geometry (wijken file)', column: 'wijken.boundary' });
	} else {
		map('wijkName', 'wijken.name', ' (buurten)');
	}
	if (options.derived) {
		fieldsMapped.push({ source: 'union of the buurten', column: 'wijken.boundary' });
	}
	for (const spec of KEY_FIGURES) map(spec.column, `buurten.${spec.column}`);
	if (options.yearOption) {
		fieldsMapped.push({ source: '--year', column: 'buurten.key_figures_year' });
	} else map('year', 'buurten.key_figures_year');
	return { fieldsMapped, fieldsMissing };
}

/**
 * Checks and maps a CBS buurten FeatureCollection (and optionally a wijken one) into rows.
 * Throws CbsImportError on a fatal problem; per-feature problems end up in `skipped`.
 */
export function prepareCbsImport(input: CbsImportInput): CbsImportPlan {
	const buurtenLabel = input.buurtenLabel ?? 'The buurten GeoJSON';
	const wijkenLabel = input.wijkenLabel ?? 'The wijken GeoJSON';
	if (input.year !== undefined && readYear(input.year) === null) {
		throw new CbsImportError(
			`The year must be a whole number from 1990 to 2100, not ${input.year}.`
		);
	}
	// All fatal checks first, for both files, so a bad wijken file also writes nothing.
	const buurtFeatures = checkedFeatures(input.buurten, buurtenLabel);
	const wijkFeatures =
		input.wijken === undefined ? undefined : checkedFeatures(input.wijken, wijkenLabel);

	const ctx = new PlanContext(input.warnings);
	const fromFile = wijkFeatures ? readWijkenFile(wijkFeatures, ctx) : undefined;
	const { buurten, wijkNames } = readBuurten(buurtFeatures, input.year, ctx);
	if (buurten.length === 0) {
		throw new CbsImportError(
			`${buurtenLabel} has no usable buurten: all ${buurtFeatures.length} features were skipped ` +
				`(first reason: ${ctx.skipped.find((s) => s.file === 'buurten')?.reason ?? 'unknown'}).`
		);
	}
	const derived = deriveWijken(buurten, fromFile, wijkNames, ctx);
	const wijken = [...(fromFile?.values() ?? []), ...derived].sort((a, b) =>
		a.code.localeCompare(b.code)
	);

	const source = input.source ?? 'CBS Wijk- en Buurtkaart';
	const gemeenteCodes = [...new Set(wijken.map((w) => w.gemeente_code))].sort();
	const gemeenten: GemeenteRow[] = gemeenteCodes.map((code) => {
		const name = ctx.gemeenteNames.get(code) ?? null;
		if (name === null) {
			ctx.warnings.push(`${code}: no gemeente name in the file; stored as "Gemeente ${code}"`);
		}
		return {
			code,
			name: ctx.name(name, `Gemeente ${code}`, code),
			name_is_placeholder: name === null,
			source
		};
	});

	return {
		source,
		gemeenten,
		wijken,
		buurten,
		skipped: ctx.skipped,
		warnings: ctx.warnings,
		...mappingReport(ctx, {
			wijkenFile: wijkFeatures !== undefined,
			derived: derived.length > 0,
			yearOption: input.year !== undefined
		}),
		secretValues: ctx.secretValues,
		derivedWijken: derived.map((w) => w.code).sort()
	};
}

// ============================================================================================
// Summary
// ============================================================================================

export interface LevelCounts {
	inserted: number;
	updated: number;
	unchanged: number;
}

export interface CbsImportSummary {
	source: string;
	counts: { gemeenten: LevelCounts; wijken: LevelCounts; buurten: LevelCounts };
	/** Rows of the imported gemeenten that exist in the database but not in this input. */
	notInInput: { wijken: number; buurten: number };
	fieldsMapped: FieldMapping[];
	fieldsMissing: string[];
	secretValues: CbsImportPlan['secretValues'];
	derivedWijken: string[];
	skipped: SkippedFeature[];
	warnings: string[];
}

/** How many warnings the printed summary lists before it counts the rest. */
const WARNINGS_SHOWN = 25;

/** The summary as printable lines (every skipped feature; warnings up to a limit). */
export function formatSummary(summary: CbsImportSummary): string[] {
	const lines: string[] = [`Source: ${summary.source}`];
	const pad = (text: string | number, width: number) => String(text).padStart(width);
	lines.push(
		`${'level'.padEnd(10)}${pad('inserted', 10)}${pad('updated', 10)}${pad('unchanged', 11)}`
	);
	for (const level of ['gemeenten', 'wijken', 'buurten'] as const) {
		const c = summary.counts[level];
		lines.push(
			`${level.padEnd(10)}${pad(c.inserted, 10)}${pad(c.updated, 10)}${pad(c.unchanged, 11)}`
		);
	}
	if (summary.notInInput.buurten > 0 || summary.notInInput.wijken > 0) {
		lines.push(
			`Already in the database but not in this input (left as they are): ` +
				`${summary.notInInput.wijken} wijken, ${summary.notInInput.buurten} buurten`
		);
	}
	lines.push('Fields mapped (source → column):');
	for (const m of summary.fieldsMapped) lines.push(`  ${m.source} → ${m.column}`);
	lines.push(
		`Fields missing (stored as null): ${summary.fieldsMissing.length ? summary.fieldsMissing.join(', ') : 'none'}`
	);
	const secret = Object.entries(summary.secretValues);
	if (secret.length > 0) {
		lines.push(
			`Values CBS keeps secret or not applicable (stored as null): ${secret.map(([c, n]) => `${c} ${n}`).join(', ')}`
		);
	}
	if (summary.derivedWijken.length > 0) {
		lines.push(
			`Wijken derived from their buurten: ${summary.derivedWijken.length} (${summary.derivedWijken.join(', ')})`
		);
	}
	lines.push(`Skipped features: ${summary.skipped.length === 0 ? 'none' : summary.skipped.length}`);
	for (const s of summary.skipped) {
		lines.push(`  ${s.file} feature #${s.index}${s.code ? ` (${s.code})` : ''}: ${s.reason}`);
	}
	lines.push(`Warnings: ${summary.warnings.length === 0 ? 'none' : summary.warnings.length}`);
	for (const w of summary.warnings.slice(0, WARNINGS_SHOWN)) lines.push(`  ${w}`);
	if (summary.warnings.length > WARNINGS_SHOWN) {
		lines.push(`  … and ${summary.warnings.length - WARNINGS_SHOWN} more`);
	}
	return lines;
}
