import { hashPassword } from '$lib/server/auth/password';
import { SERVICE_ROLE_CLAIMS, type Database, type Tx } from '$lib/server/db/types';
import { storeBuurtAdjacency } from '$lib/server/geo/buurt-adjacency';
import { demoChecksum } from './checksum';
import { DEMO_GEMEENTE_CODE, DEMO_SEED, generateDemoCity } from './generate-city';
import { DEMO_PASSWORD } from './generate-people';
import type { DemoCity, DemoHotSpot } from './types';

export { demoChecksum } from './checksum';

/** Raised when the database already holds the demo gemeente: seeding twice is refused. */
export class DemoCityExistsError extends Error {
	constructor(readonly gemeenteCode: string) {
		super(
			`The demo city (${gemeenteCode}) is already in this database. ` +
				'To start over with the embedded database, run: npm run db:reset'
		);
		this.name = 'DemoCityExistsError';
	}
}

export interface SeedOptions {
	seed?: number;
	/** Reference date for the needs' dates; defaults to the current time. */
	now?: Date;
}

export interface SeedSummary {
	gemeenteCode: string;
	seed: number;
	now: string;
	/** demoChecksum of the generated data (before user ids are matched to existing accounts). */
	checksum: string;
	counts: {
		users: number;
		wijken: number;
		buurten: number;
		organisations: number;
		initiatives: number;
		provisions: number;
		teams: number;
		volunteers: number;
		needs: number;
	};
	hotSpots: DemoHotSpot[];
}

/**
 * One statement for all rows of a table: the rows travel as one JSON parameter and
 * jsonb_to_recordset turns them back into typed columns. This is the same on PGlite and
 * PostgreSQL, and thousands of rows take milliseconds instead of a round trip each.
 * `columns` is a column definition list ("code text, lon double precision"); table and column
 * names come from this module, never from input. The parameter is cast via text because
 * postgres.js JSON-encodes a value it is told is jsonb, and would turn the string into a JSON string.
 */
async function insertRows(
	tx: Tx,
	table: string,
	columns: string,
	rows: readonly object[],
	onConflict = ''
): Promise<number> {
	if (rows.length === 0) return 0;
	const names = columns
		.split(',')
		.map((column) => column.trim().split(/\s+/)[0])
		.join(', ');
	await tx.query(
		`insert into ${table} (${names})
		 select ${names} from jsonb_to_recordset($1::text::jsonb) as x(${columns}) ${onConflict}`,
		[JSON.stringify(rows)]
	);
	return rows.length;
}

const OFFER_COLUMNS = `id uuid, organisation_id uuid, buurt_code text, name text, description text,
	how_to_join text, lon double precision, lat double precision, address text, postcode text,
	schedule jsonb, contact_email text, contact_phone text, website text, accessibility text[],
	languages text[]`;

/**
 * The demo accounts in auth.users, as the schema owner: auth.users belongs to the platform
 * (supabase_admin in the shim, GoTrue in a Supabase project) and the API roles, service_role
 * included, have no privileges on it. Accounts that already exist (left by a seed that failed
 * after this step) are kept and their ids reused. Returns generated id → actual id.
 */
async function ensureAccounts(db: Database, city: DemoCity): Promise<Map<string, string>> {
	const passwordHash = await hashPassword(DEMO_PASSWORD); // once for all: argon2 is slow on purpose
	return db.asOwner(async (tx) => {
		const existing = await tx.query<{ id: string; email: string }>(
			`select id, lower(email) as email from auth.users
			 where lower(email) in (select jsonb_array_elements_text($1::text::jsonb))`,
			[JSON.stringify(city.accounts.map((a) => a.email.toLowerCase()))]
		);
		const found = new Map(existing.map((row) => [row.email, row.id]));
		// The trigger on auth.users gives each new account a resident profile; the main step then
		// sets the demo role.
		await insertRows(
			tx,
			'auth.users',
			'id uuid, email text, encrypted_password text, email_confirmed_at timestamptz, raw_app_meta_data jsonb',
			city.accounts
				.filter((a) => !found.has(a.email.toLowerCase()))
				.map((a) => ({
					id: a.id,
					email: a.email.toLowerCase(),
					encrypted_password: passwordHash,
					email_confirmed_at: city.now,
					raw_app_meta_data: { provider: 'email', providers: ['email'] }
				}))
		);
		return new Map(city.accounts.map((a) => [a.id, found.get(a.email.toLowerCase()) ?? a.id]));
	});
}

