import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	AUDIENCE,
	EMBEDDED_ISSUER,
	embeddedVerifier,
	signSessionToken,
	supabaseVerifier
} from './jwt';

const USER = { id: '6f1c2a9e-3b7d-4c55-9e2f-0a1b2c3d4e5f', email: 'bewoner@example.nl' };
const secret = new TextEncoder().encode('embedded-secret-for-tests-0123456789abcdef');
const otherSecret = new TextEncoder().encode('another-secret-entirely-0123456789abcdefgh');
const verify = embeddedVerifier(secret);
const now = () => Math.floor(Date.now() / 1000);

/** A token like Supabase's, signed with whatever key and header the test wants. */
function userToken(overrides: JWTPayload = {}) {
	return new SignJWT({
		role: 'authenticated',
		email: USER.email,
		app_metadata: { provider: 'email' },
		...overrides
	})
		.setSubject(USER.id)
		.setAudience(AUDIENCE)
		.setIssuedAt()
		.setExpirationTime('1h');
}

describe('embedded sessions', () => {
	it('carry Supabase’s claim shape and verify', async () => {
		const token = await signSessionToken(USER, secret, { lifetimeSeconds: 8 * 3600 });
		const result = await verify(token);
		expect(result.problem).toBeNull();
		expect(result.claims).toMatchObject({
			sub: USER.id,
			role: 'authenticated',
			email: USER.email,
			aud: 'authenticated',
			iss: EMBEDDED_ISSUER,
			app_metadata: { provider: 'email' }
		});
		expect(result.claims!.exp! - (result.claims!.iat as number)).toBe(8 * 3600);
	});

	it('count as expired once exp has passed', async () => {
		const token = await signSessionToken(USER, secret, {
			lifetimeSeconds: 3600,
			now: new Date(Date.now() - 2 * 3600 * 1000)
		});
		expect(await verify(token)).toEqual({ claims: null, problem: 'expired' });
	});

	it('are refused when signed with another secret', async () => {
		const token = await signSessionToken(USER, otherSecret, { lifetimeSeconds: 3600 });
		expect(await verify(token)).toEqual({ claims: null, problem: 'invalid' });
	});

	it('are refused with alg none', async () => {
		const token = new UnsecuredJWT({ role: 'authenticated', email: USER.email })
			.setSubject(USER.id)
			.setAudience(AUDIENCE)
			.setIssuer(EMBEDDED_ISSUER)
			.setIssuedAt()
			.setExpirationTime('1h')
			.encode();
		expect(token.endsWith('.')).toBe(true);
		expect(await verify(token)).toEqual({ claims: null, problem: 'invalid' });
	});

	it('are refused with the wrong audience or issuer', async () => {
		const wrongAudience = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setAudience('anon')
			.setIssuer(EMBEDDED_ISSUER)
			.sign(secret);
		const wrongIssuer = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer('https://evil.example/auth/v1')
			.sign(secret);
		expect((await verify(wrongAudience)).problem).toBe('invalid');
		expect((await verify(wrongIssuer)).problem).toBe('invalid');
	});

	it('are refused when tampered with: a changed payload, a truncated or garbled cookie', async () => {
		const token = await signSessionToken(USER, secret, { lifetimeSeconds: 3600 });
		const [header, payload, signature] = token.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'service_role' })).toString(
			'base64url'
		);
		const otherUser = Buffer.from(
			JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000001' })
		).toString('base64url');
		for (const bad of [
			`${header}.${promoted}.${signature}`,
			`${header}.${otherUser}.${signature}`,
			token.slice(0, -5),
			token.slice(0, token.length / 2),
			`${header}.${payload}`,
			'',
			'not-a-jwt',
			`${token}x`
		]) {
			expect(await verify(bad), bad).toEqual({ claims: null, problem: 'invalid' });
		}
	});

	it('give no more than `authenticated`: other roles and non-uuid subjects are refused', async () => {
		const sign = (payload: JWTPayload, sub = USER.id) =>
			userToken(payload)
				.setSubject(sub)
				.setProtectedHeader({ alg: 'HS256' })
				.setIssuer(EMBEDDED_ISSUER)
				.sign(secret);
		expect((await verify(await sign({ role: 'service_role' }))).problem).toBe('invalid');
		expect((await verify(await sign({ role: 'anon' }))).problem).toBe('invalid');
		expect((await verify(await sign({}, 'admin'))).problem).toBe('invalid');
		expect((await verify(await sign({}))).problem).toBeNull();
	});
});

