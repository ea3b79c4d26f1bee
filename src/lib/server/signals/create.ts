// Making a signal: from a cluster the member saw (checked against a fresh detection) or by hand.
import type { SharedNeedCluster, SharedNeedsResult } from '$lib/analysis/shared-needs';
import type { ClusterSignalInput, HandSignalInput } from '$lib/schemas/signal-new';
import type { DetectionSnapshot } from '$lib/signals/types';
import type { Tx } from '$lib/server/db/types';
import { addNote } from './commands';
import type { TeamArea } from './detection';
import { signalCovering, teamSignals } from './reads';
import { themeName, type FieldProblem, type Locale } from './signal-row';

export function detectionSnapshot(
	result: SharedNeedsResult,
	cluster: SharedNeedCluster
): DetectionSnapshot {
	const { windowDays, k, fdr } = result.parameters;
	const rate = result.themes.find((t) => t.themeCode === cluster.themeCode) ?? null;
	return {
		parameters: { windowDays, k, fdr },
		window: { from: result.window.from.toISOString(), to: result.window.to.toISOString() },
		baseline: rate
			? { count: rate.count, households: rate.households, ratePer1000: rate.ratePer1000 }
			: null,
		cells: cluster.cells.map((cell) => ({
			buurtCode: cell.buurtCode,
			count: cell.count,
			households: cell.households,
			ratePer1000: cell.ratePer1000,
			expected: cell.expected,
			p: cell.p,
			q: cell.q,
			reasons: [...cell.reasons]
		}))
	};
}

export type CreateOutcome =
	| { kind: 'created'; id: string }
	| { kind: 'exists'; id: string; title: string }
	| { kind: 'gone' }
	| { kind: 'invalid'; fields: FieldProblem[] };

/**
 * A signal from a cluster the member saw. The cluster is looked up again in a fresh detection
 * with the same settings: the households counted come from the data, not from the form, and a
 * cluster that changed (or a form that was changed) is `gone`. A cluster an open signal already
 * covers is not made twice (`exists`, with that signal).
 */
export async function createSignalFromCluster(
	tx: Tx,
	team: TeamArea,
	input: ClusterSignalInput,
	detection: SharedNeedsResult,
	title: (themeName: string, buurtNames: string[]) => string,
	locale: Locale
): Promise<CreateOutcome> {
	const key = input.buurtCodes.join(',');
	const cluster = detection.clusters.find(
		(c) => c.themeCode === input.themeCode && c.buurtCodes.join(',') === key
	);
	if (!cluster) return { kind: 'gone' };
	const existing = signalCovering(await teamSignals(tx, team.id, locale), cluster);
	if (existing) return { kind: 'exists', id: existing.id, title: existing.title };
	const [theme] = await tx.query<{ name: string }>(
		`select ${themeName(locale)} as name from public.themes t where t.code = $1`,
		[cluster.themeCode]
	);
	const names = cluster.buurtCodes.map(
		(code) => team.buurten.find((b) => b.code === code)?.name ?? code
	);
	const [row] = await tx.query<{ id: string }>(
		`insert into public.signals
		   (team_id, theme_code, buurt_codes, title, household_count, source, detection, created_by)
		 values ($1, $2, $3::text[], $4, $5, 'cluster', $6::text::jsonb, (select auth.uid()))
		 returning id`,
		[
			team.id,
			cluster.themeCode,
			cluster.buurtCodes,
			title(theme?.name ?? cluster.themeCode, names).slice(0, 200),
			cluster.households,
			JSON.stringify(detectionSnapshot(detection, cluster))
		]
	);
	return { kind: 'created', id: row.id };
}

/** A signal entered by hand: buurten of the team's area only, a theme that exists. */
export async function createSignalByHand(
	tx: Tx,
	team: TeamArea,
	input: HandSignalInput
): Promise<CreateOutcome> {
	const problems: FieldProblem[] = [];
	const area = new Set(team.buurten.map((b) => b.code));
	if (!input.buurtCodes.every((code) => area.has(code))) {
		return { kind: 'invalid', fields: [{ field: 'buurt', problem: 'not_a_member' }] };
	}
	const [theme] = await tx.query('select 1 from public.themes where code = $1', [input.themeCode]);
	if (!theme) problems.push({ field: 'thema', problem: 'unknown_leefgebied' });
	if (problems.length > 0) return { kind: 'invalid', fields: problems };
	const [row] = await tx.query<{ id: string }>(
		`insert into public.signals (team_id, theme_code, buurt_codes, title, household_count, source, created_by)
		 values ($1, $2, $3::text[], $4, $5, 'hand', (select auth.uid()))
		 returning id`,
		[team.id, input.themeCode, input.buurtCodes, input.title, input.householdCount]
	);
	if (input.note) await addNote(tx, row.id, input.note);
	return { kind: 'created', id: row.id };
}
