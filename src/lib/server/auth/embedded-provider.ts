// The embedded identity provider: what Supabase Auth (GoTrue) does in a Supabase project, for the
// embedded database. It is the one module besides the migrator, seeder and importer that uses
// `db.asOwner`, and it has to: like GoTrue, it reads and writes auth.users (password hashes,
// reset tokens, failed sign-ins), which no API role may touch — granting that to `authenticated`
// would let every user read every hash. Its functions take the whole Database, never a request's
// handle, and nothing here is reachable from a route except through src/lib/server/auth/service.ts.
import { createHash, randomBytes } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import type { Database, Tx } from '$lib/server/db/types';
import type { SessionUser } from './jwt';
import { hashPassword, verifyPassword } from './password';

export type Locale = 'nl' | 'en';

/** Failed sign-ins allowed in the window, per account and per client address. */
export const THROTTLE = {
	windowMinutes: 15,
	perAccount: 5,
	// Higher than per account: many people share one address behind a town hall's or a library's
	// NAT. It still stops one address from trying passwords on many accounts.
	perAddress: 20
} as const;

/** How long a reset link works. */
export const RESET_TOKEN_MINUTES = 60;

interface Account {
	id: string;
	email: string;
	encrypted_password: string | null;
}

export type SignInOutcome =
	| { ok: true; user: SessionUser }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMinutes: number };

/** Addresses are compared and stored in lower case, without surrounding spaces. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

function tokenHash(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

// Verifying against a real hash when the address is unknown makes a miss take as long as a hit,
// so timing does not tell whether an address has an account.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
	decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
	return decoyHash;
}

interface Mail {
	recipient: string;
	kind: 'password_reset' | 'sign_up_existing' | 'password_changed';
	subject: string;
	body: string;
	link?: string;
}

/** Puts a mail in auth.outbox and, since embedded mode sends no mail, prints it in the server log. */
async function queueMail(tx: Tx, mail: Mail): Promise<void> {
	await tx.query(
		'insert into auth.outbox (recipient, kind, subject, body, link) values ($1, $2, $3, $4, $5)',
		[mail.recipient, mail.kind, mail.subject, mail.body, mail.link ?? null]
	);
	console.log(
		`[buurtkracht] Outbox (embedded mode, not sent) to ${mail.recipient}: ${mail.subject}` +
			(mail.link ? ` — ${mail.link}` : '')
	);
}

/**
 * When the throttle lets this account or address try again: the moment the oldest of the last
 * `limit` failures leaves the window. Null when fewer than `limit` failures are in the window.
 */
async function throttledUntil(tx: Tx, email: string, address: string): Promise<Date | null> {
	const [row] = await tx.query<{ until: Date | null }>(
		`select greatest(
		   (select failed_at from auth.sign_in_failures
		     where email = $1 and failed_at > now() - make_interval(mins => $3)
		     order by failed_at desc offset $4 - 1 limit 1),
		   (select failed_at from auth.sign_in_failures
		     where address = $2 and failed_at > now() - make_interval(mins => $3)
		     order by failed_at desc offset $5 - 1 limit 1)
		 ) + make_interval(mins => $3) as until`,
		[email, address, THROTTLE.windowMinutes, THROTTLE.perAccount, THROTTLE.perAddress]
	);
	return row?.until ? new Date(row.until) : null;
}

/**
 * Counts an attempt as failed before the password is checked, in the same transaction as the
 * throttle check: parallel requests cannot all slip past the limit while argon2 runs. A success
 * takes the account's attempts away again.
 */
async function recordAttempt(tx: Tx, email: string, address: string): Promise<void> {
	await tx.query('insert into auth.sign_in_failures (email, address) values ($1, $2)', [
		email,
		address
	]);
	// Keep the table small: nothing older than a day matters to the throttle.
	await tx.query(`delete from auth.sign_in_failures where failed_at < now() - interval '1 day'`);
}

/**
 * On PostgreSQL, parallel transactions would each count the failures before any of them records
 * its own, and all slip through. Transaction-scoped advisory locks on the account and then the
 * address (always in that order, so two requests cannot deadlock) make check-and-record atomic.
 * PGlite runs one transaction at a time, where they cost nothing.
 */
