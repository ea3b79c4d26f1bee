// The council's planning pages, one function per page: resolve the gemeente and subject, read
// the inputs with the caller's claims, run the pure analysis. Problems come back as codes the
// routes turn into translated messages; nothing here throws for bad input.
import { AnalysisInputError } from '$lib/analysis/accessibility';
import { createBuurtLookup } from '$lib/analysis/buurt-lookup';
import {
	parseSubject,
	subjectParam,
	type GapQuery,
	type PlanSubject,
	type SuggestionsQuery,
	type WhatIfQuery
} from '$lib/schemas/plan';
import type { Tx } from '$lib/server/db/types';
import {
	analyseCandidates,
	analyseGaps,
	analyseSuggestions,
	analyseWhatIf,
	type ChangeSummary,
	type GapView,
	type SuggestionsOutcome,
	type WhatIfOutcome
} from './analysis';
import {
	loadBoundaries,
	loadBuurten,
	loadGemeenten,
	loadNeedCounts,
	loadProvisionSignals,
	loadProvisions,
	loadThemes,
	ownGemeente,
	subjectThemes,
	type PlanGemeente,
	type PlanProvision,
	type PlanTheme,
	type PlanningBuurt
} from './data';
import { combineDemand, type BuurtDemandParts, type NeedCount, type SignalDemand } from './demand';
import {
	insertScenario,
	listScenarios,
	type SavedScenario,
	type ScenarioCandidate,
	type ScenarioKind
} from './scenarios';
import { loadTrends, type Trends } from './trends';
import { err, type Result } from '$lib/result';

export type PlanProblem =
	| 'no_buurten'
	| 'unknown_gemeente'
	| 'unknown_theme'
	| 'unknown_buurt'
	| 'outside'
	| 'analysis'
	| 'nothing_to_save';

export type PlanResult<T> = Result<T, PlanProblem>;

const problem = (code: PlanProblem) => err(code);

/** The resolved setting of an analysis: what the forms show as chosen. */
export interface PlanSetting {
	gemeenten: PlanGemeente[];
	gemeente: PlanGemeente;
	themes: PlanTheme[];
	subject: PlanSubject;
	/** subjectParam(subject). */
	subjectParam: string;
	themeCodes: string[];
	windowDays: number;
	includeExpected: boolean;
}

async function resolveGemeente(
	tx: Tx,
	requested: string | null
): Promise<PlanResult<{ gemeenten: PlanGemeente[]; gemeente: PlanGemeente }>> {
	const gemeenten = await loadGemeenten(tx);
	if (gemeenten.length === 0) return problem('no_buurten');
	if (requested) {
		const found = gemeenten.find((g) => g.code === requested);
		return found
			? { ok: true, value: { gemeenten, gemeente: found } }
			: problem('unknown_gemeente');
	}
	const own = await ownGemeente(tx);
	const gemeente = gemeenten.find((g) => g.code === own) ?? gemeenten[0];
	return { ok: true, value: { gemeenten, gemeente } };
}

export async function resolveSetting(tx: Tx, query: GapQuery): Promise<PlanResult<PlanSetting>> {
	const place = await resolveGemeente(tx, query.gemeente);
	if (!place.ok) return place;
	const themes = await loadThemes(tx);
	if (themes.length === 0) return problem('unknown_theme');
	const subject = query.subject ?? { kind: 'theme', theme: themes[0].code };
	const themeCodes = subjectThemes(subject, themes);
	if (themeCodes.length === 0) return problem('unknown_theme');
	return {
		ok: true,
		value: {
			...place.value,
			themes,
			subject,
			subjectParam: subjectParam(subject),
			themeCodes,
			windowDays: query.windowDays,
			includeExpected: query.includeExpected
		}
	};
}

interface Inputs {
	buurten: PlanningBuurt[];
	demand: Map<string, BuurtDemandParts>;
	provisions: PlanProvision[];
	/** Signals for a new provision that count in this analysis. */
	signalsUsed: number;
}

