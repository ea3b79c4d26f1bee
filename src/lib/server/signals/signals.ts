// Signals of a wijkteam: made from a cluster or by hand, then carried through signaleren →
// beoordelen → interveniëren → evalueren → afgesloten. Every function runs with the member's
// claims: RLS shows a member only their own teams' signals (another team's id is "not found"),
// and the trigger private.signal_workflow enforces the workflow and writes the audit trail.
//
// Optimistic locking: each change names the version the member started from and updates
// `where id = $1 and version = $2`; the trigger adds one to the version. When someone else was
// first, nothing is written and the caller gets `conflict`: the page then shows the latest
// version and keeps what the member typed.
import type { SharedNeedCluster, SharedNeedsResult } from '$lib/analysis/shared-needs';
import type {
	AssignForm,
	BackForm,
	ClusterSignalInput,
	HandSignalInput,
	StepForm
} from '$lib/schemas/signal';
import {
	missingFields,
	nextStatus,
	transitionProblem,
	workflowRuleOf,
	type Burgerkracht,
	type InterventionKind,
	type RequiredField,
	type SignalStatus,
	type SignalStepFields,
	type Urgency
} from '$lib/signals/workflow';
import type {
	DetectionSnapshot,
	OfferOption,
	SignalEventView,
	SignalListItem,
	SignalView
} from '$lib/signals/types';
import { UUID_PATTERN as UUID } from '$lib/schemas/form';
import type { Tx } from '$lib/server/db/types';
import type { TeamArea } from './detection';

export type Locale = 'nl' | 'en';

/** How a change ended. `invalid` carries field errors as rule names (see the routes' messages). */
export type ChangeOutcome =
	| { kind: 'ok' }
	| { kind: 'not_found' }
	| { kind: 'conflict' }
	| { kind: 'tampered' }
	| { kind: 'invalid'; fields: FieldProblem[] }
	| { kind: 'refused'; rule: string };

/** A problem with one field of a form: which field (form name) and why. */
export interface FieldProblem {
	field: string;
	problem:
		| RequiredField
		| 'unknown_offer'
		| 'unknown_leefgebied'
		| 'not_a_member'
		| 'reason_required'
		| 'back_to';
}

/** The form field (input name) each required field belongs to. */
export const REQUIRED_FIELD_INPUT: Record<RequiredField, string> = {
	assessment: 'beoordeling',
	urgency: 'urgentie',
	leefgebieden: 'leefgebied',
	burgerkracht: 'burgerkracht',
	interventionKind: 'interventie',
	linkedOffer: 'aanbod',
	interventionNote: 'interventie_toelichting',
	outcome: 'uitkomst',
	householdsReached: 'bereikt'
};

// ============================================================================================
// Reading
// ============================================================================================

const themeName = (locale: Locale) =>
	locale === 'en' ? 'coalesce(t.name_en, t.name_nl)' : 't.name_nl';

/** The team's signals, open ones first, newest change first. */
export async function teamSignals(
	tx: Tx,
	teamId: string,
	locale: Locale
): Promise<SignalListItem[]> {
	const rows = await tx.query<{
		id: string;
		title: string;
		theme_code: string;
		theme_name: string;
		buurt_codes: string[];
		status: SignalStatus;
		household_count: number;
		intervention_kind: InterventionKind | null;
		assigned_to: string | null;
		updated_at: Date | string;
	}>(
		`select s.id, s.title, s.theme_code, ${themeName(locale)} as theme_name, s.buurt_codes,
		        s.status::text as status, s.household_count, s.intervention_kind,
		        d.display_name as assigned_to, s.updated_at
		   from public.signals s
		   join public.themes t on t.code = s.theme_code
		   left join private.team_directory($1) d on d.user_id = s.assigned_to
		  where s.team_id = $1
		  order by s.status = 'afgesloten', s.updated_at desc, s.id
		  limit 500`,
		[teamId]
	);
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		themeCode: r.theme_code,
		themeName: r.theme_name,
		buurtCodes: r.buurt_codes,
		status: r.status,
		householdCount: Number(r.household_count),
		interventionKind: r.intervention_kind,
		assignedTo: r.assigned_to,
		updatedAt: new Date(r.updated_at).toISOString()
	}));
}

