import { describe, expect, it } from 'vitest';
import {
	amsterdamMoment,
	dateFormat,
	dateWithTimeFormat,
	decimalFormat,
	formatDate,
	formatTime,
	integerFormat,
	intlLocale,
	monthLetterFormat,
	monthYearFormat,
	numberFormat,
	percentFormat,
	significantFormat,
	TIME_ZONE,
	timeFormat,
	weekdayFormat,
	weekdayName
} from './format';

describe('numbers', () => {
	it('groups and separates the Dutch and the English way', () => {
		expect(integerFormat('nl').format(1234567.4)).toBe('1.234.567');
		expect(integerFormat('en').format(1234567.4)).toBe('1,234,567');
		expect(decimalFormat('nl', 1).format(2.25)).toBe('2,3');
		expect(decimalFormat('nl', 1).format(2)).toBe('2');
		expect(decimalFormat('nl', 2, true).format(0.5)).toBe('0,50');
		expect(decimalFormat('en', 1, true).format(3)).toBe('3.0');
		expect(significantFormat('nl', 2).format(0.03456)).toBe('0,035');
	});

	it('writes shares as percentages', () => {
		expect(percentFormat('nl', 1).format(0.125)).toBe('12,5%');
		expect(percentFormat('en', 1).format(0.125)).toBe('12.5%');
		expect(percentFormat('en').format(0.05)).toBe('5%');
	});
});

describe('instants in Amsterdam time', () => {
	it('is the one time zone, and English is British', () => {
		expect(TIME_ZONE).toBe('Europe/Amsterdam');
		expect(intlLocale('en')).toBe('en-GB');
		expect(intlLocale('nl')).toBe('nl');
		expect(dateFormat('en').resolvedOptions().timeZone).toBe(TIME_ZONE);
		expect(monthYearFormat('nl').resolvedOptions().timeZone).toBe(TIME_ZONE);
	});

	it('tells the Dutch date of an instant that is still the day before in UTC', () => {
		const newYear = new Date('2026-12-31T23:30:00Z');
		expect(dateFormat('nl', 'long').format(newYear)).toBe('1 januari 2027');
		expect(dateFormat('en', 'long').format(newYear)).toBe('1 January 2027');
		expect(dateFormat('nl').format(newYear)).toBe('1 jan 2027');
		expect(dateFormat('en').format(newYear)).toBe('1 Jan 2027');
		expect(weekdayFormat('nl').format(newYear)).toBe('vrijdag');
		expect(weekdayFormat('en').format(newYear)).toBe('Friday');
		expect(monthYearFormat('nl').format(newYear)).toBe('jan 2027');
		expect(monthYearFormat('en').format(newYear)).toBe('Jan 2027');
		expect(monthLetterFormat('en').format(newYear)).toBe('J');
	});

	it('follows summer time: the clocks jump from 02:00 to 03:00 on 29 March 2026', () => {
		const before = new Date('2026-03-29T00:59:00Z');
		const after = new Date('2026-03-29T01:00:00Z');
		expect(timeFormat('nl').format(before)).toBe('01:59');
		expect(timeFormat('nl').format(after)).toBe('03:00');
		expect(dateWithTimeFormat('nl').format(after)).toBe('29 mrt 2026, 03:00');
		expect(dateWithTimeFormat('en').format(after)).toBe('29 Mar 2026, 03:00');
		expect(amsterdamMoment(after)).toEqual({
			date: '2026-03-29',
			year: 2026,
			month: 3,
			day: 29,
			hour: 3,
			minute: 0
		});
	});

	it('and back: 03:00 summer time becomes 02:00 winter time on 25 October 2026', () => {
		expect(timeFormat('en').format(new Date('2026-10-25T00:30:00Z'))).toBe('02:30');
		expect(timeFormat('en').format(new Date('2026-10-25T01:30:00Z'))).toBe('02:30');
		expect(amsterdamMoment(new Date('2026-10-25T23:30:00Z')).date).toBe('2026-10-26');
	});
});

describe('calendar values without an instant', () => {
	it('keeps a wall-clock time and a calendar date as they are', () => {
		expect(formatTime('09:30', 'nl')).toBe('09:30');
		expect(formatTime('23:59', 'en')).toBe('23:59');
		expect(formatTime('00:00', 'nl')).toBe('00:00');
		// A summer date and a winter date, both with their own weekday.
		expect(formatDate('2026-07-01', 'nl')).toBe('woensdag 1 juli');
		expect(formatDate('2026-12-01', 'en', true)).toBe('Tuesday, 1 December 2026');
		expect(weekdayName(1, 'nl')).toBe('maandag');
		expect(weekdayName(7, 'en')).toBe('Sunday');
	});
});

describe('caching', () => {
	it('returns the same formatter for the same locale and options', () => {
		expect(integerFormat('nl')).toBe(integerFormat('nl'));
		expect(decimalFormat('en', 2, true)).toBe(decimalFormat('en', 2, true));
		expect(dateFormat('nl', 'long')).toBe(dateFormat('nl', 'long'));
		expect(numberFormat('nl', { maximumFractionDigits: 0 })).toBe(integerFormat('nl'));
	});

	it('keeps locales and options apart', () => {
		expect(integerFormat('nl')).not.toBe(integerFormat('en'));
		expect(decimalFormat('nl', 1)).not.toBe(decimalFormat('nl', 2));
		expect(dateFormat('nl', 'long')).not.toBe(dateFormat('nl', 'medium'));
	});
});
