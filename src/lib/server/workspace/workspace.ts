// The wijkteam workspace (/wijkteam/signalen): candidate clusters of shared needs in the team's
// buurten (map and table), the team's signals, and the needs in its area with what is new since
// the member's last visit. Everything is read with the member's claims.
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { err, ok, type Result } from '$lib/result';
import type { SharedNeedCell } from '$lib/analysis/shared-needs';
import type { NeedStatus } from '$lib/needs/types';
import type { WorkspaceQuery } from '$lib/schemas/signal-filters';
import type { ClusterSignalInput, HandSignalInput } from '$lib/schemas/signal-new';
import type {
	AreaNeed,
	CellRow,
	ClusterRow,
	SignalListItem,
	ThemeRateRow
} from '$lib/signals/types';
import type { Tx } from '$lib/server/db/types';
import { roundCoordinate } from '$lib/server/geo/map-data';
import {
	detectForTeam,
	teamAreasOfMember,
	type TeamArea,
	type TeamDetection
} from '$lib/server/signals/detection';
import {
	createSignalByHand,
	createSignalFromCluster,
	type CreateOutcome
} from '$lib/server/signals/create';
import { signalCovering, teamSignals } from '$lib/server/signals/reads';
import type { Locale } from '$lib/server/signals/signal-row';

/** A visit ends after this long without opening the workspace; the next one starts a new one. */
export const VISIT_GAP_MINUTES = 30;
/** The needs list shows at most this many (the full list is /wijkteam/meldingen). */
export const NEEDS_SHOWN = 50;

export interface WorkspaceData {
	teams: { id: string; name: string }[];
	team: { id: string; name: string; gemeenteName: string; buurtCount: number } | null;
	settings: WorkspaceQuery;
	window: { from: string; to: string } | null;
	testedCells: number;
	adjacencyStored: boolean;
	clusters: ClusterRow[];
	cells: CellRow[];
	themeRates: ThemeRateRow[];
	signals: SignalListItem[];
	needs: AreaNeed[];
	needCount: number;
	newNeedCount: number;
	/** The start of the visit before this one; null on a first visit. */
	previousVisit: string | null;
	lastDigest: string | null;
	map: FeatureCollection<Polygon | MultiPolygon> | null;
	/** When the page was read: the live updates report needs after this moment. */
	readAt: string;
}

export type WorkspaceResult = Result<WorkspaceData, 'unknown_team'>;

/** Records this visit and returns the start of the previous one (null on a first visit). */
export async function recordVisit(tx: Tx): Promise<Date | null> {
	const [row] = await tx.query<{ previous_visit_at: Date | string | null }>(
		`insert into public.workspace_visits as v (user_id, previous_visit_at, last_visit_at)
		 values ((select auth.uid()), null, now())
		 on conflict (user_id) do update set
		   previous_visit_at = case
		     when v.last_visit_at < now() - make_interval(mins => $1) then v.last_visit_at
		     else v.previous_visit_at end,
		   last_visit_at = now()
		 returning v.previous_visit_at`,
		[VISIT_GAP_MINUTES]
	);
	return row?.previous_visit_at ? new Date(row.previous_visit_at) : null;
}

/** The team a request names, or the member's first; null when the id is not one of theirs. */
export function chooseTeam(teams: TeamArea[], teamId: string | null): TeamArea | null {
	if (teamId === null) return teams[0] ?? null;
	return teams.find((t) => t.id === teamId) ?? null;
}

async function themeNames(tx: Tx, locale: Locale): Promise<Map<string, string>> {
	const rows = await tx.query<{ code: string; name: string }>(
		`select code, case when $1 = 'en' then name_en else name_nl end as name from public.themes`,
		[locale]
	);
	return new Map(rows.map((r) => [r.code, r.name]));
}

