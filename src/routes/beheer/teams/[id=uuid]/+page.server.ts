import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { addMemberSchema, areaSchema, memberSchema, renameTeamSchema } from '$lib/schemas/admin';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import {
	addArea,
	addMember,
	getTeam,
	removeArea,
	removeMember,
	renameTeam
} from '$lib/server/admin/teams';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const team = await locals.db.run((tx) => getTeam(tx, params.id));
	if (!team) error(404, 'Not found');
	return { team, meta: { title: m.admin_team_title({ name: team.name }) } };
};

/** The posted fields: every action of this page starts the same way. */
async function adminForm(event: RequestEvent) {
	return formFields(await event.request.formData());
}

export const actions: Actions = {
	rename: async (event) => {
		const fields = await adminForm(event);
		const parsed = renameTeamSchema.safeParse(fields);
		if (!parsed.success) return fail(400, { name: fields.name, errors: fieldErrors(parsed.error) });
		const outcome = await event.locals.db.run((tx) =>
			renameTeam(tx, { teamId: event.params.id, name: parsed.data.name })
		);
		if (!outcome.ok) {
			const message =
				outcome.reason === 'duplicate' ? m.admin_team_duplicate() : m.admin_team_not_found();
			return fail(400, { name: parsed.data.name, errors: errorOn('name', message) });
		}
		return { done: m.admin_saved() };
	},

	addMember: async (event) => {
		const fields = await adminForm(event);
		const parsed = addMemberSchema.safeParse(fields);
		if (!parsed.success) {
			return fail(400, { email: fields.email, errors: fieldErrors(parsed.error) });
		}
		const { email, role_in_team: roleInTeam } = parsed.data;
		const outcome = await event.locals.db.run((tx) =>
			addMember(tx, { teamId: event.params.id, email, roleInTeam })
		);
		if (outcome === 'added') return { done: m.admin_member_added({ email }) };
		if (outcome === 'already_member') return { done: m.admin_member_already({ email }) };
		const message =
			outcome === 'unknown_email' ? m.admin_member_unknown() : m.admin_team_not_found();
		return fail(400, { email, errors: errorOn('email', message) });
	},

	removeMember: async (event) => {
		const parsed = memberSchema.safeParse(await adminForm(event));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		await event.locals.db.run((tx) =>
			removeMember(tx, { teamId: event.params.id, userId: parsed.data.user_id })
		);
		return { done: m.admin_member_removed() };
	},

	addArea: async (event) => {
		const parsed = areaSchema.safeParse(await adminForm(event));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const outcome = await event.locals.db.run((tx) =>
			addArea(tx, { teamId: event.params.id, buurtCode: parsed.data.buurt_code })
		);
		if (outcome === 'not_found') {
			return fail(400, { errors: errorOn('buurt_code', m.form_invalid_choice()) });
		}
		return { done: m.admin_area_added() };
	},

	removeArea: async (event) => {
		const parsed = areaSchema.safeParse(await adminForm(event));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		await event.locals.db.run((tx) =>
			removeArea(tx, { teamId: event.params.id, buurtCode: parsed.data.buurt_code })
		);
		return { done: m.admin_area_removed() };
	}
};
