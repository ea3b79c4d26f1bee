// What each planning page loads, from its URL: parse, compute, and turn problems into translated
// messages (a 400 page for a bad link, a form error for a bad form). Routes stay thin.
import { m } from '$lib/paraglide/messages';
import {
	isSubmitted,
	parseGapQuery,
	parseSuggestionsQuery,
	parseWhatIfQuery,
	type GapQuery
} from '$lib/schemas/plan';
import type { FieldErrors } from '$lib/schemas/form';
import type { Tx } from '$lib/server/db/types';
import {
	gapAnalysis,
	suggestionsAnalysis,
	whatIfAnalysis,
	type GapAnalysis,
	type PlanProblem,
	type SuggestionsAnalysis,
	type WhatIfAnalysis
} from './service';
import type { Result } from '$lib/result';

export type PageResult<T> = Result<T, string>;

export function planProblemMessage(problem: PlanProblem): string {
	const messages: Record<PlanProblem, () => string> = {
		no_buurten: m.plan_problem_no_buurten,
		unknown_gemeente: m.plan_error_gemeente,
		unknown_theme: m.plan_error_subject,
		unknown_buurt: m.plan_error_buurt,
		outside: m.plan_problem_outside,
		analysis: m.plan_problem_analysis,
		nothing_to_save: m.plan_problem_nothing_to_save
	};
	return messages[problem]();
}

/** The form field a problem belongs to (for the error summary's link). */
const PROBLEM_FIELD: Record<PlanProblem, string> = {
	no_buurten: 'form',
	unknown_gemeente: 'gemeente',
	unknown_theme: 'onderwerp',
	unknown_buurt: 'buurt',
	outside: 'lon',
	analysis: 'form',
	nothing_to_save: 'form'
};

export function problemErrors(problem: PlanProblem): FieldErrors {
	return { [PROBLEM_FIELD[problem]]: planProblemMessage(problem) };
}

/** The analysis the link asks for; a bad link is a 400 with the reasons. */
async function baseAnalysis(tx: Tx, params: URLSearchParams): Promise<PageResult<GapAnalysis>> {
	const parsed = parseGapQuery(params);
	if (!parsed.ok) return { ok: false, error: Object.values(parsed.error).join(' ') };
	return analysisFor(tx, parsed.value);
}

async function analysisFor(tx: Tx, query: GapQuery): Promise<PageResult<GapAnalysis>> {
	const result = await gapAnalysis(tx, query);
	return result.ok
		? { ok: true, value: result.value }
		: { ok: false, error: planProblemMessage(result.error) };
}

export const gapPage = baseAnalysis;

/** The form's own values as typed, to fill it in again. */
function formValues(params: URLSearchParams, fields: readonly string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of fields) {
		const value = params.get(field);
		if (value !== null) values[field] = value.slice(0, 100);
	}
	return values;
}

const WHAT_IF_FIELDS = ['buurt', 'lon', 'lat', 'capaciteit', 'looptijd'] as const;
const SUGGESTION_FIELDS = ['aantal', 'capaciteit', 'looptijd'] as const;

interface FormPage<R> {
	base: GapAnalysis;
	values: Record<string, string>;
	errors: FieldErrors | null;
	result: R | null;
}

export async function whatIfPage(
	tx: Tx,
	params: URLSearchParams
): Promise<PageResult<FormPage<WhatIfAnalysis>>> {
	const base = await baseAnalysis(tx, params);
	if (!base.ok) return base;
	const page: FormPage<WhatIfAnalysis> = {
		base: base.value,
		values: formValues(params, WHAT_IF_FIELDS),
		errors: null,
		result: null
	};
	if (!isSubmitted(params, WHAT_IF_FIELDS)) return { ok: true, value: page };
	const parsed = parseWhatIfQuery(params);
	if (!parsed.ok) return { ok: true, value: { ...page, errors: parsed.error } };
	const result = await whatIfAnalysis(tx, parsed.value);
	if (!result.ok) return { ok: true, value: { ...page, errors: problemErrors(result.error) } };
	return { ok: true, value: { ...page, result: result.value } };
}

export async function suggestionsPage(
	tx: Tx,
	params: URLSearchParams
): Promise<PageResult<FormPage<SuggestionsAnalysis>>> {
	const base = await baseAnalysis(tx, params);
	if (!base.ok) return base;
	const page: FormPage<SuggestionsAnalysis> = {
		base: base.value,
		values: formValues(params, SUGGESTION_FIELDS),
		errors: null,
		result: null
	};
	if (!isSubmitted(params, SUGGESTION_FIELDS)) return { ok: true, value: page };
	const parsed = parseSuggestionsQuery(params);
	if (!parsed.ok) return { ok: true, value: { ...page, errors: parsed.error } };
	const result = await suggestionsAnalysis(tx, parsed.value);
	if (!result.ok) return { ok: true, value: { ...page, errors: problemErrors(result.error) } };
	return { ok: true, value: { ...page, result: result.value } };
}
