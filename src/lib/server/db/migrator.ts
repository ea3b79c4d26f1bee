import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database, Tx } from './types';

/** Where the one schema lives, in the Supabase CLI's layout. */
export const MIGRATIONS_DIR = resolve(process.env.MIGRATIONS_DIR ?? 'supabase/migrations');
export const PLATFORM_SHIM = resolve(MIGRATIONS_DIR, '../shim/platform.sql');
/** The embedded identity provider's own tables (reset tokens, outbox, failed sign-ins). */
export const EMBEDDED_AUTH_SHIM = resolve(MIGRATIONS_DIR, '../shim/embedded-auth.sql');

export interface Migration {
	/** The 14-digit timestamp the Supabase CLI uses as the version. */
	version: string;
	name: string;
	file: string;
	sql: string;
}

export class MigrationError extends Error {
	constructor(
		readonly file: string,
		cause: unknown
	) {
		super(
			`Migration ${file} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`
		);
		this.name = 'MigrationError';
	}
}

const FILE_NAME = /^(\d{14})_(.+)\.sql$/;

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.sql'))
		.sort()
		.map((file) => {
			const match = FILE_NAME.exec(file);
			if (!match) {
				throw new Error(
					`Migration file name ${file} does not follow <14-digit timestamp>_<name>.sql (Supabase CLI layout)`
				);
			}
			return {
				version: match[1],
				name: match[2],
				file,
				sql: readFileSync(join(dir, file), 'utf8')
			};
		});
}

/**
 * The history table exactly as the Supabase CLI creates it (supabase/cli pkg/migration/history.go),
 * so a database migrated by either tool is recognised by the other.
 */
const HISTORY_DDL = `
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
alter table supabase_migrations.schema_migrations add column if not exists statements text[];
alter table supabase_migrations.schema_migrations add column if not exists name text;
`;

export async function appliedVersions(tx: Tx): Promise<Set<string>> {
	await tx.exec(HISTORY_DDL);
	const rows = await tx.query<{ version: string }>(
		'select version from supabase_migrations.schema_migrations'
	);
	return new Set(rows.map((row) => row.version));
}

/**
 * Applies the platform shim and, right after it, the embedded identity provider's tables (never
 * on a Supabase project: there the platform and GoTrue provide them). Both files are idempotent.
 */
export async function applyPlatformShim(
	db: Database,
	files: readonly string[] = [PLATFORM_SHIM, EMBEDDED_AUTH_SHIM]
): Promise<void> {
	for (const file of files) {
		const sql = readFileSync(file, 'utf8');
		await db.asOwner((tx) => tx.exec(sql));
	}
}

export interface MigrateResult {
	applied: string[];
	skipped: string[];
}

/**
 * Applies every migration not yet recorded, in order, each in its own transaction together with
 * its history row. A failing migration is rolled back whole and named in the error; those before it
 * stay applied.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<MigrateResult> {
	const done = await db.asOwner((tx) => appliedVersions(tx));
	const result: MigrateResult = { applied: [], skipped: [] };
	for (const migration of migrations) {
		if (done.has(migration.version)) {
			result.skipped.push(migration.file);
			continue;
		}
		try {
			await db.asOwner(async (tx) => {
				await tx.exec(migration.sql);
				await tx.query(
					'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
					[migration.version, migration.name, [migration.sql]]
				);
			});
		} catch (error) {
			throw new MigrationError(migration.file, error);
		}
		result.applied.push(migration.file);
	}
	return result;
}
