import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from './prng';
import {
	DEFAULT_SHARED_NEEDS_PARAMETERS,
	detectSharedNeeds,
	type BuurtHouseholds,
	type NeedReport,
	type NeedStatus,
	type SharedNeedsInput,
	type SharedNeedsOptions
} from './shared-needs';

const NOW = new Date('2026-11-28T12:00:00Z');
const DAY_MS = 86_400_000;

function need(
	themeCode: string,
	buurtCode: string,
	householdKey: string,
	daysAgo = 10,
	status: NeedStatus = 'open'
): NeedReport {
	return {
		themeCode,
		buurtCode,
		householdKey,
		reportedAt: new Date(NOW.getTime() - daysAgo * DAY_MS),
		status
	};
}

/** n needs of n distinct households. */
function households(themeCode: string, buurtCode: string, n: number, prefix = buurtCode) {
	return Array.from({ length: n }, (_, i) => need(themeCode, buurtCode, `${prefix}-${i}`));
}

function detect(input: Partial<SharedNeedsInput>, options: Partial<SharedNeedsOptions> = {}) {
	return detectSharedNeeds(
		{ needs: [], buurten: [], adjacency: [], ...input },
		{ now: NOW, ...options }
	);
}

const cell = (result: ReturnType<typeof detect>, themeCode: string, buurtCode: string) =>
	result.cells.find((c) => c.themeCode === themeCode && c.buurtCode === buurtCode);

describe('detectSharedNeeds: the threshold k', () => {
	// Households unknown: only the threshold can make a candidate.
	const buurten: BuurtHouseholds[] = [
		{ code: 'BU01', households: null },
		{ code: 'BU02', households: null }
	];

	it('needs k distinct households: 4 is not enough, 5 is', () => {
		const result = detect({
			buurten,
			needs: [...households('geldzaken', 'BU01', 4), ...households('geldzaken', 'BU02', 5)]
		});
		expect(cell(result, 'geldzaken', 'BU01')).toMatchObject({ count: 4, reasons: [] });
		expect(cell(result, 'geldzaken', 'BU02')).toMatchObject({
			count: 5,
			households: null,
			ratePer1000: null,
			expected: null,
			p: null,
			q: null,
			reasons: ['threshold']
		});
		expect(result.candidates.map((c) => c.buurtCode)).toEqual(['BU02']);
		expect(result.testedCells).toBe(0);
	});

	it('counts a household that reports three times once', () => {
		const result = detect({
			buurten,
			needs: [
				...households('geldzaken', 'BU01', 4),
				need('geldzaken', 'BU01', 'BU01-0', 20),
				need('geldzaken', 'BU01', 'BU01-0', 30, 'in_behandeling')
			]
		});
		expect(cell(result, 'geldzaken', 'BU01')).toMatchObject({ count: 4, reasons: [] });
	});

	it('ignores needs outside the window and needs that are no longer open', () => {
		const result = detect({
			buurten,
			needs: [
				...households('geldzaken', 'BU01', 4),
				need('geldzaken', 'BU01', 'late', 91),
				need('geldzaken', 'BU01', 'future', -1),
				need('geldzaken', 'BU01', 'done', 5, 'afgehandeld'),
				need('geldzaken', 'BU01', 'withdrawn', 5, 'ingetrokken'),
				need('geldzaken', 'BU99', 'retired-buurt', 5)
			]
		});
		expect(cell(result, 'geldzaken', 'BU01')?.count).toBe(4);
		expect(result.candidates).toEqual([]);
		expect(result.skipped).toEqual({ notOpen: 2, outsideWindow: 2, unknownBuurt: 1 });
	});

	it('counts needs being handled, and the window includes both of its ends', () => {
		const result = detect({
			buurten,
			needs: [
				need('wonen', 'BU01', 'a', 90),
				need('wonen', 'BU01', 'b', 0),
				need('wonen', 'BU01', 'c', 45, 'in_behandeling'),
				need('wonen', 'BU01', 'd', 1),
				need('wonen', 'BU01', 'e', 2)
			]
		});
		expect(cell(result, 'wonen', 'BU01')).toMatchObject({ count: 5, reasons: ['threshold'] });
		expect(result.window).toEqual({ from: new Date(NOW.getTime() - 90 * DAY_MS), to: NOW });
	});

	it('follows the window and k it is given, and returns the parameters it used', () => {
		const result = detect(
			{ buurten, needs: [...households('wonen', 'BU01', 3), need('wonen', 'BU01', 'x', 40)] },
			{ windowDays: 30, k: 3 }
		);
		expect(cell(result, 'wonen', 'BU01')).toMatchObject({ count: 3, reasons: ['threshold'] });
		expect(result.parameters).toEqual({
			...DEFAULT_SHARED_NEEDS_PARAMETERS,
			now: NOW,
			windowDays: 30,
			k: 3
		});
		expect(detect({}).parameters).toEqual({ ...DEFAULT_SHARED_NEEDS_PARAMETERS, now: NOW });
		expect(DEFAULT_SHARED_NEEDS_PARAMETERS).toMatchObject({
			windowDays: 90,
			k: 5,
			fdr: 0.05,
			mergeAdjacent: true
		});
	});
});

