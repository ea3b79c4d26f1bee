/**
 * The policy matrix: proof that Row Level Security holds for every table in schema public, for
 * every actor, for select, insert, update and delete.
 *
 * ACTORS (8): anon (no JWT); residentA and residentB (plain residents); wijkteamX and wijkteamY
 * (members of wijkteam X / Y, whose team_areas hold buurt X / Y); council (profile role
 * 'council'); admin (profile role 'admin'); service (service_role, which bypasses RLS).
 *
 * VOCABULARY. Each cell of the table below holds one code. A code is a union ('+') of
 * conjunctions ('&') of terms; '&' binds tighter than '+' ('own&proposal+area' means "own rows
 * that are proposals, or rows in the area"). A term is true of a fixture row or attempted write
 * by its facts (tests/db/fixtures/policy-world.ts):
 *
 *   all            every row / every attempt            none    no row / no attempt
 *   denied         no attempt may take effect, not even for a role that bypasses RLS (the
 *                  append-only trigger); only for insert/update/delete
 *   own            the row belongs to, or is written in the name of, the actor
 *   others         the row belongs to an account other than the actor's
 *   area           the row concerns a buurt in the actor's wijkteam area (team_areas)
 *   team           the row belongs to the actor's wijkteam
 *   published      an initiative or provision in status 'published' (or a theme of one)
 *   unpublished    an initiative or provision in status 'draft' or 'pending' (or a theme of one)
 *   draft          status 'draft'
 *   open           a volunteer request or need in status 'open'
 *   anonymous      a need without reporter
 *   proposal       a volunteer match in status 'voorgesteld'
 *   new-provision  a signal whose intervention_kind is 'nieuwe_voorziening'
 *   own-initiative a volunteer request for an initiative the actor created
 *   note           a signal event of kind 'notitie' (members add notes; the signals trigger
 *                  writes every other event, 20261128200000)
 *
 * WHAT EACH OPERATION CHECKS, per actor, on a database with the fixture world committed:
 *   select  the exact set of fixture rows the actor sees equals the rows the code admits
 *           (a row outside the fixture fails the cell as well).
 *   insert  each representative attempt (as oneself, in someone else's name, with a status the
 *           actor may not set, …) succeeds exactly when the code admits it.
 *   update  a no-op update (`set col = col`) of every fixture row, plus telling attempts (raise
 *           one's own role, reassign a need, publish one's own draft, …), takes effect exactly
 *           when the code admits the row or attempt.
 *   delete  deleting every fixture row, one at a time, takes effect exactly when admitted.
 * Every write runs in its own transaction, as the actor, and is rolled back by a sentinel error.
 * A write counts as refused when it raised 'new row violates row-level security policy' or
 * 'permission denied' (SQLSTATE 42501) or touched no row (checked as the owner in the same
 * transaction, by ctid or by presence). A write that passed RLS and was then stopped by a
 * constraint or trigger (SQLSTATE class 23, P0001) counts as admitted by RLS, except under
 * 'denied'. Any other error fails the test: it means the attempt itself is wrong. (The guard
 * that keeps an admin's own admin role raises 42501 as well: hence admin × profiles × delete is
 * 'others'.)
 *
 * A second block, 'outside Row Level Security', checks what RLS cannot: TRUNCATE and the TRIGGER
 * privilege, which the platform's default grants hand to anon and authenticated.
 *
 * The expectations state what SHOULD hold for the product's privacy duties, not what the
 * policies happen to do: a cell fails when a policy is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Tx } from '../../src/lib/server/db/types';
import {
	ACTORS,
	AREA_OF,
	BUURT,
	GEMEENTE,
	ID,
	USER,
	WIJK,
	buildPolicyWorld,
	claimsOf,
	userOf,
	type Account,
	type Actor,
	type Facts,
	type World
} from './fixtures/policy-world';
import { migratedDatabase } from './harness';

const OPS = ['select', 'insert', 'update', 'delete'] as const;
type Op = (typeof OPS)[number];

// ============================================================================================
// The expected outcome of every cell: table × operation × actor.
// ============================================================================================

const EXPECTED = `
table               op      anon            residentA           residentB           wijkteamX          wijkteamY          council             admin     service

gemeenten           select  all             all                 all                 all                all                all                 all       all
gemeenten           insert  none            none                none                none               none               none                all       all
gemeenten           update  none            none                none                none               none               none                all       all
gemeenten           delete  none            none                none                none               none               none                all       all

wijken              select  all             all                 all                 all                all                all                 all       all
wijken              insert  none            none                none                none               none               none                all       all
wijken              update  none            none                none                none               none               none                all       all
wijken              delete  none            none                none                none               none               none                all       all

buurten             select  all             all                 all                 all                all                all                 all       all
buurten             insert  none            none                none                none               none               none                all       all
buurten             update  none            none                none                none               none               none                all       all
buurten             delete  none            none                none                none               none               none                all       all

themes              select  all             all                 all                 all                all                all                 all       all
themes              insert  none            none                none                none               none               none                all       all
themes              update  none            none                none                none               none               none                all       all
themes              delete  none            none                none                none               none               none                all       all

organisations       select  all             all                 all                 all                all                all                 all       all
organisations       insert  none            none                none                none               none               none                all       all
organisations       update  none            none                none                none               none               none                all       all
organisations       delete  none            none                none                none               none               none                all       all

# Residents propose (draft/pending) and edit until published; admins moderate.
initiatives         select  published       published+own       published+own       published+own      published+own      published+own       all       all
initiatives         insert  none            own&unpublished     own&unpublished     own&unpublished    own&unpublished    own&unpublished     all       all
initiatives         update  none            own&unpublished     own&unpublished     own&unpublished    own&unpublished    own&unpublished     all       all
initiatives         delete  none            own&draft           own&draft           own&draft          own&draft          own&draft           all       all

# The themes of an initiative are part of the moderated listing: frozen for the owner once published.
initiative_themes   select  published       published+own       published+own       published+own      published+own      published+own       all       all
initiative_themes   insert  none            own&unpublished     own&unpublished     own&unpublished    own&unpublished    own&unpublished     all       all
initiative_themes   update  none            own&unpublished     own&unpublished     own&unpublished    own&unpublished    own&unpublished     all       all
initiative_themes   delete  none            own&unpublished     own&unpublished     own&unpublished    own&unpublished    own&unpublished     all       all

# Council plans provisions (drafts too); only admins remove them.
provisions          select  published       published           published           published          published          all                 all       all
provisions          insert  none            none                none                none               none               all                 all       all
provisions          update  none            none                none                none               none               all                 all       all
provisions          delete  none            none                none                none               none               none                all       all

# Your own profile, never your own role; admins manage roles, but cannot remove their own (20261128150000).
profiles            select  none            own                 own                 own                own                own                 all       all
profiles            insert  none            none                none                none               none               none                all       all
profiles            update  none            own                 own                 own                own                own                 all       all
profiles            delete  none            none                none                none               none               none                others    all

teams               select  none            all                 all                 all                all                all                 all       all
teams               insert  none            none                none                none               none               none                all       all
teams               update  none            none                none                none               none               none                all       all
teams               delete  none            none                none                none               none               none                all       all

# Who serves which buurt decides who reads needs: only admins change it.
team_areas          select  none            all                 all                 all                all                all                 all       all
team_areas          insert  none            none                none                none               none               none                all       all
team_areas          update  none            none                none                none               none               none                all       all
team_areas          delete  none            none                none                none               none               none                all       all

team_members        select  none            none                none                team               team               none                all       all
team_members        insert  none            none                none                none               none               none                all       all
team_members        update  none            none                none                none               none               none                all       all
team_members        delete  none            none                none                none               none               none                all       all

volunteers          select  none            own                 own                 own+area           own+area           own                 all       all
volunteers          insert  none            own                 own                 own                own                own                 all       all
volunteers          update  none            own                 own                 own                own                own                 all       all
volunteers          delete  none            own                 own                 own                own                own                 all       all

volunteer_themes    select  none            own                 own                 own+area           own+area           own                 all       all
volunteer_themes    insert  none            own                 own                 own                own                own                 all       all
volunteer_themes    update  none            own                 own                 own                own                own                 all       all
volunteer_themes    delete  none            own                 own                 own                own                own                 all       all

# Open requests are public; wijkteams ask in their area, residents for their own initiative, always as themselves.
volunteer_requests  select  open            open+own            open+own            open+own+area      open+own+area      open+own            all       all
volunteer_requests  insert  none            own&own-initiative  own&own-initiative  own&area           own&area           own&own-initiative  own       all
volunteer_requests  update  none            own                 own                 own+area           own+area           own                 all       all
volunteer_requests  delete  none            own                 own                 own+area           own+area           own                 all       all

# Volunteers offer themselves (as a proposal only); the wijkteam of the request's buurt manages matches.
volunteer_matches   select  none            own                 own                 own+area           own+area           own                 all       all
volunteer_matches   insert  none            own&proposal        own&proposal        own&proposal+area  own&proposal+area  own&proposal        all       all
volunteer_matches   update  none            own                 own                 own+area           own+area           own                 all       all
volunteer_matches   delete  none            none                none                area               area               none                all       all

# Never public individually: the reporter and the wijkteam of the buurt only; not council, not admin.
needs               select  none            own                 own                 own+area           own+area           own                 own       all
needs               insert  anonymous&open  own&open            own&open            own&open           own&open           own&open            own&open  all
needs               update  none            own                 own                 own+area           own+area           own                 own       all
needs               delete  none            own                 own                 own                own                own                 own       all

# The public needs figures, already suppressed and rounded: everyone reads, only the maintenance job writes (20261128180100).
need_aggregates     select  all             all                 all                 all                all                all                 all       all
need_aggregates     insert  none            none                none                none               none               none                none      all
need_aggregates     update  none            none                none                none               none               none                none      all
need_aggregates     delete  none            none                none                none               none               none                none      all

# A team's own; council reads the signals that ask for a new collective provision.
signals             select  none            none                none                team               team               new-provision       none      all
signals             insert  none            none                none                team&own           team&own           none                none      all
signals             update  none            none                none                team               team               none                none      all
signals             delete  none            none                none                none               none               none                none      all

# Council planning scenarios: a shared workspace of council and admins; nobody else sees they exist (20261128190000).
planning_scenarios  select  none            none                none                none               none               all                 all       all
planning_scenarios  insert  none            none                none                none               none               all                 all       all
planning_scenarios  update  none            none                none                none               none               all                 all       all
planning_scenarios  delete  none            none                none                none               none               all                 all       all

# The audit trail is append-only for everyone; members add notes, the signals trigger writes the rest (20261128200000).
signal_events       select  none            none                none                team               team               none                none      all
signal_events       insert  none            none                none                team&own&note      team&own&note      none                none      all
signal_events       update  denied          denied              denied              denied             denied             denied              denied    denied
signal_events       delete  denied          denied              denied              denied             denied             denied              denied    denied

# Which buurten border each other: derived from the public geography; the seeder, importer and daily job write it (20261128200000).
buurt_adjacency     select  all             all                 all                 all                all                all                 all       all
buurt_adjacency     insert  none            none                none                none               none               none                all       all
buurt_adjacency     update  none            none                none                none               none               none                all       all
buurt_adjacency     delete  none            none                none                none               none               none                all       all

# "New since your last visit" of the wijkteam workspace: each member's own (20261128200000).
workspace_visits    select  none            own                 own                 own                own                own                 own       all
workspace_visits    insert  none            own                 own                 own                own                own                 own       all
workspace_visits    update  none            own                 own                 own                own                own                 own       all
workspace_visits    delete  none            own                 own                 own                own                own                 own       all

# What the daily digest last told a team: the team reads it, only the digest job writes (20261128200000).
workspace_digests   select  none            none                none                team               team               none                none      all
workspace_digests   insert  none            none                none                none               none               none                none      all
workspace_digests   update  none            none                none                none               none               none                none      all
workspace_digests   delete  none            none                none                none               none               none                none      all
`;

const FLAG_TERMS = new Set([
	'published',
	'unpublished',
	'draft',
	'open',
	'anonymous',
	'proposal',
	'new-provision',
	'own-initiative',
	'note'
]);
const RELATION_TERMS = new Set(['own', 'others', 'area', 'team']);
const WHOLE_CODES = new Set(['all', 'none', 'denied']);

type Matrix = Record<string, Record<Op, Record<Actor, string>>>;

function parseExpected(text: string): Matrix {
	const matrix: Matrix = {};
	const lines = text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
	const [header, ...rows] = lines;
	if (header.split(/\s+/).join(' ') !== ['table', 'op', ...ACTORS].join(' ')) {
		throw new Error(`The header must name the columns table, op, ${ACTORS.join(', ')}`);
	}
	for (const line of rows) {
		const [table, op, ...codes] = line.split(/\s+/);
		if (!(OPS as readonly string[]).includes(op)) throw new Error(`Unknown operation in: ${line}`);
		if (codes.length !== ACTORS.length) throw new Error(`Expected 8 codes in: ${line}`);
		const cells = (matrix[table] ??= {} as Record<Op, Record<Actor, string>>);
		if (cells[op as Op]) throw new Error(`Duplicate row ${table} ${op}`);
		cells[op as Op] = Object.fromEntries(ACTORS.map((a, i) => [a, codes[i]])) as Record<
			Actor,
			string
		>;
	}
	return matrix;
}

/** Problems with a code, or [] when it only uses the vocabulary above. */
function codeProblems(code: string, op: Op): string[] {
	if (WHOLE_CODES.has(code)) {
		return code === 'denied' && op === 'select' ? [`'denied' is not a select code`] : [];
	}
	return code
		.split('+')
		.flatMap((conj) => conj.split('&'))
		.filter((term) => !RELATION_TERMS.has(term) && !FLAG_TERMS.has(term))
		.map((term) => `unknown term '${term}' in '${code}'`);
}

