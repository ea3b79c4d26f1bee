// The signal workflow of the wijkteam workspace: signaleren → beoordelen → interveniëren →
// evalueren → afgesloten (Platform31, "Bouwen aan burgerkracht", 2015). Pure rules shared by the
// server and the pages. The database enforces the same rules in the trigger
// private.signal_workflow (supabase/migrations/20261128200000_wijkteam_workspace.sql): the app
// checks first so people get a message per field; the trigger makes sure nothing else gets in.

export const SIGNAL_STATES = [
	'signaleren',
	'beoordelen',
	'interveniëren',
	'evalueren',
	'afgesloten'
] as const;
export type SignalStatus = (typeof SIGNAL_STATES)[number];

export const URGENCIES = ['laag', 'middel', 'hoog'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const INTERVENTION_KINDS = [
	'bestaand_aanbod',
	'nieuwe_voorziening',
	'individuele_ondersteuning'
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

/** The burgerkracht the assessment records: own strength, the network, neighbourhood initiatives. */
export const BURGERKRACHT_KINDS = ['eigen_kracht', 'netwerk', 'buurtinitiatieven'] as const;
export type BurgerkrachtKind = (typeof BURGERKRACHT_KINDS)[number];

/**
 * Per kind: present (true), not present (false) or not answered yet (absent; saving half an
 * assessment keeps what was answered). Interveniëren needs all three answered.
 */
export type Burgerkracht = Partial<Record<BurgerkrachtKind, boolean>> & {
	toelichting?: string | null;
};

export function burgerkrachtComplete(value: Burgerkracht | null): boolean {
	return value !== null && BURGERKRACHT_KINDS.every((kind) => typeof value[kind] === 'boolean');
}

/** What the steps record, as the database stores it. */
export interface SignalStepFields {
	assessment: string | null;
	urgency: Urgency | null;
	leefgebieden: string[];
	burgerkracht: Burgerkracht | null;
	interventionKind: InterventionKind | null;
	linkedInitiativeId: string | null;
	linkedProvisionId: string | null;
	interventionNote: string | null;
	outcome: string | null;
	householdsReached: number | null;
}

/** A field a state needs, named as the forms name their inputs' subjects. */
export type RequiredField =
	| 'assessment'
	| 'urgency'
	| 'leefgebieden'
	| 'burgerkracht'
	| 'interventionKind'
	| 'linkedOffer'
	| 'interventionNote'
	| 'outcome'
	| 'householdsReached';

export function isSignalStatus(value: unknown): value is SignalStatus {
	return typeof value === 'string' && (SIGNAL_STATES as readonly string[]).includes(value);
}

/** 0 for signaleren … 4 for afgesloten. */
export function stepIndex(status: SignalStatus): number {
	return SIGNAL_STATES.indexOf(status);
}

/** The next step, or null after afgesloten. */
export function nextStatus(status: SignalStatus): SignalStatus | null {
	return SIGNAL_STATES[stepIndex(status) + 1] ?? null;
}

/** The steps a signal can go back to (with a reason). */
export function earlierStates(status: SignalStatus): SignalStatus[] {
	return SIGNAL_STATES.slice(0, stepIndex(status));
}

export type TransitionProblem = 'skip' | 'back_without_reason';

/**
 * Whether a signal may go from one state to another: forward one step at a time, back to any
 * earlier step with a reason; staying is an edit. Null when allowed.
 */
export function transitionProblem(
	from: SignalStatus,
	to: SignalStatus,
	reason: string | null | undefined
): TransitionProblem | null {
	const a = stepIndex(from);
	const b = stepIndex(to);
	if (b > a + 1) return 'skip';
	if (b < a && !reason?.trim()) return 'back_without_reason';
	return null;
}

const blank = (value: string | null | undefined) => !value?.trim();

/**
 * The fields a signal in `status` must have: a state needs what every step before it produced.
 * Interveniëren needs the assessment (urgency, leefgebieden, burgerkracht); evalueren the chosen
 * answer (an existing offer linked, or a description of the new provision or the individual
 * support); afgesloten the evaluation (outcome, households reached).
 */
export function missingFields(status: SignalStatus, fields: SignalStepFields): RequiredField[] {
	const step = stepIndex(status);
	const missing: RequiredField[] = [];
	if (step >= stepIndex('interveniëren')) {
		if (blank(fields.assessment)) missing.push('assessment');
		if (!fields.urgency) missing.push('urgency');
		if (fields.leefgebieden.length === 0) missing.push('leefgebieden');
		if (!burgerkrachtComplete(fields.burgerkracht)) missing.push('burgerkracht');
	}
	if (step >= stepIndex('evalueren')) {
		if (!fields.interventionKind) missing.push('interventionKind');
		else if (fields.interventionKind === 'bestaand_aanbod') {
			if (!fields.linkedInitiativeId && !fields.linkedProvisionId) missing.push('linkedOffer');
		} else if (blank(fields.interventionNote)) missing.push('interventionNote');
	}
	if (step >= stepIndex('afgesloten')) {
		if (blank(fields.outcome)) missing.push('outcome');
		if (fields.householdsReached === null) missing.push('householdsReached');
	}
	return missing;
}

/**
 * The rule a database error names ("signal_skip: …" from the trigger), or null for any other
 * error. The app turns it into a translated message.
 */
export function workflowRuleOf(message: string): string | null {
	return /^(signal_[a-z_]+):/.exec(message)?.[1] ?? null;
}
