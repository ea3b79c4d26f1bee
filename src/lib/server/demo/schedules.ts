import type { Rng } from '$lib/analysis/prng';
import type { ScheduleSlot } from './types';

// Timetable shorthands for the offer catalogues. Days are ISO weekdays (1 = Monday).

export type SlotMaker = (rng: Rng) => ScheduleSlot[];

export const slot = (
	day: number,
	opens: string,
	closes: string,
	every: ScheduleSlot['every'] = 'week'
): ScheduleSlot => ({
	day,
	opens,
	closes,
	every
});
export const weekday = (rng: Rng) => rng.int(1, 5);
export const weekly =
	(opens: string, closes: string): SlotMaker =>
	(rng) => [slot(weekday(rng), opens, closes)];
export const twoDays =
	(opens: string, closes: string): SlotMaker =>
	(rng) => {
		const first = rng.int(1, 3);
		return [slot(first, opens, closes), slot(first + 2, opens, closes)];
	};
