// Dates, times, weekdays and language names in the reader's language, with the platform's Intl
// data: a new locale in project.inlang needs no code here.

/** The Intl locale for an app locale: the messages' English is British, so its dates are too. */
export function intlLocale(locale: string): string {
	return locale === 'en' ? 'en-GB' : locale;
}

const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = cache.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, timeZone: 'UTC' });
		cache.set(key, format);
	}
	return format;
}

/** 'HH:MM' as a clock time of the locale ("10:00"). */
export function formatTime(time: string, locale: string): string {
	const [hours, minutes] = time.split(':').map(Number);
	return dateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
		new Date(Date.UTC(2000, 0, 1, hours, minutes))
	);
}

/** A YYYY-MM-DD date with its weekday ("dinsdag 1 december"); the year only when not this one. */
export function formatDate(date: string, locale: string, withYear = false): string {
	const [year, month, day] = date.split('-').map(Number);
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
	return dateTimeFormat(locale, { weekday: 'long' }).format(
		new Date(Date.UTC(2024, 0, isoDay, 12))
	);
}

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
