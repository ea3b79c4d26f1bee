import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	BURGERKRACHT_KINDS,
	INTERVENTION_KINDS,
	SIGNAL_STATES,
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
	parsedOf,
	UUID_PATTERN as UUID,
	type Parsed
} from './form';

export type { Parsed };

// The wijkteam workspace's forms (/wijkteam/signalen/…): the detection's settings travel in the
// URL (a GET form: shareable, works without JavaScript), the signal forms are posted. Field names
// are Dutch and the same in every language. Whether a team, theme, buurt or offer exists and is
// the member's to use is data: the server checks that (src/lib/server/signals).

/** The detection's look-back windows, in days. */
export const WORKSPACE_WINDOWS = [30, 60, 90, 180, 365] as const;
/** False discovery rates the form offers. */
export const WORKSPACE_FDRS = [0.01, 0.05, 0.1, 0.2] as const;
export const WORKSPACE_K_MIN = 2;
export const WORKSPACE_K_MAX = 50;
export const DEFAULT_WORKSPACE = { windowDays: 90, k: 5, fdr: 0.05 } as const;

export const SIGNAL_TITLE_MAX = 200;
export const SIGNAL_TEXT_MAX = 5000;
export const SIGNAL_NOTE_MAX = 2000;
export const SIGNAL_HOUSEHOLDS_MAX = 1_000_000;
export const SIGNAL_BUURTEN_MAX = 200;

const THEME = /^[a-z][a-z0-9-]{1,40}$/;
const BUURT = /^BU[0-9]{8}$/;
// Control characters other than tab and line breaks cannot be typed, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const codePoints = (value: string) => [...value].length;

const tampered = () => m.signal_error_tampered();

/** Text as typed, without control characters; '' when absent. */
const text = (max: number, tooLong: () => string) =>
	z
		.string({ error: tampered })
		.optional()
		.transform((value) => (value ?? '').replace(CONTROL, '').trim())
		.refine((value) => codePoints(value) <= max, { error: tooLong });

const requiredText = (max: number, required: () => string, tooLong: () => string) =>
	text(max, tooLong).refine((value) => value !== '', { error: required });

/** A whole number typed in a field; '' is "not filled in" (null). */
const optionalCount = (max: number) =>
	z
		.string({ error: tampered })
		.optional()
		.transform((value) => (value ?? '').trim())
		.refine((value) => value === '' || /^\d{1,9}$/.test(value), {
			error: () => m.signal_error_whole_number()
		})
		.transform((value) => (value === '' ? null : Number(value)))
		.refine((value) => value === null || value <= max, {
			error: () => m.signal_error_number_range({ max })
		});

const uuid = z
	.string({ error: tampered })
	.refine((value) => UUID.test(value), { error: tampered })
	.transform((value) => value.toLowerCase());

const version = z
	.string({ error: tampered })
	.regex(/^[1-9]\d{0,8}$/, { error: tampered })
	.transform(Number);

const status = z.enum(SIGNAL_STATES, { error: tampered });

/** Values of a field that may occur more than once (checkboxes, multiple select). */

// ============================================================================================
// The detection's settings (GET)
// ============================================================================================

export interface WorkspaceQuery {
	/** null: the member's first team. */
	teamId: string | null;
	windowDays: number;
	k: number;
	fdr: number;
}

const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const queryShape = {
	team: optional(uuid),
	venster: optional(
		z
			.string()
			.refine((value) => (WORKSPACE_WINDOWS as readonly number[]).includes(Number(value)), {
				error: () => m.signal_error_window()
			})
			.transform(Number)
	),
	k: optional(
		z
			.string()
			.regex(/^\d{1,3}$/, {
				error: () => m.signal_error_k({ min: WORKSPACE_K_MIN, max: WORKSPACE_K_MAX })
			})
			.transform(Number)
			.refine((value) => value >= WORKSPACE_K_MIN && value <= WORKSPACE_K_MAX, {
				error: () => m.signal_error_k({ min: WORKSPACE_K_MIN, max: WORKSPACE_K_MAX })
			})
	),
	fdr: optional(
		z
			.string()
			.transform((value) => value.trim().replace(',', '.'))
			.refine((value) => (WORKSPACE_FDRS as readonly number[]).includes(Number(value)), {
				error: () => m.signal_error_fdr()
			})
			.transform(Number)
	)
};

