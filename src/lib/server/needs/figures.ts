// The public needs figures (/behoeften and /api/behoeften.geojson), read from
// public.need_aggregates only: rows the maintenance job has already suppressed and rounded.
// Nothing here reads public.needs, so a page or endpoint built on it cannot show more.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { FigureView, NeedFigureProperties } from '$lib/needs/types';
import type { NeedFiguresQuery } from '$lib/schemas/need';
import type { Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';
import { roundCoordinate } from '$lib/server/geo/map-data';
import type { Locale } from './report';

export interface NeedFiguresPage {
	gemeenten: { code: string; name: string }[];
	gemeente: { code: string; name: string };
	months: number;
	themes: { code: string; name: string }[];
	/** The chosen theme, or null for all themes together. */
	theme: { code: string; name: string } | null;
	window: { start: string; end: string; computedAt: string } | null;
	total: FigureView | null;
	wijken: {
		code: string;
		name: string;
		figure: FigureView | null;
		buurten: { code: string; name: string; figure: FigureView | null }[];
	}[];
	/** The whole gemeente per theme (for the chosen window). */
	themeTotals: { code: string; name: string; figure: FigureView | null }[];
}

export type FiguresResult =
	| { ok: true; page: NeedFiguresPage }
	| { ok: false; problem: 'no_gemeente' | 'unknown_gemeente' | 'unknown_theme' };

// area_level and display have check constraints, plain text in the generated file.
type AggregateRow = Omit<
	Pick<
		Row<'need_aggregates'>,
		| 'area_level'
		| 'area_code'
		| 'theme_code'
		| 'display'
		| 'rounded_count'
		| 'households'
		| 'rate_per_1000'
		| 'window_start'
		| 'window_end'
		| 'computed_at'
	>,
	'area_level' | 'display'
> & {
	area_level: 'buurt' | 'wijk' | 'gemeente';
	display: FigureView['display'];
};

const view = (row: AggregateRow | undefined): FigureView | null =>
	row
		? {
				display: row.display,
				count: row.rounded_count,
				ratePer1000: row.rate_per_1000 === null ? null : Number(row.rate_per_1000),
				households: row.households
			}
		: null;

export async function needFiguresPage(
	tx: Tx,
	query: NeedFiguresQuery,
	locale: Locale
): Promise<FiguresResult> {
	const gemeenten = await tx.query<Pick<Row<'gemeenten'>, 'code' | 'name'>>(
		'select code, name from public.gemeenten order by name, code'
	);
	if (gemeenten.length === 0) return { ok: false, problem: 'no_gemeente' };
	const gemeente = query.gemeente ? gemeenten.find((g) => g.code === query.gemeente) : gemeenten[0];
	if (!gemeente) return { ok: false, problem: 'unknown_gemeente' };
	const themes = await tx.query<Pick<Row<'themes'>, 'code'> & { name: Row<'themes'>['name_nl'] }>(
		`select code, case when $1 = 'en' then name_en else name_nl end as name
		   from public.themes order by sort_order, code`,
		[locale]
	);
	const theme = query.thema ? (themes.find((t) => t.code === query.thema) ?? null) : null;
	if (query.thema && !theme) return { ok: false, problem: 'unknown_theme' };
	const themeCode = theme?.code ?? '*';

	const rows = await tx.query<AggregateRow>(
		`select area_level, area_code, theme_code, display, rounded_count, households, rate_per_1000,
		        window_start, window_end, computed_at
		   from public.need_aggregates
		  where gemeente_code = $1 and window_months = $2
		    and (theme_code = $3 or area_level = 'gemeente')`,
		[gemeente.code, query.periode, themeCode]
	);
	const key = (level: string, code: string, themeKey: string) => `${level} ${code} ${themeKey}`;
	const byKey = new Map(rows.map((r) => [key(r.area_level, r.area_code, r.theme_code), r]));
	const areas = await tx.query<{
		wijk_code: Row<'wijken'>['code'];
		wijk_name: Row<'wijken'>['name'];
		buurt_code: Row<'buurten'>['code'];
		buurt_name: Row<'buurten'>['name'];
	}>(
		`select w.code as wijk_code, w.name as wijk_name, b.code as buurt_code, b.name as buurt_name
		   from public.buurten b join public.wijken w on w.code = b.wijk_code
		  where b.gemeente_code = $1
		  order by w.name, w.code, b.name, b.code`,
		[gemeente.code]
	);
	const wijken: NeedFiguresPage['wijken'] = [];
	for (const area of areas) {
		let wijk = wijken.at(-1);
		if (wijk?.code !== area.wijk_code) {
			wijk = {
				code: area.wijk_code,
				name: area.wijk_name,
				figure: view(byKey.get(key('wijk', area.wijk_code, themeCode))),
				buurten: []
			};
			wijken.push(wijk);
		}
		wijk.buurten.push({
			code: area.buurt_code,
			name: area.buurt_name,
			figure: view(byKey.get(key('buurt', area.buurt_code, themeCode)))
		});
	}
	const first = rows[0];
	return {
		ok: true,
		page: {
			gemeenten,
			gemeente,
			months: query.periode,
			themes,
			theme,
			window: first
				? {
						start: new Date(first.window_start).toISOString(),
						end: new Date(first.window_end).toISOString(),
						computedAt: new Date(first.computed_at).toISOString()
					}
				: null,
			total: view(byKey.get(key('gemeente', gemeente.code, themeCode))),
			wijken,
			themeTotals: themes.map((t) => ({
				...t,
				figure: view(byKey.get(key('gemeente', gemeente.code, t.code)))
			}))
		}
	};
}

/** Buurt outlines with the published figure of the chosen theme and window: the map layer. */
export async function needFiguresGeoJson(
	tx: Tx,
	query: NeedFiguresQuery
): Promise<FeatureCollection<Polygon | MultiPolygon, NeedFigureProperties> | null> {
	const [gemeente] = await tx.query<Pick<Row<'gemeenten'>, 'code'>>(
		query.gemeente
			? 'select code from public.gemeenten where code = $1'
			: 'select code from public.gemeenten where $1 = $1 order by name, code limit 1',
		[query.gemeente]
	);
	if (!gemeente) return null;
	if (query.thema) {
		const known = await tx.query('select 1 from public.themes where code = $1', [query.thema]);
		if (known.length === 0) return null;
	}
	const rows = await tx.query<
		Pick<Row<'buurten'>, 'code' | 'name'> &
			Pick<Row<'need_aggregates'>, 'rounded_count' | 'rate_per_1000'> & {
				boundary: Polygon | MultiPolygon;
				display: FigureView['display'] | null;
			}
	>(
		`select b.code, b.name, b.boundary, a.display, a.rounded_count, a.rate_per_1000
		   from public.buurten b
		   left join public.need_aggregates a
		     on a.area_level = 'buurt' and a.area_code = b.code and a.gemeente_code = b.gemeente_code
		    and a.window_months = $2 and a.theme_code = $3
		  where b.gemeente_code = $1
		  order by b.code`,
		[gemeente.code, query.periode, query.thema || '*']
	);
	const round = (ring: number[][]) =>
		ring.map(([lon, lat]) => [roundCoordinate(lon), roundCoordinate(lat)]);
	return {
		type: 'FeatureCollection',
		features: rows.map((row): Feature<Polygon | MultiPolygon, NeedFigureProperties> => ({
			type: 'Feature',
			id: row.code,
			properties: {
				code: row.code,
				name: row.name,
				display: row.display ?? 'none',
				count: row.rounded_count,
				ratePer1000: row.rate_per_1000 === null ? null : Number(row.rate_per_1000)
			},
			geometry:
				row.boundary.type === 'Polygon'
					? { type: 'Polygon', coordinates: row.boundary.coordinates.map(round) }
					: {
							type: 'MultiPolygon',
							coordinates: row.boundary.coordinates.map((polygon) => polygon.map(round))
						}
		}))
	};
}