function clusterRows(
	detection: TeamDetection,
	team: TeamArea,
	themes: Map<string, string>,
	signals: SignalListItem[]
): { clusters: ClusterRow[]; cells: CellRow[] } {
	const buurten = new Map(team.buurten.map((b) => [b.code, b]));
	const clusters: ClusterRow[] = [];
	const cells: CellRow[] = [];
	detection.result.clusters.forEach((cluster, i) => {
		const number = i + 1;
		const known = cluster.cells.filter((c) => c.households !== null && c.households > 0);
		const households = known.reduce((sum, c) => sum + (c.households ?? 0), 0);
		const tested = cluster.cells.filter((c) => c.q !== null).map((c) => c.q!);
		const largest = cluster.cells.reduce((a, b) => (b.count > a.count ? b : a));
		const place = buurten.get(largest.buurtCode)!;
		const covering = signalCovering(signals, cluster);
		clusters.push({
			number,
			themeCode: cluster.themeCode,
			themeName: themes.get(cluster.themeCode) ?? cluster.themeCode,
			buurten: cluster.buurtCodes.map((code) => ({
				code,
				name: buurten.get(code)?.name ?? code
			})),
			count: cluster.households,
			households: known.length > 0 ? households : null,
			ratePer1000:
				known.length > 0 && households > 0
					? (1000 * known.reduce((sum, c) => sum + c.count, 0)) / households
					: null,
			minQ: tested.length > 0 ? Math.min(...tested) : null,
			reasons: (['threshold', 'significant'] as const).filter((reason) =>
				cluster.cells.some((c) => c.reasons.includes(reason))
			),
			signal: covering ? { id: covering.id, title: covering.title } : null,
			marker: { lon: place.lon, lat: place.lat }
		});
		for (const cell of cluster.cells) cells.push(cellRow(number, cell, themes, buurten));
	});
	return { clusters, cells };
}

function cellRow(
	clusterNumber: number,
	cell: SharedNeedCell,
	themes: Map<string, string>,
	buurten: Map<string, { name: string }>
): CellRow {
	return {
		clusterNumber,
		themeName: themes.get(cell.themeCode) ?? cell.themeCode,
		buurtName: buurten.get(cell.buurtCode)?.name ?? cell.buurtCode,
		count: cell.count,
		households: cell.households,
		ratePer1000: cell.ratePer1000,
		expected: cell.expected,
		p: cell.p,
		q: cell.q,
		reasons: [...cell.reasons]
	};
}

async function areaNeeds(
	tx: Tx,
	team: TeamArea,
	windowDays: number,
	previousVisit: Date | null,
	locale: Locale
): Promise<{ needs: AreaNeed[]; total: number; fresh: number }> {
	const codes = team.buurten.map((b) => b.code);
	const [counts] = await tx.query<{ total: number; fresh: number }>(
		`select count(*)::int as total,
		        count(*) filter (where $3::timestamptz is not null and v.reported_at > $3)::int as fresh
		   from public.needs_for_wijkteam v
		  where v.buurt_code = any($1::text[])
		    and v.reported_at >= now() - make_interval(days => $2)`,
		[codes, windowDays, previousVisit]
	);
	const rows = await tx.query<{
		id: string;
		theme_name: string;
		buurt_name: string;
		description: string | null;
		household_size: number | null;
		status: NeedStatus;
		reported_at: Date | string;
		contact_method: 'email' | 'phone' | null;
		contact_value: string | null;
	}>(
		`select v.id, case when $4 = 'en' then t.name_en else t.name_nl end as theme_name,
		        b.name as buurt_name, v.description, v.household_size, v.status::text as status,
		        v.reported_at, v.contact_method, v.contact_value
		   from public.needs_for_wijkteam v
		   join public.themes t on t.code = v.theme_code
		   join public.buurten b on b.code = v.buurt_code
		  where v.buurt_code = any($1::text[])
		    and v.reported_at >= now() - make_interval(days => $2)
		  order by v.reported_at desc, v.id
		  limit $3`,
		[codes, windowDays, NEEDS_SHOWN, locale]
	);
	return {
		total: counts.total,
		fresh: counts.fresh,
		needs: rows.map((row) => ({
			id: row.id,
			themeName: row.theme_name,
			buurtName: row.buurt_name,
			description: row.description,
			householdSize: row.household_size,
			status: row.status,
			reportedAt: new Date(row.reported_at).toISOString(),
			contact:
				row.contact_method && row.contact_value
					? { method: row.contact_method, value: row.contact_value }
					: null,
			isNew: previousVisit !== null && new Date(row.reported_at) > previousVisit
		}))
	};
}

async function areaMap(
	tx: Tx,
	team: TeamArea,
	candidates: Set<string>
): Promise<FeatureCollection<Polygon | MultiPolygon>> {
	const rows = await tx.query<{ code: string; name: string; boundary: Polygon | MultiPolygon }>(
		'select code, name, boundary from public.buurten where code = any($1::text[]) order by code',
		[team.buurten.map((b) => b.code)]
	);
	const round = (ring: number[][]) =>
		ring.map(([x, y]) => [roundCoordinate(x), roundCoordinate(y)]);
	return {
		type: 'FeatureCollection',
		features: rows.map((row): Feature<Polygon | MultiPolygon> => ({
			type: 'Feature',
			id: row.code,
			properties: { code: row.code, name: row.name, candidate: candidates.has(row.code) },
			geometry:
				row.boundary.type === 'Polygon'
					? { type: 'Polygon', coordinates: row.boundary.coordinates.map(round) }
					: {
							type: 'MultiPolygon',
							coordinates: row.boundary.coordinates.map((polygon) => polygon.map(round))
						}
		}))
	};
}

