import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '$lib/server/config';

export class JwtSecretError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'JwtSecretError';
	}
}

/** Where the embedded provider keeps its generated signing secret when AUTH_JWT_SECRET is unset. */
export function jwtSecretPath(dataDir: string): string {
	return join(dataDir, 'jwt-secret');
}

function readSecretFile(path: string): string {
	const secret = readFileSync(path, 'utf8').trim();
	if (secret.length < 32) {
		throw new JwtSecretError(
			`${path} holds a JWT secret shorter than 32 characters. Remove the file to have a new one made (everyone is then signed out), or set AUTH_JWT_SECRET.`
		);
	}
	// Tighten a copy restored with looser permissions: the secret signs every session.
	if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
	return secret;
}

/**
 * The embedded provider's HS256 secret: AUTH_JWT_SECRET, or else a random secret made once and
 * kept in DATA_DIR/jwt-secret (mode 0600), so sessions survive a restart. Several app servers
 * behind one database must share AUTH_JWT_SECRET instead.
 */
export function loadJwtSecret(config: Pick<AppConfig, 'authJwtSecret' | 'dataDir'>): Uint8Array {
	if (config.authJwtSecret) return new TextEncoder().encode(config.authJwtSecret);
	const path = jwtSecretPath(config.dataDir);
	try {
		return new TextEncoder().encode(readSecretFile(path));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
	mkdirSync(config.dataDir, { recursive: true });
	try {
		// 'wx': if another process made it a moment ago, use theirs rather than overwrite it.
		writeFileSync(path, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return new TextEncoder().encode(readSecretFile(path));
}
