import { benjaminiHochberg, poissonUpperTail } from './poisson';

/**
 * Shared-need detection for the wijkteam workspace: per theme and buurt, how many distinct
 * households have an open need reported in the last `windowDays`, and which of those cells are
 * candidate signals — the count reaches `k` (the design's default 5), or the buurt's rate per
 * 1,000 households is significantly above the municipality's rate for the theme.
 *
 * The significance test: under the null hypothesis every household in the municipality has the
 * same chance to report the theme, so buurt i's count is about Poisson with mean
 * λᵢ = householdsᵢ × (theme count / households), both totals over the buurten whose number of
 * households is known (the rate includes the buurt under test, which errs on the cautious side
 * when one buurt dominates a theme). The one-sided p-value is P(X ≥ count | λᵢ). With about a
 * hundred buurten and ten themes, a thousand tests at 5% would raise dozens of false alarms a
 * run, so the p-values of ALL tested cells (cells without reports included, with p = 1) go
 * through the Benjamini–Hochberg correction, and a cell is significant when its q-value is at
 * most `fdr`: on average at most that share of the significant cells are false alarms.
 *
 * The reference rate can also come from outside (`baseline`): a wijkteam sees only the needs of
 * its own buurten, yet the design compares a buurt with the whole municipality. The caller then
 * passes the municipality's totals per theme (households with a need, summed per buurt as here,
 * and households of the buurten with known households) and only the team's buurten are tested.
 *
 * Adjacent candidate buurten of one theme are then joined into clusters (connected components
 * of the adjacency graph restricted to those candidates), so one need spread over a few small
 * buurten shows as one signal.
 *
 * The output holds small counts of individual households: it is for the wijkteam's own view
 * (server-side, behind RLS). Public output must aggregate and suppress counts below 5.
 */

export type NeedStatus = 'open' | 'in_behandeling' | 'afgehandeld' | 'ingetrokken';

/** The statuses that make a need count: still waiting for or receiving help. */
export const OPEN_NEED_STATUSES: readonly NeedStatus[] = ['open', 'in_behandeling'];

export interface NeedReport {
	themeCode: string;
	buurtCode: string;
	/** Identifies a household; several needs with the same key count as one household. */
	householdKey: string;
	reportedAt: Date;
	status: NeedStatus;
}

export interface BuurtHouseholds {
	code: string;
	/** Number of households (CBS); null when unknown or withheld. */
	households: number | null;
}

export interface SharedNeedsInput {
	needs: readonly NeedReport[];
	buurten: readonly BuurtHouseholds[];
	/** Pairs of adjacent buurt codes (see buurtAdjacency); pairs with unknown codes are ignored. */
	adjacency: readonly (readonly [string, string])[];
	/**
	 * Every theme to test, so the number of tests (and with it the correction) does not depend
	 * on which themes happen to have reports. Themes of counted needs are added if missing.
	 */
	themeCodes?: readonly string[];
	/**
	 * The reference rate per theme, when it is not the rate of `buurten` themselves (a wijkteam's
	 * buurten against the whole municipality). A theme missing here is not tested by rate.
	 */
	baseline?: readonly ThemeBaseline[];
}

export interface ThemeBaseline {
	themeCode: string;
	/** Households with an open need in the window, counted once per buurt, over the reference area. */
	count: number;
	/** Households of the reference area's buurten with known households (CBS). */
	households: number;
}

export interface SharedNeedsParameters {
	/** The end of the window (inclusive): usually the time of the request. */
	now: Date;
	/** Needs reported in [now − windowDays, now] count. */
	windowDays: number;
	/** A cell is a candidate when at least k distinct households have an open need there. */
	k: number;
	/** The false discovery rate for the significance test (Benjamini–Hochberg). */
	fdr: number;
	/** Join adjacent candidate buurten of the same theme into one cluster. */
	mergeAdjacent: boolean;
	/**
	 * The fewest households a significant cell must have: one household's need is not a shared
	 * need, however small the buurt.
	 */
	minSignificantCount: number;
}

