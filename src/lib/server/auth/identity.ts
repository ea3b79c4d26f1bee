import type { SupabaseClient } from '@supabase/supabase-js';
import type { RequestEvent } from '@sveltejs/kit';
import { readConfig, requireAuthConfig, type AppConfig } from '$lib/server/config';
import type { Claims } from '$lib/server/db/types';
import { embeddedVerifier, supabaseVerifier, type SessionProblem, type TokenVerifier } from './jwt';
import { loadJwtSecret } from './secret';
import { clearSessionCookie, SESSION_COOKIE } from './session';
import { createSupabaseServerClient, supabaseSessionCookieNames } from './supabase';

/** The process's auth settings, read once: which mode, and how its tokens are verified. */
export interface AuthRuntime {
	config: AppConfig;
	mode: 'embedded' | 'supabase';
	verify: TokenVerifier;
	/** Embedded mode: the HS256 secret sessions are signed with. */
	secret: Uint8Array | null;
}

// Process-wide configuration, not per-user state (nothing here depends on a request).
let runtime: AuthRuntime | undefined;

export function authRuntime(): AuthRuntime {
	if (runtime) return runtime;
	const config = requireAuthConfig(readConfig());
	if (config.authMode === 'supabase') {
		runtime = {
			config,
			mode: 'supabase',
			verify: supabaseVerifier(config.supabase!),
			secret: null
		};
	} else {
		const secret = loadJwtSecret(config);
		runtime = { config, mode: 'embedded', verify: embeddedVerifier(secret), secret };
	}
	return runtime;
}

export interface Identity {
	claims: Claims | null;
	/** A session was presented but does not count (expired, tampered, truncated, not ours). */
	problem: SessionProblem | null;
	supabase: SupabaseClient | null;
}

type IdentityEvent = Pick<RequestEvent, 'cookies' | 'setHeaders' | 'url'>;

/**
 * Who is asking: verified claims, or null. A token that fails verification is treated as signed
 * out — never as more access — and its cookie is removed, so the next page is plainly anonymous.
 */
export async function resolveIdentity(
	event: IdentityEvent,
	auth: AuthRuntime = authRuntime()
): Promise<Identity> {
	if (auth.mode === 'embedded') {
		const token = event.cookies.get(SESSION_COOKIE);
		if (!token) return { claims: null, problem: null, supabase: null };
		const result = await auth.verify(token);
		if (result.problem) clearSessionCookie(event.cookies, event.url);
		return { claims: result.claims, problem: result.problem, supabase: null };
	}

	const supabase = createSupabaseServerClient(event, auth.config.supabase!);
	if (supabaseSessionCookieNames(event).length === 0)
		return { claims: null, problem: null, supabase };
	let token: string | undefined;
	try {
		// getSession() reads the cookie and refreshes an expired access token (a network call to
		// Supabase Auth). Its result is not trusted: the access token is verified below.
		const { data } = await supabase.auth.getSession();
		token = data.session?.access_token;
	} catch {
		token = undefined;
	}
	// A session cookie that yields no token (truncated, not JSON) is as bad as a forged token.
	const result = token ? await auth.verify(token) : ({ claims: null, problem: 'invalid' } as const);
	if (result.problem) {
		for (const name of supabaseSessionCookieNames(event)) event.cookies.delete(name, { path: '/' });
	}
	return { claims: result.claims, problem: result.problem, supabase };
}
