// The glue between a posted form (or query string) and a zod schema, once for every form:
// read the fields, turn zod's issues into translated field errors, and the shared UUID check.
import type { z } from 'zod';
import { err, ok, type Result } from '$lib/result';

/** Field name → its first message, for the error summary and the fields (messages are translated). */
export type FieldErrors = Record<string, string>;

/** A parsed form: its value, or the errors to show beside its fields. */
export type Parsed<T> = Result<T, FieldErrors>;

/** A UUID as Postgres writes it (any case): route parameters, ids in forms, token subjects. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

/** A zod result as a Parsed value. */
export function parsedOf<T>(result: z.ZodSafeParseResult<T>): Parsed<T> {
	return result.success ? ok(result.data) : err(fieldErrors(result.error));
}

/** The first text value of each field, as a plain object ready for a zod schema. */
export function formFields(form: FormData | URLSearchParams): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value === 'string' && !(name in fields)) fields[name] = value;
	}
	return fields;
}

/** Every text value of a field that may repeat (checkboxes, multi-selects). */
export function allValues(form: FormData | URLSearchParams, name: string): string[] {
	return form.getAll(name).filter((value): value is string => typeof value === 'string');
}

/** One message on one field (`form` for the form as a whole), typed like fieldErrors' result. */
export function errorOn(field: string, message: string): FieldErrors {
	return { [field]: message };
}

// C0 control characters other than tab, line feed and carriage return cannot be typed, and
// PostgreSQL refuses NUL in text: they are dropped, everything else is kept as typed.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A posted text as typed, trimmed, without control characters; '' when absent. */
export const typedText = (value: string | undefined | null): string =>
	(value ?? '').replace(CONTROL, '').trim();

/** Length as PostgreSQL counts it (code points), not as JavaScript does (UTF-16 units). */
export const codePoints = (value: string): number => [...value].length;
