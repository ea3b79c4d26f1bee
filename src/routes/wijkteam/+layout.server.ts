import { requireArea } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

// Signed out → to the sign-in page; signed in without the role → 404.
export const load: LayoutServerLoad = (event) => {
	requireArea(event, 'wijkteam');
};
