import { listBuurten } from '$lib/server/geo/map-data';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({
	buurten: await locals.db.run(listBuurten)
});