function admits(code: string, actor: Actor, facts: Facts): boolean {
	if (code === 'all') return true;
	if (code === 'none' || code === 'denied') return false;
	return code.split('+').some((conj) =>
		conj.split('&').every((term) => {
			switch (term) {
				case 'own':
					return facts.owner != null && facts.owner === actor;
				case 'others':
					return facts.owner != null && facts.owner !== actor;
				case 'area':
					return facts.buurt !== undefined && AREA_OF[actor] === facts.buurt;
				case 'team':
					return facts.team !== undefined && AREA_OF[actor] === facts.team;
				default:
					return facts.flags?.includes(term) ?? false;
			}
		})
	);
}

const MATRIX = parseExpected(EXPECTED);
const TABLES = Object.keys(MATRIX);

// ============================================================================================
// Representative writes: insert attempts per actor, and telling updates beyond `set col = col`.
// ============================================================================================

interface Attempt {
	label: string;
	/** What a policy may rightfully consider about this write (see the vocabulary). */
	facts: Facts;
	sql: string;
	params?: unknown[];
}
interface UpdateAttempt extends Attempt {
	/** Key (table key expression) of the fixture row the update aims at. */
	target: string;
}

/** The account an actor writes as (null for anon and service_role). */
function me(actor: Actor): Account | null {
	return userOf(actor) === null ? null : (actor as Account);
}
function otherResident(actor: Actor): Account {
	return actor === 'residentB' ? 'residentA' : 'residentB';
}
const idOf = (account: Account | null) => (account === null ? null : USER[account]);