const querySchema = z.object(queryShape).transform((value): WorkspaceQuery => ({
	teamId: value.team ?? null,
	windowDays: value.venster ?? DEFAULT_WORKSPACE.windowDays,
	k: value.k ?? DEFAULT_WORKSPACE.k,
	fdr: value.fdr ?? DEFAULT_WORKSPACE.fdr
}));

export function parseWorkspaceQuery(params: URLSearchParams): Parsed<WorkspaceQuery> {
	return parsedOf(querySchema.safeParse(firstValues(params)));
}

/** The query string of a setting, defaults left out (the inverse of parseWorkspaceQuery). */
export function workspaceQueryString(query: WorkspaceQuery): string {
	const params = new URLSearchParams();
	if (query.teamId) params.set('team', query.teamId);
	if (query.windowDays !== DEFAULT_WORKSPACE.windowDays)
		params.set('venster', String(query.windowDays));
	if (query.k !== DEFAULT_WORKSPACE.k) params.set('k', String(query.k));
	if (query.fdr !== DEFAULT_WORKSPACE.fdr) params.set('fdr', String(query.fdr));
	return params.toString();
}

// ============================================================================================
// A signal from a cluster, and by hand
// ============================================================================================

export interface ClusterSignalInput extends WorkspaceQuery {
	teamId: string;
	themeCode: string;
	buurtCodes: string[];
}

const buurtList = z
	.string({ error: tampered })
	.transform((value) => value.split(','))
	.refine(
		(codes) =>
			codes.length >= 1 &&
			codes.length <= SIGNAL_BUURTEN_MAX &&
			codes.every((code) => BUURT.test(code)) &&
			new Set(codes).size === codes.length,
		{ error: tampered }
	);

const clusterSchema = z
	.object({
		...queryShape,
		team: uuid,
		thema: z.string({ error: tampered }).regex(THEME, { error: tampered }),
		buurten: buurtList
	})
	.transform((value): ClusterSignalInput => ({
		teamId: value.team,
		themeCode: value.thema,
		buurtCodes: [...value.buurten].sort(),
		windowDays: value.venster ?? DEFAULT_WORKSPACE.windowDays,
		k: value.k ?? DEFAULT_WORKSPACE.k,
		fdr: value.fdr ?? DEFAULT_WORKSPACE.fdr
	}));

/** The hidden fields of a cluster's "make a signal" button: any problem means it was changed. */
export function parseClusterSignal(form: FormData): Parsed<ClusterSignalInput> {
	const parsed = clusterSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: parsed.data }
		: { ok: false, errors: { form: tampered() } };
}

export interface HandSignalInput {
	teamId: string;
	themeCode: string;
	buurtCodes: string[];
	title: string;
	householdCount: number;
	note: string;
}

/** The form fields of a signal made by hand, as typed (to fill the form in again). */
export const HAND_SIGNAL_FIELDS = ['team', 'thema', 'titel', 'huishoudens', 'notitie'] as const;