export async function workspacePage(
	tx: Tx,
	query: WorkspaceQuery,
	locale: Locale
): Promise<WorkspaceResult> {
	const teams = await teamAreasOfMember(tx);
	const [{ now }] = await tx.query<{ now: Date | string }>('select now() as now');
	const readAt = new Date(now).toISOString();
	const empty: WorkspaceData = {
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		team: null,
		settings: query,
		window: null,
		testedCells: 0,
		adjacencyStored: true,
		clusters: [],
		cells: [],
		themeRates: [],
		signals: [],
		needs: [],
		needCount: 0,
		newNeedCount: 0,
		previousVisit: null,
		lastDigest: null,
		map: null,
		readAt
	};
	if (teams.length === 0 && query.teamId === null) return ok(empty);
	const team = chooseTeam(teams, query.teamId);
	if (!team) return err('unknown_team');

	const previousVisit = await recordVisit(tx);
	const themes = await themeNames(tx, locale);
	const detection = await detectForTeam(tx, team, query, 'member');
	const signals = await teamSignals(tx, team.id, locale);
	const { clusters, cells } = clusterRows(detection, team, themes, signals);
	const needs = await areaNeeds(tx, team, query.windowDays, previousVisit, locale);
	const [digest] = await tx.query<{ sent_at: Date | string }>(
		'select sent_at from public.workspace_digests where team_id = $1',
		[team.id]
	);
	const candidateBuurten = new Set(detection.result.candidates.map((c) => c.buurtCode));
	const { result } = detection;
	return {
		ok: true,
		value: {
			...empty,
			team: {
				id: team.id,
				name: team.name,
				gemeenteName: team.gemeenteName,
				buurtCount: team.buurten.length
			},
			window: { from: result.window.from.toISOString(), to: result.window.to.toISOString() },
			testedCells: result.testedCells,
			adjacencyStored: detection.adjacencyStored,
			clusters,
			cells,
			themeRates: result.themes
				.map((rate) => ({
					themeCode: rate.themeCode,
					themeName: themes.get(rate.themeCode) ?? rate.themeCode,
					count: rate.count,
					households: rate.households,
					ratePer1000: rate.ratePer1000,
					candidates: result.candidates.filter((c) => c.themeCode === rate.themeCode).length
				}))
				.sort((a, b) => a.themeName.localeCompare(b.themeName, locale)),
			signals,
			needs: needs.needs,
			needCount: needs.total,
			newNeedCount: needs.fresh,
			previousVisit: previousVisit?.toISOString() ?? null,
			lastDigest: digest ? new Date(digest.sent_at).toISOString() : null,
			map: await areaMap(tx, team, candidateBuurten)
		}
	};
}

/**
 * "Make a signal" on a cluster: the member's team, a fresh detection with the settings the
 * member saw, and the signal (see createSignalFromCluster). `unknown_team`: not one of theirs.
 */
export async function signalFromCluster(
	tx: Tx,
	input: ClusterSignalInput,
	locale: Locale,
	title: (themeName: string, buurtNames: string[]) => string
): Promise<CreateOutcome | { kind: 'unknown_team' }> {
	const team = chooseTeam(await teamAreasOfMember(tx), input.teamId);
	if (!team) return { kind: 'unknown_team' };
	const detection = await detectForTeam(tx, team, input, 'member');
	return createSignalFromCluster(tx, team, input, detection.result, title, locale);
}

/** The member's teams with their buurten, and the themes: what the hand-made signal form offers. */
export async function handSignalOptions(tx: Tx, locale: Locale) {
	const teams = await teamAreasOfMember(tx);
	const themes = await tx.query<{ code: string; name: string }>(
		`select code, case when $1 = 'en' then name_en else name_nl end as name
		   from public.themes order by sort_order, code`,
		[locale]
	);
	return {
		teams: teams.map((t) => ({
			id: t.id,
			name: t.name,
			buurten: t.buurten.map((b) => ({ code: b.code, name: b.name }))
		})),
		themes
	};
}

/** A signal by hand, for one of the member's teams. */
export async function signalByHand(
	tx: Tx,
	input: HandSignalInput
): Promise<CreateOutcome | { kind: 'unknown_team' }> {
	const team = chooseTeam(await teamAreasOfMember(tx), input.teamId);
	if (!team) return { kind: 'unknown_team' };
	return createSignalByHand(tx, team, input);
}
