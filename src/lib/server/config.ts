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

/** A shared HMAC secret: HS256 needs at least 256 bits, so at least 32 characters. */
const jwtSecret = (generate: string) =>
	z.string().min(32, {
		message: `expected at least 32 characters (a random string; for example the output of ${generate})`
	});

/** A whole number in [min, max], with the unit and an example in every message. */
const wholeNumber = (unit: string, example: number, min: number, max: number) =>
	z.coerce
		.number({ message: `expected a number of ${unit}, for example ${example}` })
		.int({ message: `expected a whole number of ${unit}, for example ${example}` })
		.min(min, { message: `expected at least ${min} ${unit}` })
		.max(max, { message: `expected at most ${max} ${unit}` });

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
		.transform((value) => value === 'true'),
	AUTH_JWT_SECRET: jwtSecret('`openssl rand -base64 48`').optional(),
	AUTH_SESSION_HOURS: z.coerce
		.number({ message: 'expected a number of hours, for example 8' })
		.int({ message: 'expected a whole number of hours, for example 8' })
		.min(1, { message: 'expected at least 1 hour' })
		.max(720, { message: 'expected at most 720 hours (30 days)' })
		.default(8),
	PUBLIC_SUPABASE_URL: z
		.string()
		.trim()
		.refine((value) => /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value), {
			message: 'expected the project URL, such as https://abcdefghijklmnop.supabase.co'
		})
		.transform((value) => value.replace(/\/+$/, ''))
		.optional(),
	PUBLIC_SUPABASE_ANON_KEY: z.string().trim().optional(),
	PUBLIC_SUPABASE_PUBLISHABLE_KEY: z.string().trim().optional(),
	SUPABASE_JWT_SECRET: jwtSecret("the project's JWT secret (Settings → API)").optional(),
	// The database refuses an expiry more than 24 months after the report (needs_expiry_within_24_months).
	NEED_RETENTION_MONTHS: wholeNumber('months', 12, 1, 24).default(12),
	NEED_RATE_LIMIT_PER_ADDRESS: wholeNumber('reports', 30, 1, 100_000).default(30),
	NEED_RATE_LIMIT_PER_SESSION: wholeNumber('reports', 10, 1, 100_000).default(10),
	NEED_RATE_LIMIT_WINDOW_MINUTES: wholeNumber('minutes', 60, 1, 1440).default(60)
});

export interface SupabaseConfig {
	/** The project URL without a trailing slash; its JWT issuer is `${url}/auth/v1`. */
	url: string;
	/** The anon or publishable key: what the browser-facing API key is in Supabase. */
	key: string;
	/** The legacy HS256 secret; without it tokens are checked against the project's JWKS. */
	jwtSecret: string | undefined;
}

export type AppConfig = {
	/** Where the embedded database lives (ignored when databaseUrl is set). */
	dataDir: string;
	/** A PostgreSQL (Supabase) connection string; absent means the embedded database. */
	databaseUrl: string | undefined;
	authMode: 'embedded' | 'supabase';
	/** Seed the demo city into an empty embedded database on first start. */
	seedDemo: boolean;
	/** Embedded identity provider: the HS256 signing secret; absent means DATA_DIR/jwt-secret. */
	authJwtSecret: string | undefined;
	/** Embedded identity provider: how long a session lasts. */
	sessionHours: number;
	/** Supabase Auth settings, when the PUBLIC_SUPABASE_* variables are set. */
	supabase: SupabaseConfig | undefined;
	/** How long a reported need is kept before the retention job deletes it (1–24 months). */
	needRetentionMonths: number;
	/** Reports per client address, per browser session (or account) and the window they count in. */
	needRateLimit: { perAddress: number; perSession: number; windowMinutes: number };
};

/**
 * Reads and checks the environment once. Empty strings count as unset, so a blank line in an
 * .env file does not switch modes by accident. Malformed values are always refused; the settings
 * a mode *needs* are checked by requireAuthConfig, so tools that only migrate need no auth keys.
 */
let dotEnvLoaded = false;

/**
 * Reads `.env` from the working folder into process.env once, for the app and every script alike
 * (Vite's dev server reads it only for `$env`, adapter-node not at all). Values already in the
 * environment win; a missing file is fine.
 */
export function loadDotEnv(path = '.env'): void {
	if (dotEnvLoaded) return;
	dotEnvLoaded = true;
	try {
		process.loadEnvFile(path);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw new ConfigError([`${path}: cannot be read (${(error as Error).message})`]);
		}
	}
}

export function readConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	if (env === process.env) loadDotEnv();
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
	const supabaseKey = value.PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? value.PUBLIC_SUPABASE_ANON_KEY;
	return {
		dataDir: resolve(value.DATA_DIR),
		databaseUrl: value.DATABASE_URL,
		authMode: value.AUTH_MODE ?? (value.DATABASE_URL ? 'supabase' : 'embedded'),
		seedDemo: value.SEED_DEMO,
		authJwtSecret: value.AUTH_JWT_SECRET,
		sessionHours: value.AUTH_SESSION_HOURS,
		needRetentionMonths: value.NEED_RETENTION_MONTHS,
		needRateLimit: {
			perAddress: value.NEED_RATE_LIMIT_PER_ADDRESS,
			perSession: value.NEED_RATE_LIMIT_PER_SESSION,
			windowMinutes: value.NEED_RATE_LIMIT_WINDOW_MINUTES
		},
		supabase:
			value.PUBLIC_SUPABASE_URL && supabaseKey
				? {
						url: value.PUBLIC_SUPABASE_URL,
						key: supabaseKey,
						jwtSecret: value.SUPABASE_JWT_SECRET
					}
				: undefined
	};
}

/**
 * The settings the configured auth mode cannot run without. Supabase mode needs the project URL
 * and its anon (or publishable) key; the JWT secret is optional (projects on asymmetric signing
 * keys publish a JWKS instead).
 */
export function requireAuthConfig(
	config: AppConfig,
	env: Record<string, string | undefined> = process.env
): AppConfig {
	if (config.authMode !== 'supabase' || config.supabase) return config;
	const present = (name: string) => (env[name] ?? '').trim() !== '';
	const problems: string[] = [];
	if (!present('PUBLIC_SUPABASE_URL')) {
		problems.push(
			'PUBLIC_SUPABASE_URL: required when AUTH_MODE is supabase (or DATABASE_URL is set without AUTH_MODE=embedded); the project URL, such as https://abcdefghijklmnop.supabase.co'
		);
	}
	if (!present('PUBLIC_SUPABASE_ANON_KEY') && !present('PUBLIC_SUPABASE_PUBLISHABLE_KEY')) {
		problems.push(
			'PUBLIC_SUPABASE_ANON_KEY (or PUBLIC_SUPABASE_PUBLISHABLE_KEY): required when AUTH_MODE is supabase; the anon or publishable key from the project settings (Settings → API)'
		);
	}
	throw new ConfigError(problems);
}
