import { resolve } from 'node:path';
import { z } from 'zod';

/** Raised at start-up when an environment variable is missing or malformed. */
export class ConfigError extends Error {
	constructor(readonly problems: string[]) {
		super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
		this.name = 'ConfigError';
	}
}

const postgresUrl = z
	.string()
	.trim()
	.refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
		message:
			'expected a PostgreSQL connection string such as postgresql://user:password@host:5432/postgres'
	});

const envSchema = z.object({
	DATA_DIR: z
		.string()
		.trim()
		.min(1, { message: 'expected a folder path, for example .data' })
		.default('.data'),
	DATABASE_URL: postgresUrl.optional(),
	AUTH_MODE: z
		.enum(['embedded', 'supabase'], { message: 'expected "embedded" or "supabase"' })
		.optional(),
	SEED_DEMO: z
		.enum(['true', 'false'], { message: 'expected "true" or "false"' })
		.default('true')
		.transform((value) => value === 'true')
});

export type AppConfig = {
	/** Where the embedded database lives (ignored when databaseUrl is set). */
	dataDir: string;
	/** A PostgreSQL (Supabase) connection string; absent means the embedded database. */
	databaseUrl: string | undefined;
	authMode: 'embedded' | 'supabase';
	/** Seed the demo city into an empty embedded database on first start. */
	seedDemo: boolean;
};

/**
 * Reads and checks the environment once. Empty strings count as unset, so a blank line in an
 * .env file does not switch modes by accident.
 */
export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const cleaned = Object.fromEntries(
		Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== '')
	);
	const parsed = envSchema.safeParse(cleaned);
	if (!parsed.success) {
		throw new ConfigError(
			parsed.error.issues.map(
				(issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`
			)
		);
	}
	const value = parsed.data;
	return {
		dataDir: resolve(value.DATA_DIR),
		databaseUrl: value.DATABASE_URL,
		authMode: value.AUTH_MODE ?? (value.DATABASE_URL ? 'supabase' : 'embedded'),
		seedDemo: value.SEED_DEMO
	};
}
