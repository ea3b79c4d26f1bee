import { json } from '@sveltejs/kit';
import { aanbodGeoJson } from '$lib/server/geo/map-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=60' });
	return json(await locals.db.run(aanbodGeoJson), {
		headers: { 'content-type': 'application/geo+json' }
	});
};
