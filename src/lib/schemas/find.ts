import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// The filters of the find page (/aanbod) as they travel in the URL: a GET form, so a search can
// be shared and works without JavaScript. The page and the map's GeoJSON endpoint parse the same
// query string with this schema, so map and list always show the same result set.
// Parameter names are Dutch and the same in every language, so a shared link works for everyone.
// Whether a theme, wijk or buurt exists is data: the server checks that (find.ts).

export const FIND_PAGE_SIZE = 20;
/** Longer query strings are refused before parsing (a form never makes one this long). */
export const FIND_MAX_QUERY_LENGTH = 2000;
export const FIND_MAX_TEXT = 100;
export const FIND_MAX_PAGE = 500;
/** The walking distances the form offers, in minutes. */
export const WALKING_MINUTES = [5, 10, 15, 20, 30, 45, 60] as const;
export const LAWS = ['wmo2015', 'jeugdwet', 'participatiewet', 'geen'] as const;
export const ACCESSIBILITY = [
	'step_free',
	'hearing_loop',
	'accessible_toilet',
	'quiet_space',
	'guide_dogs_welcome'
] as const;

export type Law = (typeof LAWS)[number];
export type AccessibilityCode = (typeof ACCESSIBILITY)[number];
export type OfferKind = 'initiative' | 'provision';

/** What the URL says "soort" is, and the kind it means. */
const KIND_PARAM = { initiatief: 'initiative', voorziening: 'provision' } as const;
export const KIND_PARAM_OF: Record<OfferKind, keyof typeof KIND_PARAM> = {
	initiative: 'initiatief',
	provision: 'voorziening'
};

export interface FindFilters {
	text: string | null;
	kind: OfferKind | null;
	theme: string | null;
	law: Law | null;
	/** A wijk (WK…) or buurt (BU…) code: only what lies in it. */
	area: string | null;
	/** A buurt code: distances from its inner point. */
	nearBuurt: string | null;
	/** A point (from "use my location" or the map): distances from here unless nearBuurt is set. */
	point: { lat: number; lon: number } | null;
	maxMinutes: number | null;
	/** ISO weekday, 1 = Monday. */
	day: number | null;
	openNow: boolean;
	language: string | null;
	accessibility: AccessibilityCode[];
	page: number;
}

export const NO_FILTERS: FindFilters = {
	text: null,
	kind: null,
	theme: null,
	law: null,
	area: null,
	nearBuurt: null,
	point: null,
	maxMinutes: null,
	day: null,
	openNow: false,
	language: null,
	accessibility: [],
	page: 1
};

const COORDINATE = /^-?\d{1,3}(\.\d{1,10})?$/;
const WHOLE = /^\d{1,4}$/;

/** A known language (ISO 639): Intl has a name for it. */
function isLanguage(code: string): boolean {
	try {
		return !!new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
	} catch {
		return false;
	}
}

const optionalCode = (pattern: RegExp, error: () => string) =>
	z.string().regex(pattern, { error }).optional();

const coordinate = (max: number) =>
	z
		.string()
		.regex(COORDINATE, { error: () => m.filter_error_point() })
		.transform(Number)
		.pipe(
			z
				.number()
				.min(-max, { error: () => m.filter_error_point() })
				.max(max, { error: () => m.filter_error_point() })
		)
		.optional();

const whole = (error: () => string) => z.string().regex(WHOLE, { error }).transform(Number);

// Messages are functions, so zod asks for them at parse time, in the language of the request.
const querySchema = z
	.object({
		q: z
			.string()
			.max(FIND_MAX_TEXT, { error: () => m.filter_error_text_too_long({ max: FIND_MAX_TEXT }) })
			.optional(),
		soort: z.enum(['initiatief', 'voorziening'], { error: () => m.filter_error_kind() }).optional(),
		thema: optionalCode(/^[a-z][a-z0-9-]{1,40}$/, () => m.filter_error_theme()),
		wet: z.enum(LAWS, { error: () => m.filter_error_law() }).optional(),
		gebied: optionalCode(/^(WK\d{6}|BU\d{8})$/, () => m.filter_error_area()),
		bij: optionalCode(/^BU\d{8}$/, () => m.filter_error_near()),
		lat: coordinate(90),
		lon: coordinate(180),
		minuten: whole(() => m.filter_error_minutes())
			.refine((n) => (WALKING_MINUTES as readonly number[]).includes(n), {
				error: () => m.filter_error_minutes()
			})
			.optional(),
		dag: whole(() => m.filter_error_day())
			.refine((n) => n >= 1 && n <= 7, { error: () => m.filter_error_day() })
			.optional(),
		nu: z.enum(['ja'], { error: () => m.filter_error_open_now() }).optional(),
		taal: z
			.string()
			.regex(/^[a-z]{2,3}$/, { error: () => m.filter_error_language() })
			.refine(isLanguage, { error: () => m.filter_error_language() })
			.optional(),
		toegankelijk: z
			.array(z.enum(ACCESSIBILITY, { error: () => m.filter_error_accessibility() }))
			.max(ACCESSIBILITY.length, { error: () => m.filter_error_accessibility() })
			.default([]),
		pagina: whole(() => m.filter_error_page())
			.refine((n) => n >= 1 && n <= FIND_MAX_PAGE, { error: () => m.filter_error_page() })
			.default(1)
	})
	.refine((query) => (query.lat === undefined) === (query.lon === undefined), {
		path: ['lat'],
		error: () => m.filter_error_point_half()
	});