describe('Supabase access tokens, verified by the server itself', () => {
	const hsSecret = 'super-secret-jwt-token-with-at-least-32-characters-long';
	let server: Server;
	let url: string;
	let es256: Awaited<ReturnType<typeof generateKeyPair>>;
	let stranger: Awaited<ReturnType<typeof generateKeyPair>>;
	let jwksRequests = 0;

	beforeAll(async () => {
		es256 = await generateKeyPair('ES256');
		stranger = await generateKeyPair('ES256');
		const publicJwk = {
			...(await exportJWK(es256.publicKey)),
			kid: 'key-1',
			alg: 'ES256',
			use: 'sig'
		};
		server = createServer((request, response) => {
			if (request.url === '/auth/v1/.well-known/jwks.json') {
				jwksRequests++;
				response.writeHead(200, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ keys: [publicJwk] }));
			} else {
				response.writeHead(404).end();
			}
		});
		await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(() => new Promise<void>((done) => server.close(() => done())));

	const issuer = () => `${url}/auth/v1`;

	it('accept an HS256 token signed with the project secret', async () => {
		const verifyHs = supabaseVerifier({ url, jwtSecret: hsSecret });
		const token = await userToken()
			.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
			.setIssuer(issuer())
			.sign(new TextEncoder().encode(hsSecret));
		const result = await verifyHs(token);
		expect(result.problem).toBeNull();
		expect(result.claims).toMatchObject({ sub: USER.id, role: 'authenticated', iss: issuer() });
	});

	it('accept an ES256 token whose key is in the project JWKS (served on 127.0.0.1)', async () => {
		const verifyJwks = supabaseVerifier({ url });
		const token = await userToken()
			.setProtectedHeader({ alg: 'ES256', kid: 'key-1', typ: 'JWT' })
			.setIssuer(issuer())
			.sign(es256.privateKey);
		const result = await verifyJwks(token);
		expect(result.problem).toBeNull();
		expect(result.claims?.sub).toBe(USER.id);
		expect(jwksRequests).toBeGreaterThan(0);
	});

	it('refuse an ES256 token signed by a key that is not the project’s', async () => {
		const verifyJwks = supabaseVerifier({ url });
		for (const kid of ['key-1', 'key-2']) {
			const token = await userToken()
				.setProtectedHeader({ alg: 'ES256', kid })
				.setIssuer(issuer())
				.sign(stranger.privateKey);
			expect(await verifyJwks(token)).toEqual({ claims: null, problem: 'invalid' });
		}
	});

	it('refuse HS256 when no secret is configured (no key confusion with the JWKS)', async () => {
		const verifyJwks = supabaseVerifier({ url });
		const token = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer(issuer())
			.sign(new TextEncoder().encode(hsSecret));
		expect((await verifyJwks(token)).problem).toBe('invalid');
	});

	it('refuse expired tokens, the wrong audience or issuer, alg none and a bad signature', async () => {
		const verifyHs = supabaseVerifier({ url, jwtSecret: hsSecret });
		const key = new TextEncoder().encode(hsSecret);
		const expired = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer(issuer())
			.setIssuedAt(now() - 7200)
			.setExpirationTime(now() - 3600)
			.sign(key);
		const anonAudience = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer(issuer())
			.setAudience('anon')
			.sign(key);
		const otherProject = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer('https://other.supabase.co/auth/v1')
			.sign(key);
		const unsecured = new UnsecuredJWT({ role: 'authenticated' })
			.setSubject(USER.id)
			.setAudience(AUDIENCE)
			.setIssuer(issuer())
			.setIssuedAt()
			.setExpirationTime('1h')
			.encode();
		const wrongSecret = await userToken()
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer(issuer())
			.sign(otherSecret);
		expect(await verifyHs(expired)).toEqual({ claims: null, problem: 'expired' });
		for (const bad of [anonAudience, otherProject, unsecured, wrongSecret]) {
			expect(await verifyHs(bad)).toEqual({ claims: null, problem: 'invalid' });
		}
	});

	it('refuse the anon and service keys presented as a session', async () => {
		const verifyHs = supabaseVerifier({ url, jwtSecret: hsSecret });
		const key = new TextEncoder().encode(hsSecret);
		const serviceKey = await new SignJWT({ role: 'service_role' })
			.setProtectedHeader({ alg: 'HS256' })
			.setIssuer(issuer())
			.setAudience(AUDIENCE)
			.setSubject(USER.id)
			.setIssuedAt()
			.setExpirationTime('1h')
			.sign(key);
		expect((await verifyHs(serviceKey)).problem).toBe('invalid');
	});

	it('treat an unreachable JWKS as signed out, not as an error page', async () => {
		const verifyDown = supabaseVerifier({ url: 'http://127.0.0.1:9' });
		const token = await userToken()
			.setProtectedHeader({ alg: 'ES256', kid: 'key-1' })
			.setIssuer('http://127.0.0.1:9/auth/v1')
			.sign(es256.privateKey);
		expect(await verifyDown(token)).toEqual({ claims: null, problem: 'invalid' });
	});
});
