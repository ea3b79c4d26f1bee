// The embedded identity provider, roles and the admin functions on a migrated database.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPlatformShim, EMBEDDED_AUTH_SHIM } from '../../src/lib/server/db/migrator';
import { SERVICE_ROLE_CLAIMS, type Claims, type Database } from '../../src/lib/server/db/types';
import * as idp from '../../src/lib/server/auth/embedded-provider';
import { loadCurrentUser } from '../../src/lib/server/auth/current-user';
import { promoteToAdmin } from '../../src/lib/server/auth/first-admin';
import { changeRole, listUsers } from '../../src/lib/server/admin/users';
import {
	addArea,
	addMember,
	createTeam,
	getTeam,
	listTeams,
	removeArea,
	removeMember,
	renameTeam
} from '../../src/lib/server/admin/teams';
import { wijkteamOverview } from '../../src/lib/server/workspace/overview';
import { gemeenteOverview } from '../../src/lib/server/planning/council-overview';
import { migratedDatabase } from './harness';

const PASSWORD = 'een lange zin als wachtwoord';
const SIGN_IN_URL = 'http://buurtkracht.test/inloggen';

let db: Database;

async function signUp(email: string, password = PASSWORD) {
	return idp.signUp(db, { email, password, locale: 'nl', signInUrl: SIGN_IN_URL });
}

async function userId(email: string): Promise<string> {
	const [row] = await db.asOwner((tx) =>
		tx.query<{ id: string }>('select id from auth.users where lower(email) = lower($1)', [email])
	);
	return row.id;
}

function claimsOf(id: string, email: string): Claims {
	return { role: 'authenticated', sub: id, email, aud: 'authenticated' };
}

async function as(email: string) {
	return claimsOf(await userId(email), email);
}

async function outbox(recipient: string) {
	return db.asOwner((tx) =>
		tx.query<{ kind: string; subject: string; body: string; link: string | null }>(
			'select kind, subject, body, link from auth.outbox where recipient = $1 order by id',
			[recipient]
		)
	);
}

async function setRole(email: string, role: string) {
	await db.asOwner((tx) =>
		tx.query(
			`update public.profiles set role = $2::public.app_role
			  where id = (select id from auth.users where lower(email) = lower($1))`,
			[email, role]
		)
	);
}

beforeAll(async () => {
	db = await migratedDatabase();
	// The PostgreSQL tier's template gets only platform.sql; the provider's tables are idempotent.
	await applyPlatformShim(db, [EMBEDDED_AUTH_SHIM]);
	await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		await tx.query(
			`insert into public.gemeenten (code, name) values ('GM9999', 'Teststad'), ('GM9998', 'Anderstad')`
		);
		await tx.query(
			`insert into public.wijken (code, gemeente_code, name) values
			 ('WK999901', 'GM9999', 'Noord'), ('WK999801', 'GM9998', 'Elders')`
		);
		const square =
			'{"type":"Polygon","coordinates":[[[5,52],[5.01,52],[5.01,52.01],[5,52.01],[5,52]]]}';
		await tx.query(
			`insert into public.buurten (code, wijk_code, gemeente_code, name, boundary, centroid_lon, centroid_lat,
			   min_lon, min_lat, max_lon, max_lat) values
			 ('BU99990101', 'WK999901', 'GM9999', 'Eikenbuurt', $1, 5.005, 52.005, 5, 52, 5.01, 52.01),
			 ('BU99990102', 'WK999901', 'GM9999', 'Beukenbuurt', $1, 5.005, 52.005, 5, 52, 5.01, 52.01),
			 ('BU99980101', 'WK999801', 'GM9998', 'Verweg', $1, 5.005, 52.005, 5, 52, 5.01, 52.01)`,
			[square]
		);
		await tx.query(
			`insert into public.needs (theme_code, buurt_code, household_key) values
			 ('geldzaken', 'BU99990101', 'h1'), ('geldzaken', 'BU99990101', 'h2'),
			 ('geldzaken', 'BU99990102', 'h3'), ('geldzaken', 'BU99980101', 'h4')`
		);
		await tx.query(
			`insert into public.provisions (buurt_code, theme_code, name, status, lon, lat, weekly_capacity) values
			 ('BU99990101', 'geldzaken', 'Formulierenhulp', 'published', 5.005, 52.005, 20),
			 ('BU99990101', 'geldzaken', 'Schuldhulp-spreekuur', 'draft', 5.005, 52.005, 10)`
		);
	});
}, 120_000);

