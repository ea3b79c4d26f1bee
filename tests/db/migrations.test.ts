import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	applyPlatformShim,
	migrate,
	MigrationError,
	MIGRATIONS_DIR,
	readMigrations
} from '../../src/lib/server/db/migrator';
import { SERVICE_ROLE_CLAIMS, type Database } from '../../src/lib/server/db/types';
import { emptyDatabase, migratedDatabase } from './harness';

const migrations = readMigrations();

describe('migrations on an empty database', () => {
	let db: Database;
	beforeAll(async () => {
		db = await emptyDatabase();
	});
	afterAll(async () => {
		await db?.close();
	});

	it('apply in order and are recorded as the Supabase CLI records them', async () => {
		await applyPlatformShim(db);
		const result = await migrate(db);
		expect(result.applied).toEqual(migrations.map((m) => m.file));
		const rows = await db.asOwner((tx) =>
			tx.query<{ version: string; name: string }>(
				'select version, name from supabase_migrations.schema_migrations order by version'
			)
		);
		expect(rows).toEqual(migrations.map((m) => ({ version: m.version, name: m.name })));
	});

	it('are not applied a second time', async () => {
		const again = await migrate(db);
		expect(again.applied).toEqual([]);
		expect(again.skipped).toHaveLength(migrations.length);
		const [{ count }] = await db.asOwner((tx) =>
			tx.query<{ count: number }>('select count(*)::int as count from public.themes')
		);
		expect(count).toBe(10); // the seeded themes were not inserted twice
	});

	it('leave Row Level Security enabled on every table in public', async () => {
		const tables = await db.asOwner((tx) =>
			tx.query<{ relname: string; relrowsecurity: boolean }>(
				`select c.relname, c.relrowsecurity from pg_class c
				 join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = 'public' and c.relkind = 'r' order by 1`
			)
		);
		expect(tables.length).toBeGreaterThanOrEqual(17);
		expect(tables.filter((t) => !t.relrowsecurity)).toEqual([]);
	});
});

describe('a failing migration', () => {
	let db: Database;
	beforeAll(async () => {
		db = await emptyDatabase();
		await applyPlatformShim(db);
	});
	afterAll(async () => {
		await db?.close();
	});

	it('is rolled back whole, is not recorded, and the error names its file', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'bk-migrations-'));
		cpSync(MIGRATIONS_DIR, dir, { recursive: true });
		writeFileSync(
			join(dir, '29990101000000_broken.sql'),
			'create table public.half_done (id int);\ninsert into public.no_such_table values (1);\n'
		);
		const error = await migrate(db, readMigrations(dir)).catch((e: unknown) => e);
		rmSync(dir, { recursive: true, force: true });
		expect(error).toBeInstanceOf(MigrationError);
		expect((error as Error).message).toContain('29990101000000_broken.sql');
		const [state] = await db.asOwner((tx) =>
			tx.query<{ half_done: string | null; recorded: number }>(
				`select to_regclass('public.half_done')::text as half_done,
				 (select count(*)::int from supabase_migrations.schema_migrations where version = '29990101000000') as recorded`
			)
		);
		expect(state).toEqual({ half_done: null, recorded: 0 });
		// The migrations before it stay applied and recorded.
		const [{ count }] = await db.asOwner((tx) =>
			tx.query<{ count: number }>(
				'select count(*)::int as count from supabase_migrations.schema_migrations'
			)
		);
		expect(count).toBe(migrations.length);
	});
});