async function lockThrottle(tx: Tx, email: string, address: string): Promise<void> {
	await tx.query(`select pg_advisory_xact_lock(hashtext('sign-in account ' || $1))`, [email]);
	await tx.query(`select pg_advisory_xact_lock(hashtext('sign-in address ' || $1))`, [address]);
}

function minutesUntil(until: Date): number {
	return Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
}

/**
 * Checks an address and password. Every miss — unknown address or wrong password — is the same
 * `invalid`, and counts against the account and the client address; after THROTTLE.perAccount
 * misses in the window the next attempt is refused even with the right password.
 */
export async function signIn(
	db: Database,
	input: { email: string; password: string; address: string }
): Promise<SignInOutcome> {
	const email = normaliseEmail(input.email);
	const found = await db.asOwner(async (tx): Promise<{ until: Date | null; user?: Account }> => {
		await lockThrottle(tx, email, input.address);
		const until = await throttledUntil(tx, email, input.address);
		if (until) return { until };
		await recordAttempt(tx, email, input.address);
		const [user] = await tx.query<Account>(
			'select id, email, encrypted_password from auth.users where lower(email) = $1',
			[email]
		);
		return { until: null, user };
	});
	if (found.until) {
		return { ok: false, reason: 'throttled', retryAfterMinutes: minutesUntil(found.until) };
	}
	const { user } = found;
	// Hashing runs outside the transaction: PGlite serialises transactions, and argon2 takes a while.
	const matches = await verifyPassword(user?.encrypted_password ?? (await decoy()), input.password);
	if (!user || !user.encrypted_password || !matches) return { ok: false, reason: 'invalid' };
	await db.asOwner(async (tx) => {
		// A success clears the account's attempts (not other accounts' attempts from this address:
		// signing in to one's own account must not reset the count for guessing at others).
		await tx.query('delete from auth.sign_in_failures where email = $1', [email]);
		await tx.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]);
	});
	return { ok: true, user: { id: user.id, email: user.email } };
}

/**
 * Creates an account. For an address that already has one nothing changes and the owner gets a
 * notice instead; the caller shows the same text either way, so sign-up does not reveal who has
 * an account. `created` is for tests and logs, never for the page.
 */
export async function signUp(
	db: Database,
	input: { email: string; password: string; locale: Locale; signInUrl: string }
): Promise<{ created: boolean }> {
	const email = normaliseEmail(input.email);
	// Hash first in both cases, so an existing address answers as slowly as a new one.
	const hashed = await hashPassword(input.password);
	return db.asOwner(async (tx) => {
		const [existing] = await tx.query<{ id: string }>(
			'select id from auth.users where lower(email) = $1',
			[email]
		);
		if (existing) {
			const locale = { locale: input.locale };
			await queueMail(tx, {
				recipient: email,
				kind: 'sign_up_existing',
				subject: m.mail_signup_existing_subject({}, locale),
				body: m.mail_signup_existing_body({ link: input.signInUrl }, locale),
				link: input.signInUrl
			});
			return { created: false };
		}
		// The trigger on auth.users gives the new account a resident profile.
		await tx.query(
			`insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data)
			 values ($1, $2, now(), '{"provider":"email","providers":["email"]}')`,
			[email, hashed]
		);
		return { created: true };
	});
}

/**
 * Sends (to the outbox) a one-time reset link when the address has an account, and does nothing
 * visible otherwise. Only the token's SHA-256 hash is stored.
 */
