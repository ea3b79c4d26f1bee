import { describe, expect, it } from 'vitest';
import { combineDemand, type DemandBuurt } from './demand';
import { EXPECTED_NEED_PROXIES, expectedNeedProxy, spreadExpectedNeed } from './expected-need';

const figures = (over: Partial<DemandBuurt['figures']> = {}): DemandBuurt['figures'] => ({
	inhabitants: 1000,
	households: 500,
	pctAge65Plus: 20,
	pctOnePersonHouseholds: 40,
	pctHouseholdsWithChildren: 25,
	socialAssistanceBenefits: 30,
	disabilityBenefits: 20,
	unemploymentBenefits: 10,
	...over
});
const BUURTEN: DemandBuurt[] = [
	{ code: 'A', figures: figures() },
	{ code: 'B', figures: figures({ socialAssistanceBenefits: 90 }) },
	{ code: 'C', figures: figures({ socialAssistanceBenefits: null, unemploymentBenefits: null }) }
];

describe('combineDemand', () => {
	it('counts open needs per buurt for the subject’s themes and sums a law’s themes', () => {
		const parts = combineDemand({
			buurten: BUURTEN,
			themeCodes: ['geldzaken', 'voeding'],
			needCounts: [
				{ buurtCode: 'A', themeCode: 'geldzaken', households: 3 },
				{ buurtCode: 'A', themeCode: 'voeding', households: 4 },
				{ buurtCode: 'B', themeCode: 'wonen', households: 9 }, // another theme
				{ buurtCode: 'Z', themeCode: 'voeding', households: 9 } // another gemeente
			],
			signals: [],
			includeExpected: false
		});
		expect(parts.get('A')).toEqual({ needs: 7, signals: 0, reported: 7, expected: 0 });
		expect(parts.get('B')!.reported).toBe(0);
		expect([...parts.keys()]).toEqual(['A', 'B', 'C']);
	});

	it('spreads a signal over its buurten by their needs, and takes the larger of the two', () => {
		const parts = combineDemand({
			buurten: BUURTEN,
			themeCodes: ['voeding'],
			needCounts: [
				{ buurtCode: 'A', themeCode: 'voeding', households: 6 },
				{ buurtCode: 'B', themeCode: 'voeding', households: 2 }
			],
			signals: [
				// 12 households over A (6 needs) and B (2): 9 and 3. Z is not in this gemeente.
				{ themeCode: 'voeding', buurtCodes: ['A', 'B', 'Z'], householdCount: 12 },
				// No needs in C: all of it there.
				{ themeCode: 'voeding', buurtCodes: ['C', 'C'], householdCount: 5 },
				{ themeCode: 'wonen', buurtCodes: ['A'], householdCount: 50 }
			],
			includeExpected: false
		});
		expect(parts.get('A')).toEqual({ needs: 6, signals: 9, reported: 9, expected: 0 });
		expect(parts.get('B')).toEqual({ needs: 2, signals: 3, reported: 3, expected: 0 });
		expect(parts.get('C')).toEqual({ needs: 0, signals: 5, reported: 5, expected: 0 });
	});

	it('spreads a signal evenly when its buurten have no needs, and ignores empty ones', () => {
		const parts = combineDemand({
			buurten: BUURTEN,
			themeCodes: ['voeding'],
			needCounts: [],
			signals: [
				{ themeCode: 'voeding', buurtCodes: ['A', 'B'], householdCount: 8 },
				{ themeCode: 'voeding', buurtCodes: ['Z'], householdCount: 8 },
				{ themeCode: 'voeding', buurtCodes: ['C'], householdCount: 0 }
			],
			includeExpected: false
		});
		expect([...parts.values()].map((p) => p.reported)).toEqual([4, 4, 0]);
	});

	it('adds the expected need: the reported total again, spread by the CBS proxy', () => {
		const parts = combineDemand({
			buurten: BUURTEN,
			themeCodes: ['voeding'],
			needCounts: [{ buurtCode: 'A', themeCode: 'voeding', households: 12 }],
			signals: [],
			includeExpected: true
		});
		// Voeding: social assistance 30, 90 and unknown (0): 12 × 30/120 = 3, 12 × 90/120 = 9.
		expect([...parts.values()].map((p) => p.expected)).toEqual([3, 9, 0]);
		expect([...parts.values()].reduce((a, p) => a + p.expected, 0)).toBe(12);
	});

	it('has no expected need without reports', () => {
		const parts = combineDemand({
			buurten: BUURTEN,
			themeCodes: ['voeding'],
			needCounts: [],
			signals: [],
			includeExpected: true
		});
		expect([...parts.values()].every((p) => p.expected === 0 && p.reported === 0)).toBe(true);
	});
});

describe('expected need', () => {
	it('has a proxy for each theme of the seed, and households for any other', () => {
		expect(Object.keys(EXPECTED_NEED_PROXIES).sort()).toEqual(
			[
				'geldzaken',
				'gezondheid',
				'mantelzorg',
				'opvoeden-en-opgroeien',
				'sociaal-netwerk',
				'taal-en-digitaal',
				'vervoer',
				'voeding',
				'werk-en-dagbesteding',
				'wonen'
			].sort()
		);
		const f = figures();
		expect(expectedNeedProxy('sociaal-netwerk', f)).toBe(200); // 40% of 500 households
		expect(expectedNeedProxy('gezondheid', f)).toBe(200); // 20% of 1000 residents
		expect(expectedNeedProxy('opvoeden-en-opgroeien', f)).toBe(125);
		expect(expectedNeedProxy('werk-en-dagbesteding', f)).toBe(60);
		expect(expectedNeedProxy('nieuw-thema', f)).toBe(500);
	});

	it('counts unknown figures as 0 and never returns a non-finite proxy', () => {
		const empty = figures({
			inhabitants: null,
			households: null,
			pctAge65Plus: null,
			socialAssistanceBenefits: NaN as unknown as number
		});
		for (const theme of Object.keys(EXPECTED_NEED_PROXIES)) {
			const value = expectedNeedProxy(theme, empty);
			expect(Number.isFinite(value) && value >= 0, theme).toBe(true);
		}
	});

	it('spreads a total by the proxies; nothing when all are zero', () => {
		expect([
			...spreadExpectedNeed(
				10,
				new Map([
					['a', 1],
					['b', 3]
				])
			).values()
		]).toEqual([2.5, 7.5]);
		expect([...spreadExpectedNeed(10, new Map([['a', 0]])).values()]).toEqual([0]);
		expect([...spreadExpectedNeed(0, new Map([['a', 5]])).values()]).toEqual([0]);
	});
});
