import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { withdrawAllSchema, withdrawNeedSchema } from '$lib/schemas/need';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import { myNeeds, withdrawAllNeeds, withdrawNeed } from '$lib/server/needs/mine';
import type { Actions, PageServerLoad } from './$types';

const locale = () => (getLocale() === 'en' ? 'en' : 'nl');

export const load: PageServerLoad = async (event) => {
	const withdrawn = Number(event.url.searchParams.get('ingetrokken'));
	return {
		needs: await event.locals.db.run((tx) => myNeeds(tx, locale())),
		withdrawn: Number.isInteger(withdrawn) && withdrawn > 0 ? withdrawn : 0,
		meta: { title: m.my_reports_title() }
	};
};

export const actions: Actions = {
	withdraw: async (event) => {
		const parsed = withdrawNeedSchema.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: errorOn('form', m.need_error_tampered()) });
		const done = await event.locals.db.run((tx) => withdrawNeed(tx, parsed.data.id));
		// Not theirs, or already gone: the same answer, so it tells nothing about others' reports.
		if (!done) return fail(404, { errors: errorOn('form', m.my_reports_not_found()) });
		redirect(303, `${localizeHref('/mijn-meldingen')}?ingetrokken=1`);
	},
	withdrawAll: async (event) => {
		const parsed = withdrawAllSchema.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const count = await event.locals.db.run(withdrawAllNeeds);
		redirect(303, `${localizeHref('/mijn-meldingen')}?ingetrokken=${count}`);
	}
};
