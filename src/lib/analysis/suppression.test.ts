import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from './prng';
import {
	AUDIT_PRIME,
	roundToBase,
	suppressTable,
	tableStructure,
	type Display,
	type SuppressionResult,
	type SuppressionTable,
	type TableStructure
} from './suppression';

// The attacker, written independently of the algorithm: it sees only the published output and
// the table's shape (which buurten, wijken and themes exist), and tries to work out hidden figures.

/** Bounds a label gives away, as documented on the public page. */
function bounds(display: Display, isCell: boolean): [number, number] {
	if (display.kind === 'count') {
		return display.value === 0 ? [0, 0] : [Math.max(5, display.value - 2), display.value + 2];
	}
	if (display.kind === 'fewer_than_5') return [1, 4];
	return [isCell ? 5 : 1, Number.MAX_SAFE_INTEGER / 4];
}

/** Interval subtraction through every published and hidden total, to a fixpoint. */
function attackerBounds(structure: TableStructure, result: SuppressionResult): [number, number][] {
	const { figures, cellCount } = structure;
	const label = result.figures.map((f, i) => bounds(f.display, figures[i].isCell));
	const lo = figures.slice(0, cellCount).map((_, c) => label[c][0]);
	const hi = figures.slice(0, cellCount).map((_, c) => label[c][1]);
	for (let changed = true; changed;) {
		changed = false;
		for (let i = cellCount; i < figures.length; i++) {
			const cells = figures[i].cells;
			for (const c of cells) {
				const othersHi = cells.reduce((s, d) => (d === c ? s : s + hi[d]), 0);
				const othersLo = cells.reduce((s, d) => (d === c ? s : s + lo[d]), 0);
				const newLo = Math.max(lo[c], label[i][0] - othersHi);
				const newHi = Math.min(hi[c], label[i][1] - othersLo);
				if (newLo !== lo[c] || newHi !== hi[c]) {
					lo[c] = newLo;
					hi[c] = newHi;
					changed = true;
				}
			}
		}
	}
	return figures.map((f, i) => [
		Math.max(
			label[i][0],
			f.cells.reduce((s, c) => s + lo[c], 0)
		),
		Math.min(
			label[i][1],
			f.cells.reduce((s, c) => s + hi[c], 0)
		)
	]);
}

/** Rank of a set of rows by floating-point elimination with partial pivoting. */
function rank(rows: number[][]): number {
	const m = rows.map((r) => r.slice());
	let r = 0;
	const width = m[0]?.length ?? 0;
	for (let col = 0; col < width && r < m.length; col++) {
		let best = r;
		for (let i = r + 1; i < m.length; i++)
			if (Math.abs(m[i][col]) > Math.abs(m[best][col])) best = i;
		if (Math.abs(m[best][col]) < 1e-9) continue;
		[m[r], m[best]] = [m[best], m[r]];
		for (let i = 0; i < m.length; i++) {
			if (i === r) continue;
			const f = m[i][col] / m[r][col];
			if (f !== 0) for (let k = col; k < width; k++) m[i][k] -= f * m[r][k];
		}
		r++;
	}
	return r;
}

/** Hidden figures whose exact value follows from the published ones taken as exact numbers. */
function linearlyDerivable(structure: TableStructure, result: SuppressionResult): number[] {
	const { figures, cellCount } = structure;
	const shown = (i: number) => result.figures[i].display.kind === 'count';
	const hiddenCells = figures.slice(0, cellCount).flatMap((_, c) => (shown(c) ? [] : [c]));
	if (hiddenCells.length === 0) return [];
	const vector = (i: number) => hiddenCells.map((c) => (figures[i].cells.includes(c) ? 1 : 0));
	const published: number[][] = [];
	for (let i = cellCount; i < figures.length; i++) {
		if (shown(i)) published.push(vector(i));
	}
	const base = published.length ? rank(published) : 0;
	return figures.flatMap((_, i) => {
		if (shown(i)) return [];
		return rank([...published, vector(i)]) === base ? [i] : [];
	});
}

