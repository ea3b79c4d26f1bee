import { getLocale } from '$lib/paraglide/runtime';
import { needsForWijkteam } from '$lib/server/needs/wijkteam';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	await parent(); // the layout's guard first
	return {
		needs: await locals.db.run((tx) => needsForWijkteam(tx, getLocale() === 'en' ? 'en' : 'nl'))
	};
};
