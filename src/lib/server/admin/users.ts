// Users and roles for the admin pages. Everything runs in a transaction bound to the admin's own
// claims: the policies on public.profiles let admins change roles, and public.admin_list_users()
// (security definer) shows them the addresses they cannot read from auth.users.
import type { AppRole } from '$lib/server/auth/current-user';
import type { Tx } from '$lib/server/db/types';

export interface DirectoryUser {
	id: string;
	email: string;
	role: AppRole;
	displayName: string | null;
	createdAt: Date;
}

export async function listUsers(tx: Tx): Promise<DirectoryUser[]> {
	return tx.query<DirectoryUser>(
		`select id, email, role::text as role, display_name as "displayName", created_at as "createdAt"
		   from public.admin_list_users()`
	);
}

export type ChangeRoleOutcome = { email: string } | 'own_admin_role' | 'not_found';

/**
 * Gives a user another role. An admin cannot take away their own admin role (another admin has
 * to); a trigger refuses it in the database as well.
 */
export async function changeRole(
	tx: Tx,
	actorId: string,
	input: { userId: string; role: AppRole }
): Promise<ChangeRoleOutcome> {
	if (input.userId === actorId && input.role !== 'admin') return 'own_admin_role';
	const rows = await tx.query(
		'update public.profiles set role = $2::public.app_role where id = $1 returning id',
		[input.userId, input.role]
	);
	if (rows.length !== 1) return 'not_found';
	const [user] = await tx.query<{ email: string }>(
		'select email from public.admin_list_users() where id = $1',
		[input.userId]
	);
	return { email: user?.email ?? '' };
}
