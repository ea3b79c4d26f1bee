import { gemeenteOverview } from '$lib/server/planning/council-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	await parent(); // the layout's guard first
	return locals.db.run(gemeenteOverview);
};
