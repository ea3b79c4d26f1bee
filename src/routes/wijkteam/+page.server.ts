import { m } from '$lib/paraglide/messages';
import { wijkteamOverview } from '$lib/server/workspace/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return { ...(await locals.db.run(wijkteamOverview)), meta: { title: m.wijkteam_title() } };
};
