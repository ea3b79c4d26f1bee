import { afterEach, describe, expect, it } from 'vitest';
import * as runtime from '$lib/paraglide/runtime';
import { documentTitle, errorHeading } from './page-title';

const original = runtime.getLocale;
afterEach(() => runtime.overwriteGetLocale(original));

const page = (overrides: Partial<Parameters<typeof documentTitle>[0]> = {}) => ({
	status: 200,
	error: null,
	route: { id: '/melden' },
	data: {},
	form: null,
	...overrides
});

describe('document title', () => {
	it("is the page's title from its load with the site name, or the site name alone", () => {
		expect(documentTitle(page({ data: { meta: { title: 'Inloggen' } } }))).toBe(
			'Inloggen · Buurtkracht'
		);
		expect(documentTitle(page())).toBe('Buurtkracht');
	});

	it("takes a form action's title when its result replaces the page (a receipt)", () => {
		const data = { meta: { title: 'Meld wat u nodig hebt' } };
		expect(documentTitle(page({ data, form: { meta: { title: 'Ontvangen' } } }))).toBe(
			'Ontvangen · Buurtkracht'
		);
		// A form coming back with errors keeps the page's own title.
		expect(documentTitle(page({ data, form: { errors: {} } }))).toBe(
			'Meld wat u nodig hebt · Buurtkracht'
		);
	});

	it("on an error page is that page's heading, per section and status", () => {
		const error = { message: 'x' };
		const titled = (status: number, id: string | null) =>
			documentTitle(page({ status, error, route: { id }, data: { meta: { title: 'Oud' } } }));
		expect(titled(400, '/aanbod')).toBe('Deze zoekopdracht klopt niet · Buurtkracht');
		expect(titled(404, '/aanbod/initiatief/[id=uuid]')).toBe('Niet gevonden · Buurtkracht');
		expect(titled(400, '/gemeente/planning/wat-als')).toBe('Dat lukt niet · Buurtkracht');
		expect(titled(404, '/gemeente/planning')).toBe('Er ging iets mis · Buurtkracht');
		expect(titled(404, null)).toBe('Er ging iets mis · Buurtkracht');
		expect(errorHeading(400, '/aanbodx')).toBe('Er ging iets mis');
		runtime.overwriteGetLocale(() => 'en');
		expect(titled(400, '/aanbod')).toBe('This search is not valid · Buurtkracht');
		expect(titled(500, '/wijkteam')).toBe('Something went wrong · Buurtkracht');
	});
});