/** The shape of a published total's splits: which parts are hidden. */
function splitsWithOneHiddenPart(structure: TableStructure, result: SuppressionResult) {
	const hidden = (i: number) => result.figures[i].display.kind !== 'count';
	return structure.splits.filter(
		({ total, parts }) => !hidden(total) && parts.filter(hidden).length === 1
	);
}

function checkPublication(table: SuppressionTable) {
	const result = suppressTable(table);
	const structure = tableStructure(table);
	const { figures } = structure;
	expect(result.figures).toHaveLength(figures.length);
	const small = (i: number) => figures[i].value >= 1 && figures[i].value <= 4;

	result.figures.forEach((published, i) => {
		const truth = figures[i].value;
		// Never a count between 1 and 4; every shown count is the true count rounded to 5.
		if (published.display.kind === 'count') {
			expect(published.display.value === 0 || published.display.value >= 5).toBe(true);
			expect(published.display.value % 5).toBe(0);
			expect(published.display.value).toBe(roundToBase(truth));
		}
		if (small(i)) expect(published.display.kind).not.toBe('count');
		// "<5" is only ever said of a cell that is 1..4.
		if (published.display.kind === 'fewer_than_5') expect(figures[i].isCell && small(i)).toBe(true);
	});

	// No subtraction: no published total splits into parts of which exactly one is hidden.
	expect(splitsWithOneHiddenPart(structure, result)).toEqual([]);

	// No linear combination of published figures gives a small hidden figure.
	const derivable = linearlyDerivable(structure, result).filter(small);
	expect(derivable.map((i) => figures[i])).toEqual([]);

	// Interval reasoning pins no small figure to one value, and never contradicts the truth.
	const attacker = attackerBounds(structure, result);
	attacker.forEach(([lo, hi], i) => {
		expect(lo).toBeLessThanOrEqual(figures[i].value);
		expect(hi).toBeGreaterThanOrEqual(figures[i].value);
		if (small(i)) expect(hi, `figure ${i} pinned`).toBeGreaterThan(lo);
	});
	return result;
}