afterAll(async () => {
	await db?.close();
});

describe('sign-up', () => {
	it('stores the address in lower case with an argon2id hash, and gives a resident profile', async () => {
		expect(await signUp('Anna@Example.NL')).toEqual({ created: true });
		const [user] = await db.asOwner((tx) =>
			tx.query<{ email: string; encrypted_password: string; role: string }>(
				`select u.email, u.encrypted_password, p.role::text as role
				   from auth.users u join public.profiles p on p.id = u.id where u.email = 'anna@example.nl'`
			)
		);
		expect(user.encrypted_password).toMatch(/^\$argon2id\$/);
		expect(user.encrypted_password).not.toContain(PASSWORD);
		expect(user.role).toBe('resident');
	});

	it('does not reveal an existing address: nothing changes, and the owner gets a notice', async () => {
		await signUp('bram@example.nl');
		const before = await db.asOwner((tx) =>
			tx.query<{ encrypted_password: string }>(
				`select encrypted_password from auth.users where email = 'bram@example.nl'`
			)
		);
		const again = await signUp('BRAM@example.nl', 'een ander lang wachtwoord');
		expect(again).toEqual({ created: false }); // the page shows the same text for both
		const after = await db.asOwner((tx) =>
			tx.query<{ encrypted_password: string }>(
				`select encrypted_password from auth.users where email = 'bram@example.nl'`
			)
		);
		expect(after).toEqual(before);
		const mail = await outbox('bram@example.nl');
		expect(mail.map((m) => m.kind)).toEqual(['sign_up_existing']);
		expect(mail[0].body).toContain(SIGN_IN_URL);
		const attempt = await idp.signIn(db, {
			email: 'bram@example.nl',
			password: 'een ander lang wachtwoord',
			address: '198.51.100.1'
		});
		expect(attempt).toEqual({ ok: false, reason: 'invalid' });
	});
});

describe('sign-in', () => {
	beforeAll(async () => {
		await signUp('carla@example.nl');
	});

	it('accepts the right password, in any letter case of the address', async () => {
		const result = await idp.signIn(db, {
			email: ' Carla@Example.nl ',
			password: PASSWORD,
			address: '198.51.100.2'
		});
		expect(result).toEqual({
			ok: true,
			user: { id: await userId('carla@example.nl'), email: 'carla@example.nl' }
		});
	});

	it('answers a wrong password and an unknown address in exactly the same way', async () => {
		const wrong = await idp.signIn(db, {
			email: 'carla@example.nl',
			password: 'niet het wachtwoord',
			address: '198.51.100.2'
		});
		const unknown = await idp.signIn(db, {
			email: 'niemand@example.nl',
			password: PASSWORD,
			address: '198.51.100.2'
		});
		expect(wrong).toEqual({ ok: false, reason: 'invalid' });
		expect(unknown).toEqual(wrong);
	});
});

