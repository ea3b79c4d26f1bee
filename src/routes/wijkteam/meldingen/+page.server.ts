import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { needsForWijkteam } from '$lib/server/needs/wijkteam';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return {
		needs: await locals.db.run((tx) => needsForWijkteam(tx, getLocale() === 'en' ? 'en' : 'nl')),
		meta: { title: m.report_wijkteam_title() }
	};
};