/** Random tables whose counts lean towards the small ones that need protecting. */
const tables = fc
	.record({
		wijken: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 4 }),
		themes: fc.integer({ min: 1, max: 5 })
	})
	.chain(({ wijken, themes }) => {
		const buurten = wijken.flatMap((size, w) =>
			Array.from({ length: size }, (_, b) => ({
				code: `BU9901${String(w).padStart(2, '0')}${String(b).padStart(2, '0')}`,
				wijkCode: `WK9901${String(w).padStart(2, '0')}`
			}))
		);
		const count = fc.oneof(
			{ weight: 3, arbitrary: fc.constant(0) },
			{ weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
			{ weight: 2, arbitrary: fc.integer({ min: 5, max: 12 }) },
			{ weight: 1, arbitrary: fc.integer({ min: 13, max: 60 }) }
		);
		return fc
			.array(fc.array(count, { minLength: themes, maxLength: themes }), {
				minLength: buurten.length,
				maxLength: buurten.length
			})
			.map((counts): SuppressionTable => ({
				buurten,
				themes: Array.from({ length: themes }, (_, t) => `thema-${t}`),
				counts,
				gemeenteCode: 'GM9901'
			}));
	});

describe('suppressTable', () => {
	it('uses a prime modulus for the exact audit', () => {
		for (let d = 2; d * d <= AUDIT_PRIME; d++) expect(AUDIT_PRIME % d).not.toBe(0);
		expect(AUDIT_PRIME * AUDIT_PRIME).toBeLessThan(Number.MAX_SAFE_INTEGER);
	});

	it('rounds to the nearest multiple of 5', () => {
		expect([0, 5, 7, 8, 12, 13, 102].map(roundToBase)).toEqual([0, 5, 5, 10, 10, 15, 100]);
	});

	it('property: never a count of 1 to 4, and none derivable by subtraction (500 random tables)', () => {
		fc.assert(
			fc.property(tables, (table) => {
				checkPublication(table);
			}),
			{ numRuns: 500, seed: 20261128 }
		);
	});

	it('property: the same on larger tables with skewed counts (seeded)', () => {
		const rng = new Rng(42);
		for (let run = 0; run < 25; run++) {
			const wijken = rng.int(2, 6);
			const buurten = Array.from({ length: wijken * rng.int(2, 6) }, (_, b) => ({
				code: `BU99010${String(b).padStart(3, '0')}`,
				wijkCode: `WK9901${String(b % wijken).padStart(2, '0')}`
			}));
			const themes = Array.from({ length: rng.int(3, 8) }, (_, t) => `thema-${t}`);
			const counts = buurten.map(() =>
				themes.map(() => (rng.chance(0.35) ? 0 : rng.chance(0.5) ? rng.int(1, 4) : rng.int(5, 40)))
			);
			checkPublication({ buurten, themes, counts, gemeenteCode: 'GM9901' });
		}
	});

	it('hides a second cell when a total would give one "<5" cell away', () => {
		// Buurt A: 3 (small) and 20 in two themes; buurt total 23 would reveal the 3 by subtraction.
		const result = checkPublication({
			buurten: [
				{ code: 'BU99010101', wijkCode: 'WK990101' },
				{ code: 'BU99010102', wijkCode: 'WK990101' }
			],
			themes: ['wonen', 'geldzaken'],
			counts: [
				[3, 20],
				[12, 30]
			],
			gemeenteCode: 'GM9901'
		});
		const shown = result.figures.map((f) =>
			f.display.kind === 'count' ? f.display.value : f.display.kind === 'fewer_than_5' ? '<5' : '×'
		);
		// Cells, buurt totals, wijk × theme, wijk, theme, gemeente.
		expect(shown.slice(0, 4)).toEqual(['<5', '×', '×', '×']);
		expect(result.stats.complementary).toBeGreaterThan(0);
	});

	it('pins nothing when two "<5" cells would fill a rounded total exactly (4 + 4 → 10)', () => {
		// The wijk × theme total 8 is published as 10, i.e. 8..12; with two cells of at most 4 each
		// that means both are exactly 4, unless that total is hidden too.
		const result = checkPublication({
			buurten: [
				{ code: 'BU99010101', wijkCode: 'WK990101' },
				{ code: 'BU99010102', wijkCode: 'WK990101' }
			],
			themes: ['wonen', 'geldzaken'],
			counts: [
				[4, 25],
				[4, 30]
			],
			gemeenteCode: 'GM9901'
		});
		expect(result.figures[0].display.kind).toBe('fewer_than_5');
	});

	it('hides a total of 1 to 4 instead of saying "<5" (four "<5" cells would each be 1)', () => {
		const result = checkPublication({
			buurten: [{ code: 'BU99010101', wijkCode: 'WK990101' }],
			themes: ['a', 'b', 'c', 'd'],
			counts: [[1, 1, 1, 1]],
			gemeenteCode: 'GM9901'
		});
		expect(result.figures.slice(0, 4).every((f) => f.display.kind === 'fewer_than_5')).toBe(true);
		expect(result.figures.slice(4).every((f) => f.display.kind === 'hidden')).toBe(true);
	});

	it('publishes everything, rounded, when there is no small count', () => {
		const result = checkPublication({
			buurten: [{ code: 'BU99010101', wijkCode: 'WK990101' }],
			themes: ['a', 'b'],
			counts: [[0, 12]],
			gemeenteCode: 'GM9901'
		});
		expect(result.figures.map((f) => f.display)).toEqual(
			[0, 10, 10, 0, 10, 10, 0, 10, 10].map((value) => ({ kind: 'count', value }))
		);
		expect(result.stats).toMatchObject({ primary: 0, complementary: 0 });
	});

	it('refuses counts that are not whole numbers', () => {
		expect(() =>
			suppressTable({
				buurten: [{ code: 'BU99010101', wijkCode: 'WK990101' }],
				themes: ['a'],
				counts: [[1.5]],
				gemeenteCode: 'GM9901'
			})
		).toThrow(RangeError);
	});
});