describe('throttling failed sign-ins', () => {
	it('refuses the 6th attempt on an account within 15 minutes, even with the right password', async () => {
		await signUp('dirk@example.nl');
		for (let i = 0; i < 5; i++) {
			// From different addresses: the account's count does not depend on where they come from.
			const result = await idp.signIn(db, {
				email: 'dirk@example.nl',
				password: `fout-${i}`,
				address: `203.0.113.${i + 1}`
			});
			expect(result).toEqual({ ok: false, reason: 'invalid' });
		}
		const sixth = await idp.signIn(db, {
			email: 'dirk@example.nl',
			password: PASSWORD,
			address: '203.0.113.99'
		});
		expect(sixth).toEqual({ ok: false, reason: 'throttled', retryAfterMinutes: 15 });

		// Once the failures are older than the window, the right password works again.
		await db.asOwner((tx) =>
			tx.query(
				`update auth.sign_in_failures set failed_at = failed_at - interval '16 minutes'
				  where email = 'dirk@example.nl'`
			)
		);
		const later = await idp.signIn(db, {
			email: 'dirk@example.nl',
			password: PASSWORD,
			address: '203.0.113.99'
		});
		expect(later.ok).toBe(true);
		// A success clears the account's failures.
		const [{ count }] = await db.asOwner((tx) =>
			tx.query<{ count: number }>(
				`select count(*)::int as count from auth.sign_in_failures where email = 'dirk@example.nl'`
			)
		);
		expect(count).toBe(0);
	});

	it('holds when the attempts come in parallel (the count is taken before argon2 runs)', async () => {
		await signUp('parallel@example.nl');
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) =>
				idp.signIn(db, {
					email: 'parallel@example.nl',
					password: `fout-${i}`,
					address: `203.0.113.${100 + i}`
				})
			)
		);
		const reasons = results.map((r) => (r.ok ? 'ok' : r.reason));
		expect(reasons.filter((r) => r === 'invalid')).toHaveLength(idp.THROTTLE.perAccount);
		expect(reasons.filter((r) => r === 'throttled')).toHaveLength(10 - idp.THROTTLE.perAccount);
	});

	it('says how many minutes are left', async () => {
		await signUp('eva@example.nl');
		for (let i = 0; i < 5; i++) {
			await idp.signIn(db, { email: 'eva@example.nl', password: 'fout', address: '203.0.113.50' });
		}
		await db.asOwner((tx) =>
			tx.query(
				`update auth.sign_in_failures set failed_at = failed_at - interval '11 minutes'
				  where email = 'eva@example.nl'`
			)
		);
		const result = await idp.signIn(db, {
			email: 'eva@example.nl',
			password: PASSWORD,
			address: '203.0.113.51'
		});
		expect(result).toEqual({ ok: false, reason: 'throttled', retryAfterMinutes: 4 });
	});

	it('also limits one client address guessing across many accounts', async () => {
		await signUp('fatima@example.nl');
		const address = '192.0.2.77';
		for (let i = 0; i < idp.THROTTLE.perAddress; i++) {
			const result = await idp.signIn(db, {
				email: `gok-${i}@example.nl`,
				password: 'raden',
				address
			});
			expect(result.ok).toBe(false);
		}
		const fromThatAddress = await idp.signIn(db, {
			email: 'fatima@example.nl',
			password: PASSWORD,
			address
		});
		expect(fromThatAddress).toMatchObject({ ok: false, reason: 'throttled' });
		const fromElsewhere = await idp.signIn(db, {
			email: 'fatima@example.nl',
			password: PASSWORD,
			address: '192.0.2.78'
		});
		expect(fromElsewhere.ok).toBe(true);
	});
});

describe('password reset', () => {
	const resetUrl = (token: string) =>
		`http://buurtkracht.test/wachtwoord-herstellen?token=${token}`;
	const tokenFrom = (link: string | null) => new URL(link!).searchParams.get('token')!;

	beforeAll(async () => {
		await signUp('gert@example.nl');
	});

	it('writes nothing for an unknown address', async () => {
		await idp.requestPasswordReset(db, { email: 'onbekend@example.nl', locale: 'nl', resetUrl });
		expect(await outbox('onbekend@example.nl')).toEqual([]);
	});

	it('puts a one-time link in the outbox and stores only the token’s hash', async () => {
		await idp.requestPasswordReset(db, { email: 'Gert@example.nl', locale: 'en', resetUrl });
		const [mail] = await outbox('gert@example.nl');
		expect(mail.kind).toBe('password_reset');
		expect(mail.subject).toBe('Choose a new password for Buurtkracht'); // in the asker's language
		expect(mail.body).toContain(mail.link!);
		const token = tokenFrom(mail.link);
		expect(token.length).toBeGreaterThanOrEqual(43);
		const stored = await db.asOwner((tx) =>
			tx.query<{ token_hash: string }>('select token_hash from auth.password_resets')
		);
		expect(stored.map((row) => row.token_hash)).not.toContain(token);
		expect(await idp.resetTokenIsValid(db, token)).toBe(true);

		const newPassword = 'mijn nieuwe lange wachtwoord';
		const result = await idp.resetPassword(db, { token, password: newPassword });
		expect(result).toEqual({
			ok: true,
			user: { id: await userId('gert@example.nl'), email: 'gert@example.nl' }
		});
		const signIn = (password: string) =>
			idp.signIn(db, { email: 'gert@example.nl', password, address: '198.51.100.9' });
		expect((await signIn(newPassword)).ok).toBe(true);
		expect((await signIn(PASSWORD)).ok).toBe(false);

		// Single use.
		expect(await idp.resetTokenIsValid(db, token)).toBe(false);
		expect(await idp.resetPassword(db, { token, password: 'nog een ander wachtwoord' })).toEqual({
			ok: false
		});
		expect((await signIn(newPassword)).ok).toBe(true);
	});

	it('refuses an expired token, and using one token voids the others', async () => {
		const request = async () => {
			await idp.requestPasswordReset(db, { email: 'gert@example.nl', locale: 'nl', resetUrl });
			return tokenFrom((await outbox('gert@example.nl')).at(-1)!.link);
		};
		const expired = await request();
		await db.asOwner((tx) =>
			tx.query(
				`update auth.password_resets set expires_at = now() - interval '1 second'
				  where token_hash = $1`,
				[createHash('sha256').update(expired).digest('hex')]
			)
		);
		expect(await idp.resetTokenIsValid(db, expired)).toBe(false);
		expect(
			await idp.resetPassword(db, { token: expired, password: 'verlopen wachtwoord!' })
		).toEqual({
			ok: false
		});

		const first = await request();
		const second = await request();
		expect(await idp.resetTokenIsValid(db, first)).toBe(true);
		expect(
			(await idp.resetPassword(db, { token: second, password: 'weer een nieuw wachtwoord' })).ok
		).toBe(true);
		expect(await idp.resetTokenIsValid(db, first)).toBe(false);
		expect(
			await idp.resetPassword(db, { token: first, password: 'nog eens een wachtwoord' })
		).toEqual({
			ok: false
		});
	});

	it('refuses made-up tokens', async () => {
		expect(await idp.resetTokenIsValid(db, 'verzonnen')).toBe(false);
		expect(
			await idp.resetPassword(db, { token: 'verzonnen', password: 'wat dan ook lang' })
		).toEqual({
			ok: false
		});
	});
});

