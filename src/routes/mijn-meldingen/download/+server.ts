import { json } from '@sveltejs/kit';
import { guardedUser } from '$lib/server/auth/guards';
import { exportMyNeeds } from '$lib/server/needs/mine';
import type { RequestHandler } from './$types';

/** Everything stored about the resident's own reports, as a JSON file (right of access). */
export const GET: RequestHandler = async (event) => {
	const user = guardedUser(event.locals);
	const data = await event.locals.db.run((tx) =>
		exportMyNeeds(tx, { id: user.id, email: user.email })
	);
	const day = data.exported_at.slice(0, 10);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="buurtkracht-mijn-meldingen-${day}.json"`,
			'cache-control': 'no-store'
		}
	});
};
