import { beforeAll, describe, expect, it } from 'vitest';
import { createBuurtLookup } from '$lib/analysis/buurt-lookup';
import { DEMO_SEED, generateDemoCity } from './generate-city';
import { HOT_SPOT_WINDOW_DAYS } from './generate-needs';
import { DEMO_ACCOUNTS } from './generate-people';
import type { DemoCity, DemoNeed } from './types';

const NOW = new Date('2026-11-28T12:00:00Z');
const DAY_MS = 86_400_000;

function pearson(xs: readonly number[], ys: readonly number[]): number {
	const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
	const [mx, my] = [mean(xs), mean(ys)];
	let [sxy, sxx, syy] = [0, 0, 0];
	xs.forEach((x, i) => {
		sxy += (x - mx) * (ys[i] - my);
		sxx += (x - mx) ** 2;
		syy += (ys[i] - my) ** 2;
	});
	return sxy / Math.sqrt(sxx * syy);
}

/** Distinct households with an open need per buurt for one theme, in the hot-spot window. */
function recentHouseholds(needs: readonly DemoNeed[], theme: string): Map<string, number> {
	const since = NOW.getTime() - HOT_SPOT_WINDOW_DAYS * DAY_MS;
	const sets = new Map<string, Set<string>>();
	for (const n of needs) {
		if (n.theme_code !== theme || n.status !== 'open' || Date.parse(n.reported_at) < since)
			continue;
		if (!sets.has(n.buurt_code)) sets.set(n.buurt_code, new Set());
		sets.get(n.buurt_code)!.add(n.household_key);
	}
	return new Map([...sets].map(([code, set]) => [code, set.size]));
}

describe('generateDemoCity: needs', () => {
	let city: DemoCity;
	beforeAll(() => {
		city = generateDemoCity({ seed: DEMO_SEED, now: NOW });
	});

	it('spreads about 3,000 valid needs over the twelve months before the reference date', () => {
		expect(city.needs.length).toBeGreaterThanOrEqual(2900);
		expect(city.needs.length).toBeLessThanOrEqual(3100);
		const lookup = createBuurtLookup(city.buurten);
		const buurten = new Set(city.buurten.map((b) => b.code));
		for (const n of city.needs) {
			expect(buurten.has(n.buurt_code)).toBe(true);
			const reported = Date.parse(n.reported_at);
			expect(reported).toBeLessThanOrEqual(NOW.getTime());
			expect(reported).toBeGreaterThan(NOW.getTime() - 366 * DAY_MS);
			expect(Date.parse(n.expires_at)).toBeGreaterThan(reported);
			expect(n.household_size).toBeGreaterThanOrEqual(1);
			if (n.point_lon !== null) expect(lookup(n.point_lon, n.point_lat!)).toBe(n.buurt_code);
			expect(n.contact_consent || (n.contact_method === null && n.contact_value === null)).toBe(
				true
			);
		}
		const months = new Set(city.needs.map((n) => n.reported_at.slice(0, 7)));
		expect(months.size).toBeGreaterThanOrEqual(12);
	});

	it('has households that report more than one need', () => {
		const perHousehold = new Map<string, number>();
		for (const n of city.needs)
			perHousehold.set(n.household_key, (perHousehold.get(n.household_key) ?? 0) + 1);
		expect(perHousehold.size).toBeLessThan(city.needs.length * 0.9);
		expect([...perHousehold.values()].some((count) => count >= 3)).toBe(true);
	});

	it('follows the CBS proxies: loneliness with 65+, money with social assistance, parenting with children', () => {
		const b = city.buurten.filter((x) => x.pct_age_65_plus !== null && x.households > 0);
		const rate = (theme: string) =>
			b.map(
				(x) =>
					city.needs.filter((n) => n.buurt_code === x.code && n.theme_code === theme).length /
					x.households
			);
		expect(
			pearson(
				rate('sociaal-netwerk'),
				b.map((x) => x.pct_age_65_plus!)
			)
		).toBeGreaterThan(0.2);
		expect(
			pearson(
				rate('geldzaken'),
				b.map((x) => x.social_assistance_benefits! / x.households)
			)
		).toBeGreaterThan(0.2);
		expect(
			pearson(
				rate('opvoeden-en-opgroeien'),
				b.map((x) => x.pct_households_with_children!)
			)
		).toBeGreaterThan(0.2);
		expect(
			pearson(
				rate('mantelzorg'),
				b.map((x) => x.pct_age_65_plus!)
			)
		).toBeGreaterThan(0.2);
	});

	it('plants 3–4 hot spots that stand out above every other buurt for their theme', () => {
		expect(city.hotSpots.length).toBeGreaterThanOrEqual(3);
		expect(city.hotSpots.length).toBeLessThanOrEqual(4);
		for (const spot of city.hotSpots) {
			const counts = recentHouseholds(city.needs, spot.themeCode);
			expect(counts.get(spot.buurtCode)).toBe(spot.households);
			expect(spot.households).toBeGreaterThanOrEqual(12);
			const others = [...counts].filter(([code]) => code !== spot.buurtCode).map(([, n]) => n);
			expect(spot.households).toBeGreaterThanOrEqual(Math.max(0, ...others) + 5);
			expect(spot.windowDays).toBe(HOT_SPOT_WINDOW_DAYS);
		}
	});

	it('puts a hot spot in the area of each demo wijkteam account', () => {
		for (const spec of DEMO_ACCOUNTS.filter((a) => a.role === 'wijkteam')) {
			const account = city.accounts.find((a) => a.email === spec.email)!;
			const team = city.teams.find((t) => t.name === account.team_name)!;
			expect(city.hotSpots.some((h) => team.buurt_codes.includes(h.buurtCode))).toBe(true);
		}
	});

	it('records the demo residents as reporters, with their account as household key', () => {
		for (const resident of city.accounts.filter((a) => a.role === 'resident')) {
			const own = city.needs.filter((n) => n.reporter_id === resident.id);
			expect(own.length).toBeGreaterThanOrEqual(2);
			expect(own.every((n) => n.household_key === resident.id)).toBe(true);
		}
	});
});

