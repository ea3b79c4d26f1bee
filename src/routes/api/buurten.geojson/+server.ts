import { json } from '@sveltejs/kit';
import { buurtenGeoJson } from '$lib/server/geo/map-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=300' });
	return json(await locals.db.run(buurtenGeoJson), {
		headers: { 'content-type': 'application/geo+json' }
	});
};
