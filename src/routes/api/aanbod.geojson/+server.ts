import { error, json } from '@sveltejs/kit';
import { parseFindQuery } from '$lib/schemas/find';
import { findGeoJson } from '$lib/server/offer/geojson';
import { problemMessage } from '$lib/server/offer/problems';
import type { RequestHandler } from './$types';

/**
 * Published initiatives and provisions as points. Takes the find page's query string, so the
 * map shows exactly the list's result set (all pages of it); without one, everything published.
 */
export const GET: RequestHandler = async ({ url, locals, setHeaders }) => {
	const parsed = parseFindQuery(url.searchParams);
	if (!parsed.success) error(400, { message: parsed.messages.join(' ') });
	const result = await locals.db.run((tx) => findGeoJson(tx, parsed.filters, new Date()));
	if (!result.ok) error(400, { message: problemMessage(result.problem) });
	// Published rows only, the same for everyone; "open now" may change within the minute.
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return json(result.collection, { headers: { 'content-type': 'application/geo+json' } });
};
