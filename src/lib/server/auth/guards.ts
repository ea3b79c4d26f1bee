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

/** What a route needs: one of the areas, or only to be signed in. */
export type Requirement = Area | 'signed-in';

interface RouteGuard {
	/** A route id, or the start of one at a segment boundary ('/wijkteam' covers '/wijkteam/…'). */
	prefix: string;
	needs: Requirement;
	/** Signed out: to the sign-in page (pages, forms, downloads) or 401 (a live stream). */
	signedOut: 'sign-in' | 'unauthorized';
}

/**
 * Every protected route, keyed on SvelteKit's route id (never localised, so '/en/…' is the same
 * route). The most specific prefix wins. A new page under an area is protected by being there.
 */
export const ROUTE_GUARDS: readonly RouteGuard[] = [
	// An EventSource cannot follow a redirect anywhere useful: signed out it gets 401.
	{ prefix: '/wijkteam/signalen/updates', needs: 'wijkteam', signedOut: 'unauthorized' },
	{ prefix: '/wijkteam', needs: 'wijkteam', signedOut: 'sign-in' },
	{ prefix: '/gemeente', needs: 'gemeente', signedOut: 'sign-in' },
	{ prefix: '/beheer', needs: 'beheer', signedOut: 'sign-in' },
	{ prefix: '/account', needs: 'signed-in', signedOut: 'sign-in' },
	{ prefix: '/mijn-meldingen', needs: 'signed-in', signedOut: 'sign-in' }
];

/** The guard of a route id, or null for a public route (and for no route at all: a 404). */
export function guardOf(routeId: string | null): RouteGuard | null {
	if (routeId === null) return null;
	// Route groups, '(name)', are not part of the path a visitor sees.
	const path = routeId.replace(/\/\([^/]+\)/g, '') || '/';
	let found: RouteGuard | null = null;
	for (const guard of ROUTE_GUARDS) {
		const covers = path === guard.prefix || path.startsWith(`${guard.prefix}/`);
		if (covers && (!found || guard.prefix.length > found.prefix.length)) found = guard;
	}
	return found;
}

interface GuardEvent {
	locals: Pick<App.Locals, 'user' | 'sessionProblem'>;
	url: URL;
}

interface GuardedRequest extends GuardEvent {
	route: { id: string | null };
	request: Pick<Request, 'method'>;
	isDataRequest: boolean;
}

/**
 * The guard handle's decision, before anything of the route runs. Signed out → 303 to the
 * sign-in page with the way back (401 where the table says so). Signed in without the role → 404,
 * as if the area did not exist: thrown here for form actions, data requests and other methods.
 * A full page (GET or HEAD) answers 'render-not-found' instead: the handle then takes the
 * database away and the area's layout throws the 404, so the visitor gets the app's own error
 * page — an error thrown in a handle could only show the bare fallback page.
 */
export function guardRequest(event: GuardedRequest): 'open' | 'render-not-found' {
	const guard = guardOf(event.route.id);
	if (!guard) return 'open';
	const user = event.locals.user;
	if (!user) {
		if (guard.signedOut === 'unauthorized') error(401, 'Not signed in');
		redirect(303, signInLocation(event.url, event.locals.sessionProblem));
	}
	if (guard.needs === 'signed-in' || mayEnter(user, guard.needs)) return 'open';
	const page = !event.isDataRequest && ['GET', 'HEAD'].includes(event.request.method);
	if (!page) error(404, 'Not found');
	return 'render-not-found';
}

/** In an area's +layout.server.ts: answer 404 with the app's error page when the handle said so. */
export function notFoundWhenDenied(locals: Pick<App.Locals, 'denied'>): void {
	if (locals.denied) error(404, 'Not found');
}

/**
 * The signed-in user of a route the guard handle protects. Null here means a route missing from
 * ROUTE_GUARDS: a programming error, so it fails loudly rather than acting for nobody.
 */
export function guardedUser(locals: Pick<App.Locals, 'user'>): CurrentUser {
	if (!locals.user) throw new Error('This route is not in ROUTE_GUARDS but needs a signed-in user');
	return locals.user;
}

/** The sign-in page, with the way back and, when a session just ended, why. */
export function signInLocation(url: URL, problem: SessionProblem | null): string {
	const query = new URLSearchParams({ terug: url.pathname + url.search });
	if (problem) query.set('sessie', problem === 'expired' ? 'verlopen' : 'ongeldig');
	return `${localizeHref('/inloggen')}?${query}`;
}
