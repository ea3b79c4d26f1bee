import { readConfig, type AppConfig } from '$lib/server/config';
import { openEmbedded } from './embedded';
import { applyPlatformShim, migrate } from './migrator';
import { postgresDatabase } from './postgres-driver';
import type { Database } from './types';

export type { Claims, Database, Tx, ApiRole } from './types';
export { ANON_CLAIMS, SERVICE_ROLE_CLAIMS } from './types';

export interface OpenOptions {
	/** Apply the platform shim and pending migrations (always true for the embedded database). */
	migrate?: boolean;
	/**
	 * Called after migrating an embedded database that has no gemeente yet: seeds the demo city.
	 * It must write in one transaction, so a crash mid-seed leaves an empty database to seed again.
	 */
	seedIfEmpty?: (db: Database) => Promise<void>;
	log?: (line: string) => void;
}

/**
 * Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else the
 * embedded PGlite database in DATA_DIR, migrated on open.
 */
export async function openDatabase(
	config: AppConfig,
	options: OpenOptions = {}
): Promise<Database> {
	const log = options.log ?? (() => {});
	if (config.databaseUrl) {
		const db = postgresDatabase(config.databaseUrl);
		if (options.migrate) {
			const result = await migrate(db);
			log(`Migrations: ${result.applied.length} applied, ${result.skipped.length} already there.`);
		}
		return db;
	}
	const db = await openEmbedded(config.dataDir);
	try {
		await applyPlatformShim(db);
		const result = await migrate(db);
		log(`Migrations: ${result.applied.length} applied, ${result.skipped.length} already there.`);
		if (options.seedIfEmpty) {
			const [{ empty }] = await db.asOwner((tx) =>
				tx.query<{ empty: boolean }>('select not exists (select 1 from public.gemeenten) as empty')
			);
			if (empty) await options.seedIfEmpty(db);
		}
		return db;
	} catch (error) {
		await db.close();
		throw error;
	}
}

// One database per process, kept on globalThis so Vite's hot reload does not open a second
// PGlite on the same directory (two openers corrupt it). A failed open is not cached.
const KEY = Symbol.for('buurtkracht.database');
type Holder = { [KEY]?: Promise<Database> };

export function getDatabase(options: OpenOptions = {}): Promise<Database> {
	const holder = globalThis as Holder;
	if (!holder[KEY]) {
		const opening = openDatabase(readConfig(), options);
		holder[KEY] = opening;
		opening.catch(() => {
			if (holder[KEY] === opening) delete holder[KEY];
		});
	}
	return holder[KEY];
}

export async function closeDatabase(): Promise<void> {
	const holder = globalThis as Holder;
	const opening = holder[KEY];
	delete holder[KEY];
	if (opening) await (await opening).close();
}