export const DEFAULT_SHARED_NEEDS_PARAMETERS: Omit<SharedNeedsParameters, 'now'> = {
	windowDays: 90,
	k: 5,
	fdr: 0.05,
	mergeAdjacent: true,
	minSignificantCount: 2
};

export type SharedNeedsOptions = Pick<SharedNeedsParameters, 'now'> &
	Partial<Omit<SharedNeedsParameters, 'now'>>;

export type CandidateReason = 'threshold' | 'significant';

export interface SharedNeedCell {
	themeCode: string;
	buurtCode: string;
	/** Distinct households with an open need of this theme in this buurt in the window. */
	count: number;
	/** Households living in the buurt (CBS), or null when unknown. */
	households: number | null;
	/** count per 1,000 households, or null when the buurt's households are unknown. */
	ratePer1000: number | null;
	/** λ, the count expected at the municipality's rate; null when not tested. */
	expected: number | null;
	/** P(X ≥ count | λ); null when not tested (households unknown). */
	p: number | null;
	/** Benjamini–Hochberg adjusted p-value over all tested cells; null when not tested. */
	q: number | null;
	/** Why the cell is a candidate; empty when it is not. */
	reasons: CandidateReason[];
}

export interface ThemeRate {
	themeCode: string;
	/**
	 * Distinct households with an open need, summed over the buurten with known households (or
	 * the baseline's count when one was given).
	 */
	count: number;
	/** Households of the buurten with known households (or the baseline's). */
	households: number;
	/** The reference rate per 1,000 households; null when there are no known households. */
	ratePer1000: number | null;
}

export interface SharedNeedCluster {
	themeCode: string;
	/** Sorted. */
	buurtCodes: string[];
	/**
	 * Households with an open need: the sum of the cells' counts. A household counts once per
	 * buurt, so one that reported in two buurten of the cluster (after moving, say) counts twice.
	 */
	households: number;
	/** The candidate cells, in the order of buurtCodes. */
	cells: SharedNeedCell[];
}

export interface SharedNeedsResult {
	/** The parameters used, defaults filled in, for the page to show. */
	parameters: SharedNeedsParameters;
	window: { from: Date; to: Date };
	themes: ThemeRate[];
	/** Every theme × buurt cell with at least one household, sorted by theme then buurt. */
	cells: SharedNeedCell[];
	/** The cells with at least one reason, in the same order. */
	candidates: SharedNeedCell[];
	/** Largest first (households), then by theme and first buurt code. */
	clusters: SharedNeedCluster[];
	/** The number of tests the Benjamini–Hochberg correction ran over (m). */
	testedCells: number;
	/** Needs left out, by reason. A need that fails several checks is counted under the first. */
	skipped: { notOpen: number; outsideWindow: number; unknownBuurt: number };
}

const DAY_MS = 86_400_000;

