// Needs over time and capacity per theme, for the council's charts. Monthly counts come from the
// database already suppressed (1 to 4 → null); the open-need totals per theme are suppressed
// here with the same rule.
import { amsterdamMoment } from '$lib/format';
import type { Tx } from '$lib/server/db/types';
import { shownCount } from './analysis';
import {
	loadCapacity,
	loadNeedCounts,
	loadNeedMonths,
	loadThemes,
	type MonthCount,
	type PlanGemeente,
	type PlanTheme,
	type ThemeCapacity
} from './data';
import type { NeedCount } from './demand';

export const TREND_MONTHS = 12;

/** The first days (YYYY-MM-01) of the last `months` months up to `now`, oldest first. */
export function monthRange(now: Date, months: number): string[] {
	const { year, month } = amsterdamMoment(now);
	const result: string[] = [];
	for (let k = months - 1; k >= 0; k--) {
		const index = year * 12 + (month - 1) - k;
		const y = Math.floor(index / 12);
		const m = (index % 12) + 1;
		result.push(`${y}-${String(m).padStart(2, '0')}-01`);
	}
	return result;
}

export interface ThemeSeries {
	theme: PlanTheme;
	/** One entry per month of the range: households, 0, or null for 1 to 4. */
	values: (number | null)[];
}

export function buildSeries(
	themes: readonly PlanTheme[],
	counts: readonly MonthCount[],
	months: readonly string[]
): ThemeSeries[] {
	const index = new Map<string, number | null>();
	for (const c of counts) index.set(`${c.themeCode} ${c.month}`, c.households);
	return themes.map((theme) => ({
		theme,
		values: months.map((month) => {
			const key = `${theme.code} ${month}`;
			return index.has(key) ? index.get(key)! : 0;
		})
	}));
}

export interface CapacityRow extends ThemeCapacity {
	theme: PlanTheme;
	/** Households with an open need of the theme (last 365 days); null for 1 to 4. */
	openHouseholds: number | null;
}

export function buildCapacity(
	themes: readonly PlanTheme[],
	capacity: readonly ThemeCapacity[],
	needs: readonly NeedCount[]
): CapacityRow[] {
	const byTheme = new Map(capacity.map((c) => [c.themeCode, c]));
	const open = new Map<string, number>();
	for (const n of needs) open.set(n.themeCode, (open.get(n.themeCode) ?? 0) + n.households);
	return themes.map((theme) => ({
		themeCode: theme.code,
		published: 0,
		publishedCapacity: 0,
		draft: 0,
		draftCapacity: 0,
		...byTheme.get(theme.code),
		theme,
		openHouseholds: shownCount(open.get(theme.code) ?? 0)
	}));
}

export interface Trends {
	months: string[];
	series: ThemeSeries[];
	capacity: CapacityRow[];
}

export async function loadTrends(tx: Tx, gemeente: PlanGemeente, now: Date): Promise<Trends> {
	const themes = await loadThemes(tx);
	const months = monthRange(now, TREND_MONTHS);
	const counts = await loadNeedMonths(tx, gemeente.code, TREND_MONTHS);
	const capacity = await loadCapacity(tx, gemeente.code);
	const needs = await loadNeedCounts(tx, gemeente.code, 365);
	return {
		months,
		series: buildSeries(themes, counts, months),
		capacity: buildCapacity(themes, capacity, needs)
	};
}
