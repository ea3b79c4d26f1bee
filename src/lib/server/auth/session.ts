import type { Cookies } from '@sveltejs/kit';

/** The embedded provider's session cookie: the signed JWT itself. */
export const SESSION_COOKIE = 'buurtkracht_session';

/**
 * httpOnly (scripts cannot read the token), SameSite=Lax (sent on top-level navigation, not on
 * cross-site POSTs), Secure whenever the request came in over HTTPS (behind a proxy: set ORIGIN or
 * PROTOCOL_HEADER so the app knows).
 */
export function sessionCookieOptions(url: URL, maxAgeSeconds?: number) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: url.protocol === 'https:',
		...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds })
	};
}

export function setSessionCookie(
	cookies: Cookies,
	url: URL,
	token: string,
	maxAgeSeconds: number
): void {
	cookies.set(SESSION_COOKIE, token, sessionCookieOptions(url, maxAgeSeconds));
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
}
