import { beforeAll, describe, expect, it } from 'vitest';
import { createBuurtLookup, type BuurtLookup } from '$lib/analysis/buurt-lookup';
import { DEMO_SEED, generateDemoCity } from './generate-city';
import { DEMO_ACCOUNTS } from './generate-people';
import type { DemoCity, DemoOfferBase, ScheduleSlot } from './types';

const NOW = new Date('2026-11-28T12:00:00Z');
const THEMES = [
	'sociaal-netwerk',
	'geldzaken',
	'werk-en-dagbesteding',
	'opvoeden-en-opgroeien',
	'gezondheid',
	'mantelzorg',
	'wonen',
	'taal-en-digitaal',
	'vervoer',
	'voeding'
];
const ACCESSIBILITY = [
	'step_free',
	'hearing_loop',
	'accessible_toilet',
	'quiet_space',
	'guide_dogs_welcome'
];

function expectValidSchedule(schedule: ScheduleSlot[]) {
	expect(schedule.length).toBeGreaterThan(0);
	for (const slot of schedule) {
		expect(slot.day).toBeGreaterThanOrEqual(1);
		expect(slot.day).toBeLessThanOrEqual(7);
		expect(slot.opens).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
		expect(slot.closes).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
		expect(slot.opens < slot.closes).toBe(true);
		expect(['week', 'two_weeks', 'month']).toContain(slot.every);
	}
}

function expectValidOffer(item: DemoOfferBase, lookup: BuurtLookup) {
	expect(lookup(item.lon, item.lat)).toBe(item.buurt_code);
	expectValidSchedule(item.schedule);
	expect(item.contact_email).toMatch(/^[^@\s]+@[^@\s]+\.example$/);
	if (item.contact_phone) expect(item.contact_phone).toMatch(/^0\d{2}-\d{7}$/);
	if (item.website) expect(item.website).toMatch(/^https:\/\/[^/]+\.example(\/|$)/);
	if (item.postcode) expect(item.postcode).toMatch(/^[1-9][0-9]{3} ?[A-Z]{2}$/);
	expect(item.accessibility.every((a) => ACCESSIBILITY.includes(a))).toBe(true);
	expect(item.languages[0]).toBe('nl');
	expect(item.languages.every((l) => /^[a-z]{2}$/.test(l))).toBe(true);
	expect(item.name.length).toBeLessThanOrEqual(200);
}

describe('generateDemoCity: the offer', () => {
	let city: DemoCity;
	let lookup: BuurtLookup;
	beforeAll(() => {
		city = generateDemoCity({ seed: DEMO_SEED, now: NOW });
		lookup = createBuurtLookup(city.buurten);
	});

	it('has about 150 initiatives and 60 provisions with unique names, each inside its buurt', () => {
		expect(city.initiatives.length).toBeGreaterThanOrEqual(140);
		expect(city.provisions.length).toBeGreaterThanOrEqual(55);
		const names = [...city.initiatives, ...city.provisions].map((o) => o.name);
		expect(new Set(names).size).toBe(names.length);
		for (const item of [...city.initiatives, ...city.provisions]) expectValidOffer(item, lookup);
	});

	it('publishes most initiatives, with a few drafts and some waiting for moderation', () => {
		const status = (s: string) => city.initiatives.filter((i) => i.status === s).length;
		expect(status('published')).toBeGreaterThan(city.initiatives.length * 0.8);
		expect(status('draft')).toBeGreaterThan(0);
		expect(status('pending')).toBeGreaterThan(0);
		for (const i of city.initiatives) {
			expect(i.theme_codes.length).toBeGreaterThan(0);
			expect(i.theme_codes.every((t) => THEMES.includes(t))).toBe(true);
			expect(i.published_at === null).toBe(i.status === 'draft' || i.status === 'pending');
		}
		const resident = city.accounts.find((a) => a.email === DEMO_ACCOUNTS[0].email)!;
		const own = city.initiatives.filter((i) => i.created_by === resident.id).map((i) => i.status);
		expect(own.sort()).toEqual(['draft', 'pending']);
	});

	it('gives provisions one theme, a weekly capacity and a walking catchment', () => {
		for (const p of city.provisions) {
			expect(THEMES).toContain(p.theme_code);
			expect(p.weekly_capacity).toBeGreaterThan(0);
			expect(p.catchment_minutes).toBeGreaterThanOrEqual(1);
			expect(p.catchment_minutes).toBeLessThanOrEqual(120);
			expect(city.organisations.map((o) => o.id)).toContain(p.organisation_id);
		}
		// Every leefgebied has at least one provision somewhere in town.
		expect(new Set(city.provisions.map((p) => p.theme_code))).toEqual(new Set(THEMES));
	});

	it('places more of the offer where more people live', () => {
		const perBuurt = new Map<string, number>();
		for (const o of [...city.initiatives, ...city.provisions])
			perBuurt.set(o.buurt_code, (perBuurt.get(o.buurt_code) ?? 0) + 1);
		const byPeople = [...city.buurten].sort((a, b) => a.inhabitants - b.inhabitants);
		const third = Math.floor(byPeople.length / 3);
		const total = (list: typeof byPeople) =>
			list.reduce((s, b) => s + (perBuurt.get(b.code) ?? 0), 0);
		expect(total(byPeople.slice(-third))).toBeGreaterThan(total(byPeople.slice(0, third)));
	});
});
