import { AnalysisInputError, stepWeight, twoStepFCA, type CostEdge } from './accessibility';
import { walkingCosts } from './walking-cost';

/**
 * Gaps between need and provision per buurt, for one theme at a time.
 *
 * Demand D_i = open reported needs (households) + an optional expected need (e.g. estimated from
 * CBS proxies by the caller). Accessibility A_i comes from E2SFCA, in capacity units per demand
 * unit. A buurt is fully served when A_i reaches the target ratio; below it, the unserved share
 * of its demand is unmet: `unmet_i = D_i × max(0, 1 − A_i / target)`.
 */

/**
 * One weekly place per household with an open need. Provision capacity is counted in households
 * per week and demand in households, so A_i = 1 means the provisions in reach could receive every
 * household of the buurt once a week. A theme where a visit every four weeks suffices would use
 * 0.25; with `expectedNeed` (people who might need it, not all at once) a lower target fits too.
 */
export const DEFAULT_TARGET_RATIO = 1;

/** E2SFCA zone weights of Luo & Qi (2009): the three 10-minute zones of a 30-minute catchment. */
export const LUO_QI_ZONE_WEIGHTS = [1, 0.68, 0.22] as const;

export type Steps = ReadonlyArray<readonly [upTo: number, weight: number]>;

/** Luo & Qi's three zones scaled to a catchment: thirds of `maxMinutes`, weights 1, 0.68, 0.22. */
export function defaultSteps(maxMinutes: number): Array<[number, number]> {
	if (!Number.isFinite(maxMinutes) || !(maxMinutes > 0)) {
		throw new AnalysisInputError(`catchment must be a finite number > 0, got ${maxMinutes}`);
	}
	return LUO_QI_ZONE_WEIGHTS.map((weight, k) => [(maxMinutes * (k + 1)) / 3, weight]);
}

export interface BuurtDemand {
	code: string;
	/** Households with an open reported need of the theme. */
	demand: number;
	/** Expected need added to the reported one (e.g. from CBS key figures); default 0. */
	expectedNeed?: number;
}

export interface BuurtGap {
	code: string;
	/** Reported open needs. */
	reported: number;
	/** The expected need added to it. */
	expected: number;
	/** D_i = reported + expected: the demand the accessibility was computed with. */
	demand: number;
	/** A_i: capacity in reach per unit of demand. */
	accessibility: number;
	/** min(1, A_i / target): the served share, for colouring a map. */
	coverage: number;
	/** D_i × max(0, 1 − A_i / target). */
	unmet: number;
}

export interface GapSummary {
	buurtCount: number;
	totalDemand: number;
	totalUnmet: number;
	/** totalUnmet / totalDemand, 0 when there is no demand. */
	shareUnmet: number;
	buurtenWithDemand: number;
	buurtenWithUnmet: number;
}

export interface GapResult {
	target: number;
	buurten: BuurtGap[];
	summary: GapSummary;
}

/** unmet = demand × max(0, 1 − accessibility / target); a shortfall of rounding noise is none. */
export function unmetNeed(demand: number, accessibility: number, target: number): number {
	const shortfall = 1 - accessibility / target;
	return shortfall > 1e-12 ? demand * shortfall : 0;
}

function checkTarget(target: number): void {
	if (!Number.isFinite(target) || !(target > 0)) {
		throw new AnalysisInputError(`target ratio must be a finite number > 0, got ${target}`);
	}
}

function demandOf({ code, demand, expectedNeed = 0 }: BuurtDemand): number {
	for (const [name, value] of [
		['demand', demand],
		['expectedNeed', expectedNeed]
	] as const) {
		if (!Number.isFinite(value) || value < 0) {
			throw new AnalysisInputError(
				`buurt '${code}': ${name} must be a finite number >= 0, got ${value}`
			);
		}
	}
	return demand + expectedNeed;
}

/**
 * Unmet need per buurt and a municipality summary, from demand and accessibility already
 * computed (every buurt needs an accessibility value).
 */