function validParameters(options: SharedNeedsOptions): SharedNeedsParameters {
	const defaults = DEFAULT_SHARED_NEEDS_PARAMETERS;
	const {
		now,
		windowDays = defaults.windowDays,
		k = defaults.k,
		fdr = defaults.fdr,
		mergeAdjacent = defaults.mergeAdjacent,
		minSignificantCount = defaults.minSignificantCount
	} = options;
	if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
		throw new TypeError('now must be a valid Date');
	}
	if (!(windowDays > 0) || !Number.isFinite(windowDays)) {
		throw new RangeError(`windowDays must be a finite number > 0 (got ${windowDays})`);
	}
	if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be an integer ≥ 1 (got ${k})`);
	if (!(fdr > 0 && fdr < 1)) {
		throw new RangeError(`fdr must lie strictly between 0 and 1 (got ${fdr})`);
	}
	if (typeof mergeAdjacent !== 'boolean') throw new TypeError('mergeAdjacent must be a boolean');
	if (!Number.isInteger(minSignificantCount) || minSignificantCount < 1) {
		throw new RangeError(`minSignificantCount must be an integer ≥ 1 (got ${minSignificantCount})`);
	}
	return { now: new Date(now.getTime()), windowDays, k, fdr, mergeAdjacent, minSignificantCount };
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Candidate shared needs per theme × buurt, joined into clusters; see the module comment. */
export function detectSharedNeeds(
	input: SharedNeedsInput,
	options: SharedNeedsOptions
): SharedNeedsResult {
	const parameters = validParameters(options);
	const to = parameters.now.getTime();
	const from = to - parameters.windowDays * DAY_MS;

	const households = new Map<string, number | null>();
	for (const { code, households: h } of input.buurten) {
		if (households.has(code)) throw new Error(`buurt ${code} appears more than once`);
		if (h !== null && !(h >= 0 && Number.isFinite(h))) {
			throw new RangeError(`households of buurt ${code} must be a number ≥ 0 or null (got ${h})`);
		}
		households.set(code, h);
	}
	// A buurt with 0 households (an industrial estate, say) has no rate to test, like one whose
	// count is unknown: both can only become candidates by the threshold k.
	const tested = (code: string) => (households.get(code) ?? 0) > 0;

	// Distinct households per theme and buurt.
	const open = new Set<string>(OPEN_NEED_STATUSES);
	const reporters = new Map<string, Map<string, Set<string>>>(); // theme → buurt → households
	const skipped = { notOpen: 0, outsideWindow: 0, unknownBuurt: 0 };
	for (const [i, need] of input.needs.entries()) {
		const time = need.reportedAt instanceof Date ? need.reportedAt.getTime() : Number.NaN;
		if (Number.isNaN(time)) throw new TypeError(`need ${i}: reportedAt must be a valid Date`);
		if (!open.has(need.status)) {
			skipped.notOpen++;
			continue;
		}
		if (time < from || time > to) {
			skipped.outsideWindow++;
			continue;
		}
		// CBS redraws buurten now and then: a need filed under a retired code is left out, not fatal.
		if (!households.has(need.buurtCode)) {
			skipped.unknownBuurt++;
			continue;
		}
		let byBuurt = reporters.get(need.themeCode);
		if (!byBuurt) reporters.set(need.themeCode, (byBuurt = new Map()));
		let set = byBuurt.get(need.buurtCode);
		if (!set) byBuurt.set(need.buurtCode, (set = new Set()));
		set.add(need.householdKey);
	}

	const themeCodes = [...new Set([...(input.themeCodes ?? []), ...reporters.keys()])].sort(
		byString
	);
	const buurtCodes = [...households.keys()].sort(byString);
	const testedCodes = buurtCodes.filter(tested);
	const knownHouseholds = testedCodes.reduce((sum, code) => sum + households.get(code)!, 0);

	const baseline = input.baseline ? checkedBaseline(input.baseline) : null;
	const themes: ThemeRate[] = [];
	const cells: SharedNeedCell[] = [];
	const pValues: number[] = [];
	const testedCells: SharedNeedCell[] = [];
	for (const themeCode of themeCodes) {
		const byBuurt = reporters.get(themeCode) ?? new Map<string, Set<string>>();
		const reference = baseline
			? (baseline.get(themeCode) ?? { count: 0, households: 0 })
			: {
					count: testedCodes.reduce((sum, code) => sum + (byBuurt.get(code)?.size ?? 0), 0),
					households: knownHouseholds
				};
		const themeCount = reference.count;
		const referenceHouseholds = reference.households;
		themes.push({
			themeCode,
			count: themeCount,
			households: referenceHouseholds,
			ratePer1000: referenceHouseholds > 0 ? (1000 * themeCount) / referenceHouseholds : null
		});
		for (const buurtCode of buurtCodes) {
			const count = byBuurt.get(buurtCode)?.size ?? 0;
			const h = households.get(buurtCode)!;
			const cell: SharedNeedCell = {
				themeCode,
				buurtCode,
				count,
				households: h,
				ratePer1000: h !== null && h > 0 ? (1000 * count) / h : null,
				expected: null,
				p: null,
				q: null,
				reasons: count >= parameters.k ? ['threshold'] : []
			};
			if (tested(buurtCode) && referenceHouseholds > 0) {
				cell.expected = (h! * themeCount) / referenceHouseholds;
				cell.p = poissonUpperTail(count, cell.expected);
				pValues.push(cell.p);
				testedCells.push(cell);
			}
			if (count > 0) cells.push(cell);
		}
	}

	const qValues = benjaminiHochberg(pValues);
	testedCells.forEach((cell, i) => {
		cell.q = qValues[i];
		if (cell.q <= parameters.fdr && cell.count >= parameters.minSignificantCount) {
			cell.reasons.push('significant');
		}
	});

	const candidates = cells.filter((cell) => cell.reasons.length > 0);
	return {
		parameters,
		window: { from: new Date(from), to: new Date(to) },
		themes,
		cells,
		candidates,
		clusters: clusterCandidates(candidates, input.adjacency, parameters.mergeAdjacent),
		testedCells: pValues.length,
		skipped
	};
}

function checkedBaseline(
	baseline: readonly ThemeBaseline[]
): Map<string, { count: number; households: number }> {
	const byTheme = new Map<string, { count: number; households: number }>();
	for (const { themeCode, count, households } of baseline) {
		if (byTheme.has(themeCode))
			throw new Error(`baseline theme ${themeCode} appears more than once`);
		if (!(count >= 0 && Number.isFinite(count))) {
			throw new RangeError(`baseline count of ${themeCode} must be a number ≥ 0 (got ${count})`);
		}
		if (!(households >= 0 && Number.isFinite(households))) {
			throw new RangeError(
				`baseline households of ${themeCode} must be a number ≥ 0 (got ${households})`
			);
		}
		byTheme.set(themeCode, { count, households });
	}
	return byTheme;
}

/** Connected components of the adjacency graph over each theme's candidate buurten. */
function clusterCandidates(
	candidates: readonly SharedNeedCell[],
	adjacency: SharedNeedsInput['adjacency'],
	mergeAdjacent: boolean
): SharedNeedCluster[] {
	const neighbours = new Map<string, string[]>();
	const link = (from: string, to: string) => {
		const list = neighbours.get(from);
		if (list) list.push(to);
		else neighbours.set(from, [to]);
	};
	if (mergeAdjacent) {
		for (const [a, b] of adjacency) {
			link(a, b);
			link(b, a);
		}
	}
	const byTheme = new Map<string, Map<string, SharedNeedCell>>();
	for (const cell of candidates) {
		if (!byTheme.has(cell.themeCode)) byTheme.set(cell.themeCode, new Map());
		byTheme.get(cell.themeCode)!.set(cell.buurtCode, cell);
	}

	const clusters: SharedNeedCluster[] = [];
	for (const [themeCode, cellsByBuurt] of byTheme) {
		const visited = new Set<string>();
		for (const start of [...cellsByBuurt.keys()].sort(byString)) {
			if (visited.has(start)) continue;
			visited.add(start);
			const component: string[] = [];
			const queue = [start];
			while (queue.length > 0) {
				const code = queue.pop()!;
				component.push(code);
				for (const next of neighbours.get(code) ?? []) {
					if (cellsByBuurt.has(next) && !visited.has(next)) {
						visited.add(next);
						queue.push(next);
					}
				}
			}
			component.sort(byString);
			const cells = component.map((code) => cellsByBuurt.get(code)!);
			clusters.push({
				themeCode,
				buurtCodes: component,
				households: cells.reduce((sum, cell) => sum + cell.count, 0),
				cells
			});
		}
	}
	return clusters.sort(
		(a, b) =>
			b.households - a.households ||
			byString(a.themeCode, b.themeCode) ||
			byString(a.buurtCodes[0], b.buurtCodes[0])
	);
}
