import { describe, expect, it } from 'vitest';
import {
	addDays,
	isOpenAt,
	isoDayOf,
	localMoment,
	meetsOnDay,
	nextOccurrences,
	occursOn,
	parseSchedule,
	type ScheduleSlot
} from './schedule';

const slot = (
	day: number,
	opens: string,
	closes: string,
	every: ScheduleSlot['every'] = 'week'
): ScheduleSlot => ({ day, opens, closes, every });

describe('parseSchedule', () => {
	it('keeps valid slots, sorted by day and time, and drops the rest', () => {
		expect(
			parseSchedule([
				{ day: 3, opens: '19:00', closes: '21:00', every: 'week' },
				{ day: 1, opens: '10:00', closes: '12:00', every: 'two_weeks' },
				{ day: 3, opens: '09:00', closes: '10:00' }, // no frequency: weekly
				{ day: 8, opens: '10:00', closes: '11:00', every: 'week' },
				{ day: 2, opens: '25:00', closes: '26:00', every: 'week' },
				{ day: 2, opens: '12:00', closes: '11:00', every: 'week' }, // closes before it opens
				{ day: 2.5, opens: '10:00', closes: '11:00' },
				'onzin',
				null
			])
		).toEqual([
			slot(1, '10:00', '12:00', 'two_weeks'),
			slot(3, '09:00', '10:00'),
			slot(3, '19:00', '21:00')
		]);
	});

	it('reads anything that is not an array as no schedule', () => {
		expect(parseSchedule(null)).toEqual([]);
		expect(parseSchedule({ day: 1 })).toEqual([]);
	});
});

describe('calendar', () => {
	it('knows the ISO weekday of a date, as Date does', () => {
		for (let offset = 0; offset < 800; offset += 37) {
			const date = addDays('2026-01-01', offset);
			const jsDay = new Date(`${date}T12:00:00Z`).getUTCDay();
			expect(isoDayOf(date)).toBe(jsDay === 0 ? 7 : jsDay);
		}
		expect(isoDayOf('2026-11-30')).toBe(1);
		expect(isoDayOf('2026-12-06')).toBe(7);
	});

	it('adds days across months, years and leap days', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('tells the time on Dutch clocks, in winter and in summer time', () => {
		expect(localMoment(new Date('2026-12-01T18:30:00Z'))).toEqual({
			date: '2026-12-01',
			isoDay: 2,
			minutes: 19 * 60 + 30
		});
		expect(localMoment(new Date('2026-07-01T18:30:00Z')).minutes).toBe(20 * 60 + 30);
		// The night the clocks go forward (29 March 2026, 02:00 → 03:00).
		expect(localMoment(new Date('2026-03-29T01:30:00Z')).minutes).toBe(3 * 60 + 30);
		// Late evening UTC is already the next day in Amsterdam.
		expect(localMoment(new Date('2026-12-31T23:30:00Z')).date).toBe('2027-01-01');
	});
});

describe('occursOn', () => {
	it('meets weekly on its weekday only', () => {
		expect(occursOn(slot(2, '10:00', '12:00'), '2026-12-01')).toBe(true);
		expect(occursOn(slot(2, '10:00', '12:00'), '2026-12-02')).toBe(false);
	});

	it('meets every other week, strictly alternating, also across new year', () => {
		const mondays = Array.from({ length: 10 }, (_, i) => addDays('2026-12-07', 7 * i));
		const pattern = mondays.map((date) => occursOn(slot(1, '10:00', '12:00', 'two_weeks'), date));
		for (let i = 1; i < pattern.length; i++) expect(pattern[i]).toBe(!pattern[i - 1]);
		expect(pattern.filter(Boolean)).toHaveLength(5);
	});

	it('meets monthly on the first such weekday of the month', () => {
		const monthly = slot(6, '10:00', '13:00', 'month');
		expect(occursOn(monthly, '2026-12-05')).toBe(true); // first Saturday of December
		expect(occursOn(monthly, '2026-12-12')).toBe(false);
		expect(occursOn(monthly, '2027-01-02')).toBe(true);
	});
});

describe('isOpenAt', () => {
	const schedule = [slot(2, '19:00', '21:00'), slot(5, '14:00', '16:00')];

	it('is open from opening time up to (not including) closing time, Dutch time', () => {
		// Tuesday 1 December 2026, CET = UTC+1.
		expect(isOpenAt(schedule, new Date('2026-12-01T18:00:00Z'))).toBe(true); // 19:00
		expect(isOpenAt(schedule, new Date('2026-12-01T19:59:00Z'))).toBe(true); // 20:59
		expect(isOpenAt(schedule, new Date('2026-12-01T20:00:00Z'))).toBe(false); // 21:00
		expect(isOpenAt(schedule, new Date('2026-12-01T17:59:00Z'))).toBe(false); // 18:59
		expect(isOpenAt(schedule, new Date('2026-12-02T18:30:00Z'))).toBe(false); // Wednesday
	});

	it('uses summer time in summer', () => {
		// Friday 3 July 2026, CEST = UTC+2: 14:30 in Amsterdam is 12:30 UTC.
		expect(isOpenAt(schedule, new Date('2026-07-03T12:30:00Z'))).toBe(true);
		expect(isOpenAt(schedule, new Date('2026-07-03T14:30:00Z'))).toBe(false);
	});

	it('is closed on weeks a two-weekly slot skips', () => {
		const biweekly = [slot(1, '10:00', '12:00', 'two_weeks')];
		const on = ['2026-12-07', '2026-12-14'].filter((date) =>
			isOpenAt(biweekly, new Date(`${date}T10:00:00Z`))
		);
		expect(on).toHaveLength(1);
	});

	it('is never open without a schedule', () => {
		expect(isOpenAt([], new Date())).toBe(false);
	});
});

describe('nextOccurrences', () => {
	const schedule = [slot(2, '19:00', '21:00'), slot(5, '14:00', '16:00')];

	it('counts today until it closes, then lists the next dates in order', () => {
		expect(nextOccurrences(schedule, new Date('2026-12-01T19:30:00Z'), 3)).toEqual([
			{ date: '2026-12-01', opens: '19:00', closes: '21:00', every: 'week' },
			{ date: '2026-12-04', opens: '14:00', closes: '16:00', every: 'week' },
			{ date: '2026-12-08', opens: '19:00', closes: '21:00', every: 'week' }
		]);
		// After closing time today's slot is over.
		expect(nextOccurrences(schedule, new Date('2026-12-01T20:30:00Z'), 1)[0].date).toBe(
			'2026-12-04'
		);
	});

	it('finds monthly slots weeks ahead, and nothing for an empty schedule', () => {
		const monthly = [slot(6, '10:00', '13:00', 'month')];
		expect(
			nextOccurrences(monthly, new Date('2026-12-06T12:00:00Z'), 2).map((o) => o.date)
		).toEqual(['2027-01-02', '2027-02-06']);
		expect(nextOccurrences([], new Date(), 3)).toEqual([]);
	});
});

describe('meetsOnDay', () => {
	it('is true for a weekday with any slot, whatever its frequency', () => {
		const schedule = [slot(6, '10:00', '13:00', 'month')];
		expect(meetsOnDay(schedule, 6)).toBe(true);
		expect(meetsOnDay(schedule, 5)).toBe(false);
	});
});