describe('change password', () => {
	it('needs the current password, then takes the new one and sends a notice', async () => {
		await signUp('hanna@example.nl');
		const id = await userId('hanna@example.nl');
		const wrong = await idp.changePassword(db, {
			userId: id,
			current: 'niet mijn wachtwoord',
			next: 'een gloednieuw wachtwoord',
			address: '198.51.100.20',
			locale: 'nl'
		});
		expect(wrong).toEqual({ ok: false, reason: 'wrong_password' });
		const right = await idp.changePassword(db, {
			userId: id,
			current: PASSWORD,
			next: 'een gloednieuw wachtwoord',
			address: '198.51.100.20',
			locale: 'nl'
		});
		expect(right).toEqual({ ok: true });
		const signIn = (password: string) =>
			idp.signIn(db, { email: 'hanna@example.nl', password, address: '198.51.100.21' });
		expect((await signIn('een gloednieuw wachtwoord')).ok).toBe(true);
		expect((await signIn(PASSWORD)).ok).toBe(false);
		expect((await outbox('hanna@example.nl')).map((m) => m.kind)).toEqual(['password_changed']);
	});
});

describe('what API roles may touch in schema auth', () => {
	it('gives authenticated and anon no access to users, tokens, outbox or failures', async () => {
		await signUp('iris@example.nl');
		const claims = await as('iris@example.nl');
		for (const table of ['users', 'password_resets', 'outbox', 'sign_in_failures']) {
			for (const who of [claims, null]) {
				await expect(
					db.withClaims(who, (tx) => tx.query(`select * from auth.${table}`)),
					`${who?.role ?? 'anon'} on auth.${table}`
				).rejects.toThrow(/permission denied/);
			}
		}
	});
});