describe('detectSharedNeeds: the Poisson test with Benjamini–Hochberg', () => {
	// Ten buurten of 1,000 households; 20 households in all report geldzaken, so the
	// municipality's rate is 20 per 10,000 and every buurt expects λ = 2.
	const buurten = Array.from({ length: 10 }, (_, i) => ({
		code: `BU${String(i).padStart(2, '0')}`,
		households: 1000
	}));
	const needs = [
		...households('geldzaken', 'BU00', 12),
		...households('geldzaken', 'BU01', 3),
		...households('geldzaken', 'BU02', 2),
		...households('geldzaken', 'BU03', 2),
		...households('geldzaken', 'BU04', 1)
	];
	// k out of the way, so only the test decides.
	const noThreshold = { k: 1_000_000 };

	it('finds 12 cases where λ = 2 significant, and 3 cases not', () => {
		const result = detect({ buurten, needs }, noThreshold);
		expect(result.themes).toEqual([
			{ themeCode: 'geldzaken', count: 20, households: 10_000, ratePer1000: 2 }
		]);
		expect(result.testedCells).toBe(10);
		const hot = cell(result, 'geldzaken', 'BU00')!;
		expect(hot.expected).toBeCloseTo(2, 12);
		expect(hot.ratePer1000).toBe(12);
		// P(X ≥ 12 | 2) = 1.364615159615195274e-6 (see poisson.test.ts); smallest of m = 10.
		expect(hot.p).toBeCloseTo(1.364615159615195e-6, 18);
		expect(hot.q).toBeCloseTo(10 * 1.364615159615195e-6, 17);
		expect(hot.reasons).toEqual(['significant']);
		const normal = cell(result, 'geldzaken', 'BU01')!;
		// P(X ≥ 3 | 2) = 1 − 5·e^−2 = 0.3233235838169365.
		expect(normal.p).toBeCloseTo(0.3233235838169365, 14);
		expect(normal.q).toBeGreaterThan(0.05);
		expect(normal.reasons).toEqual([]);
		expect(result.candidates.map((c) => c.buurtCode)).toEqual(['BU00']);
	});

	it('gives both reasons when the count also reaches k', () => {
		const result = detect({ buurten, needs });
		expect(cell(result, 'geldzaken', 'BU00')?.reasons).toEqual(['threshold', 'significant']);
	});

	it('corrects over every buurt × theme cell, those without reports included', () => {
		// A second theme nobody reported doubles the number of tests: q doubles.
		const result = detect({ buurten, needs, themeCodes: ['geldzaken', 'wonen'] }, noThreshold);
		expect(result.testedCells).toBe(20);
		expect(cell(result, 'geldzaken', 'BU00')?.q).toBeCloseTo(20 * 1.364615159615195e-6, 17);
		expect(result.themes.map((t) => [t.themeCode, t.count])).toEqual([
			['geldzaken', 20],
			['wonen', 0]
		]);
		// Cells without households reporting are tested but not listed.
		expect(result.cells.every((c) => c.count > 0)).toBe(true);
	});

	it('does not call a p-value below 0.05 significant when it is one of many tests', () => {
		// 50 buurten, λ = 2 each; one has 6 cases: p = P(X ≥ 6 | 2) ≈ 0.0166 on its own, but
		// q = 50 × 0.0166 after the correction.
		const many = Array.from({ length: 50 }, (_, i) => ({ code: `BU${i + 100}`, households: 1000 }));
		const spread = many.flatMap((b, i) =>
			households('wonen', b.code, i === 0 ? 6 : i < 48 ? 2 : 0)
		);
		const result = detect({ buurten: many, needs: spread }, noThreshold);
		const hot = cell(result, 'wonen', 'BU100')!;
		expect(hot.expected).toBeCloseTo(2, 12);
		expect(hot.p).toBeLessThan(0.02);
		expect(hot.q).toBeGreaterThan(0.5);
		expect(result.candidates).toEqual([]);
	});

	it('tests only buurten with known households; the others can still pass by k', () => {
		const mixed = [
			...buurten,
			{ code: 'BU_UNKNOWN', households: null },
			{ code: 'BU_EMPTY', households: 0 }
		];
		const extra = [
			...households('geldzaken', 'BU_UNKNOWN', 12),
			...households('geldzaken', 'BU_EMPTY', 5)
		];
		const result = detect({ buurten: mixed, needs: [...needs, ...extra] });
		// Their households stay out of the municipality's rate.
		expect(result.themes[0]).toMatchObject({ count: 20, households: 10_000 });
		expect(result.testedCells).toBe(10);
		expect(cell(result, 'geldzaken', 'BU_UNKNOWN')).toMatchObject({
			p: null,
			q: null,
			reasons: ['threshold']
		});
		expect(cell(result, 'geldzaken', 'BU_EMPTY')).toMatchObject({
			households: 0,
			ratePer1000: null,
			p: null,
			reasons: ['threshold']
		});
		expect(
			detect({ buurten: mixed, needs: [...needs, ...extra] }, noThreshold).candidates.map(
				(c) => c.buurtCode
			)
		).toEqual(['BU00']);
	});

	it('does not call one household a shared need, however small the buurt', () => {
		// 10 households in a town of a million: λ = 0.001, so P(X ≥ 1) ≈ 0.001 and q ≈ 0.011.
		const town = [
			{ code: 'BU_TINY', households: 10 },
			...Array.from({ length: 10 }, (_, i) => ({ code: `BU${i + 200}`, households: 99_999 }))
		];
		const reports = [
			need('vervoer', 'BU_TINY', 'only-one'),
			...town.slice(1).flatMap((b) => households('vervoer', b.code, 10))
		];
		const strict = detect({ buurten: town, needs: reports }, noThreshold);
		expect(cell(strict, 'vervoer', 'BU_TINY')?.q).toBeLessThan(0.05);
		expect(cell(strict, 'vervoer', 'BU_TINY')?.reasons).toEqual([]);
		const loose = detect(
			{ buurten: town, needs: reports },
			{ ...noThreshold, minSignificantCount: 1 }
		);
		expect(cell(loose, 'vervoer', 'BU_TINY')?.reasons).toEqual(['significant']);
	});
});

