// What the signal reads and commands share: the row as stored, its step fields, the outcome
// and field-problem types, and the form field each required field belongs to.
import {
	type Burgerkracht,
	type InterventionKind,
	type RequiredField,
	type SignalStatus,
	type SignalStepFields,
	type Urgency
} from '$lib/signals/workflow';
import type { DetectionSnapshot } from '$lib/signals/types';
import { UUID_PATTERN as UUID } from '$lib/schemas/form';
import type { Result } from '$lib/result';
import type { Tx } from '$lib/server/db/types';

export type Locale = 'nl' | 'en';

/** How a change ended: done, or why not. */
export type ChangeOutcome = Result<null, ChangeProblem>;

/** Why a change was not made. `invalid` carries field errors as rule names (see the routes' messages). */
export type ChangeProblem =
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

export const themeName = (locale: Locale) =>
	locale === 'en' ? 'coalesce(t.name_en, t.name_nl)' : 't.name_nl';

export interface SignalRow {
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

export async function signalRow(tx: Tx, id: string, locale: Locale, lock = false) {
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

export function fieldsOf(row: SignalRow): SignalStepFields {
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
