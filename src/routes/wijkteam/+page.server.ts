import { wijkteamOverview } from '$lib/server/workspace/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	await parent(); // the layout's guard first
	return locals.db.run(wijkteamOverview);
};
