// The report form's browser session: a random value in an httpOnly cookie that lasts until the
// browser closes. It counts reports per session (rate limit) and lets the browser that sent an
// anonymous report see its own receipt again when the same form is sent twice. It says nothing
// about who the resident is, and is never stored: the database keeps only a hash of it together
// with one report's idempotency key (needs.receipt_hash).
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { sessionCookieOptions } from '$lib/server/auth/session';

export const REPORT_SESSION_COOKIE = 'buurtkracht_melding';
const VALUE = /^[A-Za-z0-9_-]{32}$/;

/** The browser's report session, made (and set as a session cookie) when it has none. */
export function reportSession(cookies: Cookies, url: URL): string {
	const current = cookies.get(REPORT_SESSION_COOKIE);
	if (current && VALUE.test(current)) return current;
	const value = randomBytes(24).toString('base64url');
	cookies.set(REPORT_SESSION_COOKIE, value, sessionCookieOptions(url));
	return value;
}

/** Ties one report to one browser session without storing the session. */
export function receiptHash(session: string, idempotencyKey: string): string {
	return createHash('sha256').update(`${session}:${idempotencyKey}`).digest('hex');
}