describe('Row Level Security on the migrated schema', () => {
	let db: Database;
	beforeAll(async () => {
		db = await migratedDatabase();
		await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			await tx.query(`insert into public.gemeenten (code, name) values ('GM9999', 'Testgemeente')`);
			await tx.query(
				`insert into public.wijken (code, gemeente_code, name) values ('WK999901', 'GM9999', 'Testwijk')`
			);
			await tx.query(
				`insert into public.buurten (code, wijk_code, gemeente_code, name, boundary, centroid_lon, centroid_lat,
				   min_lon, min_lat, max_lon, max_lat)
				 values ('BU99990101', 'WK999901', 'GM9999', 'Testbuurt',
				   '{"type":"Polygon","coordinates":[[[5,52],[5.01,52],[5.01,52.01],[5,52.01],[5,52]]]}',
				   5.005, 52.005, 5, 52, 5.01, 52.01)`
			);
			await tx.query(
				`insert into public.needs (theme_code, buurt_code, household_key, description)
				 values ('geldzaken', 'BU99990101', 'h1', 'private text')`
			);
			await tx.query(
				`insert into public.initiatives (buurt_code, name, status, lon, lat) values
				 ('BU99990101', 'Gepubliceerd', 'published', 5.005, 52.005),
				 ('BU99990101', 'Concept', 'draft', 5.005, 52.005)`
			);
		});
	});
	afterAll(async () => {
		await db?.close();
	});

	it('lets anon read geography, themes and published initiatives only', async () => {
		const seen = await db.withClaims(null, async (tx) => ({
			buurten: (await tx.query('select code from public.buurten')).length,
			themes: (await tx.query('select code from public.themes')).length,
			initiatives: (await tx.query<{ name: string }>('select name from public.initiatives')).map(
				(r) => r.name
			)
		}));
		expect(seen).toEqual({ buurten: 1, themes: 10, initiatives: ['Gepubliceerd'] });
	});

	it('hides needs from anon while service_role sees them', async () => {
		// Anon holds no select privilege on needs at all (20261128180000), so not even RLS is asked.
		const anon = db.withClaims(null, (tx) => tx.query('select id from public.needs'));
		await expect(anon).rejects.toMatchObject({ code: '42501' });
		const service = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query('select id from public.needs')
		);
		expect(service).toHaveLength(1);
	});

	it('refuses writes by anon outside reporting a need', async () => {
		const insert = db.withClaims(null, (tx) =>
			tx.query(
				`insert into public.themes (code, law, name_nl, name_en) values ('nep', 'geen', 'Nep', 'Fake')`
			)
		);
		await expect(insert).rejects.toThrow(/row-level security/);
		await db.withClaims(null, (tx) => tx.query(`update public.buurten set name = 'Overgenomen'`));
		await db.withClaims(null, (tx) => tx.query(`delete from public.initiatives`));
		const after = await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => ({
			buurt: (await tx.query<{ name: string }>('select name from public.buurten'))[0].name,
			initiatives: (await tx.query('select id from public.initiatives')).length,
			themes: (await tx.query('select code from public.themes')).length
		}));
		expect(after).toEqual({ buurt: 'Testbuurt', initiatives: 2, themes: 10 });
	});

	it('keeps signal_events append-only even for service_role', async () => {
		await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			const [team] = await tx.query<{ id: string }>(
				`insert into public.teams (gemeente_code, name) values ('GM9999', 'Team Test') returning id`
			);
			const [signal] = await tx.query<{ id: string }>(
				`insert into public.signals (team_id, theme_code, buurt_codes, title) values ($1, 'geldzaken', '{BU99990101}', 'Test') returning id`,
				[team.id]
			);
			await tx.query(
				`insert into public.signal_events (signal_id, kind) values ($1, 'aangemaakt')`,
				[signal.id]
			);
		});
		await expect(
			db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
				tx.query(`update public.signal_events set note = 'changed'`)
			)
		).rejects.toThrow(/append-only/);
		await expect(
			db.withClaims(SERVICE_ROLE_CLAIMS, (tx) => tx.query(`delete from public.signal_events`))
		).rejects.toThrow(/append-only/);
	});
});

describe('the audit trail and erasure', () => {
	let db: Database;
	beforeAll(async () => {
		db = await migratedDatabase();
	});
	afterAll(async () => {
		await db?.close();
	});

	it('refuses TRUNCATE of signal_events, yet lets erasure of an account and of a signal through', async () => {
		// auth.users belongs to the identity provider (GoTrue, or the embedded one): the owner writes it.
		const ids = await db.asOwner(async (tx) => {
			await tx.query(`insert into public.gemeenten (code, name) values ('GM9998', 'Gemeente')`);
			const [user] = await tx.query<{ id: string }>(
				`insert into auth.users (email) values ('lid@team.example') returning id`
			);
			const [team] = await tx.query<{ id: string }>(
				`insert into public.teams (gemeente_code, name) values ('GM9998', 'Team') returning id`
			);
			const [signal] = await tx.query<{ id: string }>(
				`insert into public.signals (team_id, theme_code, buurt_codes, title, created_by)
				 values ($1, 'voeding', '{BU99980101}', 'Signaal', $2) returning id`,
				[team.id, user.id]
			);
			await tx.query(
				`insert into public.signal_events (signal_id, actor_id, kind) values ($1, $2, 'aangemaakt')`,
				[signal.id, user.id]
			);
			return { user: user.id, signal: signal.id };
		});
		await expect(
			db.asOwner((tx) => tx.query('truncate public.signal_events cascade'))
		).rejects.toThrow(/append-only/);

		// Erasing the account keeps the event, without its actor.
		await db.asOwner((tx) => tx.query('delete from auth.users where id = $1', [ids.user]));
		const events = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ actor_id: string | null; kind: string }>(
				'select actor_id, kind from public.signal_events'
			)
		);
		expect(events).toEqual([{ actor_id: null, kind: 'aangemaakt' }]);

		// Deleting the signal takes its trail along.
		await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query('delete from public.signals where id = $1', [ids.signal])
		);
		const left = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query('select id from public.signal_events')
		);
		expect(left).toEqual([]);
	});
});
