import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { signOut } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/inloggen'));
};

export const actions: Actions = {
	default: async (event) => {
		await signOut(event);
		redirect(303, `${localizeHref('/inloggen')}?uitgelogd`);
	}
};