export function gapMetrics(input: {
	buurten: ReadonlyArray<BuurtDemand>;
	accessibility: ReadonlyMap<string, number>;
	target?: number;
}): GapResult {
	const { buurten, accessibility, target = DEFAULT_TARGET_RATIO } = input;
	checkTarget(target);
	const seen = new Set<string>();
	const rows = buurten.map((buurt): BuurtGap => {
		if (seen.has(buurt.code)) throw new AnalysisInputError(`duplicate buurt code '${buurt.code}'`);
		seen.add(buurt.code);
		const demand = demandOf(buurt);
		const a = accessibility.get(buurt.code);
		if (a === undefined || !Number.isFinite(a) || a < 0) {
			throw new AnalysisInputError(
				`buurt '${buurt.code}': accessibility must be a finite number >= 0, got ${a}`
			);
		}
		const unmet = unmetNeed(demand, a, target);
		return {
			code: buurt.code,
			reported: buurt.demand,
			expected: buurt.expectedNeed ?? 0,
			demand,
			accessibility: a,
			coverage: Math.min(1, a / target),
			unmet
		};
	});
	let totalDemand = 0;
	let totalUnmet = 0;
	for (const row of rows) {
		totalDemand += row.demand;
		totalUnmet += row.unmet;
	}
	return {
		target,
		buurten: rows,
		summary: {
			buurtCount: rows.length,
			totalDemand,
			totalUnmet,
			shareUnmet: totalDemand > 0 ? totalUnmet / totalDemand : 0,
			buurtenWithDemand: rows.filter((row) => row.demand > 0).length,
			buurtenWithUnmet: rows.filter((row) => row.unmet > 0).length
		}
	};
}

export interface BuurtPoint extends BuurtDemand {
	/** The demand point, usually the buurt centroid (WGS84). */
	lon: number;
	lat: number;
}

export interface ProvisionPoint {
	id: string;
	lon: number;
	lat: number;
	/** S_j, in households per week. */
	capacity: number;
	/** Walking minutes this provision draws from; pairs beyond it are left out. */
	catchmentMinutes: number;
}

export interface E2sfcaGapInput {
	buurten: ReadonlyArray<BuurtPoint>;
	provisions: ReadonlyArray<ProvisionPoint>;
	/** E2SFCA zones in minutes; default `defaultSteps(largest catchment)`. */
	steps?: Steps;
	target?: number;
	/** Walking model: see walking-cost.ts. */
	detour?: number;
	speedKmh?: number;
	/**
	 * Travel costs in minutes from buurt codes to provision ids (e.g. a routing matrix through
	 * `matrixCosts`), used instead of the walking model.
	 */
	costs?: ReadonlyArray<CostEdge>;
}

export interface E2sfcaGapResult extends GapResult {
	/** The largest catchment, the maxCost of the analysis (0 without provisions). */
	maxCost: number;
	/** The zones that were applied. */
	steps: Array<[number, number]>;
}

function checkCatchment({ id, catchmentMinutes }: ProvisionPoint): number {
	if (!Number.isFinite(catchmentMinutes) || !(catchmentMinutes > 0)) {
		throw new AnalysisInputError(
			`provision '${id}': catchmentMinutes must be a finite number > 0, got ${catchmentMinutes}`
		);
	}
	return catchmentMinutes;
}

/**
 * E2SFCA accessibility and gap metrics for one theme: walking costs (or the given `costs`) up to
 * the largest catchment, each pair kept only within its provision's own catchment, step weights,
 * `twoStepFCA`, then `gapMetrics`.
 */
export function e2sfcaGaps(input: E2sfcaGapInput): E2sfcaGapResult {
	const { buurten, provisions, target = DEFAULT_TARGET_RATIO } = input;
	checkTarget(target);
	const catchment = new Map<string, number>();
	let maxCost = 0;
	for (const provision of provisions) {
		catchment.set(provision.id, checkCatchment(provision));
		maxCost = Math.max(maxCost, provision.catchmentMinutes);
	}
	const steps = (input.steps ?? (maxCost > 0 ? defaultSteps(maxCost) : [])).map(
		([upTo, weight]): [number, number] => [upTo, weight]
	);
	const weight = input.steps || maxCost > 0 ? stepWeight(steps) : undefined; // validates steps
	// Without provisions there is nothing in reach, but the buurten are still checked.
	const costs =
		input.costs ??
		walkingCosts({
			origins: buurten.map(({ code, lon, lat }) => ({ id: code, lon, lat })),
			destinations: provisions,
			maxMinutes: Math.max(maxCost, 1),
			detour: input.detour,
			speedKmh: input.speedKmh
		});
	if (provisions.length === 0) {
		if (costs.length > 0) {
			throw new AnalysisInputError(`costs[0]: unknown supply id '${costs[0].dest}'`);
		}
		const none = new Map(buurten.map((b) => [b.code, 0]));
		return { ...gapMetrics({ buurten, accessibility: none, target }), maxCost, steps };
	}
	// An edge to an unknown provision is kept, so twoStepFCA reports it.
	const own = costs.filter((edge) => !(edge.cost > (catchment.get(edge.dest) ?? Infinity)));
	const accessibility = twoStepFCA({
		demand: buurten.map((b) => ({ id: b.code, value: demandOf(b) })),
		supply: provisions.map((p) => ({ id: p.id, value: p.capacity })),
		costs: own,
		maxCost,
		weight
	});
	return { ...gapMetrics({ buurten, accessibility, target }), maxCost, steps };
}