/** An open signal of the team that already covers a cluster (same theme, a buurt in common). */
export function signalCovering(
	signals: readonly SignalListItem[],
	cluster: Pick<SharedNeedCluster, 'themeCode' | 'buurtCodes'>
): SignalListItem | null {
	return (
		signals.find(
			(s) =>
				s.status !== 'afgesloten' &&
				s.themeCode === cluster.themeCode &&
				s.buurtCodes.some((code) => cluster.buurtCodes.includes(code))
		) ?? null
	);
}

interface SignalRow {
	id: string;
	team_id: string;
	team_name: string;
	gemeente_code: string;
	theme_code: string;
	theme_name: string;
	buurt_codes: string[];
	title: string;
	status: SignalStatus;
	household_count: number;
	source: 'hand' | 'cluster';
	detection: DetectionSnapshot | null;
	assessment: string | null;
	urgency: Urgency | null;
	leefgebieden: string[];
	burgerkracht: Burgerkracht | null;
	intervention_kind: InterventionKind | null;
	linked_initiative_id: string | null;
	linked_provision_id: string | null;
	intervention_note: string | null;
	outcome: string | null;
	households_reached: number | null;
	assigned_to: string | null;
	created_by: string | null;
	created_at: Date | string;
	updated_at: Date | string;
	version: number;
}

async function signalRow(tx: Tx, id: string, locale: Locale, lock = false) {
	if (!UUID.test(id)) return null;
	const [row] = await tx.query<SignalRow>(
		`select s.id, s.team_id, tm.name as team_name, tm.gemeente_code, s.theme_code,
		        ${themeName(locale)} as theme_name, s.buurt_codes, s.title, s.status::text as status,
		        s.household_count, s.source, s.detection, s.assessment, s.urgency, s.leefgebieden,
		        s.burgerkracht, s.intervention_kind, s.linked_initiative_id, s.linked_provision_id,
		        s.intervention_note, s.outcome, s.households_reached, s.assigned_to, s.created_by,
		        s.created_at, s.updated_at, s.version
		   from public.signals s
		   join public.teams tm on tm.id = s.team_id
		   join public.themes t on t.code = s.theme_code
		  where s.id = $1
		    and (select private.is_team_member(s.team_id))
		  ${lock ? 'for update of s' : ''}`,
		[id]
	);
	return row ?? null;
}

function fieldsOf(row: SignalRow): SignalStepFields {
	return {
		assessment: row.assessment,
		urgency: row.urgency,
		leefgebieden: row.leefgebieden ?? [],
		burgerkracht: row.burgerkracht,
		interventionKind: row.intervention_kind,
		linkedInitiativeId: row.linked_initiative_id,
		linkedProvisionId: row.linked_provision_id,
		interventionNote: row.intervention_note,
		outcome: row.outcome,
		householdsReached: row.households_reached === null ? null : Number(row.households_reached)
	};
}

/**
 * One signal with its trail, for its page; null when the caller may not see it (another team's
 * signal, or no such signal: the route answers 404 for both). Council members read signals that
 * ask for a provision through RLS, but not through this page: it is for the team's members.
 */