const NEW_BUURT_BOUNDARY = JSON.stringify({
	type: 'Polygon',
	coordinates: [
		[
			[5.02, 52],
			[5.03, 52],
			[5.03, 52.01],
			[5.02, 52.01],
			[5.02, 52]
		]
	]
});

const INSERTS: Record<string, (actor: Actor) => Attempt[]> = {
	gemeenten: () => [
		{
			label: 'new gemeente',
			facts: {},
			sql: `insert into public.gemeenten (code, name) values ('GM9902', 'Nieuwdorp')`
		}
	],
	wijken: () => [
		{
			label: 'new wijk',
			facts: {},
			sql: `insert into public.wijken (code, gemeente_code, name) values ('WK990102', $1, 'Noord')`,
			params: [GEMEENTE]
		}
	],
	buurten: () => [
		{
			label: 'new buurt',
			facts: {},
			sql: `insert into public.buurten (code, wijk_code, gemeente_code, name, boundary, centroid_lon,
			        centroid_lat, min_lon, min_lat, max_lon, max_lat)
			      values ('BU99010103', $1, $2, 'Buurt Z', $3::jsonb, 5.025, 52.005, 5.02, 52, 5.03, 52.01)`,
			params: [WIJK, GEMEENTE, NEW_BUURT_BOUNDARY]
		}
	],
	themes: () => [
		{
			label: 'new theme',
			facts: {},
			sql: `insert into public.themes (code, law, name_nl, name_en) values ('matrix-thema', 'geen', 'Nep', 'Fake')`
		}
	],
	organisations: () => [
		{
			label: 'new organisation',
			facts: {},
			sql: `insert into public.organisations (gemeente_code, name) values ($1, 'Nieuwe stichting')`,
			params: [GEMEENTE]
		}
	],
	initiatives: (actor) => {
		const sql = `insert into public.initiatives (buurt_code, name, status, lon, lat, created_by)
			values ($1, 'Nieuw initiatief', $2::public.initiative_status, 5.005, 52.005, $3)`;
		const own = me(actor);
		const other = otherResident(actor);
		return [
			{
				label: 'own draft',
				facts: { owner: own, flags: ['draft', 'unpublished'] },
				sql,
				params: [BUURT.X, 'draft', idOf(own)]
			},
			{
				label: 'own, submitted for moderation',
				facts: { owner: own, flags: ['pending', 'unpublished'] },
				sql,
				params: [BUURT.X, 'pending', idOf(own)]
			},
			{
				label: 'own, published at once (skipping moderation)',
				facts: { owner: own, flags: ['published'] },
				sql,
				params: [BUURT.X, 'published', idOf(own)]
			},
			{
				label: `draft in the name of ${other}`,
				facts: { owner: other, flags: ['draft', 'unpublished'] },
				sql,
				params: [BUURT.X, 'draft', idOf(other)]
			}
		];
	},
	initiative_themes: () => {
		const sql = `insert into public.initiative_themes (initiative_id, theme_code) values ($1, 'gezondheid')`;
		return [
			{
				label: 'theme added to the published initiative of A',
				facts: { owner: 'residentA', flags: ['published'] },
				sql,
				params: [ID.initPublished]
			},
			{
				label: 'theme added to the draft of A',
				facts: { owner: 'residentA', flags: ['draft', 'unpublished'] },
				sql,
				params: [ID.initDraftA]
			},
			{
				label: 'theme added to the pending initiative of B',
				facts: { owner: 'residentB', flags: ['pending', 'unpublished'] },
				sql,
				params: [ID.initPendingB]
			}
		];
	},
	provisions: () => {
		const sql = `insert into public.provisions (buurt_code, theme_code, name, status, lon, lat, weekly_capacity)
			values ($1, 'voeding', 'Nieuwe voorziening', $2::public.provision_status, 5.005, 52.005, 10)`;
		return [
			{
				label: 'published provision',
				facts: { flags: ['published'] },
				sql,
				params: [BUURT.X, 'published']
			},
			{
				label: 'draft provision',
				facts: { flags: ['draft', 'unpublished'] },
				sql,
				params: [BUURT.Y, 'draft']
			}
		];
	},
	profiles: () => {
		const sql = `insert into public.profiles (id, role) values ($1, $2::public.app_role)`;
		return [
			{ label: 'profile for ghost', facts: {}, sql, params: [USER.ghost, 'resident'] },
			{ label: 'admin profile for ghost', facts: {}, sql, params: [USER.ghost, 'admin'] }
		];
	},
	teams: () => [
		{
			label: 'new team',
			facts: {},
			sql: `insert into public.teams (gemeente_code, name) values ($1, 'Wijkteam Z')`,
			params: [GEMEENTE]
		}
	],
	team_areas: () => {
		const sql = `insert into public.team_areas (team_id, buurt_code) values ($1, $2)`;
		return [
			{ label: 'buurt Y added to team X', facts: {}, sql, params: [ID.teamX, BUURT.Y] },
			{ label: 'buurt X added to team Y', facts: {}, sql, params: [ID.teamY, BUURT.X] }
		];
	},
	team_members: () => {
		const sql = `insert into public.team_members (team_id, user_id) values ($1, $2)`;
		return [
			{ label: 'residentA joins team X', facts: {}, sql, params: [ID.teamX, USER.residentA] },
			{ label: 'ghost joins team Y', facts: {}, sql, params: [ID.teamY, USER.ghost] }
		];
	},
	volunteers: (actor) => {
		const sql = `insert into public.volunteers (user_id, display_name, home_buurt_code)
			values ($1, 'Nieuwe vrijwilliger', $2)`;
		const own = me(actor);
		const attempts: Attempt[] = [
			{
				label: 'ghost signed up by someone else',
				facts: { owner: 'ghost', buurt: 'X' },
				sql,
				params: [USER.ghost, BUURT.X]
			},
			{
				label: 'volunteer without account',
				facts: { buurt: 'X' },
				sql,
				params: [null, BUURT.X]
			}
		];
		if (own) {
			// For A and B this runs into the unique user_id after RLS admitted it: still admitted.
			attempts.unshift({
				label: 'sign up as oneself',
				facts: { owner: own, buurt: 'X' },
				sql,
				params: [USER[own], BUURT.X]
			});
		}
		return attempts;
	},
	volunteer_themes: () => {
		const sql = `insert into public.volunteer_themes (volunteer_id, theme_code) values ($1, 'gezondheid')`;
		return [
			{
				label: 'theme added to volunteer A',
				facts: { owner: 'residentA', buurt: 'X' },
				sql,
				params: [ID.volA]
			},
			{
				label: 'theme added to volunteer B',
				facts: { owner: 'residentB', buurt: 'Y' },
				sql,
				params: [ID.volB]
			}
		];
	},
	volunteer_requests: (actor) => {
		const sql = `insert into public.volunteer_requests (initiative_id, buurt_code, title, created_by)
			values ($1, $2, 'Hulp gezocht', $3)`;
		const own = me(actor);
		return [
			{
				label: 'as oneself, in buurt X',
				facts: { owner: own, buurt: 'X' },
				sql,
				params: [null, BUURT.X, idOf(own)]
			},
			{
				label: 'as oneself, in buurt Y',
				facts: { owner: own, buurt: 'Y' },
				sql,
				params: [null, BUURT.Y, idOf(own)]
			},
			{
				label: "as oneself, for A's initiative (buurt X)",
				facts: {
					owner: own,
					buurt: 'X',
					flags: actor === 'residentA' ? ['own-initiative'] : []
				},
				sql,
				params: [ID.initPublished, BUURT.X, idOf(own)]
			},
			{
				label: "in buurt X, in ghost's name",
				facts: { owner: 'ghost', buurt: 'X' },
				sql,
				params: [null, BUURT.X, USER.ghost]
			}
		];
	},
	volunteer_matches: () => {
		const sql = `insert into public.volunteer_matches (request_id, volunteer_id, status) values ($1, $2, $3)`;
		return [
			{
				label: 'A offered for request Y',
				facts: { owner: 'residentA', buurt: 'Y', flags: ['proposal'] },
				sql,
				params: [ID.reqClosedY, ID.volA, 'voorgesteld']
			},
			{
				label: 'A accepted for request Y at once',
				facts: { owner: 'residentA', buurt: 'Y' },
				sql,
				params: [ID.reqClosedY, ID.volA, 'geaccepteerd']
			},
			{
				label: "B offered for A's request (X)",
				facts: { owner: 'residentB', buurt: 'X', flags: ['proposal'] },
				sql,
				params: [ID.reqInitA, ID.volB, 'voorgesteld']
			}
		];
	},
	needs: (actor) => {
		const sql = `insert into public.needs (theme_code, buurt_code, reporter_id, household_key, status)
			values ('wonen', $1, $2, $3, $4::public.need_status)`;
		const own = me(actor);
		const other = otherResident(actor);
		const attempts: Attempt[] = [
			{
				label: 'anonymous report',
				facts: { buurt: 'X', flags: ['anonymous', 'open'] },
				sql,
				params: [BUURT.X, null, 'new-anonymous-household', 'open']
			},
			{
				label: 'anonymous report, already closed',
				facts: { buurt: 'X', flags: ['anonymous'] },
				sql,
				params: [BUURT.X, null, 'new-anonymous-household', 'afgehandeld']
			},
			{
				label: `report in the name of ${other}`,
				facts: { owner: other, buurt: 'X', flags: ['open'] },
				sql,
				params: [BUURT.X, USER[other], USER[other], 'open']
			}
		];
		if (own) {
			attempts.push(
				{
					label: 'report as oneself',
					facts: { owner: own, buurt: 'X', flags: ['open'] },
					sql,
					params: [BUURT.X, USER[own], USER[own], 'open']
				},
				{
					label: 'report as oneself, already closed',
					facts: { owner: own, buurt: 'X' },
					sql,
					params: [BUURT.X, USER[own], USER[own], 'afgehandeld']
				}
			);
		}
		return attempts;
	},
	need_aggregates: () => [
		{
			label: 'a figure for buurt Y',
			facts: {},
			sql: `insert into public.need_aggregates (gemeente_code, window_months, area_level, area_code,
			        theme_code, display, rounded_count, window_start, window_end)
			      values ($1, 3, 'buurt', $2, 'wonen', 'count', 25, now() - interval '3 months', now())`,
			params: [GEMEENTE, BUURT.Y]
		}
	],
	signals: (actor) => {
		const sql = `insert into public.signals (team_id, theme_code, buurt_codes, title, created_by)
			values ($1, 'wonen', $2::text[], 'Nieuw signaal', $3)`;
		const own = me(actor);
		return [
			{
				label: 'for team X, as oneself',
				facts: { team: 'X', owner: own },
				sql,
				params: [ID.teamX, `{${BUURT.X}}`, idOf(own)]
			},
			{
				label: 'for team Y, as oneself',
				facts: { team: 'Y', owner: own },
				sql,
				params: [ID.teamY, `{${BUURT.Y}}`, idOf(own)]
			},
			{
				label: "for team X, in ghost's name",
				facts: { team: 'X', owner: 'ghost' },
				sql,
				params: [ID.teamX, `{${BUURT.X}}`, USER.ghost]
			}
		];
	},
	planning_scenarios: (actor) => {
		// created_by is stamped with the caller by a trigger: a name given here does not count.
		const sql = `insert into public.planning_scenarios
			(gemeente_code, name, kind, subject, window_days, candidates, total_demand, unmet_before,
			 unmet_after, created_by)
			values ($1, 'Nieuw scenario', 'wat_als', 'voeding', 365,
			  '[{"lon":5.005,"lat":52.005,"capacity":25,"catchmentMinutes":15,"buurtCode":null}]'::jsonb,
			  10, 8, 3, $2)`;
		return [
			{ label: 'as oneself', facts: {}, sql, params: [GEMEENTE, idOf(me(actor))] },
			{ label: "in ghost's name", facts: {}, sql, params: [GEMEENTE, USER.ghost] }
		];
	},
	signal_events: (actor) => {
		const sql = `insert into public.signal_events (signal_id, actor_id, kind, note) values ($1, $2, 'notitie', 'n')`;
		const own = me(actor);
		return [
			{
				label: 'note on signal X, as oneself',
				facts: { team: 'X', owner: own, flags: ['note'] },
				sql,
				params: [ID.signalX, idOf(own)]
			},
			{
				label: 'note on signal Y, as oneself',
				facts: { team: 'Y', owner: own, flags: ['note'] },
				sql,
				params: [ID.signalY, idOf(own)]
			},
			{
				label: "note on signal X, in ghost's name",
				facts: { team: 'X', owner: 'ghost', flags: ['note'] },
				sql,
				params: [ID.signalX, USER.ghost]
			},
			{
				// A transition the signal never made: only the signals trigger writes these.
				label: 'forged transition of signal X, as oneself',
				facts: { team: 'X', owner: own },
				sql: `insert into public.signal_events (signal_id, actor_id, kind, from_status, to_status)
					values ($1, $2, 'overgang', 'signaleren', 'afgesloten')`,
				params: [ID.signalX, idOf(own)]
			}
		];
	},
	buurt_adjacency: () => [
		{
			// The fixture already holds this pair: an admitted attempt stops at the primary key.
			label: 'buurten X and Y border each other',
			facts: {},
			sql: `insert into public.buurt_adjacency (buurt_a, buurt_b) values ($1, $2)`,
			params: [BUURT.X, BUURT.Y]
		}
	],
	workspace_visits: (actor) => {
		const sql = `insert into public.workspace_visits (user_id, last_visit_at) values ($1, now())`;
		const own = me(actor);
		return [
			{ label: 'a visit of oneself', facts: { owner: own }, sql, params: [idOf(own)] },
			{ label: "a visit in ghost's name", facts: { owner: 'ghost' }, sql, params: [USER.ghost] }
		];
	},
	workspace_digests: () => [
		{
			label: 'a digest for team X',
			facts: { team: 'X' },
			sql: `insert into public.workspace_digests (team_id, candidate_keys) values ($1, '{}')`,
			params: [ID.teamX]
		}
	]
};

