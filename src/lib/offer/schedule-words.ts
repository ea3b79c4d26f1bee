import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { formatDate, formatList, formatTime, weekdayName } from '$lib/format';
import type { Occurrence, ScheduleSlot } from './schedule';

/** Weekdays as words; a run of three or more days becomes a range ("maandag tot en met vrijdag"). */
function daysInWords(days: readonly number[], locale: Locale): string {
	const sorted = [...new Set(days)].sort((a, b) => a - b);
	const parts: string[] = [];
	for (let i = 0; i < sorted.length;) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
		if (j - i >= 2) {
			parts.push(
				m.detail_schedule_day_range(
					{ from: weekdayName(sorted[i], locale), to: weekdayName(sorted[j], locale) },
					{ locale }
				)
			);
		} else {
			for (let k = i; k <= j; k++) parts.push(weekdayName(sorted[k], locale));
		}
		i = j + 1;
	}
	return formatList(parts, locale);
}

/**
 * The schedule as sentences, one per frequency and time: slots with the same hours and
 * frequency are told together ("Elke week op maandag tot en met vrijdag, van 12:00 tot 13:30").
 */
export function scheduleInWords(schedule: readonly ScheduleSlot[], locale: Locale): string[] {
	if (schedule.length === 0) return [m.detail_schedule_none({}, { locale })];
	const groups = new Map<string, { slot: ScheduleSlot; days: number[] }>();
	for (const slot of schedule) {
		const key = `${slot.every}|${slot.opens}|${slot.closes}`;
		const group = groups.get(key) ?? { slot, days: [] };
		group.days.push(slot.day);
		groups.set(key, group);
	}
	return [...groups.values()]
		.sort(
			(a, b) => Math.min(...a.days) - Math.min(...b.days) || (a.slot.opens < b.slot.opens ? -1 : 1)
		)
		.map(({ slot, days }) => {
			const inputs = {
				days: daysInWords(days, locale),
				opens: formatTime(slot.opens, locale),
				closes: formatTime(slot.closes, locale)
			};
			if (slot.every === 'two_weeks') return m.detail_schedule_two_weeks(inputs, { locale });
			if (slot.every === 'month') return m.detail_schedule_month(inputs, { locale });
			return m.detail_schedule_week(inputs, { locale });
		});
}

/** One date it meets, as a sentence ("dinsdag 1 december, van 10:00 tot 12:00"). */
export function occurrenceInWords(
	occurrence: Occurrence,
	locale: Locale,
	withYear = false
): string {
	return m.detail_occurrence(
		{
			date: formatDate(occurrence.date, locale, withYear),
			opens: formatTime(occurrence.opens, locale),
			closes: formatTime(occurrence.closes, locale)
		},
		{ locale }
	);
}
