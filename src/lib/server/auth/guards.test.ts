import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import type { CurrentUser } from './current-user';
import { areasOf, mayEnter, requireArea, requireUser, signInLocation } from './guards';

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

	it('send a signed-out visitor to the sign-in page with the way back (303)', () => {
		const url = new URL('http://localhost/en/beheer/teams?x=1');
		const error = thrown(() =>
			requireArea({ locals: { user: null, sessionProblem: null }, url }, 'beheer')
		);
		expect(isRedirect(error)).toBe(true);
		if (!isRedirect(error)) return;
		expect(error.status).toBe(303);
		const location = new URL(error.location, 'http://localhost');
		expect(location.pathname).toMatch(/\/inloggen$/);
		expect(location.searchParams.get('terug')).toBe('/en/beheer/teams?x=1');
		expect(location.searchParams.has('sessie')).toBe(false);
	});

	it('say why when a session just ended', () => {
		const url = new URL('http://localhost/wijkteam');
		expect(signInLocation(url, 'expired')).toContain('sessie=verlopen');
		expect(signInLocation(url, 'invalid')).toContain('sessie=ongeldig');
		const error = thrown(() =>
			requireUser({ locals: { user: null, sessionProblem: 'invalid' }, url })
		);
		expect(isRedirect(error) && error.location).toContain('sessie=ongeldig');
	});

	it('answer 404 to a signed-in user without the role', () => {
		const url = new URL('http://localhost/beheer');
		for (const role of ['resident', 'wijkteam', 'council'] as const) {
			const error = thrown(() =>
				requireArea({ locals: { user: user(role), sessionProblem: null }, url }, 'beheer')
			);
			expect(isHttpError(error) && error.status).toBe(404);
		}
		expect(
			requireArea({ locals: { user: user('admin'), sessionProblem: null }, url }, 'beheer').role
		).toBe('admin');
	});
});
