import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import { pgliteDatabase, pgliteOptions } from '../../src/lib/server/db/pglite-driver';
import { postgresDatabase } from '../../src/lib/server/db/postgres-driver';
import type { Database } from '../../src/lib/server/db/types';

/** Which real database the tests run on: PGlite in `npm test`, PostgreSQL 15 in `npm run test:postgres`. */
export const TIER: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

function withDatabaseName(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = `/${name}`;
	return parsed.toString();
}

async function adminSql() {
	// Connected to template1, never to the template being copied (a copy needs it idle).
	return postgres(withDatabaseName(process.env.TEST_DATABASE_URL!, 'template1'), {
		max: 1,
		onnotice: () => {}
	});
}

async function createPostgresDatabase(template: string): Promise<Database> {
	return (await createPostgresDatabaseWithUrl(template)).db;
}

async function createPostgresDatabaseWithUrl(
	template: string
): Promise<{ db: Database; url: string }> {
	const name = `buurtkracht_test_${randomBytes(6).toString('hex')}`;
	const admin = await adminSql();
	try {
		await admin.unsafe(`create database ${name} template ${template}`);
	} finally {
		await admin.end();
	}
	const url = withDatabaseName(process.env.TEST_DATABASE_URL!, name);
	const db = postgresDatabase(url, { max: 2 });
	return {
		url,
		db: {
			...db,
			async close() {
				await db.close();
				const dropper = await adminSql();
				try {
					await dropper.unsafe(`drop database if exists ${name} with (force)`);
				} finally {
					await dropper.end();
				}
			}
		}
	};
}

/**
 * PostgreSQL tier only: a fresh migrated database and its connection string, for tests that
 * start the app server against it (tests/db/needs-concurrency.test.ts).
 */
export async function migratedPostgresDatabase(): Promise<{ db: Database; url: string }> {
	const template = new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1) || 'postgres';
	return createPostgresDatabaseWithUrl(template);
}

/** A fresh, fully migrated database of its own for one test file. Close it in afterAll. */
export async function migratedDatabase(): Promise<Database> {
	if (TIER === 'postgres') {
		const template = new URL(process.env.TEST_DATABASE_URL!).pathname.slice(1) || 'postgres';
		return createPostgresDatabase(template);
	}
	const tarball = readFileSync(inject('pgliteTemplate'));
	const pg = await PGlite.create({ ...pgliteOptions, loadDataDir: new Blob([tarball]) });
	return pgliteDatabase(pg);
}

/** A fresh database with nothing in it: no shim, no migrations. */
export async function emptyDatabase(): Promise<Database> {
	if (TIER === 'postgres') return createPostgresDatabase('template0');
	return pgliteDatabase(await PGlite.create(pgliteOptions));
}