describe('detectSharedNeeds: a baseline from outside (a wijkteam against its municipality)', () => {
	// The team serves two buurten of 1,000 households; the municipality has 20,000 households of
	// which 40 report geldzaken: 2 per 1,000, so each of the team's buurten expects λ = 2.
	const buurten = [
		{ code: 'BU_T1', households: 1000 },
		{ code: 'BU_T2', households: 1000 }
	];
	const needs = [...households('geldzaken', 'BU_T1', 9), ...households('geldzaken', 'BU_T2', 2)];
	const baseline = [{ themeCode: 'geldzaken', count: 40, households: 20_000 }];

	it('tests the buurten of the team against the rate of the municipality, not their own', () => {
		const result = detect({ buurten, needs, baseline }, { k: 1000 });
		expect(result.themes).toEqual([
			{ themeCode: 'geldzaken', count: 40, households: 20_000, ratePer1000: 2 }
		]);
		const hot = cell(result, 'geldzaken', 'BU_T1')!;
		expect(hot.expected).toBeCloseTo(2, 12);
		// P(X ≥ 9 | 2), two tests: q = min over ranks of m·p/rank.
		expect(hot.p).toBeCloseTo(2.374473282611e-4, 14);
		expect(hot.q).toBeCloseTo(2 * 2.374473282611e-4, 13);
		expect(hot.reasons).toEqual(['significant']);
		expect(result.testedCells).toBe(2);
		// Against their own rate (5.5 per 1,000) the same buurt is not significant.
		const own = detect({ buurten, needs }, { k: 1000 });
		expect(own.themes[0].ratePer1000).toBe(5.5);
		expect(cell(own, 'geldzaken', 'BU_T1')?.reasons).toEqual([]);
	});

	it('does not test a theme the baseline lacks, or one without households', () => {
		const result = detect(
			{
				buurten,
				needs: [...needs, ...households('wonen', 'BU_T1', 6)],
				baseline: [...baseline, { themeCode: 'vervoer', count: 0, households: 0 }],
				themeCodes: ['vervoer']
			},
			{ k: 5 }
		);
		expect(result.themes.find((t) => t.themeCode === 'wonen')).toMatchObject({
			count: 0,
			households: 0,
			ratePer1000: null
		});
		// Untested, but k still counts.
		expect(cell(result, 'wonen', 'BU_T1')).toMatchObject({
			p: null,
			q: null,
			reasons: ['threshold']
		});
		expect(result.testedCells).toBe(2);
	});

	it('refuses a baseline with impossible numbers or a theme twice', () => {
		expect(() => detect({ buurten, baseline: [{ ...baseline[0], count: -1 }] })).toThrow(/count/);
		expect(() =>
			detect({ buurten, baseline: [{ ...baseline[0], households: Number.NaN }] })
		).toThrow(/households/);
		expect(() => detect({ buurten, baseline: [baseline[0], baseline[0]] })).toThrow(
			/more than once/
		);
	});
});

