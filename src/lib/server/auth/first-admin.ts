// Promotes an existing account to admin, for `npm run make-admin -- <email>`: how the first admin
// comes to be, when no admin exists yet to give the role through /beheer/gebruikers. It runs as
// the database owner, like the migrator: an operator's tool on the server, never a request.
import type { Database } from '$lib/server/db/types';

export type PromoteOutcome =
	{ ok: true; userId: string; previousRole: string } | { ok: false; reason: 'unknown_email' };

export async function promoteToAdmin(db: Database, email: string): Promise<PromoteOutcome> {
	return db.asOwner(async (tx) => {
		const [user] = await tx.query<{ id: string }>(
			'select id from auth.users where lower(email) = lower($1)',
			[email.trim()]
		);
		if (!user) return { ok: false, reason: 'unknown_email' } as const;
		// An account made before the profile trigger existed may have no profile yet.
		const [before] = await tx.query<{ role: string }>(
			'select role::text as role from public.profiles where id = $1',
			[user.id]
		);
		await tx.query(
			`insert into public.profiles (id, role) values ($1, 'admin')
			 on conflict (id) do update set role = 'admin'`,
			[user.id]
		);
		return { ok: true, userId: user.id, previousRole: before?.role ?? 'none' } as const;
	});
}
