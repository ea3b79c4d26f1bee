// Numbers, dates and times in the reader's language, and the one time zone they are told in.
// Buurtkracht is a Dutch product: every instant is shown on Dutch clocks, the same on the server
// and in any browser, so a page rendered at 23:30 UTC does not say "yesterday" after hydration.
// Intl formatters are costly to build, so each is made once per locale and options and reused.
// The platform's Intl data does the work: a new locale in project.inlang needs no code here.

/** The time zone of every date and time the app shows or cuts its days, weeks and months at. */
export const TIME_ZONE = 'Europe/Amsterdam';

/** The Intl locale for an app locale: the messages' English is British, so its dates are too. */
export function intlLocale(locale: string): string {
	return locale === 'en' ? 'en-GB' : locale;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A cached number format; the other number helpers are named presets of this. */
export function numberFormat(
	locale: string,
	options: Intl.NumberFormatOptions = {}
): Intl.NumberFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(intlLocale(locale), options);
		numberFormats.set(key, format);
	}
	return format;
}

/**
 * A cached date-time format in Amsterdam time. `timeZone` is not an option on purpose: a caller
 * cannot tell a date in another zone by accident.
 */
export function dateTimeFormat(
	locale: string,
	options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>
): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: TIME_ZONE });
		dateFormats.set(key, format);
	}
	return format;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** Whole numbers: counts of households, needs, inhabitants ("1.234", "1,234"). */
export function integerFormat(locale: string): Intl.NumberFormat {
	return numberFormat(locale, { maximumFractionDigits: 0 });
}

/**
 * Decimals: at most `digits` after the separator, or exactly `digits` when `fixed` ("0,25").
 * Rates per 1000 use one fixed digit so a column lines up.
 */
export function decimalFormat(locale: string, digits: number, fixed = false): Intl.NumberFormat {
	return numberFormat(locale, {
		minimumFractionDigits: fixed ? digits : 0,
		maximumFractionDigits: digits
	});
}

/** A share as a percentage with at most `digits` decimals: 0.05 → "5%". */
export function percentFormat(locale: string, digits = 0): Intl.NumberFormat {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
}

/** `digits` significant digits, for p and q values ("0,034"). */
export function significantFormat(locale: string, digits: number): Intl.NumberFormat {
	return numberFormat(locale, { maximumSignificantDigits: digits });
}

// ---------------------------------------------------------------------------------------------
// Instants (a Date or an ISO timestamp), on Dutch clocks

/** A date without time: "4 december 2026" (long) or "4 dec 2026" (medium). */
export function dateFormat(locale: string, style: 'long' | 'medium' = 'medium') {
	return dateTimeFormat(locale, { dateStyle: style });
}

/** A date with its clock time: "4 dec 2026, 23:30". */
export function dateWithTimeFormat(locale: string, style: 'long' | 'medium' = 'medium') {
	return dateTimeFormat(locale, { dateStyle: style, timeStyle: 'short' });
}

/** The clock time only: "23:30". */
export function timeFormat(locale: string): Intl.DateTimeFormat {
	return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
}

/** The weekday's full name: "vrijdag", "Friday". */
export function weekdayFormat(locale: string): Intl.DateTimeFormat {
	return dateTimeFormat(locale, { weekday: 'long' });
}

/** A month with its year, for charts and tables over time: "dec 2026", "Dec 2026". */
export function monthYearFormat(locale: string): Intl.DateTimeFormat {
	return dateTimeFormat(locale, { month: 'short', year: 'numeric' });
}

/** A month's initial, for the narrow axis of a chart: "D". */
export function monthLetterFormat(locale: string): Intl.DateTimeFormat {
	return dateTimeFormat(locale, { month: 'narrow' });
}

/** The calendar date and clock time in Amsterdam at an instant, as numbers-in-strings. */
export interface AmsterdamMoment {
	/** YYYY-MM-DD */
	date: string;
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
}

// en-GB with 2-digit fields and a 24-hour cycle gives stable parts whatever the reader's locale.
const momentFormat = new Intl.DateTimeFormat('en-GB', {
	timeZone: TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** What a Dutch calendar and clock show at an instant (summer and winter time included). */
export function amsterdamMoment(instant: Date): AmsterdamMoment {
	const parts = Object.fromEntries(
		momentFormat.formatToParts(instant).map((part) => [part.type, part.value])
	);
	return {
		date: `${parts.year}-${parts.month}-${parts.day}`,
		year: Number(parts.year),
		month: Number(parts.month),
		day: Number(parts.day),
		hour: Number(parts.hour),
		minute: Number(parts.minute)
	};
}

// ---------------------------------------------------------------------------------------------
// Calendar values without an instant (a YYYY-MM-DD date, an 'HH:MM' clock time)

/** 'HH:MM' as a clock time of the locale ("10:00"). */
export function formatTime(time: string, locale: string): string {
	const [hours, minutes] = time.split(':').map(Number);
	// A wall-clock time has no zone; 1 January 2000 was winter time in Amsterdam (UTC+1), so this
	// instant reads `time` on Dutch clocks.
	return timeFormat(locale).format(new Date(Date.UTC(2000, 0, 1, hours - 1, minutes)));
}

/** A YYYY-MM-DD date with its weekday ("dinsdag 1 december"); the year only when asked. */
export function formatDate(date: string, locale: string, withYear = false): string {
	const [year, month, day] = date.split('-').map(Number);
	// Noon UTC is the same calendar day in Amsterdam in summer and winter.
	return dateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		...(withYear ? { year: 'numeric' } : {})
	}).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** The name of an ISO weekday (1 = Monday) in the locale ("maandag", "Monday"). */
export function weekdayName(isoDay: number, locale: string): string {
	// 1 January 2024 was a Monday.
	return weekdayFormat(locale).format(new Date(Date.UTC(2024, 0, isoDay, 12)));
}

// ---------------------------------------------------------------------------------------------
// Words

/** A language's name in the locale ("Arabisch", "Arabic"); the code itself if Intl has none. */
export function languageName(code: string, locale: string): string {
	try {
		return (
			new Intl.DisplayNames([intlLocale(locale)], { type: 'language', fallback: 'none' }).of(
				code
			) ?? code
		);
	} catch {
		return code;
	}
}

/** A list joined the locale's way ("a, b en c"). */
export function formatList(items: readonly string[], locale: string): string {
	return new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(items);
}
