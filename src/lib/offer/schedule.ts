// When an initiative or provision meets: which days, open now, the next dates. Pure functions on
// the `schedule` column ([{ day: 1-7 (ISO, 1 = Monday), opens: 'HH:MM', closes: 'HH:MM', every }])
// and an instant; times are wall-clock times in the Netherlands.
//
// The column has no start date, so two rules fix which weeks a less-than-weekly slot falls in,
// the same for every visitor and every page: "two_weeks" meets in even weeks counted from Monday
// 5 January 1970 (strictly alternating, also across new year), "month" on the first such weekday
// of each month (the usual "elke eerste zaterdag van de maand").

import { amsterdamMoment } from '$lib/format';

export type Frequency = 'week' | 'two_weeks' | 'month';

export interface ScheduleSlot {
	/** ISO weekday, 1 = Monday … 7 = Sunday. */
	day: number;
	opens: string;
	closes: string;
	every: Frequency;
}

/** A calendar date (YYYY-MM-DD) with its ISO weekday and the minutes since midnight. */
export interface LocalMoment {
	date: string;
	isoDay: number;
	minutes: number;
}

export interface Occurrence {
	/** YYYY-MM-DD in the Netherlands. */
	date: string;
	opens: string;
	closes: string;
	every: Frequency;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const FREQUENCIES: ReadonlySet<string> = new Set(['week', 'two_weeks', 'month']);
const DAY_MS = 86_400_000;

/** Minutes since midnight of 'HH:MM' ('24:00' = 1440). */
export function minutesOf(time: string): number {
	const [hours, minutes] = time.split(':').map(Number);
	return hours * 60 + minutes;
}

/**
 * The valid slots of a stored schedule, sorted by day and time. Anything malformed is left out
 * rather than failing the page: the column is free JSON.
 */
export function parseSchedule(value: unknown): ScheduleSlot[] {
	if (!Array.isArray(value)) return [];
	const slots: ScheduleSlot[] = [];
	for (const item of value) {
		if (!item || typeof item !== 'object') continue;
		const { day, opens, closes, every } = item as Record<string, unknown>;
		if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) continue;
		if (typeof opens !== 'string' || typeof closes !== 'string') continue;
		if (!TIME.test(opens) || !TIME.test(closes) || minutesOf(closes) <= minutesOf(opens)) continue;
		const frequency = typeof every === 'string' && FREQUENCIES.has(every) ? every : 'week';
		slots.push({ day, opens, closes, every: frequency as Frequency });
	}
	return slots.sort((a, b) => a.day - b.day || minutesOf(a.opens) - minutesOf(b.opens));
}

/** The date and time on Dutch clocks at an instant (summer and winter time included). */
export function localMoment(instant: Date): LocalMoment {
	const { date, hour, minute } = amsterdamMoment(instant);
	return { date, isoDay: isoDayOf(date), minutes: hour * 60 + minute };
}

function utcDay(date: string): number {
	const [year, month, day] = date.split('-').map(Number);
	return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** ISO weekday (1 = Monday) of a YYYY-MM-DD date. */
export function isoDayOf(date: string): number {
	// Day 0 of the epoch, 1 January 1970, was a Thursday (ISO 4).
	return ((((utcDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** The YYYY-MM-DD date `days` after `date`. */
export function addDays(date: string, days: number): string {
	return new Date((utcDay(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole weeks since Monday 5 January 1970: the anchor of "every two weeks". */
function weekNumber(date: string): number {
	return Math.floor((utcDay(date) - 4) / 7);
}

/** Does the slot meet on this date? */
export function occursOn(slot: ScheduleSlot, date: string): boolean {
	if (slot.day !== isoDayOf(date)) return false;
	if (slot.every === 'two_weeks') return weekNumber(date) % 2 === 0;
	if (slot.every === 'month') return Number(date.slice(8, 10)) <= 7;
	return true;
}

/** Does the schedule meet on this weekday at all (in any week)? */
export function meetsOnDay(schedule: readonly ScheduleSlot[], isoDay: number): boolean {
	return schedule.some((slot) => slot.day === isoDay);
}

/** Is it open at this instant: a slot that meets today, between its opening and closing time? */
export function isOpenAt(schedule: readonly ScheduleSlot[], instant: Date): boolean {
	const now = localMoment(instant);
	return schedule.some(
		(slot) =>
			occursOn(slot, now.date) &&
			minutesOf(slot.opens) <= now.minutes &&
			now.minutes < minutesOf(slot.closes)
	);
}

/**
 * The next `count` times it meets, from `instant` on: today's slot counts until it closes.
 * Looks ahead `horizonDays` days (enough for monthly slots).
 */
export function nextOccurrences(
	schedule: readonly ScheduleSlot[],
	instant: Date,
	count = 3,
	horizonDays = 70
): Occurrence[] {
	const now = localMoment(instant);
	const found: Occurrence[] = [];
	for (let offset = 0; offset < horizonDays && found.length < count; offset++) {
		const date = addDays(now.date, offset);
		for (const slot of schedule) {
			if (found.length >= count) break;
			if (!occursOn(slot, date)) continue;
			if (offset === 0 && minutesOf(slot.closes) <= now.minutes) continue;
			found.push({ date, opens: slot.opens, closes: slot.closes, every: slot.every });
		}
	}
	return found;
}