/** Parameters that may repeat (checkboxes); every other one counts once. */
const REPEATED = new Set(['toegankelijk']);

/** The query string as an object for the schema: values trimmed, empty fields left out. */
function rawQuery(params: URLSearchParams): Record<string, string | string[]> {
	const raw: Record<string, string | string[]> = {};
	for (const [name, value] of params) {
		const trimmed = value.trim();
		if (trimmed === '') continue;
		if (REPEATED.has(name)) {
			const list = (raw[name] as string[] | undefined) ?? [];
			if (!list.includes(trimmed)) list.push(trimmed);
			raw[name] = list;
		} else if (!(name in raw)) {
			raw[name] = trimmed;
		}
	}
	return raw;
}

export type FindParse =
	{ success: true; filters: FindFilters } | { success: false; messages: string[] };

/** Reads the filters from a URL's query string; every problem comes back as a translated sentence. */
export function parseFindQuery(params: URLSearchParams): FindParse {
	if (params.toString().length > FIND_MAX_QUERY_LENGTH) {
		return { success: false, messages: [m.filter_error_too_long()] };
	}
	const parsed = querySchema.safeParse(rawQuery(params));
	if (!parsed.success) {
		return { success: false, messages: [...new Set(parsed.error.issues.map((i) => i.message))] };
	}
	const query = parsed.data;
	const text = query.q?.replace(/\s+/g, ' ').trim() ?? '';
	return {
		success: true,
		filters: {
			text: text === '' ? null : text,
			kind: query.soort ? KIND_PARAM[query.soort] : null,
			theme: query.thema ?? null,
			law: query.wet ?? null,
			area: query.gebied ?? null,
			nearBuurt: query.bij ?? null,
			point:
				query.lat !== undefined && query.lon !== undefined
					? { lat: query.lat, lon: query.lon }
					: null,
			maxMinutes: query.minuten ?? null,
			day: query.dag ?? null,
			openNow: query.nu === 'ja',
			language: query.taal ?? null,
			accessibility: ACCESSIBILITY.filter((code) => query.toegankelijk.includes(code)),
			page: query.pagina
		}
	};
}

/**
 * The filters as a query string in one fixed order, without empty fields: what the map's
 * GeoJSON endpoint is asked for, and what pages and language links carry. The page number is
 * left out unless asked for (the map shows the whole result set).
 */
export function findQueryString(filters: FindFilters, options: { page?: number } = {}): string {
	const params = new URLSearchParams();
	if (filters.text) params.set('q', filters.text);
	if (filters.kind) params.set('soort', KIND_PARAM_OF[filters.kind]);
	if (filters.theme) params.set('thema', filters.theme);
	if (filters.law) params.set('wet', filters.law);
	if (filters.area) params.set('gebied', filters.area);
	if (filters.nearBuurt) params.set('bij', filters.nearBuurt);
	if (filters.point) {
		params.set('lat', String(filters.point.lat));
		params.set('lon', String(filters.point.lon));
	}
	if (filters.maxMinutes !== null) params.set('minuten', String(filters.maxMinutes));
	if (filters.day !== null) params.set('dag', String(filters.day));
	if (filters.openNow) params.set('nu', 'ja');
	if (filters.language) params.set('taal', filters.language);
	for (const code of filters.accessibility) params.append('toegankelijk', code);
	if (options.page && options.page > 1) params.set('pagina', String(options.page));
	return params.toString();
}
