// The residents' find page: published initiatives and provisions, filtered, ordered and paged.
// One function computes the whole result set; the page shows a slice of it and the map's GeoJSON
// endpoint all of it, from the same query string, so map and list can never disagree.
//
// The database narrows by what it indexes or matches best (kind, theme, law, area, language,
// accessibility, free text with find_text_matches); walking distance, day and "open now" are
// decided here with the same pure functions the pages use to describe them.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import {
	isOpenAt,
	meetsOnDay,
	nextOccurrences,
	parseSchedule,
	type ScheduleSlot
} from '$lib/offer/schedule';
import type {
	BuurtOption,
	FindItem,
	FindOptions,
	Reference,
	ThemeOption,
	WijkOption
} from '$lib/offer/types';
import { walkingMinutes, walkingMinutesRounded, type LonLat } from '$lib/analysis/walking';
import {
	FIND_PAGE_SIZE,
	findQueryString,
	type FindFilters,
	type OfferKind
} from '$lib/schemas/find';
import type { Tx } from '$lib/server/db/types';

export type { FindItem, FindOptions, Reference, ThemeOption } from '$lib/offer/types';

/** A row as the database returns it. */
export interface OfferRow {
	kind: OfferKind;
	id: string;
	name: string;
	lon: number;
	lat: number;
	buurtCode: string;
	buurtName: string;
	wijkName: string;
	themes: string[];
	schedule: unknown;
	accessibility: string[];
	languages: string[];
	address: string | null;
	organisationName: string | null;
	nameMatches: boolean;
}

export type FindProblem = 'unknown_theme' | 'unknown_area' | 'unknown_near';

export type FindResult =
	| {
			ok: true;
			options: FindOptions;
			reference: Reference | null;
			/** A walking distance was asked for without a place to measure from: not applied. */
			distanceIgnored: boolean;
			items: FindItem[];
	  }
	| { ok: false; problem: FindProblem };

export async function findOptions(tx: Tx): Promise<FindOptions> {
	const themes = await tx.query<ThemeOption>(
		`select code, law, name_nl as "nameNl", name_en as "nameEn"
		   from public.themes order by sort_order, code`
	);
	const buurten = await tx.query<BuurtOption & { wijkCode: string; wijkName: string }>(
		`select b.code, b.name, b.centroid_lon as lon, b.centroid_lat as lat,
		        w.code as "wijkCode", w.name as "wijkName"
		   from public.buurten b join public.wijken w on w.code = b.wijk_code
		  order by w.name, w.code, b.name, b.code`
	);
	const wijken: WijkOption[] = [];
	for (const { wijkCode, wijkName, ...buurt } of buurten) {
		const last = wijken.at(-1);
		if (last?.code === wijkCode) last.buurten.push(buurt);
		else wijken.push({ code: wijkCode, name: wijkName, buurten: [buurt] });
	}
	const languages = await tx.query<{ code: string }>(
		`select distinct code from (
		   select unnest(languages) as code from public.initiatives where status = 'published'
		   union
		   select unnest(languages) from public.provisions where status = 'published'
		 ) spoken order by code`
	);
	return { themes, wijken, languages: languages.map((row) => row.code) };
}

/** The published offer that passes the database-side filters. Drafts never: status is explicit. */
export async function offerCandidates(tx: Tx, filters: FindFilters): Promise<OfferRow[]> {
	// The status test is explicit although RLS already limits the public to published rows:
	// an admin or council member reads drafts through RLS, and the find page is public.
	return tx.query<OfferRow>(
		`with offer as (
		   select 'initiative'::text as kind, i.id, i.name, i.description, i.lon, i.lat, i.buurt_code,
		          i.schedule, i.accessibility, i.languages, i.address, i.organisation_id,
		          array(select it.theme_code from public.initiative_themes it
		                  join public.themes th on th.code = it.theme_code
		                 where it.initiative_id = i.id order by th.sort_order, th.code) as themes
		     from public.initiatives i
		    where i.status = 'published'
		   union all
		   select 'provision', p.id, p.name, p.description, p.lon, p.lat, p.buurt_code, p.schedule,
		          p.accessibility, p.languages, p.address, p.organisation_id, array[p.theme_code]
		     from public.provisions p
		    where p.status = 'published'
		 )
		 select o.kind, o.id, o.name, o.lon, o.lat, o.buurt_code as "buurtCode",
		        b.name as "buurtName", w.name as "wijkName", o.themes, o.schedule, o.accessibility,
		        o.languages, o.address, org.name as "organisationName",
		        ($7::text is not null and public.find_text_matches(o.name, $7::text)) as "nameMatches"
		   from offer o
		   join public.buurten b on b.code = o.buurt_code
		   join public.wijken w on w.code = b.wijk_code
		   left join public.organisations org on org.id = o.organisation_id
		  where ($1::text is null or o.kind = $1::text)
		    and ($2::text is null or $2::text = any(o.themes))
		    and ($3::text is null or exists (
		          select 1 from public.themes t where t.code = any(o.themes) and t.law::text = $3::text))
		    and ($4::text is null or o.buurt_code = $4::text or b.wijk_code = $4::text)
		    and ($5::text is null or $5::text = any(o.languages))
		    and o.accessibility @> string_to_array($6::text, ',')
		    and ($7::text is null or public.find_text_matches(
		          concat_ws(' ', o.name, o.description, o.address, org.name, b.name, w.name,
		            (select string_agg(t.name_nl || ' ' || t.name_en, ' ')
		               from public.themes t where t.code = any(o.themes))),
		          $7::text))`,
		[
			filters.kind,
			filters.theme,
			filters.law,
			filters.area,
			filters.language,
			filters.accessibility.join(','),
			filters.text
		]
	);
}