describe('detectSharedNeeds: clusters of adjacent buurten', () => {
	// A row of five buurten, each bordering the next.
	const buurten = ['BU_A', 'BU_B', 'BU_C', 'BU_D', 'BU_E'].map((code) => ({
		code,
		households: null
	}));
	const adjacency: [string, string][] = [
		['BU_A', 'BU_B'],
		['BU_B', 'BU_C'],
		['BU_C', 'BU_D'],
		['BU_D', 'BU_E']
	];
	const needs = [
		...households('geldzaken', 'BU_A', 6),
		...households('geldzaken', 'BU_B', 5),
		...households('geldzaken', 'BU_C', 4), // not a candidate: keeps D apart
		...households('geldzaken', 'BU_D', 7),
		...households('wonen', 'BU_C', 9),
		...households('wonen', 'BU_E', 5)
	];

	it('joins adjacent candidates of a theme, keeps others apart and never mixes themes', () => {
		const { clusters } = detect({ buurten, adjacency, needs });
		expect(clusters.map((c) => [c.themeCode, c.buurtCodes, c.households])).toEqual([
			['geldzaken', ['BU_A', 'BU_B'], 11],
			['wonen', ['BU_C'], 9],
			['geldzaken', ['BU_D'], 7],
			['wonen', ['BU_E'], 5]
		]);
		expect(clusters[0].cells.map((c) => [c.buurtCode, c.count])).toEqual([
			['BU_A', 6],
			['BU_B', 5]
		]);
	});

	it('bridges through a buurt only when it is a candidate itself', () => {
		const bridged = detect({
			buurten,
			adjacency,
			needs: [...needs, need('geldzaken', 'BU_C', 'fifth')]
		});
		expect(bridged.clusters[0]).toMatchObject({
			themeCode: 'geldzaken',
			buurtCodes: ['BU_A', 'BU_B', 'BU_C', 'BU_D'],
			households: 23
		});
	});

	it('counts a household that reported in two buurten of a cluster once per buurt', () => {
		const moved = detect({
			buurten,
			adjacency,
			needs: [...needs, need('geldzaken', 'BU_B', 'BU_A-0')]
		});
		expect(moved.clusters[0]).toMatchObject({ buurtCodes: ['BU_A', 'BU_B'], households: 12 });
	});

	it('keeps every candidate on its own when merging is off, and ignores unknown pairs', () => {
		const { clusters } = detect(
			{ buurten, adjacency: [...adjacency, ['BU_A', 'BU_ZZ']], needs },
			{ mergeAdjacent: false }
		);
		expect(clusters.map((c) => c.buurtCodes.join())).toEqual([
			'BU_C',
			'BU_D',
			'BU_A',
			'BU_B',
			'BU_E'
		]);
		expect(detect({ buurten, adjacency: [['BU_A', 'BU_ZZ']], needs }).clusters).toHaveLength(5);
	});
});

