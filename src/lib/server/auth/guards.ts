import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import type { CurrentUser } from './current-user';
import type { SessionProblem } from './jwt';

/** The signed-in areas: wijkteam, council (gemeente) and admin (beheer). */
export type Area = 'wijkteam' | 'gemeente' | 'beheer';

export const AREA_PATHS: Record<Area, string> = {
	wijkteam: '/wijkteam',
	gemeente: '/gemeente',
	beheer: '/beheer'
};

/**
 * Who may enter which area. Wijkteam: the wijkteam role or membership of a team (membership is
 * what the policies check). Council and admin: that role. Each role sees exactly its own areas;
 * an admin is not a council member, and needs are not the admin's to read.
 */
export function mayEnter(user: CurrentUser | null, area: Area): boolean {
	if (!user) return false;
	switch (area) {
		case 'wijkteam':
			return user.role === 'wijkteam' || user.teamIds.length > 0;
		case 'gemeente':
			return user.role === 'council';
		case 'beheer':
			return user.role === 'admin';
	}
}

export function areasOf(user: CurrentUser | null): Area[] {
	return (Object.keys(AREA_PATHS) as Area[]).filter((area) => mayEnter(user, area));
}

interface GuardEvent {
	locals: Pick<App.Locals, 'user' | 'sessionProblem'>;
	url: URL;
}

/** The sign-in page, with the way back and, when a session just ended, why. */
export function signInLocation(url: URL, problem: SessionProblem | null): string {
	const query = new URLSearchParams({ terug: url.pathname + url.search });
	if (problem) query.set('sessie', problem === 'expired' ? 'verlopen' : 'ongeldig');
	return `${localizeHref('/inloggen')}?${query}`;
}

/** Signed out → 303 to the sign-in page (with the way back). */
export function requireUser(event: GuardEvent): CurrentUser {
	if (!event.locals.user) redirect(303, signInLocation(event.url, event.locals.sessionProblem));
	return event.locals.user;
}

/**
 * Signed out → 303 to the sign-in page; signed in without the role → 404, as if the area did not
 * exist (it is nobody else's business that it does). Called by the area's +layout.server.ts and
 * by its form actions, which a layout load does not guard.
 */
export function requireArea(event: GuardEvent, area: Area): CurrentUser {
	const user = requireUser(event);
	if (!mayEnter(user, area)) error(404, 'Not found');
	return user;
}