/** Updates that say more than `set col = col`: escalation and reassignment attempts. */
const EXTRA_UPDATES: Partial<Record<string, (actor: Actor) => UpdateAttempt[]>> = {
	profiles: (actor) => {
		const target = USER[me(actor) ?? 'residentA'];
		return [
			{
				label: 'raise own role to admin',
				facts: {},
				sql: `update public.profiles set role = 'admin' where id = $1`,
				params: [target],
				target
			},
			{
				label: 'make residentB council',
				facts: {},
				sql: `update public.profiles set role = 'council' where id = $1`,
				params: [USER.residentB],
				target: USER.residentB
			}
		];
	},
	initiatives: () => [
		{
			label: 'publish the draft of A',
			facts: { owner: 'residentA', flags: ['published'] },
			sql: `update public.initiatives set status = 'published' where id = $1`,
			params: [ID.initDraftA],
			target: ID.initDraftA
		}
	],
	volunteers: () => [
		{
			label: 'hand volunteer record A to ghost',
			facts: {},
			sql: `update public.volunteers set user_id = $1 where id = $2`,
			params: [USER.ghost, ID.volA],
			target: ID.volA
		}
	],
	needs: () => [
		{
			// Would show A's need to B: nobody but the retention job may rewrite a reporter.
			label: 'reassign need of A to residentB',
			facts: {},
			sql: `update public.needs set reporter_id = $1 where id = $2`,
			params: [USER.residentB, ID.needA],
			target: ID.needA
		},
		{
			// Signed-in users may change a need's status only (column privilege, 20261128180000).
			label: 'move need of A to buurt Y',
			facts: {},
			sql: `update public.needs set buurt_code = $1 where id = $2`,
			params: [BUURT.Y, ID.needA],
			target: ID.needA
		}
	],
	signals: () => [
		{
			label: 'hand signal X to team Y',
			facts: {},
			sql: `update public.signals set team_id = $1 where id = $2`,
			params: [ID.teamY, ID.signalX],
			target: ID.signalX
		}
	]
};

