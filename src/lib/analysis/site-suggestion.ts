import { AnalysisInputError, stepWeight, type CostEdge } from './accessibility';
import {
	DEFAULT_TARGET_RATIO,
	defaultSteps,
	e2sfcaGaps,
	unmetNeed,
	type E2sfcaGapInput,
	type E2sfcaGapResult,
	type ProvisionPoint,
	type Steps
} from './gaps';
import { walkingCosts, type Place } from './walking-cost';

/**
 * Where to open new provisions: a greedy maximal-coverage heuristic over candidate sites (by
 * default the caller passes buurt centroids), picking in turn the site whose provision most
 * reduces the total unmet need, and "what if" for a single site.
 *
 * Evaluating a candidate. In (E)2SFCA a supply's ratio R_j = S_j / Σ_i D_i·w_ij depends on demand
 * only, never on the other supplies, so adding a provision c raises A_i by exactly R_c·w_ic for the
 * buurten in its reach and changes nothing else. A candidate's marginal gain is therefore
 * computed from its own edges, and equals the difference of two full `e2sfcaGaps` runs (the tests
 * check this).
 *
 * Lazy evaluation (Minoux 1978). Candidates sit in a priority queue keyed by their last computed
 * gain; the top is re-evaluated against the current selection and pushed back until a freshly
 * evaluated one stays on top. That is only exact when gains never grow as provisions are added
 * (submodularity). Here they do not: unmet_i is a convex, non-increasing function of A_i and
 * A_i grows additively, so the gain D_i·(u(A_i) − u(A_i + R_c·w_ic)) can only shrink as A_i grows,
 * and greedy keeps Nemhauser, Wolsey & Fisher's (1978) guarantee of ≥ 1 − 1/e ≈ 63% of the best
 * possible reduction. Variants with competition between supplies (3SFCA, Huff-type selection, a
 * capacity split among nearby provisions) lose that property; with them the lazy bound is only a
 * heuristic, which the re-evaluate-until-it-stays-on-top loop keeps sensible but not exact.
 */

export interface NewProvision {
	/** Capacity of each new provision, households per week. */
	capacity: number;
	catchmentMinutes: number;
}

export interface SiteSuggestionInput extends E2sfcaGapInput, NewProvision {
	/** Candidate sites; the chosen ones are added as provisions with the candidate's id. */
	candidates: ReadonlyArray<Place>;
	/** p: how many new provisions to place. */
	count: number;
}

export interface SiteSuggestion {
	/** 1 for the first pick. */
	rank: number;
	candidateId: string;
	/** Reduction of the total unmet need by this pick, given the earlier picks. */
	gain: number;
	/** Total unmet need after this pick and the earlier ones. */
	unmetAfter: number;
}

export interface SiteSuggestionResult {
	/** In the order picked; fewer than `count` when no remaining candidate reduces unmet need. */
	suggestions: SiteSuggestion[];
	unmetBefore: number;
	unmetAfter: number;
	/** Candidate gains computed: all candidates once, plus the lazy re-evaluations. */
	evaluations: number;
	/** The gaps without and (recomputed in full) with the suggested provisions. */
	before: E2sfcaGapResult;
	after: E2sfcaGapResult;
}

function checkNewProvision({ capacity, catchmentMinutes }: NewProvision): void {
	if (!Number.isFinite(capacity) || capacity < 0) {
		throw new AnalysisInputError(`capacity must be a finite number >= 0, got ${capacity}`);
	}
	if (!Number.isFinite(catchmentMinutes) || !(catchmentMinutes > 0)) {
		throw new AnalysisInputError(
			`catchmentMinutes must be a finite number > 0, got ${catchmentMinutes}`
		);
	}
}

/**
 * The zones both runs of a comparison share: given ones, or Luo & Qi's scaled to the largest
 * catchment including the new provisions, so "before" and "after" weigh a walk the same.
 */
function sharedSteps(input: E2sfcaGapInput, extraCatchment: number): Steps {
	if (input.steps) return input.steps;
	let maxCost = extraCatchment;
	for (const p of input.provisions) {
		if (p.catchmentMinutes > maxCost) maxCost = p.catchmentMinutes;
	}
	return defaultSteps(maxCost);
}

