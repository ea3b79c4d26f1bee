import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { pgliteDatabase, pgliteOptions } from '../../src/lib/server/db/pglite-driver';
import { applyPlatformShim, migrate } from '../../src/lib/server/db/migrator';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Path of a tarball of a migrated PGlite data directory (embedded tier). */
		pgliteTemplate: string;
	}
}

/**
 * Builds one migrated PGlite database per run and dumps it, so each test file loads a migrated
 * copy in ~1 s instead of paying initdb and the migrations each time. In the PostgreSQL tier
 * (TEST_DATABASE_URL set) the script has already migrated the template database with the
 * Supabase CLI, and nothing is built here.
 */
export default async function setup(project: TestProject) {
	if (process.env.TEST_DATABASE_URL) {
		project.provide('pgliteTemplate', '');
		return;
	}
	const pg = await PGlite.create(pgliteOptions);
	const db = pgliteDatabase(pg);
	await applyPlatformShim(db);
	await migrate(db);
	const dump = await pg.dumpDataDir('none');
	const dir = mkdtempSync(join(tmpdir(), 'buurtkracht-template-'));
	const path = join(dir, 'migrated.tar');
	writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
	await pg.close();
	project.provide('pgliteTemplate', path);
	return () => rmSync(dir, { recursive: true, force: true });
}