export async function loadSignal(tx: Tx, id: string, locale: Locale): Promise<SignalView | null> {
	const row = await signalRow(tx, id, locale);
	if (!row) return null;
	const members = await tx.query<{ user_id: string; display_name: string }>(
		'select user_id, display_name from private.team_directory($1)',
		[row.team_id]
	);
	const names = new Map(members.map((m) => [m.user_id, m.display_name]));
	const buurten = await tx.query<{ code: string; name: string }>(
		`select b.code, b.name from unnest($1::text[]) with ordinality as c (code, n)
		   join public.buurten b on b.code = c.code order by c.n`,
		[row.buurt_codes]
	);
	const themes = await tx.query<{ code: string; name: string }>(
		`select t.code, ${themeName(locale)} as name from public.themes t order by t.sort_order, t.code`
	);
	const events = await tx.query<{
		id: string;
		kind: SignalEventView['kind'];
		created_at: Date | string;
		actor_id: string | null;
		from_status: SignalStatus | null;
		to_status: SignalStatus | null;
		note: string | null;
		payload: { fields?: string[]; assigned_to?: string | null };
	}>(
		`select e.id::text as id, e.kind, e.created_at, e.actor_id, e.from_status::text as from_status,
		        e.to_status::text as to_status, e.note, e.payload
		   from public.signal_events e
		  where e.signal_id = $1
		  order by e.created_at, e.id`,
		[row.id]
	);
	const offers = await offerOptions(tx, row);
	const linked = offers.find(
		(o) => o.id === (row.linked_initiative_id ?? row.linked_provision_id ?? '')
	);
	return {
		id: row.id,
		teamId: row.team_id,
		teamName: row.team_name,
		gemeenteCode: row.gemeente_code,
		theme: { code: row.theme_code, name: row.theme_name },
		buurten,
		title: row.title,
		status: row.status,
		householdCount: Number(row.household_count),
		source: row.source,
		detection: row.detection,
		fields: fieldsOf(row),
		linkedOfferName: linked?.name ?? null,
		assignedTo: row.assigned_to
			? { id: row.assigned_to, name: names.get(row.assigned_to) ?? '' }
			: null,
		createdByName: row.created_by ? (names.get(row.created_by) ?? null) : null,
		createdAt: new Date(row.created_at).toISOString(),
		updatedAt: new Date(row.updated_at).toISOString(),
		version: Number(row.version),
		events: events.map((e) => ({
			id: e.id,
			kind: e.kind,
			at: new Date(e.created_at).toISOString(),
			actorId: e.actor_id,
			actorName: e.actor_id ? (names.get(e.actor_id) ?? null) : null,
			from: e.from_status,
			to: e.to_status,
			note: e.note,
			fields: e.payload?.fields ?? [],
			assignedToName: e.payload?.assigned_to ? (names.get(e.payload.assigned_to) ?? null) : null
		})),
		members: members.map((m) => ({ id: m.user_id, name: m.display_name })),
		themes,
		offers
	};
}

/**
 * What an intervention can link: published initiatives (of the theme) and provisions (of the
 * theme) in the signal's gemeente, and whatever the signal links now.
 */
async function offerOptions(tx: Tx, row: SignalRow): Promise<OfferOption[]> {
	const rows = await tx.query<{
		kind: 'initiative' | 'provision';
		id: string;
		name: string;
		buurt_name: string;
	}>(
		`select 'initiative' as kind, i.id, i.name, b.name as buurt_name
		   from public.initiatives i
		   join public.buurten b on b.code = i.buurt_code
		  where (i.status = 'published' and b.gemeente_code = $1
		         and exists (select 1 from public.initiative_themes it
		                      where it.initiative_id = i.id and it.theme_code = $2))
		     or i.id = $3
		 union all
		 select 'provision' as kind, p.id, p.name, b.name as buurt_name
		   from public.provisions p
		   join public.buurten b on b.code = p.buurt_code
		  where (p.status = 'published' and b.gemeente_code = $1 and p.theme_code = $2)
		     or p.id = $4
		  order by 1, 3, 2`,
		[row.gemeente_code, row.theme_code, row.linked_initiative_id, row.linked_provision_id]
	);
	return rows.map((r) => ({ kind: r.kind, id: r.id, name: r.name, buurtName: r.buurt_name }));
}