describe('detectSharedNeeds: input checks', () => {
	const bad: [Partial<SharedNeedsOptions>, RegExp][] = [
		[{ k: 0 }, /k must be an integer ≥ 1/],
		[{ k: 2.5 }, /k must be an integer ≥ 1/],
		[{ fdr: 0 }, /fdr must lie strictly between 0 and 1/],
		[{ fdr: 1 }, /fdr/],
		[{ fdr: Number.NaN }, /fdr/],
		[{ windowDays: 0 }, /windowDays must be a finite number > 0/],
		[{ windowDays: -5 }, /windowDays/],
		[{ windowDays: Infinity }, /windowDays/],
		[{ now: new Date('not a date') }, /now must be a valid Date/],
		[{ minSignificantCount: 0 }, /minSignificantCount/]
	];
	it.each(bad)('refuses %o', (options, message) => {
		expect(() => detect({}, options)).toThrow(message);
	});

	it('refuses duplicate buurten, impossible household counts and undated needs', () => {
		const b = { code: 'BU01', households: 10 };
		expect(() => detect({ buurten: [b, b] })).toThrow(/BU01 appears more than once/);
		expect(() => detect({ buurten: [{ code: 'BU01', households: -1 }] })).toThrow(/households/);
		expect(() =>
			detect({
				buurten: [b],
				needs: [{ ...need('wonen', 'BU01', 'x'), reportedAt: new Date(NaN) }]
			})
		).toThrow(/need 0: reportedAt/);
	});
});

/**
 * A generated town under the null hypothesis: every household has the same small chance to
 * report a theme, whatever its buurt. Returns the needs and buurten, plus the planted cells
 * where that chance is raised (none when `planted` is 0).
 */
function nullTown(rng: Rng, planted = 0) {
	const themes = Array.from({ length: 10 }, (_, t) => `theme-${t}`);
	const buurten: BuurtHouseholds[] = Array.from({ length: 100 }, (_, b) => ({
		code: `BU${String(b).padStart(3, '0')}`,
		// Mostly a few hundred to a few thousand households, some tiny, a few unknown.
		households: rng.chance(0.03) ? null : rng.chance(0.1) ? rng.int(5, 60) : rng.int(200, 3500)
	}));
	const chance = themes.map(() => rng.float(0.0005, 0.006));
	const hot = new Set<string>();
	while (hot.size < planted) hot.add(`${rng.int(0, 9)}|${buurten[rng.int(0, 99)].code}`);
	const needs: NeedReport[] = [];
	const statuses: NeedStatus[] = ['open', 'in_behandeling'];
	for (const b of buurten) {
		// Unknown household counts still have households; give them a plausible size.
		const size = b.households ?? 800;
		themes.forEach((themeCode, t) => {
			const p = hot.has(`${t}|${b.code}`) ? Math.min(0.5, chance[t] * 5) : chance[t];
			// Bernoulli(p) per household, drawn by jumping geometric gaps between reporters.
			const logMiss = Math.log1p(-p);
			for (let i = Math.floor(Math.log(1 - rng.next()) / logMiss); i < size;) {
				const householdKey = `${b.code}-${i}`;
				const reportedAt = new Date(NOW.getTime() - rng.float(0, 89.9) * DAY_MS);
				needs.push({
					themeCode,
					buurtCode: b.code,
					householdKey,
					reportedAt,
					status: rng.pick(statuses)
				});
				// Noise the detection must see through: repeats, closed and old reports.
				if (rng.chance(0.2)) needs.push({ ...needs.at(-1)!, reportedAt: new Date(reportedAt) });
				if (rng.chance(0.1))
					needs.push({
						...needs.at(-1)!,
						householdKey: `${householdKey}-closed`,
						status: 'afgehandeld'
					});
				if (rng.chance(0.1))
					needs.push({
						...needs.at(-1)!,
						householdKey: `${householdKey}-old`,
						status: 'open',
						reportedAt: new Date(NOW.getTime() - rng.float(91, 365) * DAY_MS)
					});
				i += 1 + Math.floor(Math.log(1 - rng.next()) / logMiss);
			}
		});
	}
	return { buurten, needs, hot };
}

