import type { Cookies } from '@sveltejs/kit';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { readConfig } from '$lib/server/config';
import { resolveIdentity, type AuthRuntime } from './identity';
import { AUDIENCE, embeddedVerifier, signSessionToken, supabaseVerifier } from './jwt';
import { SESSION_COOKIE } from './session';

const USER = { id: '6f1c2a9e-3b7d-4c55-9e2f-0a1b2c3d4e5f', email: 'bewoner@example.nl' };

/** Just enough of SvelteKit's cookies to watch what the resolver reads, sets and deletes. */
function fakeEvent(initial: Record<string, string>) {
	const jar = new Map(Object.entries(initial));
	const deleted: string[] = [];
	const headers: Record<string, string> = {};
	const cookies = {
		get: (name: string) => jar.get(name),
		getAll: () => [...jar].map(([name, value]) => ({ name, value })),
		set: (name: string, value: string) => void jar.set(name, value),
		delete: (name: string) => {
			jar.delete(name);
			deleted.push(name);
		},
		serialize: () => ''
	} as unknown as Cookies;
	const setHeaders = (values: Record<string, string>) => {
		for (const [name, value] of Object.entries(values)) {
			if (name in headers) throw new Error(`${name} header is already set`);
			headers[name] = value;
		}
	};
	return { event: { cookies, setHeaders, url: new URL('http://127.0.0.1/beheer') }, jar, deleted };
}

describe('resolveIdentity, embedded mode', () => {
	const secret = new TextEncoder().encode('embedded-secret-for-tests-0123456789abcdef');
	const auth: AuthRuntime = {
		config: readConfig({}),
		mode: 'embedded',
		verify: embeddedVerifier(secret),
		secret
	};
	const session = (lifetimeSeconds = 3600, now?: Date) =>
		signSessionToken(USER, secret, { lifetimeSeconds, now });

	it('is anonymous without a cookie', async () => {
		const { event } = fakeEvent({});
		expect(await resolveIdentity(event, auth)).toEqual({
			claims: null,
			problem: null,
			supabase: null
		});
	});

	it('takes the claims of a valid session cookie', async () => {
		const { event, deleted } = fakeEvent({ [SESSION_COOKIE]: await session() });
		const identity = await resolveIdentity(event, auth);
		expect(identity.claims?.sub).toBe(USER.id);
		expect(identity.problem).toBeNull();
		expect(deleted).toEqual([]);
	});

	it('signs out on an expired, tampered or truncated cookie, and removes it', async () => {
		const valid = await session();
		const [header, payload, signature] = valid.split('.');
		const tampered = `${header}.${Buffer.from(
			JSON.stringify({
				...JSON.parse(Buffer.from(payload, 'base64url').toString()),
				role: 'service_role'
			})
		).toString('base64url')}.${signature}`;
		const cases: [string, 'expired' | 'invalid'][] = [
			[await session(3600, new Date(Date.now() - 7200_000)), 'expired'],
			[tampered, 'invalid'],
			[valid.slice(0, 40), 'invalid'],
			['%%%', 'invalid']
		];
		for (const [cookie, problem] of cases) {
			const { event, deleted } = fakeEvent({ [SESSION_COOKIE]: cookie });
			const identity = await resolveIdentity(event, auth);
			expect(identity, cookie).toEqual({ claims: null, problem, supabase: null });
			expect(deleted).toEqual([SESSION_COOKIE]);
		}
	});
});

describe('resolveIdentity, Supabase mode (no network: the session is in the cookie)', () => {
	const jwtSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
	const config = readConfig({
		AUTH_MODE: 'supabase',
		PUBLIC_SUPABASE_URL: 'http://127.0.0.1:54321',
		PUBLIC_SUPABASE_ANON_KEY: 'anon-key',
		SUPABASE_JWT_SECRET: jwtSecret
	});
	const auth: AuthRuntime = {
		config,
		mode: 'supabase',
		verify: supabaseVerifier(config.supabase!),
		secret: null
	};
	// supabase-js names its cookie after the first label of the project host.
	const cookieName = 'sb-127-auth-token';

	async function accessToken(key = jwtSecret) {
		return new SignJWT({ role: 'authenticated', email: USER.email })
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setSubject(USER.id)
			.setAudience(AUDIENCE)
			.setIssuer('http://127.0.0.1:54321/auth/v1')
			.setIssuedAt()
			.setExpirationTime('1h')
			.sign(new TextEncoder().encode(key));
	}

	function sessionCookie(token: string): string {
		const now = Math.floor(Date.now() / 1000);
		const session = {
			access_token: token,
			refresh_token: 'refresh-token',
			token_type: 'bearer',
			expires_in: 3600,
			expires_at: now + 3600,
			user: {
				id: USER.id,
				aud: 'authenticated',
				role: 'authenticated',
				email: USER.email,
				app_metadata: { provider: 'email' },
				user_metadata: {},
				created_at: new Date().toISOString()
			}
		};
		return `base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`;
	}

	it('is anonymous without Supabase cookies, and still offers a client for signing in', async () => {
		const { event } = fakeEvent({});
		const identity = await resolveIdentity(event, auth);
		expect(identity.claims).toBeNull();
		expect(identity.problem).toBeNull();
		expect(identity.supabase).not.toBeNull();
	});

	it('verifies the access token from the cookie itself and takes its claims', async () => {
		const { event } = fakeEvent({ [cookieName]: sessionCookie(await accessToken()) });
		const identity = await resolveIdentity(event, auth);
		expect(identity.problem).toBeNull();
		expect(identity.claims).toMatchObject({ sub: USER.id, role: 'authenticated' });
	});

	it('signs out when the token in the cookie was not signed by the project, and clears it', async () => {
		const forged = await accessToken('forged-secret-forged-secret-forged-secret-123');
		const { event, jar } = fakeEvent({ [cookieName]: sessionCookie(forged) });
		const identity = await resolveIdentity(event, auth);
		expect(identity).toMatchObject({ claims: null, problem: 'invalid' });
		expect(jar.has(cookieName)).toBe(false);
	});

	it('signs out on a truncated or garbled session cookie', async () => {
		const whole = sessionCookie(await accessToken());
		for (const bad of [whole.slice(0, whole.length / 2), 'base64-!!!', 'not json']) {
			const { event, jar } = fakeEvent({ [cookieName]: bad });
			const identity = await resolveIdentity(event, auth);
			expect(identity, bad).toMatchObject({ claims: null, problem: 'invalid' });
			expect(jar.has(cookieName)).toBe(false);
		}
	});
});
