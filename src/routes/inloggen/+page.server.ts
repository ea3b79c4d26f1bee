import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { signInSchema } from '$lib/schemas/auth';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import { safeReturnPath } from '$lib/server/auth/return-path';
import { signIn } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

/** Why the visitor is here: a session that ended, a sign-out, or a new password. */
function notice(url: URL, problem: App.Locals['sessionProblem']): string | null {
	const session = url.searchParams.get('sessie') ?? (problem === 'expired' ? 'verlopen' : problem);
	if (session === 'verlopen') return m.auth_session_expired();
	if (session === 'ongeldig' || session === 'invalid') return m.auth_session_invalid();
	if (url.searchParams.has('uitgelogd')) return m.auth_signed_out();
	if (url.searchParams.has('nieuw-wachtwoord')) return m.auth_password_reset_done();
	return null;
}

export const load: PageServerLoad = ({ url, locals }) => {
	const terug = safeReturnPath(url.searchParams.get('terug'), '');
	if (locals.user) redirect(303, terug || localizeHref('/'));
	return {
		terug,
		notice: notice(url, locals.sessionProblem),
		meta: { title: m.auth_sign_in_title() }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const parsed = signInSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, { email: fields.email ?? '', errors: fieldErrors(parsed.error) });
		}
		const result = await signIn(event, parsed.data);
		if (!result.ok) {
			return fail(result.status, {
				email: parsed.data.email,
				errors: errorOn('form', result.message)
			});
		}
		redirect(303, safeReturnPath(parsed.data.terug, localizeHref('/')));
	}
};