describe('detectSharedNeeds: false discoveries in a town where nothing is going on', () => {
	const fdr = 0.05;
	// k out of reach and no minimum count: this measures the Poisson test and the correction alone.
	const options = { k: 1_000_000_000, fdr, minSignificantCount: 1 };

	it('keeps the false discovery rate at or below fdr over 500 null towns', () => {
		const seeds = 500;
		let withAny = 0;
		let falseCells = 0;
		let uncorrected = 0;
		let tested = 0;
		for (let seed = 1; seed <= seeds; seed++) {
			const { buurten, needs } = nullTown(createRng(seed));
			const result = detect({ buurten, needs }, options);
			const significant = result.candidates.filter((c) => c.reasons.includes('significant'));
			// Every discovery is false here, so the false discovery proportion is 1 or 0.
			if (significant.length > 0) withAny++;
			falseCells += significant.length;
			uncorrected += result.cells.filter((c) => c.p !== null && c.p <= fdr).length;
			tested += result.testedCells;
		}
		const meanFdp = withAny / seeds;
		const perCell = falseCells / tested;
		console.log(
			`null towns: ${seeds} seeds × ~${Math.round(tested / seeds)} tested cells; mean false ` +
				`discovery proportion ${meanFdp.toFixed(3)} (fdr ${fdr}); false significant cells ` +
				`${falseCells} of ${tested} (${(perCell * 100).toFixed(4)} %); without the correction ` +
				`(p ≤ ${fdr}) ${uncorrected} (${((100 * uncorrected) / tested).toFixed(2)} %)`
		);
		// One standard error of a share near 0.05 over 500 seeds is about 0.01.
		expect(meanFdp).toBeLessThanOrEqual(fdr + 0.02);
		expect(perCell).toBeLessThan(0.001);
	});

	it('keeps the false share among discoveries at or below fdr when some cells are real', () => {
		const seeds = 200;
		let fdpSum = 0;
		let found = 0;
		let planted = 0;
		for (let seed = 1; seed <= seeds; seed++) {
			const { buurten, needs, hot } = nullTown(createRng(1000 + seed), 8);
			const result = detect({ buurten, needs }, options);
			const significant = result.candidates.filter((c) => c.reasons.includes('significant'));
			const real = significant.filter((c) => hot.has(`${c.themeCode.slice(6)}|${c.buurtCode}`));
			fdpSum +=
				significant.length === 0 ? 0 : (significant.length - real.length) / significant.length;
			found += real.length;
			planted += hot.size;
		}
		const meanFdp = fdpSum / seeds;
		console.log(
			`towns with 8 planted cells (5× the rate): ${seeds} seeds; mean false discovery ` +
				`proportion ${meanFdp.toFixed(3)} (fdr ${fdr}); planted cells found ${found} of ${planted}`
		);
		expect(meanFdp).toBeLessThanOrEqual(fdr + 0.02);
		expect(found).toBeGreaterThan(0);
	});
});
