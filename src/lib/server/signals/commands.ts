// Signals of a wijkteam: made from a cluster or by hand, then carried through signaleren →
// beoordelen → interveniëren → evalueren → afgesloten. Every function runs with the member's
// claims: RLS shows a member only their own teams' signals (another team's id is "not found"),
// and the trigger private.signal_workflow enforces the workflow and writes the audit trail.
//
// Optimistic locking: each change names the version the member started from and updates
// `where id = $1 and version = $2`; the trigger adds one to the version. When someone else was
// first, nothing is written and the caller gets `conflict`: the page then shows the latest
// version and keeps what the member typed.
import type { AssignForm, BackForm } from '$lib/schemas/signal-change';
import type { StepForm } from '$lib/schemas/signal-step';
import {
	missingFields,
	nextStatus,
	transitionProblem,
	workflowRuleOf
} from '$lib/signals/workflow';
import { err, ok, type Result } from '$lib/result';
import type { Tx } from '$lib/server/db/types';
import {
	fieldsOf,
	REQUIRED_FIELD_INPUT,
	signalRow,
	type ChangeOutcome,
	type FieldProblem,
	type SignalRow
} from './signal-row';

/**
 * Runs a write under a savepoint, so a refusal by the database (the workflow trigger, a
 * constraint) leaves the transaction usable and is returned instead of thrown.
 */
async function guarded<T>(tx: Tx, write: () => Promise<T>): Promise<Result<T, string>> {
	await tx.query('savepoint signal_change');
	try {
		const value = await write();
		await tx.query('release savepoint signal_change');
		return ok(value);
	} catch (error) {
		await tx.query('rollback to savepoint signal_change');
		const code = (error as { code?: string }).code ?? '';
		const message = error instanceof Error ? error.message : String(error);
		const rule = workflowRuleOf(message);
		if (rule) return err(rule);
		// A foreign key (an offer removed meanwhile) or a check: refused, with a general message.
		if (code.startsWith('23') || code === '42501') return err('signal_refused');
		throw error;
	}
}

async function updated(tx: Tx, sql: string, params: unknown[]): Promise<ChangeOutcome> {
	const result = await guarded(tx, () => tx.query<{ version: number }>(sql, params));
	if (!result.ok) return err({ kind: 'refused', rule: result.error });
	// No row: someone else changed it between our read and this write (PostgreSQL under load).
	return result.value.length === 1 ? ok(null) : err({ kind: 'conflict' });
}

/** The current row, checked against what the member saw. */
async function current(
	tx: Tx,
	id: string,
	version: number
): Promise<{ row: SignalRow } | { outcome: ChangeOutcome }> {
	const row = await signalRow(tx, id, 'nl', true);
	if (!row) return { outcome: err({ kind: 'not_found' }) };
	if (Number(row.version) !== version) return { outcome: err({ kind: 'conflict' }) };
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
	if (row.status !== form.seenStatus || form.input.step !== row.status)
		return err({ kind: 'tampered' });
	const target = form.action === 'verder' ? nextStatus(row.status) : row.status;
	if (!target) return err({ kind: 'tampered' });

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
	if (problems.length > 0) return err({ kind: 'invalid', fields: problems });

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
	if (found.row.status !== form.seenStatus) return err({ kind: 'tampered' });
	const problem = transitionProblem(found.row.status, form.to, form.reason);
	if (problem === 'back_without_reason') {
		return err({ kind: 'invalid', fields: [{ field: 'reden', problem: 'reason_required' }] });
	}
	if (problem || form.to === found.row.status || form.to === nextStatus(found.row.status)) {
		return err({ kind: 'invalid', fields: [{ field: 'naar', problem: 'back_to' }] });
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
			return err({ kind: 'invalid', fields: [{ field: 'aan', problem: 'not_a_member' }] });
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
	if (!row) return err({ kind: 'not_found' });
	const result = await guarded(tx, () =>
		tx.query(
			`insert into public.signal_events (signal_id, actor_id, kind, note)
			 values ($1, (select auth.uid()), 'notitie', $2)`,
			[id, note]
		)
	);
	return result.ok ? ok(null) : err({ kind: 'refused', rule: result.error });
}
