import { AnalysisInputError } from '$lib/analysis/accessibility';
import {
	defaultSteps,
	e2sfcaGaps,
	type BuurtPoint,
	type E2sfcaGapResult,
	type ProvisionPoint,
	type Steps
} from '$lib/analysis/gaps';
import { suggestSites, whatIf } from '$lib/analysis/site-suggestion';
import {
	SMALL_COUNT,
	gapBreaks,
	gapClass,
	roundUnmet,
	type GapBreaks,
	type GapClass
} from '$lib/planning/gap-classes';
import type { BuurtDemandParts } from './demand';

/**
 * The council's gap analysis wired to the pure engine (src/lib/analysis): demand and supply in,
 * rows for the table, the map and the exports out, with small counts suppressed.
 *
 * Disclosure. The engine computes with exact counts (E2SFCA shares capacity out by demand, so
 * rounded or suppressed inputs would misplace it). What leaves the server follows one rule: a
 * number that rests on 1 to 4 reporting households is not shown ("<5", null here). That covers
 * a buurt's reported count, its demand and unmet need (both bounded by, or derived from, the
 * reported count), the municipality totals, and a what-if's change or a suggestion's gain when
 * the buurten whose unmet need moved hold 1 to 4 reporting households between them — otherwise a
 * candidate placed next to one small buurt would read its count off the change. The map's first
 * class is "more than 0 and below 5", so colours say no more than the table. Every number is
 * checked to be finite before it is rounded.
 */

export interface PlanBuurt {
	code: string;
	name: string;
	wijkName: string;
	/** The buurt's inner point (CBS-style centroid), the demand point. */
	lon: number;
	lat: number;
}

export interface GapRow {
	rank: number;
	code: string;
	name: string;
	wijkName: string;
	/** Households reported (open needs, signals); null = 1 to 4, shown as "<5". */
	reported: number | null;
	/** Expected need from CBS figures (0 when not included). Public figures: never suppressed. */
	expected: number;
	/** D_i = reported + expected; null when reported is 1 to 4. */
	demand: number | null;
	/** A_i: weekly places within reach per household of demand. */
	accessibility: number;
	/** min(1, A_i / target) as a whole percentage. */
	coveragePct: number;
	/** Unmet need in households (one decimal); null when reported is 1 to 4. */
	unmet: number | null;
	gapClass: GapClass;
}

export interface GapTotals {
	buurtCount: number;
	/** null when the municipality's reported total is 1 to 4. */
	demand: number | null;
	unmet: number | null;
	shareUnmetPct: number | null;
	buurtenWithUnmet: number;
	/** Σ reported households (null when 1 to 4). */
	reported: number | null;
}

export interface GapView {
	rows: GapRow[];
	totals: GapTotals;
	breaks: GapBreaks;
	/** The E2SFCA zones used, [minutes, weight]. */
	steps: Array<[number, number]>;
}

