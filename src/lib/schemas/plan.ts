import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { fieldErrors, formFields as firstValues, type Parsed } from './form';

export type { Parsed };

// The council's planning forms (/gemeente/planning/…) as they travel in the URL: GET forms, so an
// analysis can be shared, bookmarked and exported, and works without JavaScript. Parameter names
// are Dutch and the same in every language. Whether a theme, gemeente or buurt exists is data:
// the server checks that (src/lib/server/planning).

export const PLAN_LAWS = ['wmo2015', 'jeugdwet', 'participatiewet', 'geen'] as const;
export type PlanLaw = (typeof PLAN_LAWS)[number];

/** Look-back windows the forms offer, in days. */
export const PLAN_WINDOWS = [30, 90, 180, 365] as const;
export const DEFAULT_WINDOW_DAYS = 365;
export const DEFAULT_CAPACITY = 25;
export const DEFAULT_CATCHMENT_MINUTES = 15;
export const MAX_CAPACITY = 10_000;
/** As for provisions in the database (catchment_minutes between 1 and 120). */
export const MAX_CATCHMENT_MINUTES = 120;
export const MAX_SUGGESTIONS = 10;
export const DEFAULT_SUGGESTIONS = 3;
export const MAX_SCENARIO_NAME = 120;

/** What an analysis is about: one theme (leefgebied), or every theme of one law. */
export type PlanSubject = { kind: 'theme'; theme: string } | { kind: 'law'; law: PlanLaw };

const THEME_CODE = /^[a-z][a-z0-9-]{1,40}$/;
const LAW_PREFIX = 'wet:';

/** `voeding` → a theme; `wet:wmo2015` → a law; anything else → null. */
export function parseSubject(value: string): PlanSubject | null {
	if (value.startsWith(LAW_PREFIX)) {
		const law = value.slice(LAW_PREFIX.length);
		return (PLAN_LAWS as readonly string[]).includes(law)
			? { kind: 'law', law: law as PlanLaw }
			: null;
	}
	return THEME_CODE.test(value) ? { kind: 'theme', theme: value } : null;
}

/** The URL (and database) form of a subject: the inverse of parseSubject. */
export function subjectParam(subject: PlanSubject): string {
	return subject.kind === 'law' ? `${LAW_PREFIX}${subject.law}` : subject.theme;
}

// ============================================================================================
// Field parsers
// ============================================================================================

/** '' and absent are the same: not filled in. */
const blankAsMissing = (value: unknown) =>
	typeof value === 'string' && value.trim() === '' ? undefined : value;

function wholeNumber(
	min: number,
	max: number,
	messages: { required: () => string; range: () => string }
) {
	return z
		.string({ error: messages.required })
		.trim()
		.regex(/^[-+]?\d{1,9}$/, { error: () => m.plan_error_whole_number() })
		.transform(Number)
		.pipe(z.number().min(min, { error: messages.range }).max(max, { error: messages.range }));
}

/** Decimal degrees; a decimal comma is accepted (Dutch keyboards). NaN, Infinity, 1e3 are not. */
function coordinate(min: number, max: number, range: () => string) {
	return z
		.string()
		.trim()
		.transform((value) => value.replace(',', '.'))
		.pipe(
			z
				.string()
				.regex(/^[-+]?\d{1,3}(\.\d{1,12})?$/, { error: () => m.plan_error_coordinate() })
				.transform(Number)
				.pipe(z.number().min(min, { error: range }).max(max, { error: range }))
		);
}

const subjectField = z
	.string()
	.trim()
	.transform((value, ctx) => {
		const subject = parseSubject(value);
		if (!subject) {
			ctx.addIssue({ code: 'custom', message: m.plan_error_subject() });
			return z.NEVER;
		}
		return subject;
	});

const windowField = z
	.string()
	.trim()
	.transform((value, ctx) => {
		const days = Number(value);
		if (!(PLAN_WINDOWS as readonly number[]).includes(days) || !/^\d+$/.test(value)) {
			ctx.addIssue({ code: 'custom', message: m.plan_error_window() });
			return z.NEVER;
		}
		return days;
	});

const baseShape = {
	gemeente: z.preprocess(
		blankAsMissing,
		z
			.string()
			.regex(/^GM[0-9]{4}$/, { error: () => m.plan_error_gemeente() })
			.optional()
	),
	onderwerp: z.preprocess(blankAsMissing, subjectField.optional()),
	venster: z.preprocess(blankAsMissing, windowField.optional()),
	// A checkbox: present with value "ja" when ticked, absent otherwise.
	verwacht: z.preprocess(
		blankAsMissing,
		z.literal('ja', { error: () => m.plan_error_expected() }).optional()
	)
};

const provisionShape = {
	capaciteit: wholeNumber(1, MAX_CAPACITY, {
		required: () => m.plan_error_capacity_required(),
		range: () => m.plan_error_capacity_range({ max: MAX_CAPACITY })
	}),
	looptijd: wholeNumber(1, MAX_CATCHMENT_MINUTES, {
		required: () => m.plan_error_catchment_required(),
		range: () => m.plan_error_catchment_range({ max: MAX_CATCHMENT_MINUTES })
	})
};

const baseSchema = z.object(baseShape);