describe('roles', () => {
	beforeAll(async () => {
		await signUp('admin@example.nl');
		await signUp('raad@example.nl');
		await signUp('wijk@example.nl');
		await signUp('bewoner@example.nl');
		expect((await promoteToAdmin(db, 'Admin@example.nl')).ok).toBe(true);
		await setRole('raad@example.nl', 'council');
	});

	it('promoteToAdmin (npm run make-admin) makes an existing account admin, and knows no one else', async () => {
		expect(await promoteToAdmin(db, 'niemand@example.nl')).toEqual({
			ok: false,
			reason: 'unknown_email'
		});
		const again = await promoteToAdmin(db, 'admin@example.nl');
		expect(again).toMatchObject({ ok: true, previousRole: 'admin' });
	});

	it('reach the pages through the caller’s own claims: role and teams', async () => {
		const claims = await as('raad@example.nl');
		const user = await db.withClaims(claims, (tx) => loadCurrentUser(tx, claims));
		expect(user).toEqual({
			id: claims.sub,
			email: 'raad@example.nl',
			role: 'council',
			teamIds: []
		});
		const ghost = claimsOf('00000000-0000-4000-8000-00000000dead', 'weg@example.nl');
		expect(await db.withClaims(ghost, (tx) => loadCurrentUser(tx, ghost))).toBeNull();
	});

	it('admin_list_users() shows addresses and roles to admins, and raises for anyone else', async () => {
		const admin = await as('admin@example.nl');
		const users = await db.withClaims(admin, listUsers);
		expect(users.find((u) => u.email === 'raad@example.nl')?.role).toBe('council');
		expect(users.find((u) => u.email === 'admin@example.nl')?.role).toBe('admin');

		const resident = await as('bewoner@example.nl');
		await expect(db.withClaims(resident, listUsers)).rejects.toThrow(/only administrators/);
		await expect(db.withClaims(null, listUsers)).rejects.toThrow(/permission denied/);
	});

	it('lets an admin change another user’s role, but not take away their own admin role', async () => {
		const admin = await as('admin@example.nl');
		const wijk = await userId('wijk@example.nl');
		expect(
			await db.withClaims(admin, (tx) =>
				changeRole(tx, admin.sub!, { userId: wijk, role: 'wijkteam' })
			)
		).toEqual({ email: 'wijk@example.nl' });
		expect(
			await db.withClaims(admin, (tx) =>
				changeRole(tx, admin.sub!, { userId: admin.sub!, role: 'resident' })
			)
		).toBe('own_admin_role');
		// The database refuses it as well, whatever the code above does.
		await expect(
			db.withClaims(admin, (tx) =>
				tx.query(`update public.profiles set role = 'resident' where id = $1`, [admin.sub])
			)
		).rejects.toThrow(/cannot remove their own admin role/);
		await expect(
			db.withClaims(admin, (tx) =>
				tx.query(`delete from public.profiles where id = $1`, [admin.sub])
			)
		).rejects.toThrow(/cannot remove their own admin role/);
	});

	it('does not let a non-admin change roles, their own included', async () => {
		const resident = await as('bewoner@example.nl');
		const other = await userId('raad@example.nl');
		expect(
			await db.withClaims(resident, (tx) =>
				changeRole(tx, resident.sub!, { userId: other, role: 'resident' })
			)
		).toBe('not_found');
		await expect(
			db.withClaims(resident, (tx) =>
				changeRole(tx, resident.sub!, { userId: resident.sub!, role: 'admin' })
			)
		).rejects.toThrow(/row-level security/);
		const [{ role }] = await db.asOwner((tx) =>
			tx.query<{ role: string }>('select role::text as role from public.profiles where id = $1', [
				resident.sub
			])
		);
		expect(role).toBe('resident');
	});
});

