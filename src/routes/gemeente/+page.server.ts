import { m } from '$lib/paraglide/messages';
import { gemeenteOverview } from '$lib/server/planning/council-overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { ...(await locals.db.run(gemeenteOverview)), meta: { title: m.gemeente_title() } };
};