/** Writes everything but the accounts, in the caller's (service_role) transaction. */
async function writeCity(
	tx: Tx,
	city: DemoCity,
	user: (id: string | null) => string | null
): Promise<SeedSummary['counts']> {
	const present = await tx.query('select 1 from public.gemeenten where code = $1', [
		city.gemeente.code
	]);
	if (present.length > 0) throw new DemoCityExistsError(city.gemeente.code);

	await insertRows(
		tx,
		'public.gemeenten',
		'code text, name text, is_fictional boolean, source text',
		[city.gemeente]
	);
	const wijken = await insertRows(
		tx,
		'public.wijken',
		`code text, gemeente_code text, name text, boundary jsonb, centroid_lon double precision,
		 centroid_lat double precision`,
		city.wijken
	);
	const buurten = await insertRows(
		tx,
		'public.buurten',
		`code text, wijk_code text, gemeente_code text, name text, boundary jsonb,
		 centroid_lon double precision, centroid_lat double precision, min_lon double precision,
		 min_lat double precision, max_lon double precision, max_lat double precision,
		 inhabitants integer, households integer, average_household_size numeric,
		 pct_age_0_14 smallint, pct_age_15_24 smallint, pct_age_25_44 smallint,
		 pct_age_45_64 smallint, pct_age_65_plus smallint, pct_one_person_households smallint,
		 pct_households_with_children smallint, social_assistance_benefits integer,
		 disability_benefits integer, unemployment_benefits integer, pension_benefits integer,
		 land_area_ha numeric, key_figures_year smallint`,
		city.buurten
	);
	const organisations = await insertRows(
		tx,
		'public.organisations',
		'id uuid, gemeente_code text, name text, kind text, website text, email text, phone text',
		city.organisations
	);
	const initiatives = await insertRows(
		tx,
		'public.initiatives',
		`${OFFER_COLUMNS}, status public.initiative_status, created_by uuid, published_at timestamptz`,
		city.initiatives.map((i) => ({ ...i, created_by: user(i.created_by) }))
	);
	await insertRows(
		tx,
		'public.initiative_themes',
		'initiative_id uuid, theme_code text',
		city.initiatives.flatMap((i) =>
			i.theme_codes.map((theme_code) => ({ initiative_id: i.id, theme_code }))
		)
	);
	const provisions = await insertRows(
		tx,
		'public.provisions',
		`${OFFER_COLUMNS}, theme_code text, status public.provision_status, weekly_capacity integer,
		 catchment_minutes smallint`,
		city.provisions
	);
	// An upsert: the trigger on auth.users has already made a resident profile for each account.
	await insertRows(
		tx,
		'public.profiles',
		'id uuid, role public.app_role, display_name text, locale text, gemeente_code text',
		city.accounts.map((a) => ({ ...a, id: user(a.id), gemeente_code: city.gemeente.code })),
		`on conflict (id) do update set role = excluded.role, display_name = excluded.display_name,
		   locale = excluded.locale, gemeente_code = excluded.gemeente_code`
	);
	const teams = await insertRows(
		tx,
		'public.teams',
		'id uuid, gemeente_code text, name text',
		city.teams
	);
	await insertRows(
		tx,
		'public.team_areas',
		'team_id uuid, buurt_code text',
		city.teams.flatMap((t) => t.buurt_codes.map((buurt_code) => ({ team_id: t.id, buurt_code })))
	);
	await insertRows(
		tx,
		'public.team_members',
		'team_id uuid, user_id uuid, role_in_team text',
		city.accounts
			.filter((a) => a.team_name !== null)
			.map((a) => ({
				team_id: city.teams.find((t) => t.name === a.team_name)!.id,
				user_id: user(a.id),
				role_in_team: a.role_in_team
			}))
	);
	const volunteers = await insertRows(
		tx,
		'public.volunteers',
		`id uuid, user_id uuid, display_name text, home_buurt_code text, skills text[],
		 availability jsonb, hours_per_week smallint, active boolean`,
		city.volunteers.map((v) => ({ ...v, user_id: user(v.user_id) }))
	);
	await insertRows(
		tx,
		'public.volunteer_themes',
		'volunteer_id uuid, theme_code text',
		city.volunteers.flatMap((v) =>
			v.theme_codes.map((theme_code) => ({ volunteer_id: v.id, theme_code }))
		)
	);
	const needs = await insertRows(
		tx,
		'public.needs',
		`id uuid, theme_code text, buurt_code text, reporter_id uuid, household_key text,
		 description text, point_lon double precision, point_lat double precision,
		 household_size smallint, contact_consent boolean, contact_method text, contact_value text,
		 status public.need_status, reported_at timestamptz, expires_at timestamptz`,
		// A signed-in reporter's household key is their account id (see the needs table).
		city.needs.map((n) => ({
			...n,
			reporter_id: user(n.reporter_id),
			household_key: n.reporter_id ? user(n.reporter_id) : n.household_key
		}))
	);
	// Which buurten border each other, for the wijkteams' shared-need detection.
	await storeBuurtAdjacency(tx, city.gemeente.code);
	const users = city.accounts.length;
	return {
		users,
		wijken,
		buurten,
		organisations,
		initiatives,
		provisions,
		teams,
		volunteers,
		needs
	};
}

/**
 * Writes the demo city Voorbeeldstad. The demo accounts go into auth.users first (as the owner,
 * see ensureAccounts); everything else is written in one transaction as service_role, so a
 * failure leaves no half-seeded gemeente and the seed can simply run again. Refuses with
 * DemoCityExistsError when the demo gemeente is already there.
 */
export async function seedDemoCity(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
	const seed = options.seed ?? DEMO_SEED;
	const city = generateDemoCity({ seed, now: options.now ?? new Date() });
	const checksum = demoChecksum(city);

	const present = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
		tx.query('select 1 from public.gemeenten where code = $1', [DEMO_GEMEENTE_CODE])
	);
	if (present.length > 0) throw new DemoCityExistsError(DEMO_GEMEENTE_CODE);

	const userIds = await ensureAccounts(db, city);
	const user = (id: string | null) => (id === null ? null : (userIds.get(id) ?? id));
	const counts = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) => writeCity(tx, city, user));
	return {
		gemeenteCode: DEMO_GEMEENTE_CODE,
		seed,
		now: city.now,
		checksum,
		counts,
		hotSpots: city.hotSpots
	};
}
