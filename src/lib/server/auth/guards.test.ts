import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from './current-user';
import {
	areasOf,
	guardedUser,
	guardOf,
	guardRequest,
	mayEnter,
	notFoundWhenDenied,
	signInLocation
} from './guards';

const user = (role: CurrentUser['role'], teamIds: string[] = []): CurrentUser => ({
	id: '6f1c2a9e-3b7d-4c55-9e2f-0a1b2c3d4e5f',
	email: 'x@example.nl',
	role,
	teamIds
});

function thrown(fn: () => unknown): unknown {
	try {
		fn();
	} catch (error) {
		return error;
	}
	return undefined;
}

/** A request as the guard handle sees it. */
function request(
	routeId: string | null,
	who: CurrentUser | null,
	options: { url?: string; method?: string; data?: boolean; problem?: 'expired' | 'invalid' } = {}
) {
	return {
		route: { id: routeId },
		url: new URL(options.url ?? `http://localhost${routeId ?? '/'}`),
		request: { method: options.method ?? 'GET' },
		isDataRequest: options.data ?? false,
		locals: { user: who, sessionProblem: options.problem ?? null }
	};
}

describe('area guards', () => {
	it('give each role exactly its own areas', () => {
		expect(areasOf(null)).toEqual([]);
		expect(areasOf(user('resident'))).toEqual([]);
		expect(areasOf(user('wijkteam'))).toEqual(['wijkteam']);
		expect(areasOf(user('resident', ['t1']))).toEqual(['wijkteam']); // membership counts
		expect(areasOf(user('council'))).toEqual(['gemeente']);
		expect(areasOf(user('admin'))).toEqual(['beheer']);
		expect(mayEnter(user('admin'), 'gemeente')).toBe(false);
	});

	it('map every route id to what it needs, by whole segments, most specific first', () => {
		const needs = (id: string | null) => guardOf(id)?.needs ?? null;
		expect(needs('/wijkteam')).toBe('wijkteam');
		expect(needs('/wijkteam/signalen/[id=uuid]')).toBe('wijkteam');
		expect(needs('/gemeente/planning/export.csv')).toBe('gemeente');
		expect(needs('/beheer/teams/[id=uuid]')).toBe('beheer');
		expect(needs('/account')).toBe('signed-in');
		expect(needs('/mijn-meldingen/download')).toBe('signed-in');
		expect(needs('/(app)/beheer/gebruikers')).toBe('beheer'); // groups are not in the path
		for (const open of ['/', '/aanbod', '/melden', '/inloggen', '/uitloggen', '/behoeften'])
			expect(needs(open), open).toBeNull();
		expect(needs('/wijkteamleden')).toBeNull(); // a prefix of a name is not its folder
		expect(needs('/api/aanbod.geojson')).toBeNull();
		expect(needs(null)).toBeNull(); // no route: the ordinary 404
		expect(guardOf('/wijkteam/signalen/updates')?.signedOut).toBe('unauthorized');
		expect(guardOf('/wijkteam/signalen')?.signedOut).toBe('sign-in');
	});

	it('send a signed-out visitor to the sign-in page with the way back (303), whatever the request', () => {
		for (const options of [{}, { method: 'POST' }, { data: true }]) {
			const error = thrown(() =>
				guardRequest(
					request('/beheer/teams', null, {
						url: 'http://localhost/en/beheer/teams?x=1',
						...options
					})
				)
			);
			expect(isRedirect(error)).toBe(true);
			if (!isRedirect(error)) return;
			expect(error.status).toBe(303);
			const location = new URL(error.location, 'http://localhost');
			expect(location.pathname).toMatch(/\/inloggen$/);
			expect(location.searchParams.get('terug')).toBe('/en/beheer/teams?x=1');
			expect(location.searchParams.has('sessie')).toBe(false);
		}
		const download = thrown(() => guardRequest(request('/mijn-meldingen/download', null)));
		expect(isRedirect(download) && download.status).toBe(303);
	});

	it('answer 401 to a signed-out live stream, which cannot follow a redirect', () => {
		const error = thrown(() => guardRequest(request('/wijkteam/signalen/updates', null)));
		expect(isHttpError(error) && error.status).toBe(401);
	});

	it('say why when a session just ended', () => {
		const url = new URL('http://localhost/wijkteam');
		expect(signInLocation(url, 'expired')).toContain('sessie=verlopen');
		expect(signInLocation(url, 'invalid')).toContain('sessie=ongeldig');
		const error = thrown(() => guardRequest(request('/account', null, { problem: 'invalid' })));
		expect(isRedirect(error) && error.location).toContain('sessie=ongeldig');
	});

	it('refuse a signed-in user without the role with 404: at once, or through the area layout for a page', () => {
		for (const role of ['resident', 'wijkteam', 'council'] as const) {
			// Form actions, data requests (client-side navigation) and other methods: thrown here.
			for (const options of [{ method: 'POST' }, { data: true }, { method: 'DELETE' }]) {
				const error = thrown(() =>
					guardRequest(request('/beheer/gebruikers', user(role), options))
				);
				expect(isHttpError(error) && error.status, `${role} ${JSON.stringify(options)}`).toBe(404);
			}
			// A full page: the layout renders the app's own 404 page.
			expect(guardRequest(request('/beheer', user(role)))).toBe('render-not-found');
			expect(guardRequest(request('/beheer', user(role), { method: 'HEAD' }))).toBe(
				'render-not-found'
			);
		}
		const error = thrown(() => notFoundWhenDenied({ denied: true }));
		expect(isHttpError(error) && error.status).toBe(404);
		expect(notFoundWhenDenied({ denied: false })).toBeUndefined();
	});

	it('let each role into its own area and any signed-in user into the personal pages', () => {
		expect(guardRequest(request('/beheer/teams', user('admin'), { method: 'POST' }))).toBe('open');
		expect(guardRequest(request('/gemeente/planning', user('council'), { data: true }))).toBe(
			'open'
		);
		expect(guardRequest(request('/wijkteam/signalen', user('resident', ['t1'])))).toBe('open');
		for (const role of ['resident', 'wijkteam', 'council', 'admin'] as const) {
			expect(guardRequest(request('/account', user(role), { method: 'POST' }))).toBe('open');
			expect(guardRequest(request('/mijn-meldingen/download', user(role)))).toBe('open');
		}
		expect(guardRequest(request('/aanbod', null))).toBe('open');
		expect(guardRequest(request(null, null))).toBe('open');
	});

	it('fail loudly when a route needs a user but is missing from the table', () => {
		expect(guardedUser({ user: user('admin') }).role).toBe('admin');
		expect(() => guardedUser({ user: null })).toThrow(/ROUTE_GUARDS/);
	});
});