/** A number checked to be finite, or the analysis stops with a clear input error. */
function finite(value: number, what: string): number {
	if (!Number.isFinite(value)) throw new AnalysisInputError(`${what} is not a finite number`);
	return value;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round2 = (value: number) => Math.round(value * 100) / 100;

export function isSmallCount(value: number): boolean {
	return value > 0 && value < SMALL_COUNT;
}

/** A count as shown: null for 1 to 4 ("<5"), else rounded to one decimal. */
export function shownCount(value: number): number | null {
	finite(value, 'count');
	return isSmallCount(value) ? null : round1(value);
}

/** The demand points of the engine: buurt centroids with reported and expected need. */
export function demandPoints(
	buurten: readonly PlanBuurt[],
	demand: ReadonlyMap<string, BuurtDemandParts>
): BuurtPoint[] {
	return buurten.map((b) => {
		const parts = demand.get(b.code);
		return {
			code: b.code,
			lon: b.lon,
			lat: b.lat,
			demand: parts?.reported ?? 0,
			expectedNeed: parts?.expected ?? 0
		};
	});
}

/** Rows in rank order: darkest class first, then most unmet need, then by name. */
function rank(rows: Omit<GapRow, 'rank'>[]): GapRow[] {
	const collator = new Intl.Collator('nl');
	return rows
		.slice()
		.sort(
			(a, b) =>
				b.gapClass - a.gapClass ||
				(b.unmet ?? -1) - (a.unmet ?? -1) ||
				collator.compare(a.name, b.name) ||
				(a.code < b.code ? -1 : 1)
		)
		.map((row, k) => ({ ...row, rank: k + 1 }));
}

/** Table, map and export rows from an engine result. */
export function gapView(input: {
	buurten: readonly PlanBuurt[];
	demand: ReadonlyMap<string, BuurtDemandParts>;
	result: E2sfcaGapResult;
	/** Breaks of another view (a what-if's "before"), so the two maps compare; default: own. */
	breaks?: GapBreaks;
}): GapView {
	const { buurten, demand, result } = input;
	const byCode = new Map(buurten.map((b) => [b.code, b]));
	let maxUnmet = 0;
	for (const row of result.buurten) maxUnmet = Math.max(maxUnmet, finite(row.unmet, 'unmet need'));
	const breaks = input.breaks ?? gapBreaks(maxUnmet);

	let reportedTotal = 0;
	const rows = result.buurten.map((row) => {
		const buurt = byCode.get(row.code);
		if (!buurt) throw new AnalysisInputError(`unknown buurt '${row.code}'`);
		const reported = finite(demand.get(row.code)?.reported ?? 0, 'reported need');
		reportedTotal += reported;
		const small = isSmallCount(reported);
		return {
			code: row.code,
			name: buurt.name,
			wijkName: buurt.wijkName,
			reported: small ? null : round1(reported),
			expected: round1(finite(row.expected, 'expected need')),
			demand: small ? null : round1(finite(row.demand, 'demand')),
			accessibility: round2(finite(row.accessibility, 'accessibility')),
			coveragePct: Math.round(finite(row.coverage, 'coverage') * 100),
			unmet: small ? null : roundUnmet(row.unmet),
			gapClass: gapClass(row.unmet, breaks)
		};
	});
	const smallTotal = isSmallCount(reportedTotal);
	const { summary } = result;
	return {
		rows: rank(rows),
		totals: {
			buurtCount: rows.length,
			demand: smallTotal ? null : round1(finite(summary.totalDemand, 'total demand')),
			unmet: smallTotal ? null : round1(finite(summary.totalUnmet, 'total unmet need')),
			shareUnmetPct: smallTotal ? null : Math.round(finite(summary.shareUnmet, 'share') * 100),
			buurtenWithUnmet: rows.filter((row) => row.gapClass > 0).length,
			reported: smallTotal ? null : round1(reportedTotal)
		},
		breaks,
		steps: result.steps
	};
}

/** Luo & Qi's zones over the largest catchment of the existing and the new provisions. */
export function sharedSteps(
	provisions: readonly ProvisionPoint[],
	extraCatchments: readonly number[] = []
): Steps {
	let max = 0;
	for (const p of provisions) max = Math.max(max, p.catchmentMinutes);
	for (const c of extraCatchments) max = Math.max(max, c);
	return max > 0 ? defaultSteps(max) : [];
}

/** Plain gaps for the map page. */
export function analyseGaps(input: {
	buurten: readonly PlanBuurt[];
	demand: ReadonlyMap<string, BuurtDemandParts>;
	provisions: readonly ProvisionPoint[];
}): { result: E2sfcaGapResult; view: GapView } {
	const steps = sharedSteps(input.provisions);
	const result = e2sfcaGaps({
		buurten: demandPoints(input.buurten, input.demand),
		provisions: input.provisions,
		steps: steps.length > 0 ? steps : undefined
	});
	return { result, view: gapView({ ...input, result }) };
}

export interface ChangedBuurt {
	code: string;
	name: string;
	before: number | null;
	after: number | null;
}

export interface ChangeSummary {
	unmetBefore: number | null;
	/** null when the change rests on 1 to 4 reporting households (see the module comment). */
	unmetAfter: number | null;
	/** after − before, ≤ 0 (one decimal); null when hidden. */
	change: number | null;
	/** How many buurten gain (their unmet need falls). */
	buurtenHelped: number;
	hidden: boolean;
}

const MOVED = 1e-9;

/** Buurten whose unmet need moved between two runs over the same buurten, in input order. */
function movedBuurten(before: E2sfcaGapResult, after: E2sfcaGapResult): number[] {
	const moved: number[] = [];
	before.buurten.forEach((row, k) => {
		if (Math.abs(after.buurten[k].unmet - row.unmet) > MOVED) moved.push(k);
	});
	return moved;
}

function changeSummary(
	before: E2sfcaGapResult,
	after: E2sfcaGapResult,
	demand: ReadonlyMap<string, BuurtDemandParts>,
	previouslyHidden = false
): ChangeSummary {
	const moved = movedBuurten(before, after);
	const behind = moved.reduce(
		(sum, k) => sum + (demand.get(before.buurten[k].code)?.reported ?? 0),
		0
	);
	let total = 0;
	for (const parts of demand.values()) total += parts.reported;
	const totalsHidden = isSmallCount(total);
	const hidden = previouslyHidden || totalsHidden || isSmallCount(behind);
	const unmetBefore = finite(before.summary.totalUnmet, 'unmet need');
	const unmetAfter = finite(after.summary.totalUnmet, 'unmet need');
	return {
		unmetBefore: totalsHidden ? null : round1(unmetBefore),
		unmetAfter: hidden ? null : round1(unmetAfter),
		change: hidden ? null : round1(unmetAfter - unmetBefore),
		buurtenHelped: moved.length,
		hidden
	};
}

export interface WhatIfCandidate {
	lon: number;
	lat: number;
	capacity: number;
	catchmentMinutes: number;
}

export interface WhatIfOutcome {
	before: GapView;
	after: GapView;
	summary: ChangeSummary;
	changed: ChangedBuurt[];
}

function changedRows(before: GapView, after: GapView, codes: ReadonlySet<string>): ChangedBuurt[] {
	const afterByCode = new Map(after.rows.map((row) => [row.code, row]));
	return before.rows
		.filter((row) => codes.has(row.code))
		.map((row) => ({
			code: row.code,
			name: row.name,
			before: row.unmet,
			after: afterByCode.get(row.code)?.unmet ?? null
		}));
}

/** One candidate provision added: the engine's whatIf, both maps on the same classes. */
export function analyseWhatIf(input: {
	buurten: readonly PlanBuurt[];
	demand: ReadonlyMap<string, BuurtDemandParts>;
	provisions: readonly ProvisionPoint[];
	candidate: WhatIfCandidate;
}): WhatIfOutcome {
	const { candidate } = input;
	const result = whatIf({
		buurten: demandPoints(input.buurten, input.demand),
		provisions: input.provisions,
		candidate: { id: 'kandidaat', ...candidate }
	});
	return compare(input, result.before, result.after);
}

/** Several candidates at once (a saved scenario recomputed on today's data). */
export function analyseCandidates(input: {
	buurten: readonly PlanBuurt[];
	demand: ReadonlyMap<string, BuurtDemandParts>;
	provisions: readonly ProvisionPoint[];
	candidates: readonly WhatIfCandidate[];
}): WhatIfOutcome {
	const steps = sharedSteps(
		input.provisions,
		input.candidates.map((c) => c.catchmentMinutes)
	);
	const buurten = demandPoints(input.buurten, input.demand);
	const run = (provisions: readonly ProvisionPoint[]) =>
		e2sfcaGaps({ buurten, provisions, steps: steps.length > 0 ? steps : undefined });
	const added = input.candidates.map((c, k) => ({ id: `kandidaat-${k + 1}`, ...c }));
	return compare(input, run(input.provisions), run([...input.provisions, ...added]));
}

function compare(
	input: { buurten: readonly PlanBuurt[]; demand: ReadonlyMap<string, BuurtDemandParts> },
	before: E2sfcaGapResult,
	after: E2sfcaGapResult
): WhatIfOutcome {
	const beforeView = gapView({ ...input, result: before });
	const afterView = gapView({ ...input, result: after, breaks: beforeView.breaks });
	const moved = new Set(movedBuurten(before, after).map((k) => before.buurten[k].code));
	return {
		before: beforeView,
		after: afterView,
		summary: changeSummary(before, after, input.demand),
		changed: changedRows(beforeView, afterView, moved)
	};
}

export interface Suggestion {
	rank: number;
	buurtCode: string;
	buurtName: string;
	lon: number;
	lat: number;
	/** Reduction of the total unmet need by this pick (households); null when hidden. */
	gain: number | null;
	/** Total unmet need after this and the earlier picks; null when hidden. */
	unmetAfter: number | null;
}

export interface SuggestionsOutcome {
	suggestions: Suggestion[];
	unmetBefore: number | null;
	unmetAfter: number | null;
	/** Candidate sites considered. */
	candidateCount: number;
	/** Candidate gains the lazy greedy computed (all once, plus re-evaluations). */
	evaluations: number;
	before: GapView;
	after: GapView;
}

/**
 * p new provisions of one capacity and catchment at buurt centroids, by the engine's lazy
 * greedy (suggestSites). Each pick's gain is then checked against a full recomputation with the
 * picks so far, which also tells which buurten each pick helps (for the disclosure rule).
 */
export function analyseSuggestions(input: {
	buurten: readonly PlanBuurt[];
	demand: ReadonlyMap<string, BuurtDemandParts>;
	provisions: readonly ProvisionPoint[];
	count: number;
	capacity: number;
	catchmentMinutes: number;
}): SuggestionsOutcome {
	const steps = sharedSteps(input.provisions, [input.catchmentMinutes]);
	const buurten = demandPoints(input.buurten, input.demand);
	const byCode = new Map(input.buurten.map((b) => [b.code, b]));
	const result = suggestSites({
		buurten,
		provisions: input.provisions,
		steps,
		candidates: input.buurten.map((b) => ({ id: b.code, lon: b.lon, lat: b.lat })),
		count: input.count,
		capacity: input.capacity,
		catchmentMinutes: input.catchmentMinutes
	});

	const run = (provisions: readonly ProvisionPoint[]) => e2sfcaGaps({ buurten, provisions, steps });
	let previous = run(input.provisions);
	const placed: ProvisionPoint[] = [];
	let hiddenSoFar = false;
	const suggestions = result.suggestions.map((pick): Suggestion => {
		const site = byCode.get(pick.candidateId)!;
		placed.push({
			id: `voorstel-${pick.rank}`,
			lon: site.lon,
			lat: site.lat,
			capacity: input.capacity,
			catchmentMinutes: input.catchmentMinutes
		});
		const next = run([...input.provisions, ...placed]);
		const summary = changeSummary(previous, next, input.demand, hiddenSoFar);
		hiddenSoFar = summary.hidden;
		previous = next;
		return {
			rank: pick.rank,
			buurtCode: site.code,
			buurtName: site.name,
			lon: site.lon,
			lat: site.lat,
			gain: summary.change === null ? null : Math.abs(summary.change),
			unmetAfter: summary.unmetAfter
		};
	});
	const before = gapView({ ...input, result: result.before });
	const after = gapView({ ...input, result: result.after, breaks: before.breaks });
	return {
		suggestions,
		unmetBefore: before.totals.unmet,
		unmetAfter: hiddenSoFar ? null : after.totals.unmet,
		candidateCount: input.buurten.length,
		evaluations: result.evaluations,
		before,
		after
	};
}
