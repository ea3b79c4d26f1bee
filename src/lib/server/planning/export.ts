// The gap table as CSV and as GeoJSON: the same rows, the same suppression, with the source of
// the geography (CBS, Kadaster) named in the file itself.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { roundCoordinate } from '$lib/server/geo/map-data';
import type { GapRow, GapView } from './analysis';

export interface CsvLabels {
	/** Column headers, in the order of CSV_COLUMNS. */
	headers: Record<(typeof CSV_COLUMNS)[number], string>;
	/** What a suppressed count reads as ("<5"). */
	small: string;
	/**
	 * What a suppressed demand or unmet need reads as: "<5" too, unless the expected need was
	 * added (then it may be 5 or more, and reads as "hidden"). Default: `small`.
	 */
	derivedSmall?: string;
	/** Legend label per class (0–4). */
	classLabels: readonly string[];
	/** Lines after the table: subject, window, attribution. */
	footer: readonly string[];
}

export const CSV_COLUMNS = [
	'rank',
	'code',
	'name',
	'wijk',
	'reported',
	'expected',
	'demand',
	'accessibility',
	'coverage',
	'unmet',
	'class'
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a separator, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe (OWASP "CSV injection").
 */
export function csvField(value: string | number): string {
	let text = typeof value === 'number' ? String(value) : value;
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const count = (value: number | null, small: string) => (value === null ? small : value);

export function gapCsv(view: GapView, labels: CsvLabels): string {
	const lines = [CSV_COLUMNS.map((column) => csvField(labels.headers[column])).join(',')];
	const derivedSmall = labels.derivedSmall ?? labels.small;
	for (const row of view.rows) {
		const cells: Record<(typeof CSV_COLUMNS)[number], string | number> = {
			rank: row.rank,
			code: row.code,
			name: row.name,
			wijk: row.wijkName,
			reported: count(row.reported, labels.small),
			expected: row.expected,
			demand: count(row.demand, derivedSmall),
			accessibility: row.accessibility,
			coverage: row.coveragePct,
			unmet: count(row.unmet, derivedSmall),
			class: labels.classLabels[row.gapClass] ?? String(row.gapClass)
		};
		lines.push(CSV_COLUMNS.map((column) => csvField(cells[column])).join(','));
	}
	lines.push('', ...labels.footer.map((line) => csvField(line)));
	// A byte order mark, so spreadsheet programs read the UTF-8 (ë, é in buurt names) correctly.
	return `\ufeff${lines.join('\r\n')}\r\n`;
}

type Boundary = Polygon | MultiPolygon;

function roundGeometry(geometry: Boundary): Boundary {
	const ring = (points: number[][]) =>
		points.map(([lon, lat]) => [roundCoordinate(lon), roundCoordinate(lat)]);
	return geometry.type === 'Polygon'
		? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
		: { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(ring)) };
}

export interface GeoJsonMeta {
	title: string;
	attribution: string;
	subject: string;
	windowDays: number;
	includeExpected: boolean;
	generatedAt: string;
	classLabels: readonly string[];
}

/**
 * Buurt outlines with the table's values as properties. Property names are fixed (Dutch, as the
 * URL parameters): a GIS layer's fields should not change with the reader's language. A
 * suppressed count is null with `klein_aantal: true`.
 */
export function gapGeoJson(
	view: GapView,
	boundaries: readonly { code: string; boundary: Boundary }[],
	meta: GeoJsonMeta
): FeatureCollection<Boundary> & Record<string, unknown> {
	const byCode = new Map(boundaries.map((b) => [b.code, b.boundary]));
	const features = view.rows
		.filter((row) => byCode.has(row.code))
		.map((row: GapRow): Feature<Boundary> => ({
			type: 'Feature',
			id: row.code,
			geometry: roundGeometry(byCode.get(row.code)!),
			properties: {
				rang: row.rank,
				buurtcode: row.code,
				buurt: row.name,
				wijk: row.wijkName,
				gemeld: row.reported,
				verwacht: row.expected,
				vraag: row.demand,
				bereikbaar_aanbod: row.accessibility,
				dekking_pct: row.coveragePct,
				onvervuld: row.unmet,
				klein_aantal: row.reported === null,
				klasse: row.gapClass,
				klasse_label: meta.classLabels[row.gapClass] ?? String(row.gapClass)
			}
		}));
	return {
		type: 'FeatureCollection',
		name: meta.title,
		attribution: meta.attribution,
		onderwerp: meta.subject,
		venster_dagen: meta.windowDays,
		verwachte_vraag: meta.includeExpected,
		gemaakt_op: meta.generatedAt,
		features
	};
}
