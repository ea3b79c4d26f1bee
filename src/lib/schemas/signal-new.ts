// Making a signal: from a cluster the member saw, or by hand.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { allValues, fieldErrors, formFields as firstValues, type Parsed } from './form';
import {
	BUURT,
	optionalCount,
	requiredText,
	SIGNAL_BUURTEN_MAX,
	SIGNAL_HOUSEHOLDS_MAX,
	SIGNAL_NOTE_MAX,
	SIGNAL_TITLE_MAX,
	tampered,
	text,
	THEME,
	uuid
} from './signal-fields';
import { DEFAULT_WORKSPACE, queryShape, type WorkspaceQuery } from './signal-filters';

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
		: { ok: false, error: { form: tampered() } };
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
	if (!parsed.success) return { ok: false, error: fieldErrors(parsed.error) };
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
