import { redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { signOut } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, localizeHref('/inloggen'));
	return { meta: { title: m.auth_sign_out_title() } };
};

export const actions: Actions = {
	default: async (event) => {
		await signOut(event);
		redirect(303, `${localizeHref('/inloggen')}?uitgelogd`);
	}
};