export async function requestPasswordReset(
	db: Database,
	input: { email: string; locale: Locale; resetUrl: (token: string) => string }
): Promise<void> {
	const email = normaliseEmail(input.email);
	await db.asOwner(async (tx) => {
		const [user] = await tx.query<{ id: string; email: string }>(
			'select id, email from auth.users where lower(email) = $1',
			[email]
		);
		if (!user) return;
		const token = randomBytes(32).toString('base64url');
		await tx.query(
			`insert into auth.password_resets (token_hash, user_id, expires_at)
			 values ($1, $2, now() + make_interval(mins => $3))`,
			[tokenHash(token), user.id, RESET_TOKEN_MINUTES]
		);
		const link = input.resetUrl(token);
		const locale = { locale: input.locale };
		await queueMail(tx, {
			recipient: user.email,
			kind: 'password_reset',
			subject: m.mail_reset_subject({}, locale),
			body: m.mail_reset_body({ link, minutes: RESET_TOKEN_MINUTES }, locale),
			link
		});
	});
}

/** Is this reset token still good (unused, not expired)? For showing the form or a clear message. */
export async function resetTokenIsValid(db: Database, token: string): Promise<boolean> {
	const rows = await db.asOwner((tx) =>
		tx.query(
			'select 1 from auth.password_resets where token_hash = $1 and used_at is null and expires_at > now()',
			[tokenHash(token)]
		)
	);
	return rows.length === 1;
}

/**
 * Sets a new password with a reset token. The token works once and only before it expires; using
 * it also voids the account's other open tokens and clears its failed sign-ins.
 */
export async function resetPassword(
	db: Database,
	input: { token: string; password: string }
): Promise<{ ok: true; user: SessionUser } | { ok: false }> {
	const hashed = await hashPassword(input.password);
	return db.asOwner(async (tx) => {
		const [used] = await tx.query<{ user_id: string }>(
			`update auth.password_resets set used_at = now()
			  where token_hash = $1 and used_at is null and expires_at > now()
			  returning user_id`,
			[tokenHash(input.token)]
		);
		if (!used) return { ok: false } as const;
		await tx.query(
			'update auth.password_resets set used_at = now() where user_id = $1 and used_at is null',
			[used.user_id]
		);
		const [user] = await tx.query<SessionUser>(
			`update auth.users set encrypted_password = $2, updated_at = now() where id = $1
			 returning id, email`,
			[used.user_id, hashed]
		);
		await tx.query('delete from auth.sign_in_failures where email = lower($1)', [user.email]);
		return { ok: true, user } as const;
	});
}

export type ChangePasswordOutcome =
	| { ok: true }
	| { ok: false; reason: 'wrong_password' }
	| { ok: false; reason: 'throttled'; retryAfterMinutes: number };

/**
 * Changes a signed-in user's password after checking the current one. Wrong guesses count like
 * failed sign-ins, so a borrowed session cannot be used to try passwords.
 */
export async function changePassword(
	db: Database,
	input: { userId: string; current: string; next: string; address: string; locale: Locale }
): Promise<ChangePasswordOutcome> {
	const found = await db.asOwner(async (tx): Promise<{ until: Date | null; user?: Account }> => {
		const [user] = await tx.query<Account>(
			'select id, email, encrypted_password from auth.users where id = $1',
			[input.userId]
		);
		if (!user) return { until: null };
		await lockThrottle(tx, normaliseEmail(user.email), input.address);
		const until = await throttledUntil(tx, normaliseEmail(user.email), input.address);
		if (until) return { until };
		await recordAttempt(tx, normaliseEmail(user.email), input.address);
		return { until: null, user };
	});
	if (found.until) {
		return { ok: false, reason: 'throttled', retryAfterMinutes: minutesUntil(found.until) };
	}
	const { user } = found;
	if (
		!user?.encrypted_password ||
		!(await verifyPassword(user.encrypted_password, input.current))
	) {
		return { ok: false, reason: 'wrong_password' };
	}
	const email = normaliseEmail(user.email);
	const hashed = await hashPassword(input.next);
	await db.asOwner(async (tx) => {
		await tx.query(
			'update auth.users set encrypted_password = $2, updated_at = now() where id = $1',
			[user.id, hashed]
		);
		await tx.query('delete from auth.sign_in_failures where email = $1', [email]);
		const locale = { locale: input.locale };
		await queueMail(tx, {
			recipient: email,
			kind: 'password_changed',
			subject: m.mail_password_changed_subject({}, locale),
			body: m.mail_password_changed_body({}, locale)
		});
	});
	return { ok: true };
}
