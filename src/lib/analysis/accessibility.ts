/**
 * Spatial accessibility by the two-step floating catchment area method: 2SFCA (Luo & Wang 2003,
 * https://doi.org/10.1068/b29120) and its enhanced form with distance-decay zones, E2SFCA (Luo & Qi
 * 2009, https://doi.org/10.1016/j.healthplace.2009.06.002).
 *
 * Demand points i (buurten, value D_i = households with a need) and supply points j (provisions,
 * value S_j = capacity per week) are joined by directed travel costs c_ij. For the pairs within the
 * catchment (c_ij ≤ maxCost) and a weight w(c) ∈ [0, ∞):
 *
 *   step 1: R_j = S_j / Σ_i D_i·w(c_ij)     supply per unit of demand that can reach j
 *   step 2: A_i = Σ_j R_j·w(c_ij)           what demand i can reach, in S units per D unit
 *
 * The same weight is used in both steps, so Σ_i D_i·A_i = Σ_j S_j over the supplies that have some
 * weighted demand in reach (a supply nobody reaches contributes nothing). Costs come from anywhere:
 * walking minutes (walking-cost.ts) or a real router's duration matrix.
 */

/** Invalid input to an analysis function; the message says which value and why. */
export class AnalysisInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'AnalysisInputError';
	}
}

export type CostEdge = { origin: string; dest: string; cost: number }; // origin = demand id, dest = supply id

/**
 * Costs below this are weighted as this in `gravityWeight`: within one cost unit (a minute, with
 * walking costs) distance no longer matters, and `0 ** exponent` would be Infinity.
 */
const GRAVITY_MIN_COST = 1;

interface Indexed {
	index: Map<string, number>;
	values: Float64Array;
}

function indexValues(
	items: ReadonlyArray<{ id: string; value: number }>,
	kind: 'demand' | 'supply'
): Indexed {
	const index = new Map<string, number>();
	const values = new Float64Array(items.length);
	items.forEach(({ id, value }, k) => {
		if (typeof id !== 'string') throw new AnalysisInputError(`${kind}[${k}]: id must be a string`);
		if (index.has(id)) throw new AnalysisInputError(`${kind}: duplicate id '${id}'`);
		if (!Number.isFinite(value) || value < 0) {
			throw new AnalysisInputError(
				`${kind} '${id}': value must be a finite number >= 0, got ${value}`
			);
		}
		index.set(id, k);
		values[k] = value;
	});
	return { index, values };
}

/**
 * Accessibility A_i of every demand point (0 where no supply is in reach). Throws
 * `AnalysisInputError` on bad input: maxCost not > 0, negative or non-finite values or costs,
 * duplicate ids, duplicate (origin, dest) edges, edges naming unknown ids, a weight that is not a
 * finite number >= 0, or values so extreme that the ratios overflow.
 */
