import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from './config';

describe('readConfig', () => {
	it('defaults to the embedded database in .data', () => {
		const config = readConfig({});
		expect(config.databaseUrl).toBeUndefined();
		expect(config.dataDir).toMatch(/\.data$/);
		expect(config.authMode).toBe('embedded');
		expect(config.seedDemo).toBe(true);
	});

	it('switches to PostgreSQL and Supabase auth when DATABASE_URL is set', () => {
		const config = readConfig({
			DATABASE_URL: 'postgresql://postgres:secret@db.example:6543/postgres'
		});
		expect(config.databaseUrl).toBe('postgresql://postgres:secret@db.example:6543/postgres');
		expect(config.authMode).toBe('supabase');
	});

	it('treats blank values as unset', () => {
		expect(readConfig({ DATABASE_URL: '  ', DATA_DIR: '' }).databaseUrl).toBeUndefined();
	});

	it('names each malformed variable and what it expects', () => {
		let error: unknown;
		try {
			readConfig({ DATABASE_URL: 'mysql://x', AUTH_MODE: 'ldap', SEED_DEMO: 'yes' });
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		const message = (error as Error).message;
		expect(message).toContain('DATABASE_URL: expected a PostgreSQL connection string');
		expect(message).toContain('AUTH_MODE: expected "embedded" or "supabase"');
		expect(message).toContain('SEED_DEMO: expected "true" or "false"');
	});
});