// ============================================================================================
// Running one attempt as one actor, rolled back
// ============================================================================================

type Verdict = 'ok' | 'blocked' | 'refused';
interface Outcome {
	verdict: Verdict;
	detail: string;
}

class Rollback extends Error {
	constructor(readonly outcome: Outcome) {
		super('policy matrix: roll back the attempt');
	}
}

function classify(error: unknown): Outcome {
	const code = (error as { code?: string }).code ?? '';
	const message = error instanceof Error ? error.message : String(error);
	// 42501: 'new row violates row-level security policy …' or 'permission denied …'.
	if (code === '42501') return { verdict: 'refused', detail: message };
	// Past RLS, stopped by a constraint, a trigger or a foreign key (truncate).
	if (code.startsWith('23') || code === 'P0001' || code === '0A000') {
		return { verdict: 'blocked', detail: `${code}: ${message}` };
	}
	throw error;
}

interface Observe {
	table: string;
	keyExpr: string;
	key: string;
	/** update: the row's ctid before; delete: undefined. */
	ctidBefore?: string;
}

/**
 * Runs `sql` as `actor` in a transaction that is always rolled back. After a statement that did
 * not fail, `observe` re-reads the target row as the owner (RESET ROLE returns to the session
 * user inside the same transaction) to see whether the write reached it.
 */