/** Costs to the given provisions only, when the caller supplies a routing matrix. */
function costsTo(
	costs: ReadonlyArray<CostEdge> | undefined,
	provisionIds: ReadonlySet<string>
): CostEdge[] | undefined {
	return costs?.filter((edge) => provisionIds.has(edge.dest));
}

interface Entry {
	index: number;
	gain: number;
	/** The gain in whole quanta: gains that differ by rounding noise only are ties. */
	key: number;
}

/** A max-heap of candidates by gain, ties to the lower index (input order). */
class GainQueue {
	private items: Entry[] = [];

	get size(): number {
		return this.items.length;
	}

	private above(a: Entry, b: Entry): boolean {
		return a.key > b.key || (a.key === b.key && a.index < b.index);
	}

	push(item: Entry): void {
		const items = this.items;
		items.push(item);
		let k = items.length - 1;
		while (k > 0) {
			const parent = (k - 1) >> 1;
			if (!this.above(items[k], items[parent])) break;
			[items[k], items[parent]] = [items[parent], items[k]];
			k = parent;
		}
	}

	pop(): Entry | undefined {
		const items = this.items;
		const top = items[0];
		const last = items.pop();
		if (items.length > 0 && last) {
			items[0] = last;
			let k = 0;
			for (;;) {
				const left = 2 * k + 1;
				const right = left + 1;
				let best = k;
				if (left < items.length && this.above(items[left], items[best])) best = left;
				if (right < items.length && this.above(items[right], items[best])) best = right;
				if (best === k) break;
				[items[k], items[best]] = [items[best], items[k]];
				k = best;
			}
		}
		return top;
	}
}

/**
 * Lazy-greedy choice of `count` new provisions among `candidates`, each with the given capacity
 * and catchment, maximising the reduction of total unmet need (see the module comment).
 */
