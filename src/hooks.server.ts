import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { textDirection } from '$lib/i18n';
import { loadCurrentUser } from '$lib/server/auth/current-user';
import { guardRequest } from '$lib/server/auth/guards';
import { resolveIdentity } from '$lib/server/auth/identity';
import { bindToClaims, closedDatabase } from '$lib/server/request-database';
import { database, startUp } from '$lib/server/startup';

export const init: ServerInit = startUp;

const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', textDirection(locale))
		});
	});

/**
 * One place builds the request's identity: verified claims (embedded session cookie, or Supabase
 * Auth's cookies verified with jose), a database handle bound to them, and the user's role and
 * teams read through that handle, so Row Level Security applies from the first query.
 */
const identity: Handle = async ({ event, resolve }) => {
	const db = await database();
	const caller = await resolveIdentity(event);
	event.locals.supabase = caller.supabase;
	event.locals.sessionProblem = caller.problem;
	event.locals.claims = caller.claims;
	event.locals.db = bindToClaims(db, caller.claims);
	event.locals.user = null;
	event.locals.denied = false;
	if (caller.claims) {
		const claims = caller.claims;
		event.locals.user = await event.locals.db.run((tx) => loadCurrentUser(tx, claims));
		if (!event.locals.user) {
			// A valid token for an account without a profile (removed): signed out, not half in.
			event.locals.claims = null;
			event.locals.sessionProblem = 'invalid';
			event.locals.db = bindToClaims(db, null);
		}
	}
	const response = await resolve(event);
	if (event.locals.claims) keepPrivate(response);
	return response;
};

/**
 * What a signed-in user gets is read with their claims, so RLS may have shown them more than the
 * public sees (an admin reads draft initiatives, council draft provisions). Such a response must
 * never sit in a shared cache, whatever the route asked for.
 */
function keepPrivate(response: Response): void {
	const cacheControl = response.headers.get('cache-control');
	if (!cacheControl || !/\b(public|s-maxage)\b/i.test(cacheControl)) return;
	try {
		response.headers.set('cache-control', 'private, no-cache');
	} catch {
		// Immutable headers (a Response passed through from fetch): nothing personal in it.
	}
}

/**
 * One place decides who may reach which route (ROUTE_GUARDS, keyed on the route id), before any
 * load, form action or endpoint of it runs: signed out → the sign-in page, wrong role → 404.
 */
const guard: Handle = ({ event, resolve }) => {
	if (guardRequest(event) === 'render-not-found') {
		event.locals.denied = true;
		event.locals.db = closedDatabase(event.locals.claims);
	}
	return resolve(event);
};

export const handle = sequence(i18n, identity, guard);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error('[buurtkracht] Unexpected error:', error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
