import { error } from '@sveltejs/kit';
import { UUID_PATTERN as UUID } from '$lib/schemas/form';
import { guardedUser } from '$lib/server/auth/guards';
import { needUpdatesStream } from '$lib/server/signals/updates';
import type { RequestHandler } from './$types';

/** A resumed stream never reaches further back than this (Last-Event-ID or ?sinds=). */
const MAX_LOOK_BACK_MS = 24 * 60 * 60 * 1000;

/** Server-sent events: new needs in one of the member's teams' buurten (see updates.ts). */
export const GET: RequestHandler = async ({ locals, url, request }) => {
	// Signed out → 401, not a member of the area → 404: the guard handle (ROUTE_GUARDS).
	const user = guardedUser(locals);
	const team = url.searchParams.get('team') ?? '';
	if (!UUID.test(team) || !user.teamIds.includes(team.toLowerCase())) {
		error(404, 'Not found');
	}
	const now = Date.now();
	const asked = Date.parse(
		request.headers.get('last-event-id') ?? url.searchParams.get('sinds') ?? ''
	);
	const since = new Date(
		Number.isFinite(asked) ? Math.min(now, Math.max(asked, now - MAX_LOOK_BACK_MS)) : now
	);
	const exp = locals.claims?.exp;
	const stream = needUpdatesStream(locals.db, team.toLowerCase(), since, {
		signal: request.signal,
		expiresAt: typeof exp === 'number' ? exp * 1000 : undefined
	});
	if (!stream) error(503, 'Too many live connections');
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
