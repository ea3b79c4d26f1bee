import { mkdtempSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jwtSecretPath, JwtSecretError, loadJwtSecret } from './secret';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'bk-secret-')), 'data');
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('loadJwtSecret', () => {
	it('uses AUTH_JWT_SECRET when it is set, and writes no file', () => {
		const dataDir = fresh();
		const secret = 'a'.repeat(40);
		expect(text(loadJwtSecret({ authJwtSecret: secret, dataDir }))).toBe(secret);
		expect(() => statSync(jwtSecretPath(dataDir))).toThrow();
	});

	it('otherwise makes one secret in DATA_DIR/jwt-secret, mode 0600, and keeps using it', () => {
		const dataDir = fresh();
		const first = text(loadJwtSecret({ authJwtSecret: undefined, dataDir }));
		expect(first.length).toBeGreaterThanOrEqual(64);
		expect(statSync(jwtSecretPath(dataDir)).mode & 0o777).toBe(0o600);
		expect(text(loadJwtSecret({ authJwtSecret: undefined, dataDir }))).toBe(first);
		expect(readFileSync(jwtSecretPath(dataDir), 'utf8').trim()).toBe(first);
	});

	it('tightens a secret file that others can read', () => {
		const dataDir = fresh();
		loadJwtSecret({ authJwtSecret: undefined, dataDir });
		chmodSync(jwtSecretPath(dataDir), 0o644);
		loadJwtSecret({ authJwtSecret: undefined, dataDir });
		expect(statSync(jwtSecretPath(dataDir)).mode & 0o777).toBe(0o600);
	});

	it('refuses a secret file that is too short, saying what to do', () => {
		const dataDir = fresh();
		loadJwtSecret({ authJwtSecret: undefined, dataDir });
		writeFileSync(jwtSecretPath(dataDir), 'short\n');
		expect(() => loadJwtSecret({ authJwtSecret: undefined, dataDir })).toThrow(JwtSecretError);
		expect(() => loadJwtSecret({ authJwtSecret: undefined, dataDir })).toThrow(/AUTH_JWT_SECRET/);
	});
});
