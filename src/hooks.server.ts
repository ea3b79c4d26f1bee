import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { textDirection } from '$lib/i18n';
import { bindToClaims } from '$lib/server/request-database';
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

/** One place builds the request's identity; every query then runs with the caller's claims. */
const identity: Handle = async ({ event, resolve }) => {
	event.locals.claims = null; // signed-in users arrive with the accounts issue
	event.locals.db = bindToClaims(await database(), event.locals.claims);
	return resolve(event);
};

export const handle = sequence(i18n, identity);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error('[buurtkracht] Unexpected error:', error);
	return { message: status === 404 ? 'Not found' : 'Internal error' };
};
