import { error } from '@sveltejs/kit';
import { csvFile } from '$lib/server/planning/export-files';
import { gapPage } from '$lib/server/planning/pages';
import type { RequestHandler } from './$types';

// Council only: the guard handle (ROUTE_GUARDS) refuses everyone else before this runs.
export const GET: RequestHandler = async (event) => {
	const result = await event.locals.db.run((tx) => gapPage(tx, event.url.searchParams));
	if (!result.ok) error(400, { message: result.error });
	const file = csvFile(result.value, new Date());
	return new Response(file.body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${file.name}"`,
			'cache-control': 'private, no-store'
		}
	});
};
