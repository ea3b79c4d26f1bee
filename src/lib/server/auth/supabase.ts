import { createServerClient } from '@supabase/ssr';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RequestEvent } from '@sveltejs/kit';
import type { SupabaseConfig } from '$lib/server/config';

/**
 * A Supabase client for this one request, reading and writing the auth cookies through
 * SvelteKit. Never shared between requests (the cookies are the request's).
 */
export function createSupabaseServerClient(
	event: Pick<RequestEvent, 'cookies' | 'setHeaders' | 'url'>,
	project: SupabaseConfig
): SupabaseClient {
	return createServerClient(project.url, project.key, {
		// Everything auth-related runs on the server, so no script needs to read these cookies.
		cookieOptions: { httpOnly: true, sameSite: 'lax', secure: event.url.protocol === 'https:' },
		cookies: {
			getAll: () => event.cookies.getAll(),
			setAll(cookies, headers) {
				for (const { name, value, options } of cookies) {
					event.cookies.set(name, value, { ...options, path: options.path ?? '/' });
				}
				// @supabase/ssr may pass the cache headers twice in one request (seen with a malformed
				// auth cookie); setHeaders then throws "header is already set", and that unhandled
				// rejection would take the whole server down. Each header gets its own try.
				for (const [name, value] of Object.entries(headers)) {
					try {
						event.setHeaders({ [name]: value });
					} catch {
						// Already set for this response: the first value stands.
					}
				}
			}
		}
	});
}

/** The cookies holding this request's Supabase session: `sb-<ref>-auth-token` and its chunks `.0`, `.1`… */
export function supabaseSessionCookieNames(event: Pick<RequestEvent, 'cookies'>): string[] {
	return event.cookies
		.getAll()
		.map((cookie) => cookie.name)
		.filter((name) => /^sb-.+-auth-token(\.\d+)?$/.test(name));
}