export function suggestSites(input: SiteSuggestionInput): SiteSuggestionResult {
	const { buurten, provisions, candidates, count, target = DEFAULT_TARGET_RATIO } = input;
	checkNewProvision(input);
	if (!Number.isInteger(count) || count < 0) {
		throw new AnalysisInputError(`count must be an integer >= 0, got ${count}`);
	}
	const existingIds = new Set(provisions.map((p) => p.id));
	const candidateIds = new Set<string>();
	for (const { id } of candidates) {
		if (candidateIds.has(id)) throw new AnalysisInputError(`candidates: duplicate id '${id}'`);
		if (existingIds.has(id)) {
			throw new AnalysisInputError(`candidate '${id}' has the id of an existing provision`);
		}
		candidateIds.add(id);
	}
	const steps = sharedSteps(input, input.catchmentMinutes);
	const before = e2sfcaGaps({ ...input, steps, costs: costsTo(input.costs, existingIds) });

	// Each candidate's edges: buurt index and step weight within the new catchment.
	const weight = stepWeight(steps);
	const buurtIndex = new Map(buurten.map((b, i) => [b.code, i]));
	const candidateIndex = new Map(candidates.map((c, k) => [c.id, k]));
	const reach: { buurt: number[]; weight: number[] }[] = candidates.map(() => ({
		buurt: [],
		weight: []
	}));
	const candidateCosts =
		costsTo(input.costs, candidateIds) ??
		walkingCosts({
			origins: buurten.map(({ code, lon, lat }) => ({ id: code, lon, lat })),
			destinations: candidates,
			maxMinutes: input.catchmentMinutes,
			detour: input.detour,
			speedKmh: input.speedKmh
		});
	for (const edge of candidateCosts) {
		const i = buurtIndex.get(edge.origin);
		if (i === undefined) throw new AnalysisInputError(`costs: unknown buurt code '${edge.origin}'`);
		if (!(edge.cost >= 0) || !Number.isFinite(edge.cost)) {
			throw new AnalysisInputError(`costs: cost must be a finite number >= 0, got ${edge.cost}`);
		}
		if (edge.cost > input.catchmentMinutes) continue;
		const r = reach[candidateIndex.get(edge.dest)!];
		r.buurt.push(i);
		r.weight.push(weight(edge.cost));
	}

	const demand = before.buurten.map((b) => b.demand);
	const access = before.buurten.map((b) => b.accessibility);
	// R_c·w_ic for each candidate edge: what the candidate adds to each buurt's accessibility.
	const increments = reach.map(({ buurt, weight: w }) => {
		let weightedDemand = 0;
		for (let k = 0; k < buurt.length; k++) weightedDemand += demand[buurt[k]] * w[k];
		const ratio = weightedDemand > 0 ? input.capacity / weightedDemand : 0;
		if (!Number.isFinite(ratio)) {
			throw new AnalysisInputError('candidate supply-to-demand ratio overflows; rescale values');
		}
		return w.map((wk) => ratio * wk);
	});
	const gainOf = (c: number): number => {
		let gain = 0;
		const { buurt } = reach[c];
		for (let k = 0; k < buurt.length; k++) {
			const i = buurt[k];
			gain +=
				unmetNeed(demand[i], access[i], target) -
				unmetNeed(demand[i], access[i] + increments[c][k], target);
		}
		return gain;
	};

	// Ties are common (any site whose capacity is fully taken up below the target gains exactly its
	// capacity), so gains are compared in quanta of 1e-9 of the total demand and ties go to the
	// earlier candidate; a gain under half a quantum is no reason to open a provision.
	const quantum = 1e-9 * Math.max(1, before.summary.totalDemand);
	const entry = (index: number): Entry => {
		const gain = gainOf(index);
		return { index, gain, key: Math.round(gain / quantum) };
	};
	const queue = new GainQueue();
	const evaluatedAt = new Int32Array(candidates.length);
	candidates.forEach((_, c) => queue.push(entry(c)));
	let evaluations = candidates.length;
	const suggestions: SiteSuggestion[] = [];
	let unmet = before.summary.totalUnmet;
	while (suggestions.length < count && queue.size > 0) {
		const top = queue.pop()!;
		if (evaluatedAt[top.index] !== suggestions.length) {
			// A stale bound: re-evaluate against the current selection and let the queue decide.
			evaluatedAt[top.index] = suggestions.length;
			queue.push(entry(top.index));
			evaluations++;
			continue;
		}
		if (!(top.key > 0)) break;
		const { buurt } = reach[top.index];
		for (let k = 0; k < buurt.length; k++) access[buurt[k]] += increments[top.index][k];
		unmet = Math.max(0, unmet - top.gain);
		suggestions.push({
			rank: suggestions.length + 1,
			candidateId: candidates[top.index].id,
			gain: top.gain,
			unmetAfter: unmet
		});
	}

	const chosen: ProvisionPoint[] = suggestions.map(({ candidateId }) => {
		const { id, lon, lat } = candidates[candidateIndex.get(candidateId)!];
		return { id, lon, lat, capacity: input.capacity, catchmentMinutes: input.catchmentMinutes };
	});
	const after = e2sfcaGaps({
		...input,
		provisions: [...provisions, ...chosen],
		steps,
		costs: costsTo(input.costs, new Set([...existingIds, ...chosen.map((p) => p.id)]))
	});
	return {
		suggestions,
		unmetBefore: before.summary.totalUnmet,
		unmetAfter: after.summary.totalUnmet,
		evaluations,
		before,
		after
	};
}

export interface WhatIfResult {
	before: E2sfcaGapResult;
	after: E2sfcaGapResult;
	/** after − before total unmet need: ≤ 0, the reduction as a negative number. */
	unmetChange: number;
}

/**
 * The gaps recomputed with one extra provision. Both runs use the same zones, and with a routing
 * matrix in `costs` the candidate's edges count only in the second.
 */
export function whatIf(input: E2sfcaGapInput & { candidate: ProvisionPoint }): WhatIfResult {
	const { candidate, provisions } = input;
	checkNewProvision(candidate);
	if (provisions.some((p) => p.id === candidate.id)) {
		throw new AnalysisInputError(`candidate '${candidate.id}' has the id of an existing provision`);
	}
	const steps = sharedSteps(input, candidate.catchmentMinutes);
	const existingIds = new Set(provisions.map((p) => p.id));
	const before = e2sfcaGaps({ ...input, steps, costs: costsTo(input.costs, existingIds) });
	const after = e2sfcaGaps({
		...input,
		provisions: [...provisions, candidate],
		steps,
		costs: costsTo(input.costs, new Set([...existingIds, candidate.id]))
	});
	return {
		before,
		after,
		unmetChange: after.summary.totalUnmet - before.summary.totalUnmet
	};
}
