import { error, json } from '@sveltejs/kit';
import { needFiguresQuerySchema } from '$lib/schemas/need';
import { needFiguresGeoJson } from '$lib/server/needs/figures';
import type { RequestHandler } from './$types';

/**
 * The public needs layer of the map: buurt outlines with the published figure of one theme (or
 * all) and window. Read from public.need_aggregates only, so it holds nothing the table does not.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
	const parsed = needFiguresQuerySchema.safeParse(Object.fromEntries(url.searchParams));
	if (!parsed.success) error(400, parsed.error.issues[0].message);
	const collection = await locals.db.run((tx) => needFiguresGeoJson(tx, parsed.data));
	if (!collection) error(404, 'Not found');
	return json(collection, {
		headers: {
			'content-type': 'application/geo+json',
			'cache-control': 'public, max-age=300'
		}
	});
};
