import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { resetRequestSchema } from '$lib/schemas/auth';
import { fieldErrors, formFields } from '$lib/schemas/form';
import { requestPasswordReset } from '$lib/server/auth/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ meta: { title: m.auth_forgot_title() } });

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const parsed = resetRequestSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, { email: fields.email ?? '', errors: fieldErrors(parsed.error) });
		}
		// The page says the same whether or not the address is known.
		await requestPasswordReset(event, parsed.data);
		return { sent: true };
	}
};
