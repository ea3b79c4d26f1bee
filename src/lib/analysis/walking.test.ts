import { describe, expect, it } from 'vitest';
import { walkingMinutes, walkingMinutesRounded } from './walking';

describe('walking minutes', () => {
	it('is the haversine distance × 1.3 at 4.5 km/h', () => {
		// One thousandth of a degree of latitude is 111.195 m on the IUGG mean sphere.
		const a = { lon: 5.1, lat: 52.0 };
		const b = { lon: 5.1, lat: 52.009 }; // 1000.8 m north
		const metres = 0.009 * (Math.PI / 180) * 6371008.8;
		expect(walkingMinutes(a, b)).toBeCloseTo((metres * 1.3) / 75, 6);
		expect(walkingMinutes(a, b)).toBeCloseTo(17.35, 2);
	});

	it('is symmetric and zero for the same point', () => {
		const a = { lon: 5.12, lat: 52.09 };
		const b = { lon: 5.13, lat: 52.1 };
		expect(walkingMinutes(a, b)).toBeCloseTo(walkingMinutes(b, a), 9);
		expect(walkingMinutes(a, a)).toBe(0);
	});

	it('shrinks east-west with latitude (a degree of longitude is shorter up north)', () => {
		const atEquator = walkingMinutes({ lon: 0, lat: 0 }, { lon: 0.01, lat: 0 });
		const inUtrecht = walkingMinutes({ lon: 5, lat: 52.09 }, { lon: 5.01, lat: 52.09 });
		expect(inUtrecht / atEquator).toBeCloseTo(Math.cos((52.09 * Math.PI) / 180), 3);
	});

	it('rounds up to whole minutes, at least one', () => {
		const a = { lon: 5.1, lat: 52.0 };
		expect(walkingMinutesRounded(a, a)).toBe(1);
		expect(walkingMinutesRounded(a, { lon: 5.1, lat: 52.009 })).toBe(18);
	});
});