// ============================================================================================
// Creating
// ============================================================================================

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

// ============================================================================================
// Changing
// ============================================================================================

/**
 * Runs a write under a savepoint, so a refusal by the database (the workflow trigger, a
 * constraint) leaves the transaction usable and is returned instead of thrown.
 */
async function guarded<T>(
	tx: Tx,
	write: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; rule: string }> {
	await tx.query('savepoint signal_change');
	try {
		const value = await write();
		await tx.query('release savepoint signal_change');
		return { ok: true, value };
	} catch (error) {
		await tx.query('rollback to savepoint signal_change');
		const code = (error as { code?: string }).code ?? '';
		const message = error instanceof Error ? error.message : String(error);
		const rule = workflowRuleOf(message);
		if (rule) return { ok: false, rule };
		// A foreign key (an offer removed meanwhile) or a check: refused, with a general message.
		if (code.startsWith('23') || code === '42501') return { ok: false, rule: 'signal_refused' };
		throw error;
	}
}

async function updated(tx: Tx, sql: string, params: unknown[]): Promise<ChangeOutcome> {
	const result = await guarded(tx, () => tx.query<{ version: number }>(sql, params));
	if (!result.ok) return { kind: 'refused', rule: result.rule };
	// No row: someone else changed it between our read and this write (PostgreSQL under load).
	return result.value.length === 1 ? { kind: 'ok' } : { kind: 'conflict' };
}

/** The current row, checked against what the member saw. */
async function current(
	tx: Tx,
	id: string,
	version: number
): Promise<{ row: SignalRow } | { outcome: ChangeOutcome }> {
	const row = await signalRow(tx, id, 'nl', true);
	if (!row) return { outcome: { kind: 'not_found' } };
	if (Number(row.version) !== version) return { outcome: { kind: 'conflict' } };
	return { row };
}

async function offerExists(tx: Tx, kind: 'initiative' | 'provision', id: string) {
	const table = kind === 'initiative' ? 'public.initiatives' : 'public.provisions';
	const rows = await tx.query(`select 1 from ${table} where id = $1 and status = 'published'`, [
		id
	]);
	return rows.length === 1;
}

/** Saves the current step's fields, and with `verder` moves to the next step. */
export async function saveStep(tx: Tx, id: string, form: StepForm): Promise<ChangeOutcome> {
	const found = await current(tx, id, form.version);
	if ('outcome' in found) return found.outcome;
	const { row } = found;
	// Same version, so the same status: a different one means the form itself was changed.
	if (row.status !== form.seenStatus || form.input.step !== row.status) return { kind: 'tampered' };
	const target = form.action === 'verder' ? nextStatus(row.status) : row.status;
	if (!target) return { kind: 'tampered' };

	const fields = fieldsOf(row);
	const input = form.input;
	const problems: FieldProblem[] = [];
	let sql: string;
	let params: unknown[];
	switch (input.step) {
		case 'signaleren':
			sql = 'title = $3, household_count = $4';
			params = [input.title, input.householdCount];
			break;
		case 'beoordelen': {
			const known = await tx.query<{ code: string }>(
				'select code from public.themes where code = any($1::text[])',
				[input.leefgebieden]
			);
			if (known.length !== input.leefgebieden.length) {
				problems.push({ field: 'leefgebied', problem: 'unknown_leefgebied' });
			}
			Object.assign(fields, {
				assessment: input.assessment || null,
				urgency: input.urgency,
				leefgebieden: input.leefgebieden,
				burgerkracht: input.burgerkracht
			});
			sql = `assessment = nullif($3, ''), urgency = $4, leefgebieden = $5::text[],
			       burgerkracht = $6::text::jsonb`;
			params = [
				input.assessment,
				input.urgency,
				input.leefgebieden,
				input.burgerkracht ? JSON.stringify(input.burgerkracht) : null
			];
			break;
		}
		case 'interveniëren': {
			// An offer is linked only for "existing offer"; another answer keeps no stale link.
			const offer = input.interventionKind === 'bestaand_aanbod' ? input.offer : null;
			if (offer && !(await offerExists(tx, offer.kind, offer.id))) {
				problems.push({ field: 'aanbod', problem: 'unknown_offer' });
			}
			Object.assign(fields, {
				interventionKind: input.interventionKind,
				linkedInitiativeId: offer?.kind === 'initiative' ? offer.id : null,
				linkedProvisionId: offer?.kind === 'provision' ? offer.id : null,
				interventionNote: input.interventionNote || null
			});
			sql = `intervention_kind = $3, linked_initiative_id = $4, linked_provision_id = $5,
			       intervention_note = nullif($6, '')`;
			params = [
				input.interventionKind,
				fields.linkedInitiativeId,
				fields.linkedProvisionId,
				input.interventionNote
			];
			break;
		}
		case 'evalueren':
			Object.assign(fields, {
				outcome: input.outcome || null,
				householdsReached: input.householdsReached
			});
			sql = `outcome = nullif($3, ''), households_reached = $4`;
			params = [input.outcome, input.householdsReached];
			break;
	}
	for (const missing of missingFields(target, fields)) {
		problems.push({ field: REQUIRED_FIELD_INPUT[missing], problem: missing });
	}
	if (problems.length > 0) return { kind: 'invalid', fields: problems };

	const n = params.length + 3;
	return updated(
		tx,
		`update public.signals set ${sql}, status = $${n}::public.signal_status
		  where id = $1 and version = $2 returning version`,
		[id, form.version, ...params, target]
	);
}

