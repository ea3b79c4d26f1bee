import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { PASSWORD_MIN, resetPasswordSchema } from '$lib/schemas/auth';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import { openResetLink, resetPassword } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	// The token is in the address bar: keep it out of Referer headers of anything this page links to.
	event.setHeaders({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
	const link = await openResetLink(event);
	return { link, passwordMin: PASSWORD_MIN, meta: { title: m.auth_reset_title() } };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = resetPasswordSchema.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await resetPassword(event, parsed.data);
		if (!result.ok) return fail(result.status, { errors: errorOn('form', result.message) });
		redirect(303, `${localizeHref('/inloggen')}?nieuw-wachtwoord`);
	}
};
