import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { pgliteDatabase, pgliteOptions } from './pglite-driver';
import type { Database } from './types';

/** The PostgreSQL major version inside the installed PGlite. */
const PGLITE_MAJOR = '18';

/** Raised when the data directory cannot hold an embedded Buurtkracht database. */
export class DataDirError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DataDirError';
	}
}

/** The folder inside DATA_DIR that holds PostgreSQL's files; the lock file sits beside it. */
export function pgDataPath(dataDir: string): string {
	return join(dataDir, 'pgdata');
}

function checkDataDir(dataDir: string): void {
	if (existsSync(dataDir)) {
		const foreign = readdirSync(dataDir).filter(
			(name) =>
				!['pgdata', 'buurtkracht.lock', 'jwt-secret'].includes(name) &&
				!name.startsWith('buurtkracht.lock.')
		);
		if (foreign.length > 0 && !existsSync(pgDataPath(dataDir))) {
			throw new DataDirError(
				`DATA_DIR ${dataDir} already holds files that are not Buurtkracht's (${foreign.slice(0, 3).join(', ')}). ` +
					'Choose an empty or new folder for DATA_DIR.'
			);
		}
	}
	const pgdata = pgDataPath(dataDir);
	if (existsSync(pgdata) && readdirSync(pgdata).length > 0) {
		const versionFile = join(pgdata, 'PG_VERSION');
		if (!existsSync(versionFile)) {
			throw new DataDirError(
				`${pgdata} is not a PostgreSQL data directory (it has no PG_VERSION). ` +
					'Move it aside, or choose another DATA_DIR.'
			);
		}
		const version = readFileSync(versionFile, 'utf8').trim();
		if (version !== PGLITE_MAJOR) {
			throw new DataDirError(
				`${pgdata} was made by PostgreSQL ${version}; the embedded database is PostgreSQL ${PGLITE_MAJOR}. ` +
					'Export the data with that version, or choose another DATA_DIR.'
			);
		}
	}
}

/**
 * Opens (creating on first use) the embedded database in `dataDir`, holding the directory's lock
 * until closed. A second process gets a DataDirLockedError naming the holder.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
	checkDataDir(dataDir);
	mkdirSync(pgDataPath(dataDir), { recursive: true });
	const lock = lockDataDir(dataDir);
	let pg: PGlite;
	try {
		pg = await PGlite.create(pgDataPath(dataDir), pgliteOptions);
	} catch (error) {
		lock.release();
		const reason = error instanceof Error ? error.message : String(error);
		throw new DataDirError(
			`The embedded database in ${pgDataPath(dataDir)} could not be opened (${reason.slice(0, 200)}). ` +
				'It may be damaged: restore it from a backup, or move it aside to start with a new database.'
		);
	}
	return pgliteDatabase(pg, () => lock.release());
}