/** Back to an earlier step, with the reason (it goes into the trail). */
export async function moveBack(tx: Tx, id: string, form: BackForm): Promise<ChangeOutcome> {
	const found = await current(tx, id, form.version);
	if ('outcome' in found) return found.outcome;
	if (found.row.status !== form.seenStatus) return { kind: 'tampered' };
	const problem = transitionProblem(found.row.status, form.to, form.reason);
	if (problem === 'back_without_reason') {
		return { kind: 'invalid', fields: [{ field: 'reden', problem: 'reason_required' }] };
	}
	if (problem || form.to === found.row.status || form.to === nextStatus(found.row.status)) {
		return { kind: 'invalid', fields: [{ field: 'naar', problem: 'back_to' }] };
	}
	return updated(
		tx,
		`update public.signals set status = $3::public.signal_status, change_note = $4
		  where id = $1 and version = $2 returning version`,
		[id, form.version, form.to, form.reason]
	);
}

/** Assigns the signal to a member of its team, or to nobody. */
export async function assign(tx: Tx, id: string, form: AssignForm): Promise<ChangeOutcome> {
	const found = await current(tx, id, form.version);
	if ('outcome' in found) return found.outcome;
	if (form.assignee) {
		const members = await tx.query('select 1 from private.team_directory($1) where user_id = $2', [
			found.row.team_id,
			form.assignee
		]);
		if (members.length === 0) {
			return { kind: 'invalid', fields: [{ field: 'aan', problem: 'not_a_member' }] };
		}
	}
	return updated(
		tx,
		'update public.signals set assigned_to = $3 where id = $1 and version = $2 returning version',
		[id, form.version, form.assignee]
	);
}

/** A note in the trail. Notes do not change the signal, so they need no version. */
export async function addNote(tx: Tx, id: string, note: string): Promise<ChangeOutcome> {
	const row = await signalRow(tx, id, 'nl');
	if (!row) return { kind: 'not_found' };
	const result = await guarded(tx, () =>
		tx.query(
			`insert into public.signal_events (signal_id, actor_id, kind, note)
			 values ($1, (select auth.uid()), 'notitie', $2)`,
			[id, note]
		)
	);
	return result.ok ? { kind: 'ok' } : { kind: 'refused', rule: result.rule };
}