function demandFor(
	buurten: readonly PlanningBuurt[],
	themeCodes: readonly string[],
	needCounts: readonly NeedCount[],
	signals: readonly SignalDemand[],
	includeExpected: boolean
) {
	return combineDemand({
		buurten: buurten.map((b) => ({ code: b.code, figures: b.figures })),
		themeCodes,
		needCounts,
		signals,
		includeExpected
	});
}

async function loadInputs(tx: Tx, setting: PlanSetting): Promise<Inputs> {
	const gemeente = setting.gemeente.code;
	const [buurten, needCounts, signals, provisions] = [
		await loadBuurten(tx, gemeente),
		await loadNeedCounts(tx, gemeente, setting.windowDays),
		await loadProvisionSignals(tx),
		await loadProvisions(tx, gemeente, setting.themeCodes)
	];
	const codes = new Set(buurten.map((b) => b.code));
	const themes = new Set(setting.themeCodes);
	return {
		buurten,
		demand: demandFor(buurten, setting.themeCodes, needCounts, signals, setting.includeExpected),
		provisions,
		signalsUsed: signals.filter(
			(s) => themes.has(s.themeCode) && s.buurtCodes.some((code) => codes.has(code))
		).length
	};
}

/** Runs a pure computation; bad input to the engine is a problem, never a crash. */
function compute<T>(fn: () => T): PlanResult<T> {
	try {
		return { ok: true, value: fn() };
	} catch (error) {
		if (error instanceof AnalysisInputError) return problem('analysis');
		throw error;
	}
}

/** A point for the map: a provision of the analysis, or a candidate site. */
export interface MapPoint {
	kind: 'provision' | 'candidate';
	lon: number;
	lat: number;
	name: string;
}

export interface SupplyRow {
	name: string;
	buurtName: string;
	capacity: number;
	catchmentMinutes: number;
}

function supply(inputs: Inputs): { points: MapPoint[]; rows: SupplyRow[] } {
	const names = new Map(inputs.buurten.map((b) => [b.code, b.name]));
	return {
		points: inputs.provisions.map((p) => ({
			kind: 'provision',
			lon: p.lon,
			lat: p.lat,
			name: p.name
		})),
		rows: inputs.provisions.map((p) => ({
			name: p.name,
			buurtName: names.get(p.buurtCode) ?? p.buurtCode,
			capacity: p.capacity,
			catchmentMinutes: p.catchmentMinutes
		}))
	};
}

export interface GapAnalysis {
	setting: PlanSetting;
	view: GapView;
	points: MapPoint[];
	supply: SupplyRow[];
	signalsUsed: number;
	noSupply: boolean;
	noDemand: boolean;
}

export async function gapAnalysis(tx: Tx, query: GapQuery): Promise<PlanResult<GapAnalysis>> {
	const setting = await resolveSetting(tx, query);
	if (!setting.ok) return setting;
	const inputs = await loadInputs(tx, setting.value);
	const computed = compute(() => analyseGaps(inputs));
	if (!computed.ok) return computed;
	const { points, rows } = supply(inputs);
	return {
		ok: true,
		value: {
			setting: setting.value,
			view: computed.value.view,
			points,
			supply: rows,
			signalsUsed: inputs.signalsUsed,
			noSupply: inputs.provisions.length === 0,
			noDemand: computed.value.result.summary.totalDemand === 0
		}
	};
}

export interface CandidateSite {
	lon: number;
	lat: number;
	buurtCode: string;
	buurtName: string;
	capacity: number;
	catchmentMinutes: number;
}

export interface WhatIfAnalysis {
	setting: PlanSetting;
	candidate: CandidateSite;
	outcome: WhatIfOutcome;
	points: MapPoint[];
	noDemand: boolean;
}