export function twoStepFCA(input: {
	demand: ReadonlyArray<{ id: string; value: number }>;
	supply: ReadonlyArray<{ id: string; value: number }>;
	costs: ReadonlyArray<CostEdge>;
	maxCost: number; // catchment is inclusive: cost <= maxCost
	weight?: (cost: number) => number; // default: 1 (binary 2SFCA)
}): Map<string, number> {
	const { demand, supply, costs, maxCost, weight } = input;
	if (!(maxCost > 0)) {
		throw new AnalysisInputError(`maxCost must be a number > 0, got ${maxCost}`);
	}
	const d = indexValues(demand, 'demand');
	const s = indexValues(supply, 'supply');
	const n = demand.length;
	const m = supply.length;

	// Pass 1: validate every edge and resolve its ids to indices.
	const edgeCount = costs.length;
	const origin = new Int32Array(edgeCount);
	const dest = new Int32Array(edgeCount);
	const perOrigin = new Int32Array(n + 1);
	for (let e = 0; e < edgeCount; e++) {
		const edge = costs[e];
		const i = d.index.get(edge.origin);
		const j = s.index.get(edge.dest);
		if (i === undefined) {
			throw new AnalysisInputError(`costs[${e}]: unknown demand id '${edge.origin}'`);
		}
		if (j === undefined) {
			throw new AnalysisInputError(`costs[${e}]: unknown supply id '${edge.dest}'`);
		}
		if (!Number.isFinite(edge.cost) || edge.cost < 0) {
			throw new AnalysisInputError(
				`costs[${e}] ('${edge.origin}' → '${edge.dest}'): cost must be a finite number >= 0, got ${edge.cost}`
			);
		}
		origin[e] = i;
		dest[e] = j;
		perOrigin[i + 1]++;
	}

	// A repeated (origin, dest) pair would be counted twice. Group the edges by origin (a counting
	// sort, linear time) and stamp each supply with the origin that last named it.
	for (let i = 0; i < n; i++) perOrigin[i + 1] += perOrigin[i];
	const byOrigin = new Int32Array(edgeCount);
	const fill = perOrigin.slice(0, n);
	for (let e = 0; e < edgeCount; e++) byOrigin[fill[origin[e]]++] = e;
	const stamp = new Int32Array(m).fill(-1);
	for (let i = 0; i < n; i++) {
		for (let k = perOrigin[i]; k < perOrigin[i + 1]; k++) {
			const j = dest[byOrigin[k]];
			if (stamp[j] === i) {
				throw new AnalysisInputError(`costs: duplicate edge '${demand[i].id}' → '${supply[j].id}'`);
			}
			stamp[j] = i;
		}
	}

	// Pass 2 (step 1): weighted demand in reach of each supply.
	const w = new Float64Array(edgeCount);
	const inReach = new Uint8Array(edgeCount);
	const weightedDemand = new Float64Array(m);
	for (let e = 0; e < edgeCount; e++) {
		const cost = costs[e].cost;
		if (cost > maxCost) continue;
		const we = weight ? weight(cost) : 1;
		if (!Number.isFinite(we) || !(we >= 0)) {
			throw new AnalysisInputError(`weight(${cost}) must be a finite number >= 0, got ${we}`);
		}
		inReach[e] = 1;
		w[e] = we;
		weightedDemand[dest[e]] += d.values[origin[e]] * we;
	}
	const ratio = new Float64Array(m);
	for (let j = 0; j < m; j++) {
		// No weighted demand in reach: the supply serves nobody and contributes nothing.
		if (weightedDemand[j] > 0) ratio[j] = s.values[j] / weightedDemand[j];
		if (!Number.isFinite(weightedDemand[j]) || !Number.isFinite(ratio[j])) {
			throw new AnalysisInputError(
				`supply '${supply[j].id}': supply-to-demand ratio overflows; rescale demand or supply values`
			);
		}
	}

	// Step 2: sum the ratios each demand point reaches.
	const access = new Float64Array(n);
	for (let e = 0; e < edgeCount; e++) {
		if (inReach[e]) access[origin[e]] += ratio[dest[e]] * w[e];
	}
	const result = new Map<string, number>();
	for (let i = 0; i < n; i++) {
		if (!Number.isFinite(access[i])) {
			throw new AnalysisInputError(
				`demand '${demand[i].id}': accessibility overflows; rescale demand or supply values`
			);
		}
		result.set(demand[i].id, access[i]);
	}
	return result;
}

function costArgument(cost: number, what: string): void {
	if (!(cost >= 0)) throw new AnalysisInputError(`${what}: cost must be >= 0, got ${cost}`);
}

/**
 * E2SFCA zones: `[[10, 1], [20, 0.68], [30, 0.22]]` weighs a cost up to 10 (inclusive) as 1, up to
 * 20 as 0.68, up to 30 as 0.22, and anything beyond the last step as 0. `upTo` must ascend strictly
 * and each weight lie in [0, 1]; weights need not decrease, though decay zones usually do.
 */
export function stepWeight(
	steps: ReadonlyArray<readonly [upTo: number, weight: number]>
): (cost: number) => number {
	if (steps.length === 0) throw new AnalysisInputError('stepWeight: at least one step is needed');
	const bounds = new Float64Array(steps.length);
	const weights = new Float64Array(steps.length);
	steps.forEach(([upTo, weight], k) => {
		if (!Number.isFinite(upTo) || upTo < 0) {
			throw new AnalysisInputError(
				`stepWeight: step ${k} upTo must be finite and >= 0, got ${upTo}`
			);
		}
		if (k > 0 && !(upTo > bounds[k - 1])) {
			throw new AnalysisInputError(
				`stepWeight: upTo must ascend strictly, step ${k} (${upTo}) follows ${bounds[k - 1]}`
			);
		}
		if (!(weight >= 0 && weight <= 1)) {
			throw new AnalysisInputError(
				`stepWeight: step ${k} weight must lie in [0, 1], got ${weight}`
			);
		}
		bounds[k] = upTo;
		weights[k] = weight;
	});
	return (cost) => {
		costArgument(cost, 'stepWeight');
		for (let k = 0; k < bounds.length; k++) if (cost <= bounds[k]) return weights[k];
		return 0;
	};
}

/**
 * Gravity-type decay `w = cost ** exponent`, the exponent usually negative (e.g. -1.5). Costs below
 * 1 (one minute, with walking costs) are weighted as 1, so a provision next door gets weight 1
 * instead of `0 ** exponent = Infinity`.
 */
export function gravityWeight(exponent: number): (cost: number) => number {
	if (!Number.isFinite(exponent)) {
		throw new AnalysisInputError(`gravityWeight: exponent must be finite, got ${exponent}`);
	}
	return (cost) => {
		costArgument(cost, 'gravityWeight');
		return Math.max(cost, GRAVITY_MIN_COST) ** exponent;
	};
}
