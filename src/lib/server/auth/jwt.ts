import {
	createRemoteJWKSet,
	errors,
	jwtVerify,
	SignJWT,
	type JWTPayload,
	type JWTVerifyGetKey
} from 'jose';
import { UUID_PATTERN as UUID } from '$lib/schemas/form';
import type { Claims } from '$lib/server/db/types';

/** Supabase Auth puts this audience on every user's access token; so does the embedded provider. */
export const AUDIENCE = 'authenticated';
/** The issuer of tokens the embedded provider signs (Supabase's is `${PUBLIC_SUPABASE_URL}/auth/v1`). */
export const EMBEDDED_ISSUER = 'urn:buurtkracht:embedded-auth';
/** Leeway for clocks that are a little apart (seconds). */
const CLOCK_TOLERANCE = 5;

/** Why a token that was presented does not count: it ran out, or it is not one of ours. */
export type SessionProblem = 'expired' | 'invalid';

export type Verification =
	{ claims: Claims; problem: null } | { claims: null; problem: SessionProblem };

/** Checks one token; never throws, and anything doubtful is `invalid` (signed out, never more access). */
export type TokenVerifier = (token: string) => Promise<Verification>;

/**
 * The claims a session may carry into the database. Only a user's token counts: role
 * `authenticated` and a uuid subject (auth.uid() casts it). A service or anon key presented as a
 * session is refused, so a cookie can never raise a request above `authenticated`.
 */
function sessionClaims(payload: JWTPayload): Claims | null {
	if (payload.role !== 'authenticated') return null;
	if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) return null;
	return { ...payload, role: 'authenticated', sub: payload.sub } as Claims;
}

async function verifyWith(
	token: string,
	key: JWTVerifyGetKey,
	options: { issuer: string; algorithms: string[] }
): Promise<Verification> {
	try {
		const { payload } = await jwtVerify(token, key, {
			...options,
			audience: AUDIENCE,
			clockTolerance: CLOCK_TOLERANCE,
			requiredClaims: ['sub', 'exp', 'iat']
		});
		const claims = sessionClaims(payload);
		return claims ? { claims, problem: null } : { claims: null, problem: 'invalid' };
	} catch (error) {
		return { claims: null, problem: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
	}
}

export interface SessionUser {
	id: string;
	email: string;
}

/**
 * Signs a session for the embedded provider with Supabase's claim shape, so policies cannot tell
 * the two identity providers apart.
 */
export function signSessionToken(
	user: SessionUser,
	secret: Uint8Array,
	options: { lifetimeSeconds: number; now?: Date; issuer?: string }
): Promise<string> {
	const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
	return new SignJWT({
		role: 'authenticated',
		email: user.email,
		app_metadata: { provider: 'email', providers: ['email'] },
		user_metadata: {},
		aal: 'aal1',
		is_anonymous: false
	})
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setSubject(user.id)
		.setAudience(AUDIENCE)
		.setIssuer(options.issuer ?? EMBEDDED_ISSUER)
		.setIssuedAt(iat)
		.setExpirationTime(iat + options.lifetimeSeconds)
		.sign(secret);
}

/** Verifies sessions the embedded provider signed: HS256 with its secret, nothing else. */
export function embeddedVerifier(secret: Uint8Array, issuer = EMBEDDED_ISSUER): TokenVerifier {
	return (token) => verifyWith(token, () => secret, { issuer, algorithms: ['HS256'] });
}

// One JWKS per project URL per process: jose caches the keys and refetches on an unknown kid.
const jwksByUrl = new Map<string, JWTVerifyGetKey>();

function projectJwks(url: string): JWTVerifyGetKey {
	let jwks = jwksByUrl.get(url);
	if (!jwks) {
		jwks = createRemoteJWKSet(new URL(`${url}/auth/v1/.well-known/jwks.json`), {
			timeoutDuration: 3000,
			cooldownDuration: 30_000
		});
		jwksByUrl.set(url, jwks);
	}
	return jwks;
}

/**
 * Verifies Supabase Auth access tokens ourselves rather than trusting supabase-js: audience
 * `authenticated`, issuer `${url}/auth/v1`, and a signature by the project. HS256 tokens need the
 * project's legacy JWT secret; asymmetric tokens (ES256, RS256) are checked against the project's
 * JWKS. Without the secret HS256 is not accepted at all, and `alg: none` never is.
 */
export function supabaseVerifier(project: { url: string; jwtSecret?: string }): TokenVerifier {
	const issuer = `${project.url}/auth/v1`;
	const secret = project.jwtSecret ? new TextEncoder().encode(project.jwtSecret) : null;
	const jwks = projectJwks(project.url);
	const algorithms = secret ? ['HS256', 'ES256', 'RS256'] : ['ES256', 'RS256'];
	const key: JWTVerifyGetKey = (header, token) =>
		header.alg === 'HS256' && secret ? secret : jwks(header, token);
	return (token) => verifyWith(token, key, { issuer, algorithms });
}