export async function whatIfAnalysis(
	tx: Tx,
	query: WhatIfQuery
): Promise<PlanResult<WhatIfAnalysis>> {
	const setting = await resolveSetting(tx, query);
	if (!setting.ok) return setting;
	const inputs = await loadInputs(tx, setting.value);
	let site: PlanningBuurt | undefined;
	let lon: number;
	let lat: number;
	if (query.place.kind === 'point') {
		// Inside one of the gemeente's buurten, or it is not this council's to plan.
		const lookup = createBuurtLookup(await loadBoundaries(tx, setting.value.gemeente.code));
		const code = lookup(query.place.lon, query.place.lat);
		site = inputs.buurten.find((b) => b.code === code);
		if (!site) return problem('outside');
		({ lon, lat } = query.place);
	} else {
		const code = query.place.code;
		site = inputs.buurten.find((b) => b.code === code);
		if (!site) return problem('unknown_buurt');
		({ lon, lat } = site);
	}
	const candidate: CandidateSite = {
		lon,
		lat,
		buurtCode: site.code,
		buurtName: site.name,
		capacity: query.capacity,
		catchmentMinutes: query.catchmentMinutes
	};
	const outcome = compute(() => analyseWhatIf({ ...inputs, candidate }));
	if (!outcome.ok) return outcome;
	return {
		ok: true,
		value: {
			setting: setting.value,
			candidate,
			outcome: outcome.value,
			points: [...supply(inputs).points, { kind: 'candidate', lon, lat, name: site.name }],
			noDemand: outcome.value.before.totals.demand === 0
		}
	};
}

export interface SuggestionsAnalysis {
	setting: PlanSetting;
	outcome: SuggestionsOutcome;
	points: MapPoint[];
	noDemand: boolean;
}

export async function suggestionsAnalysis(
	tx: Tx,
	query: SuggestionsQuery
): Promise<PlanResult<SuggestionsAnalysis>> {
	const setting = await resolveSetting(tx, query);
	if (!setting.ok) return setting;
	const inputs = await loadInputs(tx, setting.value);
	const outcome = compute(() => analyseSuggestions({ ...inputs, ...query }));
	if (!outcome.ok) return outcome;
	return {
		ok: true,
		value: {
			setting: setting.value,
			outcome: outcome.value,
			points: [
				...supply(inputs).points,
				...outcome.value.suggestions.map((s): MapPoint => ({
					kind: 'candidate',
					lon: s.lon,
					lat: s.lat,
					name: `${s.rank}. ${s.buurtName}`
				}))
			],
			noDemand: outcome.value.before.totals.demand === 0
		}
	};
}

// ============================================================================================
// Scenarios
// ============================================================================================

interface ScenarioToSave {
	setting: PlanSetting;
	kind: ScenarioKind;
	candidates: ScenarioCandidate[];
	totalDemand: number | null;
	unmetBefore: number | null;
	unmetAfter: number | null;
}

async function save(tx: Tx, name: string, s: ScenarioToSave): Promise<PlanResult<string>> {
	if (s.candidates.length === 0) return problem('nothing_to_save');
	const id = await insertScenario(tx, {
		gemeente: s.setting.gemeente.code,
		name,
		kind: s.kind,
		subject: s.setting.subjectParam,
		windowDays: s.setting.windowDays,
		includeExpected: s.setting.includeExpected,
		candidates: s.candidates,
		totalDemand: s.totalDemand,
		unmetBefore: s.unmetBefore,
		unmetAfter: s.unmetAfter
	});
	return { ok: true, value: id };
}

/** Recomputes the what-if (posted totals are never trusted) and saves it under a name. */
export async function saveWhatIf(
	tx: Tx,
	query: WhatIfQuery,
	name: string
): Promise<PlanResult<string>> {
	const analysis = await whatIfAnalysis(tx, query);
	if (!analysis.ok) return analysis;
	const { setting, candidate, outcome } = analysis.value;
	return save(tx, name, {
		setting,
		kind: 'wat_als',
		candidates: [
			{
				lon: candidate.lon,
				lat: candidate.lat,
				capacity: candidate.capacity,
				catchmentMinutes: candidate.catchmentMinutes,
				buurtCode: candidate.buurtCode
			}
		],
		totalDemand: outcome.before.totals.demand,
		unmetBefore: outcome.summary.unmetBefore,
		unmetAfter: outcome.summary.unmetAfter
	});
}