describe('teams, members and buurten (admin pages)', () => {
	let teamId: string;

	beforeAll(async () => {
		for (const email of ['beheer@example.nl', 'lid@example.nl', 'buiten@example.nl']) {
			await signUp(email);
		}
		await promoteToAdmin(db, 'beheer@example.nl');
	});

	it('creates and renames teams, refusing a duplicate name in the same gemeente', async () => {
		const admin = await as('beheer@example.nl');
		const created = await db.withClaims(admin, (tx) =>
			createTeam(tx, { name: 'Wijkteam Noord', gemeenteCode: 'GM9999' })
		);
		expect(created.ok).toBe(true);
		teamId = created.ok ? created.id : '';
		await db.withClaims(admin, (tx) =>
			createTeam(tx, { name: 'Wijkteam Zuid', gemeenteCode: 'GM9999' })
		);
		expect(
			await db.withClaims(admin, (tx) =>
				createTeam(tx, { name: 'Wijkteam Noord', gemeenteCode: 'GM9999' })
			)
		).toEqual({ ok: false, reason: 'duplicate' });
		expect(
			await db.withClaims(admin, (tx) => createTeam(tx, { name: 'X', gemeenteCode: 'GM0000' }))
		).toEqual({ ok: false, reason: 'not_found' });
		expect(
			await db.withClaims(admin, (tx) => renameTeam(tx, { teamId, name: 'Wijkteam Zuid' }))
		).toEqual({ ok: false, reason: 'duplicate' });
		expect(
			await db.withClaims(admin, (tx) => renameTeam(tx, { teamId, name: 'Wijkteam Noord-Oost' }))
		).toEqual({ ok: true, id: teamId });
		const teams = await db.withClaims(admin, listTeams);
		expect(teams.map((t) => t.name)).toEqual(['Wijkteam Noord-Oost', 'Wijkteam Zuid']);
	});

	it('adds members by address and buurten of the team’s own gemeente, and removes them', async () => {
		const admin = await as('beheer@example.nl');
		const run = <T>(fn: Parameters<Database['withClaims']>[1]) =>
			db.withClaims(admin, fn) as Promise<T>;
		expect(
			await run((tx) => addMember(tx, { teamId, email: 'LID@example.nl', roleInTeam: 'lid' }))
		).toBe('added');
		expect(
			await run((tx) => addMember(tx, { teamId, email: 'lid@example.nl', roleInTeam: 'lid' }))
		).toBe('already_member');
		expect(
			await run((tx) => addMember(tx, { teamId, email: 'nobody@example.nl', roleInTeam: 'lid' }))
		).toBe('unknown_email');
		expect(
			await run((tx) =>
				addMember(tx, { teamId, email: 'buiten@example.nl', roleInTeam: 'coordinator' })
			)
		).toBe('added');
		expect(await run((tx) => addArea(tx, { teamId, buurtCode: 'BU99990101' }))).toBe('added');
		expect(await run((tx) => addArea(tx, { teamId, buurtCode: 'BU99990102' }))).toBe('added');
		// A buurt of another gemeente is not this team's to serve.
		expect(await run((tx) => addArea(tx, { teamId, buurtCode: 'BU99980101' }))).toBe('not_found');

		const team = await db.withClaims(admin, (tx) => getTeam(tx, teamId));
		expect(team?.members.map((m) => m.email)).toEqual(['buiten@example.nl', 'lid@example.nl']);
		expect(team?.buurten.map((b) => b.code).sort()).toEqual(['BU99990101', 'BU99990102']);
		expect(team?.otherBuurten).toEqual([]);

		const buiten = await userId('buiten@example.nl');
		expect(await run((tx) => removeMember(tx, { teamId, userId: buiten }))).toBe(true);
		expect(await run((tx) => removeArea(tx, { teamId, buurtCode: 'BU99990102' }))).toBe(true);
		const after = await db.withClaims(admin, (tx) => getTeam(tx, teamId));
		expect(after?.members.map((m) => m.email)).toEqual(['lid@example.nl']);
		expect(after?.buurten.map((b) => b.code)).toEqual(['BU99990101']);
		expect(after?.otherBuurten.map((b) => b.code)).toEqual(['BU99990102']);
	});

	it('refuses the same writes to anyone but an admin', async () => {
		const member = await as('lid@example.nl');
		await expect(
			db.withClaims(member, (tx) => createTeam(tx, { name: 'Eigen team', gemeenteCode: 'GM9999' }))
		).rejects.toThrow(/row-level security/);
		await expect(
			db.withClaims(member, (tx) => addArea(tx, { teamId, buurtCode: 'BU99990102' }))
		).rejects.toThrow(/row-level security/);
		expect(
			await db.withClaims(member, (tx) => renameTeam(tx, { teamId, name: 'Overgenomen' }))
		).toEqual({ ok: false, reason: 'not_found' });
		await expect(
			db.withClaims(member, (tx) =>
				addMember(tx, { teamId, email: 'buiten@example.nl', roleInTeam: 'lid' })
			)
		).rejects.toThrow(/only administrators/);
	});

	it('shows a member their team, its buurten and the needs they may read per buurt', async () => {
		const member = await as('lid@example.nl');
		const user = await db.withClaims(member, (tx) => loadCurrentUser(tx, member));
		expect(user?.teamIds).toEqual([teamId]);
		const overview = await db.withClaims(member, wijkteamOverview);
		expect(overview.teams).toEqual([
			{
				id: teamId,
				name: 'Wijkteam Noord-Oost',
				gemeenteName: 'Teststad',
				buurten: [{ code: 'BU99990101', name: 'Eikenbuurt', needs: 2 }]
			}
		]);
		const outsider = await as('buiten@example.nl');
		expect((await db.withClaims(outsider, wijkteamOverview)).teams).toEqual([]);
	});

	it('shows council the provisions including drafts, and a resident none of the drafts', async () => {
		const council = await as('raad@example.nl');
		const overview = await db.withClaims(council, gemeenteOverview);
		expect(overview.provisions).toEqual({ published: 1, draft: 1, archived: 0 });
		expect(overview.gemeenten.find((g) => g.code === 'GM9999')?.buurten).toBe(2);
		const resident = await as('bewoner@example.nl');
		expect((await db.withClaims(resident, gemeenteOverview)).provisions.draft).toBe(0);
	});
});
