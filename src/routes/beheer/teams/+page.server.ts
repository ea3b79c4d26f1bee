import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { createTeamSchema } from '$lib/schemas/admin';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import { createTeam, listGemeenten, listTeams } from '$lib/server/admin/teams';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return locals.db.run(async (tx) => ({
		teams: await listTeams(tx),
		gemeenten: await listGemeenten(tx),
		meta: { title: m.admin_teams_title() }
	}));
};

export const actions: Actions = {
	create: async (event) => {
		const fields = formFields(await event.request.formData());
		const parsed = createTeamSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, { name: fields.name ?? '', errors: fieldErrors(parsed.error) });
		}
		const outcome = await event.locals.db.run((tx) =>
			createTeam(tx, { name: parsed.data.name, gemeenteCode: parsed.data.gemeente_code })
		);
		if (!outcome.ok) {
			const errors =
				outcome.reason === 'duplicate'
					? errorOn('name', m.admin_team_duplicate())
					: errorOn('gemeente_code', m.form_invalid_choice());
			return fail(400, { name: parsed.data.name, errors });
		}
		redirect(303, localizeHref(`/beheer/teams/${outcome.id}`));
	}
};
