/**
 * Statistical disclosure control for the public needs table: counts per buurt × theme with their
 * totals (per buurt, per wijk × theme, per wijk, per theme, for the gemeente), made safe to
 * publish.
 *
 * What is published (the attacker knows exactly this, and this algorithm):
 *   - a count of 0 is shown as 0; a count of 5 or more is rounded to the nearest multiple of 5;
 *   - a cell (buurt × theme) with 1 to 4 households is shown as "<5" (primary suppression);
 *   - a total with 1 to 4 households is hidden ("×"), never "<5": a "<5" total over four "<5"
 *     cells would pin every cell to 1;
 *   - further cells (5 or more) and totals are hidden ("×") so that no "<5" cell and no hidden
 *     total of 1 to 4 can be worked out from what is shown (complementary suppression).
 *
 * The algorithm, repeated until nothing changes:
 *   1. Subtraction rule (hierarchical): for every shown total and each way it splits into parts
 *      (gemeente = Σ wijken = Σ themes; wijk = Σ buurten = Σ wijk×theme; theme = Σ wijk×theme;
 *      wijk×theme = Σ cells; buurt = Σ cells), if exactly one part is hidden, also hide the
 *      smallest shown part that is not 0 (ties: first in table order); if every other part is 0,
 *      hide the total instead.
 *   2. Audit, against two attackers:
 *      a. exact linear algebra: even if every shown number were exact, is a small figure a linear
 *         combination of shown figures? (Gauss–Jordan elimination modulo a prime over the hidden
 *         cells; the figure sets form two laminar families, so the matrix is totally unimodular
 *         and its rank modulo p equals its rank over the rationals.)
 *      b. intervals: from what the labels say ("<5" = 1..4, "×" cell = 5 or more, "×" total = 1
 *         or more, a shown r = r−2..r+2, at least 5), propagate bounds through every total to a
 *         fixpoint; is a small figure pinned to one value?
 *   3. For each small figure that leaks: hide the smallest shown non-zero cell that shares a
 *      shown total with one of its hidden cells; if there is none, hide the smallest shown total
 *      that contains one of its hidden cells.
 * Each round hides at least one more figure, so it ends; in the worst case everything is hidden.
 *
 * Pure: plain data in, plain data out. Used by the maintenance job that publishes the public
 * figures (src/lib/server/needs/publish.ts); nothing else ever sees the raw counts.
 */

export const ROUNDING_BASE = 5;
/** Counts 1 .. SMALL_MAX are never published. */
export const SMALL_MAX = 4;

export interface SuppressionTable {
	/** The buurten, in table order, each with its wijk. */
	buurten: readonly { code: string; wijkCode: string }[];
	/** The themes, in table order. */
	themes: readonly string[];
	/** counts[b][t]: households of buurt b with a need in theme t (whole numbers ≥ 0). */
	counts: readonly (readonly number[])[];
	/** The gemeente's code, for the grand total. */
	gemeenteCode: string;
}

export type FigureLevel = 'buurt' | 'wijk' | 'gemeente';

export interface Figure {
	level: FigureLevel;
	areaCode: string;
	/** A theme code, or null for all themes together. */
	theme: string | null;
	/** The cells (index b * themes + t) this figure adds up. */
	cells: number[];
	/** The true count: never published as such. */
	value: number;
	isCell: boolean;
}

/** What the public sees of one figure. */
export type Display =
	| { kind: 'count'; value: number }
	| { kind: 'fewer_than_5' }
	| { kind: 'hidden'; reason: 'small' | 'complementary' };

export interface PublishedFigure {
	level: FigureLevel;
	areaCode: string;
	theme: string | null;
	display: Display;
}

export interface SuppressionResult {
	figures: PublishedFigure[];
	/** How much work it took: rounds of the audit loop, cells and totals hidden as complements. */
	stats: { rounds: number; primary: number; complementary: number };
}

/** Round to the nearest multiple of 5 (…12 → 10, 13 → 15…). */
export function roundToBase(value: number): number {
	return ROUNDING_BASE * Math.round(value / ROUNDING_BASE);
}

type Status = 'shown' | 'small' | 'complementary';

/** The structure of a table: figures and how totals split into parts. */
export interface TableStructure {
	figures: Figure[];
	/** Each total with each of its splits into parts (figure indices). */
	splits: { total: number; parts: number[] }[];
	/** For each cell, the indices of the totals that contain it. */
	totalsOfCell: number[][];
	cellCount: number;
}

