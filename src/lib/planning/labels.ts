// Words for the planning pages that depend on data: subjects, laws, classes and suppressed counts.
import { decimalFormat } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { parseSubject, type PlanLaw } from '$lib/schemas/plan';
import type { GapBreaks } from './gap-classes';

export interface ThemeName {
	code: string;
	nameNl: string;
	nameEn: string;
}

export function themeName(theme: ThemeName): string {
	return getLocale() === 'nl' ? theme.nameNl : theme.nameEn;
}

export function lawName(law: PlanLaw): string {
	const names: Record<PlanLaw, () => string> = {
		wmo2015: m.plan_law_wmo2015,
		jeugdwet: m.plan_law_jeugdwet,
		participatiewet: m.plan_law_participatiewet,
		geen: m.plan_law_geen
	};
	return names[law]();
}

/** "Eten", or "Wmo 2015 (alle leefgebieden)" for a law. */
export function subjectName(param: string, themes: readonly ThemeName[]): string {
	const subject = parseSubject(param);
	if (!subject) return param;
	if (subject.kind === 'law') return m.plan_law_subject({ law: lawName(subject.law) });
	const theme = themes.find((t) => t.code === subject.theme);
	return theme ? themeName(theme) : subject.theme;
}

/** Legend label of each class, from the breaks. */
export function classLabels(breaks: GapBreaks, format: (n: number) => string): string[] {
	return [
		m.plan_class_0(),
		m.plan_class_1(),
		m.plan_class_range({ from: format(breaks[0]), to: format(breaks[1]) }),
		m.plan_class_range({ from: format(breaks[1]), to: format(breaks[2]) }),
		m.plan_class_top({ from: format(breaks[2]) })
	];
}

/** A number format for household counts (one decimal at most) in the page's language. */
export function countFormat(): Intl.NumberFormat {
	return decimalFormat(getLocale(), 1);
}

/**
 * A count as a table shows it: the number, or for a suppressed one "<5" — or "hidden" where a
 * derived value (with the expected need added) could be 5 or more.
 */
export function shownCount(
	value: number | null,
	format: Intl.NumberFormat,
	derivedWithExpected = false
): string {
	if (value !== null) return format.format(value);
	return derivedWithExpected ? m.plan_hidden() : m.plan_small_count();
}
