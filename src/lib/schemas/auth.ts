import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// Messages are functions, so zod asks for them at parse time, in the language of the request.

/** At least 12 characters: long beats complex (NCSC, NIST SP 800-63B); at most 128 (argon2 cost). */
export const PASSWORD_MIN = 12;
const PASSWORD_MAX = 128;

const email = z
	.string({ error: () => m.form_email_required() })
	.trim()
	.min(1, { error: () => m.form_email_required() })
	.max(254, { error: () => m.form_email_invalid() })
	.pipe(z.email({ error: () => m.form_email_invalid() }));

const newPassword = z
	.string({ error: () => m.form_password_required() })
	.min(1, { error: () => m.form_password_required() })
	.min(PASSWORD_MIN, { error: () => m.form_password_too_short({ min: PASSWORD_MIN }) })
	.max(PASSWORD_MAX, { error: () => m.form_password_too_long({ max: PASSWORD_MAX }) });

/** Signing in checks no rules on the password: a rule would tell what passwords cannot be. */
const anyPassword = z
	.string({ error: () => m.form_password_required() })
	.min(1, { error: () => m.form_password_required() })
	.max(1000, { error: () => m.form_password_required() });

/** Where to go after signing in; checked again by safeReturnPath. */
const returnPath = z.string().max(500).optional();

export const signInSchema = z.object({ email, password: anyPassword, terug: returnPath });

export const signUpSchema = z
	.object({ email, password: newPassword, password_repeat: z.string() })
	.refine((form) => form.password === form.password_repeat, {
		path: ['password_repeat'],
		error: () => m.form_password_mismatch()
	});

export const resetRequestSchema = z.object({ email });

export const resetPasswordSchema = z
	.object({
		token: z.string().max(200).optional(),
		password: newPassword,
		password_repeat: z.string()
	})
	.refine((form) => form.password === form.password_repeat, {
		path: ['password_repeat'],
		error: () => m.form_password_mismatch()
	});

export const changePasswordSchema = z
	.object({
		current_password: anyPassword,
		password: newPassword,
		password_repeat: z.string()
	})
	.refine((form) => form.password === form.password_repeat, {
		path: ['password_repeat'],
		error: () => m.form_password_mismatch()
	});
