// The step forms of a signal: the fields of signaleren, beoordelen, interveniëren and
// evalueren, with "opslaan" or "verder".
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	BURGERKRACHT_KINDS,
	INTERVENTION_KINDS,
	URGENCIES,
	type Burgerkracht,
	type InterventionKind,
	type SignalStatus,
	type Urgency
} from '$lib/signals/workflow';
import {
	allValues,
	fieldErrors,
	formFields as firstValues,
	UUID_PATTERN as UUID,
	type Parsed
} from './form';
import {
	optional,
	optionalCount,
	requiredText,
	SIGNAL_HOUSEHOLDS_MAX,
	SIGNAL_NOTE_MAX,
	SIGNAL_TEXT_MAX,
	SIGNAL_TITLE_MAX,
	status,
	tampered,
	text,
	THEME,
	version
} from './signal-fields';

/** An offer an intervention links: "initiatief:<uuid>" or "voorziening:<uuid>" in the form. */
export type OfferRef = { kind: 'initiative' | 'provision'; id: string };

export function offerValue(offer: OfferRef | null): string {
	if (!offer) return '';
	return `${offer.kind === 'initiative' ? 'initiatief' : 'voorziening'}:${offer.id}`;
}

/** What one step's form records. Only the current step's fields are sent and saved. */
export type StepInput =
	| { step: 'signaleren'; title: string; householdCount: number }
	| {
			step: 'beoordelen';
			assessment: string;
			urgency: Urgency | null;
			leefgebieden: string[];
			burgerkracht: Burgerkracht | null;
	  }
	| {
			step: 'interveniëren';
			interventionKind: InterventionKind | null;
			offer: OfferRef | null;
			interventionNote: string;
	  }
	| { step: 'evalueren'; outcome: string; householdsReached: number | null };

export interface StepForm {
	version: number;
	/** The status the member saw; with the version, it says which step's form this was. */
	seenStatus: SignalStatus;
	/** opslaan: save; verder: save and move to the next step. */
	action: 'opslaan' | 'verder';
	input: StepInput;
}

/** The fields each step's form sends (for filling a form in again, and the "your input" box). */
export const STEP_FIELDS: Record<Exclude<SignalStatus, 'afgesloten'>, readonly string[]> = {
	signaleren: ['titel', 'huishoudens'],
	beoordelen: [
		'beoordeling',
		'urgentie',
		'leefgebied',
		...BURGERKRACHT_KINDS,
		'burgerkracht_toelichting'
	],
	interveniëren: ['interventie', 'aanbod', 'interventie_toelichting'],
	evalueren: ['uitkomst', 'bereikt']
};

export const stepHeader = z.object({
	versie: version,
	status,
	actie: z.enum(['opslaan', 'verder'], { error: tampered })
});

const yesNo = optional(z.enum(['ja', 'nee'], { error: tampered }));

const stepSchemas = {
	signaleren: z.object({
		titel: requiredText(
			SIGNAL_TITLE_MAX,
			() => m.signal_error_title_required(),
			() => m.signal_error_too_long({ max: SIGNAL_TITLE_MAX })
		),
		huishoudens: optionalCount(SIGNAL_HOUSEHOLDS_MAX).refine((value) => value !== null, {
			error: () => m.signal_error_households_required()
		})
	}),
	beoordelen: z.object({
		beoordeling: text(SIGNAL_TEXT_MAX, () => m.signal_error_too_long({ max: SIGNAL_TEXT_MAX })),
		urgentie: optional(z.enum(URGENCIES, { error: tampered })),
		leefgebied: z.array(z.string().regex(THEME, { error: tampered })).max(20, { error: tampered }),
		eigen_kracht: yesNo,
		netwerk: yesNo,
		buurtinitiatieven: yesNo,
		burgerkracht_toelichting: text(SIGNAL_NOTE_MAX, () =>
			m.signal_error_too_long({ max: SIGNAL_NOTE_MAX })
		)
	}),
	interveniëren: z.object({
		interventie: optional(z.enum(INTERVENTION_KINDS, { error: tampered })),
		aanbod: optional(
			z
				.string({ error: tampered })
				.regex(/^(initiatief|voorziening):[0-9a-f-]{36}$/i, { error: tampered })
				.refine((value) => UUID.test(value.split(':')[1]), { error: tampered })
		),
		interventie_toelichting: text(SIGNAL_TEXT_MAX, () =>
			m.signal_error_too_long({ max: SIGNAL_TEXT_MAX })
		)
	}),
	evalueren: z.object({
		uitkomst: text(SIGNAL_TEXT_MAX, () => m.signal_error_too_long({ max: SIGNAL_TEXT_MAX })),
		bereikt: optionalCount(SIGNAL_HOUSEHOLDS_MAX)
	})
};

function stepInputOf(step: SignalStatus, form: FormData): Parsed<StepInput> {
	const values = firstValues(form);
	switch (step) {
		case 'signaleren': {
			const parsed = stepSchemas.signaleren.safeParse(values);
			if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
			return {
				ok: true,
				value: { step, title: parsed.data.titel, householdCount: parsed.data.huishoudens! }
			};
		}
		case 'beoordelen': {
			const parsed = stepSchemas.beoordelen.safeParse({
				...values,
				leefgebied: allValues(form, 'leefgebied')
			});
			if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
			const value = parsed.data;
			const burgerkracht: Burgerkracht = {};
			for (const kind of BURGERKRACHT_KINDS) {
				if (value[kind]) burgerkracht[kind] = value[kind] === 'ja';
			}
			if (value.burgerkracht_toelichting) burgerkracht.toelichting = value.burgerkracht_toelichting;
			return {
				ok: true,
				value: {
					step,
					assessment: value.beoordeling,
					urgency: value.urgentie ?? null,
					leefgebieden: [...new Set(value.leefgebied)].sort(),
					burgerkracht: Object.keys(burgerkracht).length > 0 ? burgerkracht : null
				}
			};
		}
		case 'interveniëren': {
			const parsed = stepSchemas.interveniëren.safeParse(values);
			if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
			const [kind, id] = parsed.data.aanbod?.split(':') ?? [];
			return {
				ok: true,
				value: {
					step,
					interventionKind: parsed.data.interventie ?? null,
					offer: id
						? { kind: kind === 'initiatief' ? 'initiative' : 'provision', id: id.toLowerCase() }
						: null,
					interventionNote: parsed.data.interventie_toelichting
				}
			};
		}
		case 'evalueren': {
			const parsed = stepSchemas.evalueren.safeParse(values);
			if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
			return {
				ok: true,
				value: { step, outcome: parsed.data.uitkomst, householdsReached: parsed.data.bereikt }
			};
		}
		case 'afgesloten':
			return { ok: false, error: { form: tampered() } };
	}
}

/** A posted step form: hidden fields first (a problem there means the form was changed). */
export function parseStepForm(form: FormData): Parsed<StepForm> {
	const header = stepHeader.safeParse(firstValues(form));
	if (!header.success) return { ok: false, error: { form: tampered() } };
	const input = stepInputOf(header.data.status, form);
	if (!input.ok) return input;
	return {
		ok: true,
		value: {
			version: header.data.versie,
			seenStatus: header.data.status,
			action: header.data.actie,
			input: input.value
		}
	};
}
