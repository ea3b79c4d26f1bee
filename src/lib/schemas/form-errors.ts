import type { z } from 'zod';

/** Field name → its first message, for the error summary and the fields (messages are translated). */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	return errors;
}

/** The text fields of a posted form as a plain object, ready for a zod schema. */
export function formFields(form: FormData): Record<string, string> {
	const fields: Record<string, string> = {};
	for (const [name, value] of form) {
		if (typeof value === 'string' && !(name in fields)) fields[name] = value;
	}
	return fields;
}

/** One message on one field (`form` for the form as a whole), typed like fieldErrors' result. */
export function errorOn(field: string, message: string): FieldErrors {
	return { [field]: message };
}
