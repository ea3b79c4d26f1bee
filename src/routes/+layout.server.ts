import { areasOf } from '$lib/server/auth/guards';
import type { LayoutServerLoad } from './$types';

/** What the header needs about the visitor: signed in or not, and which areas to link to. */
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? { email: locals.user.email, role: locals.user.role, areas: areasOf(locals.user) }
		: null
});