/** Figures in a fixed order: cells (buurt-major), buurt totals, wijk×theme, wijk, theme, gemeente. */
export function tableStructure(table: SuppressionTable): TableStructure {
	const T = table.themes.length;
	const B = table.buurten.length;
	if (table.counts.length !== B || table.counts.some((row) => row.length !== T)) {
		throw new RangeError('counts must have one row per buurt and one column per theme');
	}
	for (const row of table.counts) {
		for (const n of row) {
			if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid count ${n}`);
		}
	}
	const figures: Figure[] = [];
	const add = (figure: Omit<Figure, 'value'>): number => {
		const value = figure.cells.reduce(
			(sum, cell) => sum + table.counts[Math.floor(cell / T)][cell % T],
			0
		);
		figures.push({ ...figure, value });
		return figures.length - 1;
	};
	for (let b = 0; b < B; b++) {
		for (let t = 0; t < T; t++) {
			add({
				level: 'buurt',
				areaCode: table.buurten[b].code,
				theme: table.themes[t],
				cells: [b * T + t],
				isCell: true
			});
		}
	}
	const wijken: string[] = [];
	for (const buurt of table.buurten)
		if (!wijken.includes(buurt.wijkCode)) wijken.push(buurt.wijkCode);
	const buurtenOf = new Map(
		wijken.map((w) => [w, table.buurten.flatMap((buurt, b) => (buurt.wijkCode === w ? [b] : []))])
	);
	const cellsOf = (bs: number[], ts: number[]) => bs.flatMap((b) => ts.map((t) => b * T + t));
	const allThemes = table.themes.map((_, t) => t);

	const buurtTotal = table.buurten.map((buurt, b) =>
		add({
			level: 'buurt',
			areaCode: buurt.code,
			theme: null,
			cells: cellsOf([b], allThemes),
			isCell: false
		})
	);
	const wijkTheme = new Map<string, number[]>();
	for (const w of wijken) {
		wijkTheme.set(
			w,
			table.themes.map((theme, t) =>
				add({
					level: 'wijk',
					areaCode: w,
					theme,
					cells: cellsOf(buurtenOf.get(w)!, [t]),
					isCell: false
				})
			)
		);
	}
	const wijkTotal = wijken.map((w) =>
		add({
			level: 'wijk',
			areaCode: w,
			theme: null,
			cells: cellsOf(buurtenOf.get(w)!, allThemes),
			isCell: false
		})
	);
	const allBuurten = table.buurten.map((_, b) => b);
	const themeTotal = table.themes.map((theme, t) =>
		add({
			level: 'gemeente',
			areaCode: table.gemeenteCode,
			theme,
			cells: cellsOf(allBuurten, [t]),
			isCell: false
		})
	);
	const grand = add({
		level: 'gemeente',
		areaCode: table.gemeenteCode,
		theme: null,
		cells: cellsOf(allBuurten, allThemes),
		isCell: false
	});

	const cell = (b: number, t: number) => b * T + t;
	const splits: TableStructure['splits'] = [];
	table.buurten.forEach((_, b) =>
		splits.push({ total: buurtTotal[b], parts: allThemes.map((t) => cell(b, t)) })
	);
	wijken.forEach((w, wi) => {
		const bs = buurtenOf.get(w)!;
		table.themes.forEach((_, t) =>
			splits.push({ total: wijkTheme.get(w)![t], parts: bs.map((b) => cell(b, t)) })
		);
		splits.push({ total: wijkTotal[wi], parts: bs.map((b) => buurtTotal[b]) });
		splits.push({ total: wijkTotal[wi], parts: wijkTheme.get(w)! });
	});
	table.themes.forEach((_, t) =>
		splits.push({ total: themeTotal[t], parts: wijken.map((w) => wijkTheme.get(w)![t]) })
	);
	splits.push({ total: grand, parts: wijkTotal });
	splits.push({ total: grand, parts: themeTotal });

	const cellCount = B * T;
	const totalsOfCell: number[][] = Array.from({ length: cellCount }, () => []);
	for (let i = cellCount; i < figures.length; i++) {
		for (const c of figures[i].cells) totalsOfCell[c].push(i);
	}
	return { figures, splits, totalsOfCell, cellCount };
}

// ============================================================================================
// The audit: what an attacker can work out from the published labels
// ============================================================================================

/** A prime below 2^26, so a product of two residues stays below 2^52 (exact in a double). */
export const AUDIT_PRIME = 67108859;

function mod(value: number): number {
	const r = value % AUDIT_PRIME;
	return r < 0 ? r + AUDIT_PRIME : r;
}

function inverse(value: number): number {
	// Fermat: a^(p-2) mod p.
	let result = 1;
	let base = mod(value);
	let exponent = AUDIT_PRIME - 2;
	while (exponent > 0) {
		if (exponent & 1) result = (result * base) % AUDIT_PRIME;
		base = (base * base) % AUDIT_PRIME;
		exponent = Math.floor(exponent / 2);
	}
	return result;
}

/**
 * The small figures (true value 1..4, hidden) that are a linear combination of shown figures,
 * as if every shown figure were published exactly.
 */
function linearLeaks(structure: TableStructure, status: Status[]): number[] {
	const { figures, cellCount } = structure;
	const column = new Map<number, number>();
	for (let c = 0; c < cellCount; c++) if (status[c] !== 'shown') column.set(c, column.size);
	const width = column.size;
	if (width === 0) return [];
	const vectorOf = (figure: Figure): Float64Array | null => {
		const v = new Float64Array(width);
		let any = false;
		for (const c of figure.cells) {
			const j = column.get(c);
			if (j !== undefined) {
				v[j] = 1;
				any = true;
			}
		}
		return any ? v : null;
	};
	// Gauss–Jordan: pivotRow[j] is the row whose leading column is j (zero in other pivot columns).
	const pivotRow: (Float64Array | undefined)[] = new Array(width);
	const pivots: number[] = [];
	const reduce = (v: Float64Array) => {
		for (const j of pivots) {
			const f = v[j];
			if (f === 0) continue;
			const row = pivotRow[j]!;
			for (let k = 0; k < width; k++) if (row[k] !== 0) v[k] = mod(v[k] - f * row[k]);
		}
	};
	for (let i = cellCount; i < figures.length; i++) {
		if (status[i] !== 'shown') continue;
		const v = vectorOf(figures[i]);
		if (!v) continue;
		reduce(v);
		const lead = v.findIndex((x) => x !== 0);
		if (lead < 0) continue;
		const scale = inverse(v[lead]);
		for (let k = 0; k < width; k++) if (v[k] !== 0) v[k] = (v[k] * scale) % AUDIT_PRIME;
		for (const j of pivots) {
			const row = pivotRow[j]!;
			const f = row[lead];
			if (f === 0) continue;
			for (let k = 0; k < width; k++) if (v[k] !== 0) row[k] = mod(row[k] - f * v[k]);
		}
		pivotRow[lead] = v;
		pivots.push(lead);
	}
	const leaks: number[] = [];
	figures.forEach((figure, i) => {
		if (status[i] === 'shown' || figure.value < 1 || figure.value > SMALL_MAX) return;
		const v = vectorOf(figure);
		if (!v) {
			leaks.push(i); // every cell of it is shown: it is a plain sum
			return;
		}
		reduce(v);
		if (v.every((x) => x === 0)) leaks.push(i);
	});
	return leaks;
}

/** Far above any count, so sums of bounds stay exact and "no upper bound" needs no Infinity. */
const UNBOUNDED = 1e12;

/** The bounds an attacker reads from one label (see the module comment). */
export function labelBounds(display: Display, isCell: boolean): [number, number] {
	switch (display.kind) {
		case 'count':
			return display.value === 0
				? [0, 0]
				: [Math.max(SMALL_MAX + 1, display.value - 2), display.value + 2];
		case 'fewer_than_5':
			return [1, SMALL_MAX];
		case 'hidden':
			return isCell ? [SMALL_MAX + 1, UNBOUNDED] : [1, UNBOUNDED];
	}
}

/**
 * Interval reasoning over every total: lower and upper bounds of each cell, tightened until
 * nothing changes. Returns the bounds of every figure.
 */
export function propagateBounds(
	structure: TableStructure,
	labels: [number, number][]
): [number, number][] {
	const { figures, cellCount } = structure;
	const lo = new Float64Array(cellCount);
	const hi = new Float64Array(cellCount);
	for (let c = 0; c < cellCount; c++) [lo[c], hi[c]] = labels[c];
	const totals: number[] = [];
	for (let i = cellCount; i < figures.length; i++) totals.push(i);
	for (let pass = 0; pass < 10_000; pass++) {
		let changed = false;
		for (const i of totals) {
			const [low, high] = labels[i];
			const cells = figures[i].cells;
			let sumLo = 0;
			let sumHi = 0;
			for (const c of cells) {
				sumLo += lo[c];
				sumHi += hi[c];
			}
			for (const c of cells) {
				const newLo = Math.max(lo[c], low - (sumHi - hi[c]));
				const newHi = Math.min(hi[c], high - (sumLo - lo[c]));
				if (newLo > lo[c]) {
					sumLo += newLo - lo[c];
					lo[c] = newLo;
					changed = true;
				}
				if (newHi < hi[c]) {
					sumHi -= hi[c] - newHi;
					hi[c] = newHi;
					changed = true;
				}
			}
		}
		if (!changed) break;
	}
	return figures.map((figure, i) => {
		let sumLo = 0;
		let sumHi = 0;
		for (const c of figure.cells) {
			sumLo += lo[c];
			sumHi += hi[c];
		}
		return [Math.max(labels[i][0], sumLo), Math.min(labels[i][1], sumHi)];
	});
}

function displayOf(figure: Figure, status: Status): Display {
	if (status === 'shown') return { kind: 'count', value: roundToBase(figure.value) };
	if (status === 'small' && figure.isCell) return { kind: 'fewer_than_5' };
	return { kind: 'hidden', reason: status === 'small' ? 'small' : 'complementary' };
}

function intervalLeaks(structure: TableStructure, status: Status[]): number[] {
	const labels = structure.figures.map((f, i) => labelBounds(displayOf(f, status[i]), f.isCell));
	const bounds = propagateBounds(structure, labels);
	const leaks: number[] = [];
	structure.figures.forEach((figure, i) => {
		if (status[i] === 'shown' || figure.value < 1 || figure.value > SMALL_MAX) return;
		if (bounds[i][0] === bounds[i][1]) leaks.push(i);
	});
	return leaks;
}

// ============================================================================================
// The algorithm
// ============================================================================================

/** Step 1: no shown total may split into parts of which exactly one is hidden. */
function subtractionRule(structure: TableStructure, status: Status[]): boolean {
	const { figures, splits } = structure;
	let changedAny = false;
	for (let changed = true; changed;) {
		changed = false;
		for (const { total, parts } of splits) {
			if (status[total] !== 'shown') continue;
			const hidden = parts.filter((p) => status[p] !== 'shown');
			if (hidden.length !== 1) continue;
			let best = -1;
			for (const p of parts) {
				if (status[p] !== 'shown' || figures[p].value === 0) continue;
				if (best < 0 || figures[p].value < figures[best].value) best = p;
			}
			status[best >= 0 ? best : total] = 'complementary';
			changed = changedAny = true;
		}
	}
	return changedAny;
}

/** Step 3: one more hidden figure that takes away what gave `leak` away. */
function fixFor(structure: TableStructure, status: Status[], leak: number): number | null {
	const { figures, totalsOfCell } = structure;
	const hiddenCells = figures[leak].cells.filter((c) => status[c] !== 'shown');
	let bestCell = -1;
	let bestTotal = -1;
	for (const h of hiddenCells) {
		for (const t of totalsOfCell[h]) {
			if (status[t] !== 'shown') continue;
			if (
				bestTotal < 0 ||
				figures[t].cells.length < figures[bestTotal].cells.length ||
				(figures[t].cells.length === figures[bestTotal].cells.length && t < bestTotal)
			) {
				bestTotal = t;
			}
			for (const c of figures[t].cells) {
				if (status[c] !== 'shown' || figures[c].value === 0) continue;
				if (
					bestCell < 0 ||
					figures[c].value < figures[bestCell].value ||
					(figures[c].value === figures[bestCell].value && c < bestCell)
				) {
					bestCell = c;
				}
			}
		}
	}
	if (bestCell >= 0) return bestCell;
	return bestTotal >= 0 ? bestTotal : null;
}

/** Primary and complementary suppression of one table; see the module comment. */
export function suppressTable(table: SuppressionTable): SuppressionResult {
	const structure = tableStructure(table);
	const { figures } = structure;
	const status: Status[] = figures.map((f) =>
		f.value >= 1 && f.value <= SMALL_MAX ? 'small' : 'shown'
	);
	const primary = status.filter((s) => s === 'small').length;
	let rounds = 0;
	for (;;) {
		rounds++;
		subtractionRule(structure, status);
		const leaks = [
			...new Set([...linearLeaks(structure, status), ...intervalLeaks(structure, status)])
		];
		if (leaks.length === 0) break;
		let fixed = 0;
		for (const leak of leaks) {
			const fix = fixFor(structure, status, leak);
			if (fix !== null && status[fix] === 'shown') {
				status[fix] = 'complementary';
				fixed++;
			}
		}
		if (fixed === 0) {
			// Cannot happen (see the module comment); refuse to publish rather than leak.
			throw new Error('suppression: a small figure leaks and nothing is left to hide');
		}
	}
	return {
		figures: figures.map((figure, i) => ({
			level: figure.level,
			areaCode: figure.areaCode,
			theme: figure.theme,
			display: displayOf(figure, status[i])
		})),
		stats: {
			rounds,
			primary,
			complementary: status.filter((s) => s === 'complementary').length
		}
	};
}
