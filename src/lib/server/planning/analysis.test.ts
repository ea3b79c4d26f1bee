import { describe, expect, it } from 'vitest';
import { AnalysisInputError } from '$lib/analysis/accessibility';
import {
	analyseCandidates,
	analyseGaps,
	analyseSuggestions,
	analyseWhatIf,
	shownCount,
	type PlanBuurt
} from './analysis';
import type { BuurtDemandParts } from './demand';

/** Degrees of longitude for `meters` east at latitude 52. */
const east = (meters: number) =>
	(meters / (6371008.8 * Math.cos((52 * Math.PI) / 180))) * (180 / Math.PI);

// Five buurten 3 km apart on a line: far enough that a 15-minute walk reaches only one.
const BUURTEN: PlanBuurt[] = ['A', 'B', 'C', 'D', 'E'].map((code, k) => ({
	code,
	name: `Buurt ${code}`,
	wijkName: 'Wijk',
	lon: 5 + east(3000 * k),
	lat: 52
}));

function demand(reported: number[], expected: number[] = []): Map<string, BuurtDemandParts> {
	return new Map(
		BUURTEN.map((b, k) => [
			b.code,
			{ needs: reported[k], signals: 0, reported: reported[k], expected: expected[k] ?? 0 }
		])
	);
}

const provision = (k: number, capacity: number) => ({
	id: `p${k}`,
	lon: BUURTEN[k].lon,
	lat: BUURTEN[k].lat,
	capacity,
	catchmentMinutes: 15
});

function allFinite(value: unknown): boolean {
	if (typeof value === 'number') return Number.isFinite(value);
	if (Array.isArray(value)) return value.every(allFinite);
	if (value && typeof value === 'object') return Object.values(value).every(allFinite);
	return true;
}

describe('shownCount', () => {
	it('hides 1 to 4, shows 0 and 5 up, rounded to one decimal', () => {
		expect([0, 0.4, 1, 4, 4.99, 5, 12.345].map(shownCount)).toEqual([
			0,
			null,
			null,
			null,
			null,
			5,
			12.3
		]);
		expect(() => shownCount(NaN)).toThrow(AnalysisInputError);
	});
});

describe('analyseGaps', () => {
	it('ranks buurten by unmet need and suppresses the small ones', () => {
		// A is served by its provision; B (20), C (3), D (8), E (0) have none in reach.
		const { view } = analyseGaps({
			buurten: BUURTEN,
			demand: demand([10, 20, 3, 8, 0]),
			provisions: [provision(0, 50)]
		});
		expect(view.rows.map((r) => [r.rank, r.code, r.unmet, r.gapClass])).toEqual([
			[1, 'B', 20, 4],
			[2, 'D', 8, 2],
			[3, 'C', null, 1],
			[4, 'A', 0, 0],
			[5, 'E', 0, 0]
		]);
		const c = view.rows.find((r) => r.code === 'C')!;
		expect(c).toMatchObject({ reported: null, demand: null, unmet: null, coveragePct: 0 });
		expect(view.totals).toMatchObject({
			buurtCount: 5,
			demand: 41,
			unmet: 31,
			shareUnmetPct: 76,
			buurtenWithUnmet: 3,
			reported: 41
		});
		expect(allFinite(view)).toBe(true);
	});

	it('works with no provisions (everything unmet) and with no demand (nothing unmet)', () => {
		const empty = analyseGaps({
			buurten: BUURTEN,
			demand: demand([10, 20, 3, 8, 0]),
			provisions: []
		});
		expect(empty.view.totals.unmet).toBe(41);
		expect(empty.view.steps).toEqual([]);
		const none = analyseGaps({
			buurten: BUURTEN,
			demand: demand([0, 0, 0, 0, 0]),
			provisions: [provision(1, 30)]
		});
		expect(none.view.totals).toMatchObject({ demand: 0, unmet: 0, shareUnmetPct: 0 });
		expect(none.view.rows.every((r) => r.gapClass === 0 && r.unmet === 0)).toBe(true);
		expect(allFinite(none.view)).toBe(true);
	});

	it('hides the totals when the whole municipality has 1 to 4 reports', () => {
		const { view } = analyseGaps({
			buurten: BUURTEN,
			demand: demand([1, 2, 0, 0, 0]),
			provisions: []
		});
		expect(view.totals).toMatchObject({ demand: null, unmet: null, shareUnmetPct: null });
	});

	it('refuses bad supply with an input error, never a NaN', () => {
		for (const bad of [
			{ ...provision(0, 10), capacity: -1 },
			{ ...provision(0, 10), capacity: NaN },
			{ ...provision(0, 10), catchmentMinutes: 0 },
			{ ...provision(0, 10), lon: NaN }
		]) {
			expect(() =>
				analyseGaps({ buurten: BUURTEN, demand: demand([1, 1, 1, 1, 1]), provisions: [bad] })
			).toThrow(AnalysisInputError);
		}
	});
});