export async function saveSuggestions(
	tx: Tx,
	query: SuggestionsQuery,
	name: string
): Promise<PlanResult<string>> {
	const analysis = await suggestionsAnalysis(tx, query);
	if (!analysis.ok) return analysis;
	const { setting, outcome } = analysis.value;
	return save(tx, name, {
		setting,
		kind: 'suggestie',
		candidates: outcome.suggestions.map((s) => ({
			lon: s.lon,
			lat: s.lat,
			capacity: query.capacity,
			catchmentMinutes: query.catchmentMinutes,
			buurtCode: s.buurtCode
		})),
		totalDemand: outcome.before.totals.demand,
		unmetBefore: outcome.unmetBefore,
		unmetAfter: outcome.unmetAfter
	});
}

export interface ScenarioRow extends SavedScenario {
	/** The saved change (after − before), null where it was not shown. */
	change: number | null;
	candidateBuurten: string[];
	/** The same candidates on today's data; null when its theme no longer exists. */
	now: (ChangeSummary & { demand: number | null }) | null;
}

export interface ScenarioOverview {
	gemeenten: PlanGemeente[];
	gemeente: PlanGemeente;
	themes: PlanTheme[];
	scenarios: ScenarioRow[];
}

const changeOf = (before: number | null, after: number | null) =>
	before === null || after === null ? null : Math.round((after - before) * 10) / 10;

/** The saved scenarios with their totals then and, recomputed, now. */
export async function scenarioOverview(
	tx: Tx,
	gemeenteCode: string | null
): Promise<PlanResult<ScenarioOverview>> {
	const place = await resolveGemeente(tx, gemeenteCode);
	if (!place.ok) return place;
	const gemeente = place.value.gemeente.code;
	const [themes, saved, buurten, signals] = [
		await loadThemes(tx),
		await listScenarios(tx, gemeente),
		await loadBuurten(tx, gemeente),
		await loadProvisionSignals(tx)
	];
	const names = new Map(buurten.map((b) => [b.code, b.name]));
	const needsByWindow = new Map<number, NeedCount[]>();
	const provisionsBySubject = new Map<string, PlanProvision[]>();
	const scenarios: ScenarioRow[] = [];
	for (const scenario of saved) {
		let now: ScenarioRow['now'] = null;
		const subject = parseSubject(scenario.subject);
		const themeCodes = subject ? subjectThemes(subject, themes) : [];
		if (themeCodes.length > 0) {
			if (!needsByWindow.has(scenario.windowDays)) {
				needsByWindow.set(
					scenario.windowDays,
					await loadNeedCounts(tx, gemeente, scenario.windowDays)
				);
			}
			if (!provisionsBySubject.has(scenario.subject)) {
				provisionsBySubject.set(scenario.subject, await loadProvisions(tx, gemeente, themeCodes));
			}
			const demand = demandFor(
				buurten,
				themeCodes,
				needsByWindow.get(scenario.windowDays)!,
				signals,
				scenario.includeExpected
			);
			const outcome = compute(() =>
				analyseCandidates({
					buurten,
					demand,
					provisions: provisionsBySubject.get(scenario.subject)!,
					candidates: scenario.candidates
				})
			);
			if (outcome.ok) {
				now = { ...outcome.value.summary, demand: outcome.value.before.totals.demand };
			}
		}
		scenarios.push({
			...scenario,
			change: changeOf(scenario.unmetBefore, scenario.unmetAfter),
			candidateBuurten: scenario.candidates.map((c) =>
				c.buurtCode ? (names.get(c.buurtCode) ?? c.buurtCode) : ''
			),
			now
		});
	}
	return { ok: true, value: { ...place.value, themes, scenarios } };
}

// ============================================================================================
// Needs over time and capacity
// ============================================================================================

export interface TrendsOverview extends Trends {
	gemeenten: PlanGemeente[];
	gemeente: PlanGemeente;
}

export async function trendsOverview(
	tx: Tx,
	gemeenteCode: string | null,
	now: Date
): Promise<PlanResult<TrendsOverview>> {
	const place = await resolveGemeente(tx, gemeenteCode);
	if (!place.ok) return place;
	const trends = await loadTrends(tx, place.value.gemeente, now);
	return { ok: true, value: { ...place.value, ...trends } };
}