const handSchema = z.object({
	team: uuid,
	thema: z
		.string({ error: () => m.signal_error_theme_required() })
		.regex(THEME, { error: () => m.signal_error_theme_required() }),
	buurt: z
		.array(z.string().regex(BUURT, { error: tampered }))
		.min(1, { error: () => m.signal_error_buurten_required() })
		.max(SIGNAL_BUURTEN_MAX, { error: tampered }),
	titel: requiredText(
		SIGNAL_TITLE_MAX,
		() => m.signal_error_title_required(),
		() => m.signal_error_too_long({ max: SIGNAL_TITLE_MAX })
	),
	huishoudens: optionalCount(SIGNAL_HOUSEHOLDS_MAX).refine((value) => value !== null, {
		error: () => m.signal_error_households_required()
	}),
	notitie: text(SIGNAL_NOTE_MAX, () => m.signal_error_too_long({ max: SIGNAL_NOTE_MAX }))
});

export function parseHandSignal(form: FormData): Parsed<HandSignalInput> {
	const parsed = handSchema.safeParse({ ...firstValues(form), buurt: allValues(form, 'buurt') });
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	const value = parsed.data;
	return {
		ok: true,
		value: {
			teamId: value.team,
			themeCode: value.thema,
			buurtCodes: [...new Set(value.buurt)].sort(),
			title: value.titel,
			householdCount: value.huishoudens!,
			note: value.notitie
		}
	};
}

// ============================================================================================
// The step forms of a signal
// ============================================================================================

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

const stepHeader = z.object({
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
			if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
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
			if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
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
			if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
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
			if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
			return {
				ok: true,
				value: { step, outcome: parsed.data.uitkomst, householdsReached: parsed.data.bereikt }
			};
		}
		case 'afgesloten':
			return { ok: false, errors: { form: tampered() } };
	}
}

/** A posted step form: hidden fields first (a problem there means the form was changed). */
export function parseStepForm(form: FormData): Parsed<StepForm> {
	const header = stepHeader.safeParse(firstValues(form));
	if (!header.success) return { ok: false, errors: { form: tampered() } };
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

export interface BackForm {
	version: number;
	seenStatus: SignalStatus;
	to: SignalStatus;
	reason: string;
}

const backSchema = z.object({
	versie: version,
	status,
	naar: z.enum(SIGNAL_STATES, { error: () => m.signal_error_back_to() }),
	reden: requiredText(
		SIGNAL_NOTE_MAX,
		() => m.signal_error_reason_required(),
		() => m.signal_error_too_long({ max: SIGNAL_NOTE_MAX })
	)
});

export function parseBackForm(form: FormData): Parsed<BackForm> {
	const values = firstValues(form);
	const header = stepHeader.pick({ versie: true, status: true }).safeParse(values);
	if (!header.success) return { ok: false, errors: { form: tampered() } };
	const parsed = backSchema.safeParse(values);
	if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
	return {
		ok: true,
		value: {
			version: parsed.data.versie,
			seenStatus: parsed.data.status,
			to: parsed.data.naar,
			reason: parsed.data.reden
		}
	};
}

export interface AssignForm {
	version: number;
	/** null: nobody. */
	assignee: string | null;
}

const assignSchema = z.object({ versie: version, aan: optional(uuid) });

export function parseAssignForm(form: FormData): Parsed<AssignForm> {
	const parsed = assignSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: { version: parsed.data.versie, assignee: parsed.data.aan ?? null } }
		: { ok: false, errors: { form: tampered() } };
}

const noteSchema = z.object({
	notitie: requiredText(
		SIGNAL_NOTE_MAX,
		() => m.signal_error_note_required(),
		() => m.signal_error_too_long({ max: SIGNAL_NOTE_MAX })
	)
});

export function parseNoteForm(form: FormData): Parsed<{ note: string }> {
	const parsed = noteSchema.safeParse(firstValues(form));
	return parsed.success
		? { ok: true, value: { note: parsed.data.notitie } }
		: { ok: false, errors: fieldErrors(parsed.error) };
}

/** What a form sent, for filling it in again: every value, multiple ones joined by a newline. */
export function sentValues(form: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string') continue;
		values[name] =
			name in values ? `${values[name]}\n${value.slice(0, 5000)}` : value.slice(0, 5000);
	}
	return values;
}