const whatIfSchema = z
	.object({
		...baseShape,
		...provisionShape,
		lon: z.preprocess(
			blankAsMissing,
			coordinate(-180, 180, () => m.plan_error_lon_range()).optional()
		),
		lat: z.preprocess(
			blankAsMissing,
			coordinate(-90, 90, () => m.plan_error_lat_range()).optional()
		),
		buurt: z.preprocess(
			blankAsMissing,
			z
				.string()
				.regex(/^BU[0-9]{8}$/, { error: () => m.plan_error_buurt() })
				.optional()
		)
	})
	.superRefine((value, ctx) => {
		const hasLon = value.lon !== undefined;
		const hasLat = value.lat !== undefined;
		if (hasLon !== hasLat) {
			ctx.addIssue({
				code: 'custom',
				path: [hasLon ? 'lat' : 'lon'],
				message: m.plan_error_point_incomplete()
			});
		} else if (!hasLon && value.buurt === undefined) {
			ctx.addIssue({ code: 'custom', path: ['buurt'], message: m.plan_error_place_required() });
		}
	});

const suggestionsSchema = z.object({
	...baseShape,
	...provisionShape,
	aantal: wholeNumber(1, MAX_SUGGESTIONS, {
		required: () => m.plan_error_count_required(),
		range: () => m.plan_error_count_range({ max: MAX_SUGGESTIONS })
	})
});

const scenarioNameSchema = z.object({
	naam: z
		.string({ error: () => m.plan_error_name_required() })
		.trim()
		.min(1, { error: () => m.plan_error_name_required() })
		.max(MAX_SCENARIO_NAME, { error: () => m.plan_error_name_too_long({ max: MAX_SCENARIO_NAME }) })
});

const scenarioIdSchema = z.object({
	id: z.uuid({ error: () => m.plan_error_scenario_unknown() })
});

// ============================================================================================
// What the parsers return
// ============================================================================================

export interface GapQuery {
	gemeente: string | null;
	/** null: the server picks the first theme. */
	subject: PlanSubject | null;
	windowDays: number;
	includeExpected: boolean;
}

export interface CandidateInput {
	capacity: number;
	catchmentMinutes: number;
}

export interface WhatIfQuery extends GapQuery, CandidateInput {
	/** A point (from the map or typed in) wins over a buurt when both are given. */
	place: { kind: 'point'; lon: number; lat: number } | { kind: 'buurt'; code: string };
}

export interface SuggestionsQuery extends GapQuery, CandidateInput {
	count: number;
}

function gapQueryOf(value: z.infer<typeof baseSchema>): GapQuery {
	return {
		gemeente: value.gemeente ?? null,
		subject: value.onderwerp ?? null,
		windowDays: value.venster ?? DEFAULT_WINDOW_DAYS,
		includeExpected: value.verwacht === 'ja'
	};
}

export function parseGapQuery(params: URLSearchParams | FormData): Parsed<GapQuery> {
	const parsed = baseSchema.safeParse(firstValues(params));
	return parsed.success
		? { ok: true, value: gapQueryOf(parsed.data) }
		: { ok: false, error: fieldErrors(parsed.error) };
}

export function parseWhatIfQuery(params: URLSearchParams | FormData): Parsed<WhatIfQuery> {
	const parsed = whatIfSchema.safeParse(firstValues(params));
	if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
	const { lon, lat, buurt, capaciteit, looptijd } = parsed.data;
	return {
		ok: true,
		value: {
			...gapQueryOf(parsed.data),
			capacity: capaciteit,
			catchmentMinutes: looptijd,
			place:
				lon !== undefined && lat !== undefined
					? { kind: 'point', lon, lat }
					: { kind: 'buurt', code: buurt! }
		}
	};
}

export function parseSuggestionsQuery(
	params: URLSearchParams | FormData
): Parsed<SuggestionsQuery> {
	const parsed = suggestionsSchema.safeParse(firstValues(params));
	if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
	return {
		ok: true,
		value: {
			...gapQueryOf(parsed.data),
			capacity: parsed.data.capaciteit,
			catchmentMinutes: parsed.data.looptijd,
			count: parsed.data.aantal
		}
	};
}

export function parseScenarioName(form: FormData): Parsed<string> {
	const parsed = scenarioNameSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: parsed.data.naam }
		: { ok: false, error: fieldErrors(parsed.error) };
}

export function parseScenarioId(form: FormData): Parsed<string> {
	const parsed = scenarioIdSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: parsed.data.id }
		: { ok: false, error: fieldErrors(parsed.error) };
}

/** True when a what-if or suggestions form was submitted (any of its own fields is in the URL). */
export function isSubmitted(params: URLSearchParams, fields: readonly string[]): boolean {
	return fields.some((field) => params.has(field));
}

/** The query string of an analysis, for links and exports (same parameters the forms post). */
export function gapQueryString(query: GapQuery & { subject: PlanSubject }): string {
	const params = new URLSearchParams();
	if (query.gemeente) params.set('gemeente', query.gemeente);
	params.set('onderwerp', subjectParam(query.subject));
	params.set('venster', String(query.windowDays));
	if (query.includeExpected) params.set('verwacht', 'ja');
	return params.toString();
}
