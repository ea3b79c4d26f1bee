import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { DEMO_GEMEENTE_CODE } from '../../src/lib/server/demo/generate-city';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/lib/server/demo/generate-people';
import {
	DemoCityExistsError,
	seedDemoCity,
	type SeedSummary
} from '../../src/lib/server/demo/seed';
import { SERVICE_ROLE_CLAIMS, type Claims, type Database } from '../../src/lib/server/db/types';
import { migratedDatabase } from './harness';

const NOW = new Date('2026-11-28T12:00:00Z');

describe('seedDemoCity', () => {
	let db: Database;
	let summary: SeedSummary;

	beforeAll(async () => {
		db = await migratedDatabase();
		const started = performance.now();
		summary = await seedDemoCity(db, { now: NOW });
		console.log(
			`Seeding the demo city took ${Math.round(performance.now() - started)} ms`,
			summary.counts
		);
	});
	afterAll(async () => {
		await db?.close();
	});

	const count = (table: string, where = 'true') =>
		db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			const [row] = await tx.query<{ n: number }>(
				`select count(*)::int as n from ${table} where ${where}`
			);
			return row.n;
		});

	it('writes every part of the city, as the summary says', async () => {
		expect(summary.gemeenteCode).toBe(DEMO_GEMEENTE_CODE);
		expect(await count('public.gemeenten', `code = '${DEMO_GEMEENTE_CODE}' and is_fictional`)).toBe(
			1
		);
		expect(await count('public.wijken')).toBe(summary.counts.wijken);
		expect(await count('public.buurten')).toBe(summary.counts.buurten);
		expect(await count('public.organisations')).toBe(summary.counts.organisations);
		expect(await count('public.initiatives')).toBe(summary.counts.initiatives);
		expect(await count('public.provisions')).toBe(summary.counts.provisions);
		expect(await count('public.teams')).toBe(4);
		expect(await count('public.volunteers')).toBe(summary.counts.volunteers);
		expect(await count('public.needs')).toBe(summary.counts.needs);
		expect(summary.counts.needs).toBeGreaterThanOrEqual(2900);
		expect(await count('public.initiative_themes')).toBeGreaterThanOrEqual(
			summary.counts.initiatives
		);
		expect(await count('public.volunteer_themes')).toBeGreaterThanOrEqual(
			summary.counts.volunteers
		);
	});

	it('covers every buurt with exactly one team', async () => {
		expect(await count('public.team_areas')).toBe(summary.counts.buurten);
		expect(
			await count(
				'public.buurten b',
				'not exists (select 1 from public.team_areas a where a.buurt_code = b.code)'
			)
		).toBe(0);
	});

	it('makes the demo accounts with their roles, teams and the documented password', async () => {
		const accounts = await db.asOwner((tx) =>
			tx.query<{ email: string; role: string; teams: number; encrypted_password: string }>(
				`select u.email, p.role::text as role, u.encrypted_password,
				        (select count(*)::int from public.team_members m where m.user_id = u.id) as teams
				   from auth.users u join public.profiles p on p.id = u.id order by u.email`
			)
		);
		expect(accounts.map(({ email, role, teams }) => ({ email, role, teams }))).toEqual(
			[...DEMO_ACCOUNTS]
				.sort((a, b) => (a.email < b.email ? -1 : 1))
				.map((a) => ({ email: a.email, role: a.role, teams: a.team ? 1 : 0 }))
		);
		// One hash for all six (argon2 is slow by design), and it matches the documented password.
		expect(new Set(accounts.map((a) => a.encrypted_password)).size).toBe(1);
		expect(await verifyPassword(accounts[0].encrypted_password, DEMO_PASSWORD)).toBe(true);
	});

	it('lets anon see published initiatives but not a single need', async () => {
		const seen = await db.withClaims(null, async (tx) => ({
			initiatives: (
				await tx.query<{ status: string }>('select status from public.initiatives')
			).map((r) => r.status)
		}));
		expect(seen.initiatives.length).toBe(await count('public.initiatives', `status = 'published'`));
		expect(seen.initiatives.length).toBeGreaterThan(100);
		expect(new Set(seen.initiatives)).toEqual(new Set(['published']));
		// Anon holds no select privilege on needs at all (20261128180000).
		await expect(
			db.withClaims(null, (tx) => tx.query('select id from public.needs'))
		).rejects.toMatchObject({ code: '42501' });
	});

	it('shows a wijkteam member the needs of their own buurten only', async () => {
		const [member] = await db.asOwner((tx) =>
			tx.query<{ id: string }>(
				`select id from auth.users where email = 'wijkteam@voorbeeldstad.example'`
			)
		);
		const claims: Claims = { role: 'authenticated', sub: member.id };
		const outside = await db.withClaims(claims, (tx) =>
			tx.query(
				`select n.id from public.needs n where not exists (
				   select 1 from public.team_areas a join public.team_members m on m.team_id = a.team_id
				   where m.user_id = $1 and a.buurt_code = n.buurt_code)`,
				[member.id]
			)
		);
		const visible = await db.withClaims(claims, (tx) => tx.query('select id from public.needs'));
		expect(outside).toHaveLength(0);
		expect(visible.length).toBeGreaterThan(100);
		expect(visible.length).toBeLessThan(summary.counts.needs);
	});

	it('stores the planted hot spots: many distinct households with open needs in 90 days', async () => {
		for (const spot of summary.hotSpots) {
			const households = await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
				const [row] = await tx.query<{ n: number }>(
					`select count(distinct household_key)::int as n from public.needs
					 where buurt_code = $1 and theme_code = $2 and status = 'open'
					   and reported_at >= $3::timestamptz - make_interval(days => $4)`,
					[spot.buurtCode, spot.themeCode, NOW.toISOString(), spot.windowDays]
				);
				return row.n;
			});
			expect(households).toBe(spot.households);
		}
	});

	it('refuses to seed the same city twice and leaves the data as it was', async () => {
		const before = await count('public.needs');
		await expect(seedDemoCity(db, { now: NOW })).rejects.toBeInstanceOf(DemoCityExistsError);
		expect(await count('public.needs')).toBe(before);
	});
});

describe('seedDemoCity after a seed that stopped half-way', () => {
	let db: Database;
	beforeAll(async () => {
		db = await migratedDatabase();
	});
	afterAll(async () => {
		await db?.close();
	});

	it('reuses demo accounts that already exist, under their own ids', async () => {
		// As if the accounts step had run and the main transaction had failed.
		const [existing] = await db.asOwner((tx) =>
			tx.query<{ id: string }>(
				`insert into auth.users (email, encrypted_password) values ('wijkteam@voorbeeldstad.example', 'x')
				 returning id`
			)
		);
		await seedDemoCity(db, { now: NOW });
		const [row] = await db.asOwner((tx) =>
			tx.query<{ users: number; role: string; teams: number }>(
				`select (select count(*)::int from auth.users) as users,
				        (select role::text from public.profiles where id = $1) as role,
				        (select count(*)::int from public.team_members where user_id = $1) as teams`,
				[existing.id]
			)
		);
		expect(row).toEqual({ users: DEMO_ACCOUNTS.length, role: 'wijkteam', teams: 1 });
	});
});