describe('analyseWhatIf', () => {
	it('shows the change when it rests on 5 or more reporting households', () => {
		const outcome = analyseWhatIf({
			buurten: BUURTEN,
			demand: demand([10, 20, 3, 8, 0]),
			provisions: [provision(0, 50)],
			candidate: { lon: BUURTEN[1].lon, lat: BUURTEN[1].lat, capacity: 10, catchmentMinutes: 15 }
		});
		expect(outcome.summary).toEqual({
			unmetBefore: 31,
			unmetAfter: 21,
			change: -10,
			buurtenHelped: 1,
			hidden: false
		});
		expect(outcome.changed).toEqual([{ code: 'B', name: 'Buurt B', before: 20, after: 10 }]);
		expect(outcome.after.breaks).toEqual(outcome.before.breaks);
	});

	it('hides the change when only a buurt with 1 to 4 reports moves', () => {
		// Next to C (3 households): the change would read C's count off exactly.
		const outcome = analyseWhatIf({
			buurten: BUURTEN,
			demand: demand([10, 20, 3, 8, 0]),
			provisions: [provision(0, 50)],
			candidate: { lon: BUURTEN[2].lon, lat: BUURTEN[2].lat, capacity: 100, catchmentMinutes: 15 }
		});
		expect(outcome.summary).toMatchObject({
			unmetBefore: 31,
			unmetAfter: null,
			change: null,
			hidden: true
		});
		expect(outcome.changed).toEqual([{ code: 'C', name: 'Buurt C', before: null, after: null }]);
	});

	it('changes nothing where nobody is in reach', () => {
		const outcome = analyseWhatIf({
			buurten: BUURTEN,
			demand: demand([10, 20, 3, 8, 0]),
			provisions: [],
			candidate: { lon: BUURTEN[4].lon, lat: BUURTEN[4].lat, capacity: 10, catchmentMinutes: 15 }
		});
		expect(outcome.summary).toMatchObject({ change: 0, buurtenHelped: 0, hidden: false });
		expect(outcome.changed).toEqual([]);
	});

	it('several candidates at once equal the sum of their separate effects here', () => {
		const input = { buurten: BUURTEN, demand: demand([10, 20, 3, 8, 0]), provisions: [] };
		const both = analyseCandidates({
			...input,
			candidates: [1, 3].map((k) => ({
				lon: BUURTEN[k].lon,
				lat: BUURTEN[k].lat,
				capacity: 5,
				catchmentMinutes: 15
			}))
		});
		expect(both.summary.change).toBe(-10);
	});
});

describe('analyseSuggestions', () => {
	it('picks the biggest gaps first, with gains that fall, and stops when nothing helps', () => {
		const outcome = analyseSuggestions({
			buurten: BUURTEN,
			demand: demand([10, 20, 6, 8, 0]),
			provisions: [provision(0, 50)],
			count: 5,
			capacity: 100,
			catchmentMinutes: 15
		});
		expect(outcome.suggestions.map((s) => [s.buurtCode, s.gain, s.unmetAfter])).toEqual([
			['B', 20, 14],
			['D', 8, 6],
			['C', 6, 0]
		]);
		expect(outcome.unmetBefore).toBe(34);
		expect(outcome.unmetAfter).toBe(0);
		expect(outcome.candidateCount).toBe(5);
		expect(allFinite(outcome)).toBe(true);
	});

	it('hides a gain from a small buurt, and every total after it', () => {
		const outcome = analyseSuggestions({
			buurten: BUURTEN,
			demand: demand([10, 20, 3, 8, 0]),
			provisions: [provision(0, 50)],
			count: 3,
			capacity: 100,
			catchmentMinutes: 15
		});
		expect(outcome.suggestions.map((s) => [s.buurtCode, s.gain, s.unmetAfter])).toEqual([
			['B', 20, 11],
			['D', 8, 3],
			['C', null, null]
		]);
		expect(outcome.unmetAfter).toBeNull();
	});

	it('suggests nothing without demand', () => {
		const outcome = analyseSuggestions({
			buurten: BUURTEN,
			demand: demand([0, 0, 0, 0, 0]),
			provisions: [],
			count: 3,
			capacity: 10,
			catchmentMinutes: 15
		});
		expect(outcome.suggestions).toEqual([]);
		expect(outcome.unmetAfter).toBe(0);
	});
});
