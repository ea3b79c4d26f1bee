import { expectedNeedProxy, spreadExpectedNeed, type BuurtKeyFigures } from './expected-need';

/**
 * The demand D_i of the council's gap analysis, per buurt, for the themes of one subject (one
 * theme, or every theme of a law):
 *
 * 1. Open needs: distinct households with an open need of the theme in the buurt, reported in
 *    the window and not expired (private.council_need_demand, exact counts).
 * 2. Signals asking for a new collective provision (intervention_kind 'nieuwe_voorziening', not
 *    closed): a wijkteam's count of households sharing the need, over the signal's buurten. It is
 *    spread over those buurten in proportion to their open needs (evenly when they have none).
 *    A signal is made from the same households' needs, so the two are not added: per buurt and
 *    theme the demand is the larger of the two ("reported").
 * 3. Optionally the expected need from CBS key figures (expected-need.ts), added to it.
 *
 * For a law the themes are summed: a household with two needs needs two places.
 */

export interface NeedCount {
	buurtCode: string;
	themeCode: string;
	households: number;
}

export interface SignalDemand {
	themeCode: string;
	buurtCodes: readonly string[];
	householdCount: number;
}

export interface DemandBuurt {
	code: string;
	figures: BuurtKeyFigures;
}

export interface BuurtDemandParts {
	/** Open needs (households), summed over the subject's themes. */
	needs: number;
	/** Households from signals for a new provision, spread over their buurten. */
	signals: number;
	/** Σ over themes of max(needs, signals): what residents and wijkteams reported. */
	reported: number;
	/** Expected need from CBS key figures (0 unless asked for). */
	expected: number;
}

const finiteCount = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

export function combineDemand(input: {
	buurten: readonly DemandBuurt[];
	themeCodes: readonly string[];
	needCounts: readonly NeedCount[];
	signals: readonly SignalDemand[];
	includeExpected: boolean;
}): Map<string, BuurtDemandParts> {
	const { buurten, needCounts, signals, includeExpected } = input;
	const themes = new Set(input.themeCodes);
	const inGemeente = new Set(buurten.map((b) => b.code));
	const parts = new Map<string, BuurtDemandParts>(
		buurten.map((b) => [b.code, { needs: 0, signals: 0, reported: 0, expected: 0 }])
	);

	for (const theme of themes) {
		const needs = new Map<string, number>();
		for (const count of needCounts) {
			if (count.themeCode !== theme || !inGemeente.has(count.buurtCode)) continue;
			needs.set(count.buurtCode, (needs.get(count.buurtCode) ?? 0) + finiteCount(count.households));
		}

		const fromSignals = new Map<string, number>();
		for (const signal of signals) {
			if (signal.themeCode !== theme) continue;
			const codes = [...new Set(signal.buurtCodes)].filter((code) => inGemeente.has(code));
			const households = finiteCount(signal.householdCount);
			if (codes.length === 0 || households === 0) continue;
			const weights = codes.map((code) => needs.get(code) ?? 0);
			const total = weights.reduce((a, b) => a + b, 0);
			codes.forEach((code, k) => {
				const part = total > 0 ? (households * weights[k]) / total : households / codes.length;
				fromSignals.set(code, (fromSignals.get(code) ?? 0) + part);
			});
		}

		let themeTotal = 0;
		for (const buurt of buurten) {
			const row = parts.get(buurt.code)!;
			const n = needs.get(buurt.code) ?? 0;
			const s = fromSignals.get(buurt.code) ?? 0;
			row.needs += n;
			row.signals += s;
			row.reported += Math.max(n, s);
			themeTotal += Math.max(n, s);
		}

		if (includeExpected) {
			const proxies = new Map(buurten.map((b) => [b.code, expectedNeedProxy(theme, b.figures)]));
			for (const [code, value] of spreadExpectedNeed(themeTotal, proxies)) {
				parts.get(code)!.expected += value;
			}
		}
	}
	return parts;
}
