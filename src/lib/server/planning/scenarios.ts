// Saved planning scenarios (public.planning_scenarios): a shared workspace of council and admins,
// read and written with the caller's claims (RLS admits only those two roles).
import type { Tx } from '$lib/server/db/types';

export type ScenarioKind = 'wat_als' | 'suggestie';

export interface ScenarioCandidate {
	lon: number;
	lat: number;
	capacity: number;
	catchmentMinutes: number;
	/** The buurt the candidate lies in. */
	buurtCode: string | null;
}

export interface NewScenario {
	gemeente: string;
	name: string;
	kind: ScenarioKind;
	/** subjectParam(subject): a theme code or 'wet:<law>'. */
	subject: string;
	windowDays: number;
	includeExpected: boolean;
	candidates: ScenarioCandidate[];
	/** As shown when saved: null where the page showed "<5". */
	totalDemand: number | null;
	unmetBefore: number | null;
	unmetAfter: number | null;
}

export interface SavedScenario extends Omit<NewScenario, 'gemeente'> {
	id: string;
	createdAt: string;
}

export async function insertScenario(tx: Tx, scenario: NewScenario): Promise<string> {
	const [row] = await tx.query<{ id: string }>(
		`insert into public.planning_scenarios
		   (gemeente_code, name, kind, subject, window_days, include_expected, candidates,
		    total_demand, unmet_before, unmet_after)
		 values ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10)
		 returning id::text as id`,
		[
			scenario.gemeente,
			scenario.name,
			scenario.kind,
			scenario.subject,
			scenario.windowDays,
			scenario.includeExpected,
			JSON.stringify(scenario.candidates),
			scenario.totalDemand,
			scenario.unmetBefore,
			scenario.unmetAfter
		]
	);
	return row.id;
}

const numberOrNull = (value: unknown) => (value === null ? null : Number(value));

/** The most recent scenarios of a gemeente, newest first. */
export async function listScenarios(
	tx: Tx,
	gemeente: string,
	limit = 50
): Promise<SavedScenario[]> {
	const rows = await tx.query<{
		id: string;
		name: string;
		kind: ScenarioKind;
		subject: string;
		window_days: number;
		include_expected: boolean;
		candidates: ScenarioCandidate[];
		total_demand: number | null;
		unmet_before: number | null;
		unmet_after: number | null;
		created_at: string;
	}>(
		`select id::text as id, name, kind, subject, window_days, include_expected, candidates,
		        total_demand, unmet_before, unmet_after,
		        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at
		   from public.planning_scenarios
		  where gemeente_code = $1
		  order by created_at desc, id
		  limit $2`,
		[gemeente, limit]
	);
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		kind: r.kind,
		subject: r.subject,
		windowDays: Number(r.window_days),
		includeExpected: r.include_expected,
		candidates: r.candidates,
		totalDemand: numberOrNull(r.total_demand),
		unmetBefore: numberOrNull(r.unmet_before),
		unmetAfter: numberOrNull(r.unmet_after),
		createdAt: r.created_at
	}));
}

/** True when the scenario was there (and the caller may remove it). */
export async function removeScenario(tx: Tx, id: string): Promise<boolean> {
	const rows = await tx.query(`delete from public.planning_scenarios where id = $1 returning id`, [
		id
	]);
	return rows.length > 0;
}
