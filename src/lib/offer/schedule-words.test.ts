import { describe, expect, it } from 'vitest';
import { formatDate, formatTime, languageName, weekdayName } from '$lib/format';
import { occurrenceInWords, scheduleInWords } from './schedule-words';
import type { ScheduleSlot } from './schedule';

const slot = (
	day: number,
	opens: string,
	closes: string,
	every: ScheduleSlot['every'] = 'week'
): ScheduleSlot => ({ day, opens, closes, every });

describe('scheduleInWords', () => {
	it('tells a working-week slot as a range of days, in Dutch and English', () => {
		const weekdays = [1, 2, 3, 4, 5].map((day) => slot(day, '12:00', '13:30'));
		expect(scheduleInWords(weekdays, 'nl')).toEqual([
			'Elke week op maandag tot en met vrijdag, van 12:00 tot 13:30'
		]);
		expect(scheduleInWords(weekdays, 'en')).toEqual([
			'Every week on Monday to Friday, from 12:00 to 13:30'
		]);
	});

	it('joins two days with the same hours, and keeps different hours apart', () => {
		expect(
			scheduleInWords(
				[slot(2, '10:00', '12:00'), slot(4, '10:00', '12:00'), slot(5, '19:00', '21:00')],
				'nl'
			)
		).toEqual([
			'Elke week op dinsdag en donderdag, van 10:00 tot 12:00',
			'Elke week op vrijdag, van 19:00 tot 21:00'
		]);
	});

	it('says how often: every other week, once a month', () => {
		expect(scheduleInWords([slot(3, '09:30', '11:00', 'two_weeks')], 'nl')).toEqual([
			'Om de week op woensdag, van 09:30 tot 11:00'
		]);
		expect(scheduleInWords([slot(6, '10:00', '13:00', 'month')], 'en')).toEqual([
			'Once a month, on the first Saturday of the month, from 10:00 to 13:00'
		]);
	});

	it('says there are no fixed times for an empty schedule', () => {
		expect(scheduleInWords([], 'nl')[0]).toMatch(/geen vaste tijden/);
		expect(scheduleInWords([], 'en')[0]).toMatch(/no fixed times/);
	});
});

describe('dates and names in the reader’s language', () => {
	it('writes a date with its weekday, the year only when asked', () => {
		expect(formatDate('2026-12-01', 'nl')).toBe('dinsdag 1 december');
		expect(formatDate('2026-12-01', 'en')).toBe('Tuesday 1 December');
		expect(formatDate('2027-01-05', 'nl', true)).toBe('dinsdag 5 januari 2027');
	});

	it('writes clock times and weekdays', () => {
		expect(formatTime('09:05', 'nl')).toBe('09:05');
		expect(formatTime('19:30', 'en')).toBe('19:30');
		expect(weekdayName(1, 'nl')).toBe('maandag');
		expect(weekdayName(7, 'en')).toBe('Sunday');
	});

	it('names languages, and falls back to the code', () => {
		expect(languageName('ar', 'nl')).toBe('Arabisch');
		expect(languageName('uk', 'en')).toBe('Ukrainian');
		expect(languageName('tooLong', 'nl')).toBe('tooLong');
	});

	it('tells one date as a sentence', () => {
		expect(
			occurrenceInWords(
				{ date: '2026-12-04', opens: '14:00', closes: '16:00', every: 'week' },
				'nl'
			)
		).toBe('vrijdag 4 december, van 14:00 tot 16:00');
	});
});