async function attempt(
	db: Database,
	actor: Actor,
	sql: string,
	params: unknown[] = [],
	observe?: Observe
): Promise<Outcome> {
	try {
		await db.withClaims(claimsOf(actor), async (tx: Tx) => {
			await tx.query('savepoint matrix_attempt');
			let outcome: Outcome;
			try {
				await tx.query(sql, params);
				outcome = { verdict: 'ok', detail: 'took effect' };
			} catch (error) {
				outcome = classify(error);
				await tx.query('rollback to savepoint matrix_attempt');
			}
			if (outcome.verdict === 'ok' && observe) {
				await tx.query('reset role');
				const rows = await tx.query<{ ctid: string }>(
					`select ctid::text as ctid from public.${observe.table} where (${observe.keyExpr}) = $1`,
					[observe.key]
				);
				const reached =
					observe.ctidBefore === undefined
						? rows.length === 0
						: rows.length === 1 && rows[0].ctid !== observe.ctidBefore;
				if (!reached) outcome = { verdict: 'refused', detail: 'no row affected' };
			}
			throw new Rollback(outcome);
		});
	} catch (error) {
		if (error instanceof Rollback) return error.outcome;
		throw error;
	}
	throw new Error('policy matrix: an attempt was committed');
}

// ============================================================================================
// The tests
// ============================================================================================

