import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { roleLabel } from '$lib/role-label';
import { changeRoleSchema } from '$lib/schemas/admin';
import { errorOn, fieldErrors, formFields } from '$lib/schemas/form';
import { changeRole, listUsers } from '$lib/server/admin/users';
import { guardedUser } from '$lib/server/auth/guards';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	return {
		users: await locals.db.run(listUsers),
		me: guardedUser(locals).id,
		meta: { title: m.admin_users_title() }
	};
};

export const actions: Actions = {
	role: async (event) => {
		const admin = guardedUser(event.locals);
		const parsed = changeRoleSchema.safeParse(formFields(await event.request.formData()));
		if (!parsed.success) return fail(400, { errors: fieldErrors(parsed.error) });
		const { user_id: userId, role } = parsed.data;
		const outcome = await event.locals.db.run((tx) => changeRole(tx, admin.id, { userId, role }));
		if (outcome === 'own_admin_role') {
			return fail(400, { userId, errors: errorOn('form', m.admin_own_admin_role()) });
		}
		if (outcome === 'not_found') {
			return fail(400, { userId, errors: errorOn('form', m.admin_user_not_found()) });
		}
		return { userId, done: m.admin_role_changed({ email: outcome.email, role: roleLabel(role) }) };
	}
};
