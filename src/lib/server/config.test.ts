import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig, requireAuthConfig } from './config';

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

	it('has embedded-auth defaults: an 8-hour session and a generated secret', () => {
		const config = readConfig({});
		expect(config.authJwtSecret).toBeUndefined();
		expect(config.sessionHours).toBe(8);
		expect(config.supabase).toBeUndefined();
		expect(requireAuthConfig(config, {})).toBe(config);
	});

	it('takes AUTH_JWT_SECRET and AUTH_SESSION_HOURS', () => {
		const secret = 'x'.repeat(32);
		const config = readConfig({ AUTH_JWT_SECRET: secret, AUTH_SESSION_HOURS: '12' });
		expect(config.authJwtSecret).toBe(secret);
		expect(config.sessionHours).toBe(12);
	});

	it('refuses a short secret and a session length out of range, saying why', () => {
		const message = (env: Record<string, string>) => {
			try {
				readConfig(env);
			} catch (caught) {
				expect(caught).toBeInstanceOf(ConfigError);
				return (caught as Error).message;
			}
			return '';
		};
		expect(message({ AUTH_JWT_SECRET: 'too-short' })).toContain(
			'AUTH_JWT_SECRET: expected at least 32 characters'
		);
		expect(message({ SUPABASE_JWT_SECRET: 'short' })).toContain(
			'SUPABASE_JWT_SECRET: expected at least 32 characters'
		);
		expect(message({ AUTH_SESSION_HOURS: '0' })).toContain(
			'AUTH_SESSION_HOURS: expected at least 1 hour'
		);
		expect(message({ AUTH_SESSION_HOURS: 'acht' })).toContain(
			'AUTH_SESSION_HOURS: expected a number of hours'
		);
		expect(message({ AUTH_SESSION_HOURS: '1000' })).toContain('at most 720 hours');
		expect(message({ PUBLIC_SUPABASE_URL: 'abc.supabase.co' })).toContain(
			'PUBLIC_SUPABASE_URL: expected the project URL'
		);
	});

	it('reads the Supabase project settings, anon or publishable key, without a trailing slash', () => {
		const config = readConfig({
			AUTH_MODE: 'supabase',
			PUBLIC_SUPABASE_URL: 'https://abc.supabase.co/',
			PUBLIC_SUPABASE_PUBLISHABLE_KEY: 'sb_publishable_123',
			SUPABASE_JWT_SECRET: 's'.repeat(40)
		});
		expect(config.supabase).toEqual({
			url: 'https://abc.supabase.co',
			key: 'sb_publishable_123',
			jwtSecret: 's'.repeat(40)
		});
		expect(
			readConfig({
				PUBLIC_SUPABASE_URL: 'https://abc.supabase.co',
				PUBLIC_SUPABASE_ANON_KEY: 'eyJ'
			}).supabase?.key
		).toBe('eyJ');
	});

	it('keeps needs 12 months and limits reports per address and per session by default', () => {
		const config = readConfig({});
		expect(config.needRetentionMonths).toBe(12);
		expect(config.needRateLimit).toEqual({ perAddress: 30, perSession: 10, windowMinutes: 60 });
	});

	it('takes NEED_RETENTION_MONTHS and the NEED_RATE_LIMIT_* variables', () => {
		const config = readConfig({
			NEED_RETENTION_MONTHS: '6',
			NEED_RATE_LIMIT_PER_ADDRESS: '1000',
			NEED_RATE_LIMIT_PER_SESSION: '500',
			NEED_RATE_LIMIT_WINDOW_MINUTES: '15'
		});
		expect(config.needRetentionMonths).toBe(6);
		expect(config.needRateLimit).toEqual({ perAddress: 1000, perSession: 500, windowMinutes: 15 });
	});

	it('refuses a retention beyond the 24 months the database allows, and malformed limits', () => {
		const message = (env: Record<string, string>) => {
			try {
				readConfig(env);
			} catch (caught) {
				expect(caught).toBeInstanceOf(ConfigError);
				return (caught as Error).message;
			}
			return '';
		};
		expect(message({ NEED_RETENTION_MONTHS: '25' })).toContain(
			'NEED_RETENTION_MONTHS: expected at most 24 months'
		);
		expect(message({ NEED_RETENTION_MONTHS: '0' })).toContain('expected at least 1 months');
		expect(message({ NEED_RETENTION_MONTHS: 'een jaar' })).toContain(
			'NEED_RETENTION_MONTHS: expected a number of months'
		);
		expect(message({ NEED_RETENTION_MONTHS: '1.5' })).toContain('expected a whole number');
		expect(message({ NEED_RATE_LIMIT_PER_ADDRESS: '0' })).toContain(
			'NEED_RATE_LIMIT_PER_ADDRESS: expected at least 1 reports'
		);
		expect(message({ NEED_RATE_LIMIT_WINDOW_MINUTES: '2000' })).toContain(
			'NEED_RATE_LIMIT_WINDOW_MINUTES: expected at most 1440 minutes'
		);
	});

	it('in Supabase mode requires the project URL and key, but migrating tools need neither', () => {
		const env = { DATABASE_URL: 'postgresql://postgres@db.example:5432/postgres' };
		const config = readConfig(env); // what db:migrate does: no auth settings needed
		expect(config.authMode).toBe('supabase');
		let error: unknown;
		try {
			requireAuthConfig(config, env);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ConfigError);
		expect((error as Error).message).toContain('PUBLIC_SUPABASE_URL: required when AUTH_MODE');
		expect((error as Error).message).toContain('PUBLIC_SUPABASE_ANON_KEY');
	});
});

describe('loadDotEnv', () => {
	it('reads a .env file into the environment without overriding what is already set', async () => {
		const { mkdtempSync, writeFileSync } = await import('node:fs');
		const { join } = await import('node:path');
		const { tmpdir } = await import('node:os');
		const { loadDotEnv } = await import('./config');
		const file = join(mkdtempSync(join(tmpdir(), 'bk-env-')), '.env');
		writeFileSync(file, 'BK_TEST_FROM_FILE=file\nBK_TEST_ALREADY_SET=file\n');
		process.env.BK_TEST_ALREADY_SET = 'environment';
		loadDotEnv(file);
		expect(process.env.BK_TEST_FROM_FILE).toBe('file');
		expect(process.env.BK_TEST_ALREADY_SET).toBe('environment');
		delete process.env.BK_TEST_FROM_FILE;
		delete process.env.BK_TEST_ALREADY_SET;
	});
});
