// What the sign-in, sign-up, sign-out, reset and account pages call. One function per action,
// the same in both modes: the embedded provider signs its own sessions; Supabase mode goes through
// supabase.auth.*, whose cookies @supabase/ssr writes. Messages never tell whether an address has
// an account.
import type { RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { database } from '$lib/server/db/process-database';
import * as embedded from './embedded-provider';
import { authRuntime } from './identity';
import { signSessionToken } from './jwt';
import { clearSessionCookie, setSessionCookie } from './session';

type AuthEvent = Pick<RequestEvent, 'cookies' | 'url' | 'locals' | 'getClientAddress'>;

export type AuthResult = { ok: true } | { ok: false; status: 400 | 429; message: string };

function locale(): embedded.Locale {
	return getLocale() === 'en' ? 'en' : 'nl';
}

/** An absolute link to a page of this site in the current language (for mail). */
function absolute(event: Pick<RequestEvent, 'url'>, path: string): string {
	return new URL(localizeHref(path), event.url.origin).href;
}

function supabaseOf(event: AuthEvent) {
	const client = event.locals.supabase;
	if (!client) throw new Error('Supabase mode without a Supabase client on locals');
	return client;
}

function throttled(minutes: number | null): AuthResult {
	return {
		ok: false,
		status: 429,
		message:
			minutes === null ? m.auth_too_many_attempts_later() : m.auth_too_many_attempts({ minutes })
	};
}

async function startEmbeddedSession(
	event: AuthEvent,
	user: { id: string; email: string }
): Promise<void> {
	const auth = authRuntime();
	const lifetimeSeconds = auth.config.sessionHours * 3600;
	const token = await signSessionToken(user, auth.secret!, { lifetimeSeconds });
	setSessionCookie(event.cookies, event.url, token, lifetimeSeconds);
}

export async function signIn(
	event: AuthEvent,
	input: { email: string; password: string }
): Promise<AuthResult> {
	if (authRuntime().mode === 'supabase') {
		const { error } = await supabaseOf(event).auth.signInWithPassword(input);
		if (!error) return { ok: true };
		if (error.status === 429) return throttled(null);
		return { ok: false, status: 400, message: m.auth_sign_in_failed() };
	}
	const outcome = await embedded.signIn(await database(), {
		...input,
		address: event.getClientAddress()
	});
	if (outcome.ok) {
		await startEmbeddedSession(event, outcome.user);
		return { ok: true };
	}
	if (outcome.reason === 'throttled') return throttled(outcome.retryAfterMinutes);
	return { ok: false, status: 400, message: m.auth_sign_in_failed() };
}

/** Always the same text for a new and an existing address (the owner of an existing one gets mail). */
export async function signUp(
	event: AuthEvent,
	input: { email: string; password: string }
): Promise<{ message: string }> {
	if (authRuntime().mode === 'supabase') {
		const { error } = await supabaseOf(event).auth.signUp({
			...input,
			options: { emailRedirectTo: absolute(event, '/inloggen') }
		});
		// "User already registered" (projects without confirmation) is answered like a success.
		if (error && error.status !== 422 && error.status !== 400) {
			console.error('[buurtkracht] Supabase sign-up failed:', error.message);
		}
		return { message: m.auth_sign_up_done_check_mail() };
	}
	await embedded.signUp(await database(), {
		...input,
		locale: locale(),
		signInUrl: absolute(event, '/inloggen')
	});
	return { message: m.auth_sign_up_done() };
}

export async function signOut(event: AuthEvent): Promise<void> {
	if (authRuntime().mode === 'supabase') {
		await supabaseOf(event).auth.signOut({ scope: 'local' });
		return;
	}
	clearSessionCookie(event.cookies, event.url);
}

/** Sends a reset link when the address is known; the page says the same thing either way. */
export async function requestPasswordReset(
	event: AuthEvent,
	input: { email: string }
): Promise<void> {
	if (authRuntime().mode === 'supabase') {
		const { error } = await supabaseOf(event).auth.resetPasswordForEmail(input.email, {
			redirectTo: absolute(event, '/wachtwoord-herstellen')
		});
		if (error && error.status !== 429) {
			console.error('[buurtkracht] Supabase password reset failed:', error.message);
		}
		return;
	}
	await embedded.requestPasswordReset(await database(), {
		email: input.email,
		locale: locale(),
		resetUrl: (token) => `${absolute(event, '/wachtwoord-herstellen')}?token=${token}`
	});
}

export type ResetLink = { valid: true; token: string | null } | { valid: false };

/**
 * Opens a reset link. Embedded: `?token=` must be unused and unexpired. Supabase: the e-mail link
 * carries `?code=` (PKCE) or `?token_hash=…&type=recovery`, which becomes a session here.
 */
export async function openResetLink(event: AuthEvent): Promise<ResetLink> {
	const params = event.url.searchParams;
	if (authRuntime().mode === 'supabase') {
		const supabase = supabaseOf(event);
		const code = params.get('code');
		const tokenHash = params.get('token_hash');
		if (code) {
			const { error } = await supabase.auth.exchangeCodeForSession(code);
			return error ? { valid: false } : { valid: true, token: null };
		}
		if (tokenHash && params.get('type') === 'recovery') {
			const { error } = await supabase.auth.verifyOtp({ token_hash: tokenHash, type: 'recovery' });
			return error ? { valid: false } : { valid: true, token: null };
		}
		// Back on the page after a failed submit: the recovery session is already there.
		return event.locals.claims ? { valid: true, token: null } : { valid: false };
	}
	const token = params.get('token');
	if (!token || token.length > 200) return { valid: false };
	return (await embedded.resetTokenIsValid(await database(), token))
		? { valid: true, token }
		: { valid: false };
}

export async function resetPassword(
	event: AuthEvent,
	input: { token?: string; password: string }
): Promise<AuthResult> {
	const invalid: AuthResult = { ok: false, status: 400, message: m.auth_reset_link_invalid() };
	if (authRuntime().mode === 'supabase') {
		if (!event.locals.claims) return invalid;
		const supabase = supabaseOf(event);
		const { error } = await supabase.auth.updateUser({ password: input.password });
		if (error) return { ok: false, status: 400, message: m.auth_password_rejected() };
		await supabase.auth.signOut({ scope: 'local' });
		return { ok: true };
	}
	if (!input.token) return invalid;
	const outcome = await embedded.resetPassword(await database(), {
		token: input.token,
		password: input.password
	});
	if (!outcome.ok) return invalid;
	// Whoever was signed in on this browser is signed out: the new password starts fresh.
	clearSessionCookie(event.cookies, event.url);
	return { ok: true };
}

export async function changePassword(
	event: AuthEvent,
	input: { current: string; next: string }
): Promise<AuthResult> {
	const user = event.locals.user;
	if (!user) return { ok: false, status: 400, message: m.auth_sign_in_first() };
	const wrong: AuthResult = {
		ok: false,
		status: 400,
		message: m.auth_current_password_wrong()
	};
	if (authRuntime().mode === 'supabase') {
		const supabase = supabaseOf(event);
		const check = await supabase.auth.signInWithPassword({
			email: user.email,
			password: input.current
		});
		if (check.error) return check.error.status === 429 ? throttled(null) : wrong;
		const { error } = await supabase.auth.updateUser({ password: input.next });
		return error ? { ok: false, status: 400, message: m.auth_password_rejected() } : { ok: true };
	}
	const outcome = await embedded.changePassword(await database(), {
		userId: user.id,
		current: input.current,
		next: input.next,
		address: event.getClientAddress(),
		locale: locale()
	});
	if (outcome.ok) return { ok: true };
	if (outcome.reason === 'throttled') return throttled(outcome.retryAfterMinutes);
	return wrong;
}