/** The buurt a point lies in, if any: bounding boxes in the database, the polygon test here. */
async function buurtAt(tx: Tx, lon: number, lat: number): Promise<string | null> {
	const candidates = await tx.query<{ name: string; boundary: Polygon | MultiPolygon }>(
		`select name, boundary from public.buurten
		  where $1::float8 between min_lon and max_lon and $2::float8 between min_lat and max_lat
		  order by code`,
		[lon, lat]
	);
	return candidates.find((b) => booleanPointInPolygon([lon, lat], b.boundary))?.name ?? null;
}

const collator = new Intl.Collator('nl', { sensitivity: 'base', numeric: true });

/**
 * Distance, day and "open now", then the order: nearest first when there is a place, else
 * (with a search text) names that match first, then by name. The order does not depend on the
 * reader's language, so a shared link lists the same way for everyone.
 */
export function refine(
	rows: readonly OfferRow[],
	filters: FindFilters,
	reference: LonLat | null,
	now: Date
): FindItem[] {
	const items: (FindItem & { exact: number; nameMatches: boolean })[] = [];
	for (const row of rows) {
		const schedule: ScheduleSlot[] = parseSchedule(row.schedule);
		const exact = reference ? walkingMinutes(reference, row) : 0;
		const minutes = reference ? walkingMinutesRounded(reference, row) : null;
		if (filters.maxMinutes !== null && minutes !== null && minutes > filters.maxMinutes) continue;
		if (filters.day !== null && !meetsOnDay(schedule, filters.day)) continue;
		const openNow = isOpenAt(schedule, now);
		if (filters.openNow && !openNow) continue;
		items.push({
			kind: row.kind,
			id: row.id,
			name: row.name,
			lon: row.lon,
			lat: row.lat,
			buurtName: row.buurtName,
			wijkName: row.wijkName,
			themes: row.themes,
			address: row.address,
			organisationName: row.organisationName,
			minutes,
			openNow,
			next: nextOccurrences(schedule, now, 1)[0] ?? null,
			exact,
			nameMatches: row.nameMatches
		});
	}
	items.sort(
		(a, b) =>
			a.exact - b.exact ||
			Number(b.nameMatches) - Number(a.nameMatches) ||
			collator.compare(a.name, b.name) ||
			(a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
			(a.id < b.id ? -1 : 1)
	);
	return items.map(({ exact: _exact, nameMatches: _nameMatches, ...item }) => item);
}

/** The whole result set for these filters; unknown themes and places are reported, not ignored. */
export async function findOffer(tx: Tx, filters: FindFilters, now: Date): Promise<FindResult> {
	const options = await findOptions(tx);
	if (filters.theme && !options.themes.some((t) => t.code === filters.theme)) {
		return { ok: false, problem: 'unknown_theme' };
	}
	const buurten = options.wijken.flatMap((w) => w.buurten);
	if (
		filters.area &&
		!options.wijken.some((w) => w.code === filters.area) &&
		!buurten.some((b) => b.code === filters.area)
	) {
		return { ok: false, problem: 'unknown_area' };
	}
	let reference: Reference | null = null;
	if (filters.nearBuurt) {
		const buurt = buurten.find((b) => b.code === filters.nearBuurt);
		if (!buurt) return { ok: false, problem: 'unknown_near' };
		reference = { kind: 'buurt', ...buurt };
	} else if (filters.point) {
		const { lon, lat } = filters.point;
		reference = { kind: 'point', lon, lat, buurtName: await buurtAt(tx, lon, lat) };
	}
	const rows = await offerCandidates(tx, filters);
	return {
		ok: true,
		options,
		reference,
		distanceIgnored: filters.maxMinutes !== null && reference === null,
		items: refine(rows, filters, reference, now)
	};
}

export type FindPage =
	| {
			ok: true;
			options: FindOptions;
			reference: Reference | null;
			distanceIgnored: boolean;
			total: number;
			page: number;
			pages: number;
			pageSize: number;
			items: FindItem[];
			/** The filters as a canonical query string, without the page: the map asks for this. */
			query: string;
	  }
	| { ok: false; problem: FindProblem | 'no_such_page'; pages?: number };

/** One page of the result set (the map shows all of it through the GeoJSON endpoint). */
export async function findPage(tx: Tx, filters: FindFilters, now: Date): Promise<FindPage> {
	const result = await findOffer(tx, filters, now);
	if (!result.ok) return result;
	const total = result.items.length;
	const pages = Math.max(1, Math.ceil(total / FIND_PAGE_SIZE));
	if (filters.page > pages) return { ok: false, problem: 'no_such_page', pages };
	const start = (filters.page - 1) * FIND_PAGE_SIZE;
	return {
		ok: true,
		options: result.options,
		reference: result.reference,
		distanceIgnored: result.distanceIgnored,
		total,
		page: filters.page,
		pages,
		pageSize: FIND_PAGE_SIZE,
		items: result.items.slice(start, start + FIND_PAGE_SIZE),
		query: findQueryString(filters)
	};
}
