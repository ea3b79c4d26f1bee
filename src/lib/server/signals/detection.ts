// Shared-need detection wired to the data: the needs of one wijkteam's buurten against the
// households of those buurten, tested against the rate of the whole municipality.
//
// Why the municipality as the baseline: the design compares a buurt with "the municipality's
// rate", and a team's area is often a few wijken with their own character (the centre has more
// people living alone, say): against its own area a team would only find buurten that stand out
// within it, and a need shared by the whole area would never show. The team cannot read needs
// outside its area, so private.theme_household_totals hands it the municipal totals per theme —
// totals only, never a count per buurt outside its area. The Benjamini–Hochberg correction runs
// over the team's own cells (its buurten × every theme): those are the tests it makes.
//
// Two readers of the same computation: a member (the workspace; needs through the view
// needs_for_wijkteam, households through private.wijkteam_need_households, both with the
// member's claims) and the digest job (service_role, needs read directly).
import {
	detectSharedNeeds,
	type NeedReport,
	type NeedStatus,
	type SharedNeedsResult,
	type ThemeBaseline
} from '$lib/analysis/shared-needs';
import type { Tx } from '$lib/server/db/types';
import { loadBuurtAdjacency } from '$lib/server/geo/buurt-adjacency';

export interface TeamBuurt {
	code: string;
	name: string;
	households: number | null;
	/** A point inside the buurt (buurten.centroid_*). */
	lon: number;
	lat: number;
}

export interface TeamArea {
	id: string;
	name: string;
	gemeenteCode: string;
	gemeenteName: string;
	buurten: TeamBuurt[];
}

export interface DetectionSettings {
	windowDays: number;
	k: number;
	fdr: number;
}

export interface TeamDetection {
	result: SharedNeedsResult;
	/** Adjacency read from public.buurt_adjacency (true) or computed for this request. */
	adjacencyStored: boolean;
	/** Needs read for the window (before the detection's own filters). */
	needsRead: number;
}

/** The teams of the caller (team_members shows a member only their own) with their buurten. */
export async function teamAreasOfMember(tx: Tx): Promise<TeamArea[]> {
	return teamAreas(
		tx,
		`select t.id from public.team_members tm join public.teams t on t.id = tm.team_id
		  where tm.user_id = (select auth.uid())`
	);
}

/** Every team (service_role: the digest job). */
export async function allTeamAreas(tx: Tx): Promise<TeamArea[]> {
	return teamAreas(tx, 'select t.id from public.teams t');
}

async function teamAreas(tx: Tx, teamIdsSql: string): Promise<TeamArea[]> {
	const rows = await tx.query<{
		team_id: string;
		team_name: string;
		gemeente_code: string;
		gemeente_name: string;
		code: string | null;
		name: string | null;
		households: number | null;
		lon: number | null;
		lat: number | null;
	}>(
		`select t.id as team_id, t.name as team_name, g.code as gemeente_code, g.name as gemeente_name,
		        b.code, b.name, b.households, b.centroid_lon as lon, b.centroid_lat as lat
		   from public.teams t
		   join public.gemeenten g on g.code = t.gemeente_code
		   left join public.team_areas ta on ta.team_id = t.id
		   left join public.buurten b on b.code = ta.buurt_code
		  where t.id in (${teamIdsSql})
		  order by t.name, t.id, b.name, b.code`
	);
	const teams: TeamArea[] = [];
	for (const row of rows) {
		let team = teams.at(-1);
		if (team?.id !== row.team_id) {
			team = {
				id: row.team_id,
				name: row.team_name,
				gemeenteCode: row.gemeente_code,
				gemeenteName: row.gemeente_name,
				buurten: []
			};
			teams.push(team);
		}
		if (row.code && row.name !== null && row.lon !== null && row.lat !== null) {
			team.buurten.push({
				code: row.code,
				name: row.name,
				households: row.households === null ? null : Number(row.households),
				lon: Number(row.lon),
				lat: Number(row.lat)
			});
		}
	}
	return teams;
}

type NeedRow = {
	theme_code: string;
	buurt_code: string;
	household: string;
	reported_at: Date | string;
	status: NeedStatus;
};

/** A member's view: needs of the team's buurten, each with a household number (no identity). */
async function memberNeeds(tx: Tx, team: TeamArea, windowDays: number): Promise<NeedRow[]> {
	return tx.query<NeedRow>(
		`select v.theme_code, v.buurt_code, h.household_ref::text as household, v.reported_at,
		        v.status::text as status
		   from public.needs_for_wijkteam v
		   join private.wijkteam_need_households($2) h on h.need_id = v.id
		  where v.buurt_code = any($1::text[])
		    and v.reported_at >= now() - make_interval(days => $2)
		    and v.expires_at > now()`,
		[team.buurten.map((b) => b.code), windowDays]
	);
}

/** service_role (the digest job): the same needs, read directly. */
async function serviceNeeds(tx: Tx, team: TeamArea, windowDays: number): Promise<NeedRow[]> {
	return tx.query<NeedRow>(
		`select n.theme_code, n.buurt_code, n.household_key as household, n.reported_at,
		        n.status::text as status
		   from public.needs n
		  where n.buurt_code = any($1::text[])
		    and n.reported_at >= now() - make_interval(days => $2)
		    and n.expires_at > now()`,
		[team.buurten.map((b) => b.code), windowDays]
	);
}

/**
 * Runs the detection for one team. `reader` says whose claims the transaction carries: 'member'
 * (a member of this team) or 'service' (service_role).
 */
export async function detectForTeam(
	tx: Tx,
	team: TeamArea,
	settings: DetectionSettings,
	reader: 'member' | 'service'
): Promise<TeamDetection> {
	// The database's clock: the same now() the window of the SQL above and the baseline use.
	const [{ now }] = await tx.query<{ now: Date | string }>('select now() as now');
	const needs = await (reader === 'member' ? memberNeeds : serviceNeeds)(
		tx,
		team,
		settings.windowDays
	);
	const baselineRows = await tx.query<{
		theme_code: string;
		households_with_need: number;
		households: number;
	}>(
		'select theme_code, households_with_need, households from private.theme_household_totals($1, $2)',
		[team.gemeenteCode, settings.windowDays]
	);
	const baseline: ThemeBaseline[] = baselineRows.map((row) => ({
		themeCode: row.theme_code,
		count: Number(row.households_with_need),
		households: Number(row.households)
	}));
	const adjacency = await loadBuurtAdjacency(tx, team.gemeenteCode);
	const reports: NeedReport[] = needs.map((need) => ({
		themeCode: need.theme_code,
		buurtCode: need.buurt_code,
		householdKey: need.household,
		reportedAt: new Date(need.reported_at),
		status: need.status
	}));
	const result = detectSharedNeeds(
		{
			needs: reports,
			buurten: team.buurten.map((b) => ({ code: b.code, households: b.households })),
			adjacency: adjacency.pairs,
			themeCodes: baseline.map((b) => b.themeCode),
			baseline
		},
		{
			now: new Date(now),
			windowDays: settings.windowDays,
			k: settings.k,
			fdr: settings.fdr
		}
	);
	return { result, adjacencyStored: adjacency.stored, needsRead: needs.length };
}

/** "theme|buurt" of every candidate cell: what the digest compares from day to day. */
export function candidateKeys(result: SharedNeedsResult): string[] {
	return result.candidates.map((cell) => `${cell.themeCode}|${cell.buurtCode}`).sort();
}
