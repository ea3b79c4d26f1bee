// Shared pieces of the wijkteam workspace's forms (/wijkteam/signalen/…): limits, text and
// number fields, ids and versions. Field names are Dutch and the same in every language. Whether
// a team, theme, buurt or offer exists and is the member's to use is data: the server checks
// that (src/lib/server/signals).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { SIGNAL_STATES } from '$lib/signals/workflow';
import { codePoints, typedText, UUID_PATTERN as UUID } from './form';

export const SIGNAL_TITLE_MAX = 200;
export const SIGNAL_TEXT_MAX = 5000;
export const SIGNAL_NOTE_MAX = 2000;
export const SIGNAL_HOUSEHOLDS_MAX = 1_000_000;
export const SIGNAL_BUURTEN_MAX = 200;

export const THEME = /^[a-z][a-z0-9-]{1,40}$/;
export const BUURT = /^BU[0-9]{8}$/;

export const tampered = () => m.signal_error_tampered();

/** Text as typed, without control characters; '' when absent. */
export const text = (max: number, tooLong: () => string) =>
	z
		.string({ error: tampered })
		.optional()
		.transform(typedText)
		.refine((value) => codePoints(value) <= max, { error: tooLong });

export const requiredText = (max: number, required: () => string, tooLong: () => string) =>
	text(max, tooLong).refine((value) => value !== '', { error: required });

/** A whole number typed in a field; '' is "not filled in" (null). */
export const optionalCount = (max: number) =>
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

export const uuid = z
	.string({ error: tampered })
	.refine((value) => UUID.test(value), { error: tampered })
	.transform((value) => value.toLowerCase());

export const version = z
	.string({ error: tampered })
	.regex(/^[1-9]\d{0,8}$/, { error: tampered })
	.transform(Number);

export const status = z.enum(SIGNAL_STATES, { error: tampered });

/** '' (an empty field or the "no choice" option) counts as absent. */
export const optional = <T extends z.ZodType>(schema: T) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

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