let db: Database;
let world: World;
let cellsChecked = 0;
const tablesChecked = new Set<string>();

beforeAll(async () => {
	db = await migratedDatabase();
	world = await buildPolicyWorld(db);
});

afterAll(async () => {
	console.log(
		`policy matrix: ${cellsChecked} cells checked (${tablesChecked.size} tables × ${ACTORS.length} actors × ${OPS.length} operations)`
	);
	await db?.close();
});

describe('policy matrix', () => {
	it('names every table in schema public, and only those', async () => {
		const rows = await db.asOwner((tx) =>
			tx.query<{ name: string }>(
				`select tablename::text as name from pg_catalog.pg_tables where schemaname = 'public' order by 1`
			)
		);
		const inSchema = rows.map((r) => r.name);
		expect({
			'tables missing from the matrix': inSchema.filter((t) => !TABLES.includes(t)),
			'tables in the matrix that do not exist': TABLES.filter((t) => !inSchema.includes(t))
		}).toEqual({
			'tables missing from the matrix': [],
			'tables in the matrix that do not exist': []
		});
	});

	it('writes every cell in the documented vocabulary, with a fixture and writes per table', () => {
		const problems: string[] = [];
		for (const table of TABLES) {
			for (const op of OPS) {
				if (!MATRIX[table][op]) {
					problems.push(`${table}: no ${op} row`);
					continue;
				}
				for (const actor of ACTORS) {
					for (const p of codeProblems(MATRIX[table][op][actor], op)) {
						problems.push(`${table} × ${actor} × ${op}: ${p}`);
					}
				}
			}
			if (!world.tables[table]?.rows.length) problems.push(`${table}: no fixture rows`);
			if (!INSERTS[table]) problems.push(`${table}: no insert attempts`);
		}
		expect(problems).toEqual([]);
	});

	for (const table of TABLES) {
		it(`${table}: 8 actors × select, insert, update, delete`, async () => {
			const spec = world.tables[table];
			expect(spec, `the fixture world describes ${table}`).toBeDefined();
			const labelOfKey = new Map(spec.rows.map((r) => [r.key, r.label]));
			const baseline = new Map(
				(
					await db.asOwner((tx) =>
						tx.query<{ k: string; ctid: string }>(
							`select (${spec.key}) as k, ctid::text as ctid from public.${table}`
						)
					)
				).map((r) => [r.k, r.ctid])
			);
			const failures: string[] = [];

			for (const actor of ACTORS) {
				for (const op of OPS) {
					const code = MATRIX[table][op][actor];
					const cell = `${table} × ${actor} × ${op} [${code}]`;

					if (op === 'select') {
						// No select privilege at all (anon on needs) is stricter than RLS showing no row.
						const seen = await db
							.withClaims(claimsOf(actor), (tx) =>
								tx.query<{ k: string }>(`select (${spec.key}) as k from public.${table}`)
							)
							.catch((error: { code?: string }) => {
								if (error.code === '42501') return [];
								throw error;
							});
						const visible = seen.map(
							(r) => labelOfKey.get(r.k) ?? `row outside the fixture: ${r.k}`
						);
						const expected = spec.rows
							.filter((r) => admits(code, actor, r.facts))
							.map((r) => r.label);
						const extra = visible.filter((l) => !expected.includes(l));
						const missing = expected.filter((l) => !visible.includes(l));
						if (extra.length)
							failures.push(`${cell}: sees ${extra.map((l) => `"${l}"`).join(', ')}`);
						if (missing.length) {
							failures.push(`${cell}: does not see ${missing.map((l) => `"${l}"`).join(', ')}`);
						}
						cellsChecked++;
						continue;
					}

					const writes: (Attempt & { observe?: Observe })[] = [];
					if (op === 'insert') {
						writes.push(...INSERTS[table](actor));
					} else {
						for (const row of spec.rows) {
							const sql =
								op === 'update'
									? `update public.${table} set ${spec.touch} = ${spec.touch} where (${spec.key}) = $1`
									: `delete from public.${table} where (${spec.key}) = $1`;
							writes.push({
								label: row.label,
								facts: row.facts,
								sql,
								params: [row.key],
								observe: {
									table,
									keyExpr: spec.key,
									key: row.key,
									ctidBefore: op === 'update' ? baseline.get(row.key) : undefined
								}
							});
						}
						if (op === 'update') {
							for (const extra of EXTRA_UPDATES[table]?.(actor) ?? []) {
								writes.push({
									...extra,
									observe: {
										table,
										keyExpr: spec.key,
										key: extra.target,
										ctidBefore: baseline.get(extra.target)
									}
								});
							}
						}
					}

					for (const write of writes) {
						const outcome = await attempt(db, actor, write.sql, write.params, write.observe);
						const admitted = admits(code, actor, write.facts);
						const passedRls = outcome.verdict !== 'refused';
						const wrong = code === 'denied' ? outcome.verdict === 'ok' : admitted !== passedRls;
						if (wrong) {
							const wanted = code === 'denied' ? 'denied' : admitted ? 'admitted' : 'refused';
							failures.push(
								`${cell}: "${write.label}" should be ${wanted}, was ${outcome.verdict} (${outcome.detail})`
							);
						}
					}
					cellsChecked++;
				}
			}
			tablesChecked.add(table);
			expect(failures).toEqual([]);
		});
	}
});

