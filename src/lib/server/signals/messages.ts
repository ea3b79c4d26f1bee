// Translated messages for what the signal service and the database's workflow trigger report.
import { m } from '$lib/paraglide/messages';
import type { FieldErrors } from '$lib/schemas/form';
import type { FieldProblem } from './signal-row';

const RULES: Record<string, () => string> = {
	signal_skip: m.signal_error_skip,
	signal_back_without_reason: m.signal_error_reason_required,
	signal_starts_at_signaleren: m.signal_error_tampered,
	signal_fixed: m.signal_error_tampered,
	signal_outside_area: m.signal_error_outside_area,
	signal_assignee_not_in_team: m.signal_error_not_a_member,
	signal_unknown_leefgebied: m.signal_error_unknown_leefgebied,
	signal_note_too_long: () => m.signal_error_too_long({ max: 5000 }),
	signal_requires_assessment: m.signal_error_required_assessment,
	signal_requires_urgency: m.signal_error_required_urgency,
	signal_requires_leefgebieden: m.signal_error_required_leefgebieden,
	signal_requires_burgerkracht: m.signal_error_required_burgerkracht,
	signal_requires_intervention: m.signal_error_required_intervention,
	signal_requires_linked_offer: m.signal_error_required_offer,
	signal_requires_intervention_note: m.signal_error_required_intervention_note,
	signal_requires_outcome: m.signal_error_required_outcome,
	signal_requires_households_reached: m.signal_error_required_households_reached
};

/** The message for a rule the database named (signal_skip, …); a general one otherwise. */
export function ruleMessage(rule: string): string {
	return (RULES[rule] ?? m.signal_error_refused)();
}

const PROBLEMS: Record<FieldProblem['problem'], () => string> = {
	assessment: m.signal_error_required_assessment,
	urgency: m.signal_error_required_urgency,
	leefgebieden: m.signal_error_required_leefgebieden,
	burgerkracht: m.signal_error_required_burgerkracht,
	interventionKind: m.signal_error_required_intervention,
	linkedOffer: m.signal_error_required_offer,
	interventionNote: m.signal_error_required_intervention_note,
	outcome: m.signal_error_required_outcome,
	householdsReached: m.signal_error_required_households_reached,
	unknown_offer: m.signal_error_unknown_offer,
	unknown_leefgebied: m.signal_error_unknown_leefgebied,
	not_a_member: m.signal_error_not_a_member,
	reason_required: m.signal_error_reason_required,
	back_to: m.signal_error_back_to
};

export function fieldProblemErrors(problems: readonly FieldProblem[]): FieldErrors {
	const errors: FieldErrors = {};
	for (const { field, problem } of problems) errors[field] ??= PROBLEMS[problem]();
	return errors;
}
