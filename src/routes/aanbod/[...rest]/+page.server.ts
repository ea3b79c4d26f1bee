import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { PageServerLoad } from './$types';

// Any other address under /aanbod (a detail page with a malformed id, an old link) gets the find
// section's own 404 page, with the way back to the search.
export const load: PageServerLoad = () => {
	error(404, { message: m.error_not_found() });
};