describe('outside Row Level Security', () => {
	// RLS governs select/insert/update/delete only. TRUNCATE empties a table regardless of policies
	// and fires no row triggers, and a TRIGGER privilege lets a role attach its own code to a table.
	it('anon and authenticated cannot TRUNCATE any table in public', async () => {
		const failures: string[] = [];
		for (const table of TABLES) {
			for (const actor of ['anon', 'residentA'] as const) {
				const outcome = await attempt(db, actor, `truncate public.${table}`);
				if (outcome.verdict === 'ok') failures.push(`${actor} emptied ${table} with TRUNCATE`);
				if (outcome.verdict === 'blocked') {
					failures.push(
						`${actor} may TRUNCATE ${table}; only a foreign key stopped it (${outcome.detail})`
					);
				}
			}
		}
		expect(failures).toEqual([]);
	});

	it('signal_events cannot be truncated, not even by service_role', async () => {
		const outcome = await attempt(db, 'service', 'truncate public.signal_events');
		expect(outcome.verdict, outcome.detail).not.toBe('ok');
	});

	it('anon and authenticated hold no TRIGGER privilege on tables in public', async () => {
		const rows = await db.asOwner((tx) =>
			tx.query<{ grantee: string; table_name: string }>(
				`select r.rolname::text as grantee, c.relname::text as table_name
				 from pg_catalog.pg_class c
				 join pg_catalog.pg_namespace n on n.oid = c.relnamespace
				 cross join (values ('anon'), ('authenticated')) as r (rolname)
				 where n.nspname = 'public' and c.relkind = 'r'
				   and has_table_privilege(r.rolname, c.oid, 'TRIGGER')
				 order by 1, 2`
			)
		);
		expect(rows.map((r) => `${r.grantee} may create triggers on ${r.table_name}`)).toEqual([]);
	});
});

describe('needs: hidden columns, the wijkteam view and the reporter function (20261128180000)', () => {
	// What RLS cannot do is hide columns: column privileges do, and the two ways past them are a
	// view (security_invoker, so RLS still applies) and a function that returns own rows only.
	const HIDDEN_COLUMNS = [
		'reporter_id',
		'household_key',
		'point_lon',
		'point_lat',
		'idempotency_key',
		'receipt_hash',
		'consent_version'
	];
	/** The fixture needs the actor sees through `sql`, or 'denied' (42501). */
	async function needsSeen(actor: Actor, sql: string): Promise<string[] | 'denied'> {
		try {
			const rows = await db.withClaims(claimsOf(actor), (tx) => tx.query<{ id: string }>(sql));
			const labels = new Map(world.tables.needs.rows.map((r) => [r.key, r.label]));
			return rows.map((r) => labels.get(String(r.id)) ?? `row outside the fixture: ${r.id}`).sort();
		} catch (error) {
			if ((error as { code?: string }).code === '42501') return 'denied';
			throw error;
		}
	}
	const expectedNeeds = (code: string, actor: Actor) =>
		world.tables.needs.rows
			.filter((r) => admits(code, actor, r.facts))
			.map((r) => r.label)
			.sort();

	it('no API role selects who reported a need, its exact point or its form keys', async () => {
		const failures: string[] = [];
		for (const actor of ACTORS) {
			for (const column of HIDDEN_COLUMNS) {
				const seen = await needsSeen(actor, `select id, ${column} from public.needs`);
				const allowed = actor === 'service';
				if (allowed !== (seen !== 'denied')) {
					failures.push(`${actor} × needs.${column}: ${allowed ? 'refused' : 'readable'}`);
				}
			}
			// Nor by filtering on a hidden column.
			const probe = await needsSeen(
				actor,
				`select id from public.needs where reporter_id = '${USER.residentA}'`
			);
			if ((actor === 'service') !== (probe !== 'denied')) {
				failures.push(`${actor} may filter needs on reporter_id`);
			}
		}
		expect(failures).toEqual([]);
	});

	// anon: no privilege; a wijkteam member: the needs of their buurten (not their own elsewhere).
	const VIEW: Record<Actor, string> = {
		anon: 'denied',
		residentA: 'none',
		residentB: 'none',
		wijkteamX: 'area',
		wijkteamY: 'area',
		council: 'none',
		admin: 'none',
		service: 'none'
	};
	it('public.needs_for_wijkteam shows a wijkteam the needs of its buurten, and nobody else any', async () => {
		const failures: string[] = [];
		for (const actor of ACTORS) {
			const seen = await needsSeen(actor, 'select id from public.needs_for_wijkteam');
			const wanted = VIEW[actor] === 'denied' ? 'denied' : expectedNeeds(VIEW[actor], actor);
			if (JSON.stringify(seen) !== JSON.stringify(wanted)) {
				failures.push(`${actor}: sees ${JSON.stringify(seen)}, expected ${JSON.stringify(wanted)}`);
			}
		}
		expect(failures).toEqual([]);
	});

	const MINE: Record<Actor, string> = {
		anon: 'denied',
		residentA: 'own',
		residentB: 'own',
		wijkteamX: 'own',
		wijkteamY: 'own',
		council: 'own',
		admin: 'own',
		service: 'none'
	};
	it('private.my_needs() gives every reporter all of their own needs, and nobody anything else', async () => {
		const failures: string[] = [];
		for (const actor of ACTORS) {
			const seen = await needsSeen(
				actor,
				'select id, reporter_id, household_key from private.my_needs()'
			);
			const wanted = MINE[actor] === 'denied' ? 'denied' : expectedNeeds(MINE[actor], actor);
			if (JSON.stringify(seen) !== JSON.stringify(wanted)) {
				failures.push(`${actor}: sees ${JSON.stringify(seen)}, expected ${JSON.stringify(wanted)}`);
			}
		}
		expect(failures).toEqual([]);
	});
});
