import type { Claims, Tx } from '$lib/server/db/types';

export type AppRole = 'resident' | 'wijkteam' | 'council' | 'admin';

/** The signed-in user as the pages see it; read through RLS with the user's own claims. */
export interface CurrentUser {
	id: string;
	email: string;
	role: AppRole;
	/** The wijkteams the user is a member of. */
	teamIds: string[];
}

/**
 * Reads the caller's role (private.current_app_role(), executable by authenticated) and team
 * memberships (team_members, readable by members) inside a transaction bound to their claims.
 * Null when the account has no profile: a token for a user who is gone counts as signed out.
 */
export async function loadCurrentUser(tx: Tx, claims: Claims): Promise<CurrentUser | null> {
	const [row] = await tx.query<{ role: AppRole | null; team_ids: string[] }>(
		`select private.current_app_role()::text as role,
		        coalesce((select array_agg(tm.team_id::text order by tm.team_id)
		                    from public.team_members tm
		                   where tm.user_id = (select auth.uid())), '{}') as team_ids`
	);
	if (!row?.role || !claims.sub) return null;
	return {
		id: claims.sub,
		email: typeof claims.email === 'string' ? claims.email : '',
		role: row.role,
		teamIds: row.team_ids
	};
}
