import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { changePasswordSchema, PASSWORD_MIN } from '$lib/schemas/auth';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import { guardedUser } from '$lib/server/auth/guards';
import { changePassword } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = guardedUser(event.locals);
	return {
		email: user.email,
		role: user.role,
		passwordMin: PASSWORD_MIN,
		meta: { title: m.auth_account_title() }
	};
};

export const actions: Actions = {
	password: async (event) => {
		const parsed = changePasswordSchema.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const result = await changePassword(event, {
			current: parsed.data.current_password,
			next: parsed.data.password
		});
		if (!result.ok) {
			return fail(result.status, { errors: errorOn('current_password', result.message) });
		}
		return { changed: true };
	}
};
