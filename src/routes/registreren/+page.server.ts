import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { PASSWORD_MIN, signUpSchema } from '$lib/schemas/auth';
import { fieldErrors, formFields } from '$lib/schemas/form';
import { signUp } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/account'));
	return { passwordMin: PASSWORD_MIN, meta: { title: m.auth_sign_up_title() } };
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const parsed = signUpSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, { email: fields.email ?? '', errors: fieldErrors(parsed.error) });
		}
		// The same answer whether or not the address already has an account.
		const { message } = await signUp(event, parsed.data);
		return { done: message };
	}
};