describe('generateDemoCity: people', () => {
	let city: DemoCity;
	beforeAll(() => {
		city = generateDemoCity({ seed: DEMO_SEED, now: NOW });
	});

	it('has four wijkteams that together serve every wijk exactly once', () => {
		expect(city.teams).toHaveLength(4);
		const served = city.teams.flatMap((t) => t.wijk_codes).sort();
		expect(served).toEqual(city.wijken.map((w) => w.code).sort());
		for (const team of city.teams) {
			const expected = city.buurten
				.filter((b) => team.wijk_codes.includes(b.wijk_code))
				.map((b) => b.code);
			expect([...team.buurt_codes].sort()).toEqual(expected.sort());
		}
		expect(new Set(city.teams.map((t) => t.name)).size).toBe(4);
	});

	it('has the documented demo accounts, the two wijkteam members in different teams', () => {
		expect(city.accounts.map((a) => [a.email, a.role])).toEqual(
			DEMO_ACCOUNTS.map((a) => [a.email, a.role])
		);
		const teamsOf = city.accounts.filter((a) => a.role === 'wijkteam').map((a) => a.team_name);
		expect(teamsOf).toHaveLength(2);
		expect(new Set(teamsOf).size).toBe(2);
		expect(
			city.accounts.filter((a) => a.role !== 'wijkteam').every((a) => a.team_name === null)
		).toBe(true);
	});

	it('has about 300 volunteers with a home buurt, skills, themes and availability', () => {
		expect(city.volunteers.length).toBe(300);
		const buurten = new Set(city.buurten.map((b) => b.code));
		for (const v of city.volunteers) {
			expect(buurten.has(v.home_buurt_code)).toBe(true);
			expect(v.skills.length).toBeGreaterThan(0);
			expect(v.theme_codes.length).toBeGreaterThan(0);
			expect(v.availability.every((a) => a.day >= 1 && a.day <= 7)).toBe(true);
			expect(v.display_name).toMatch(/^\S.{0,99}$/);
		}
		expect(city.volunteers.filter((v) => v.user_id !== null)).toHaveLength(1);
	});
});
