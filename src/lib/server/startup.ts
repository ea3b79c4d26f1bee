import { authRuntime } from './auth/identity';
import { JwtSecretError } from './auth/secret';
import { ConfigError, readConfig, requireAuthConfig } from './config';
import { DataDirError } from './db/embedded';
import { DataDirLockedError } from './db/data-dir-lock';
import { MigrationError } from './db/migrator';
import { closeDatabase, getDatabase, type Database } from './db';
import { startNeedMaintenance } from './needs/maintenance';
import { startSignalDigest } from './signals/digest';

async function seedDemo(db: Database): Promise<void> {
	if (!readConfig().seedDemo) return;
	const started = performance.now();
	console.log('[buurtkracht] Empty database: adding the demo city Voorbeeldstad (fictional)…');
	const { seedDemoCity } = await import('./demo/seed');
	await seedDemoCity(db);
	console.log(`[buurtkracht] Demo city ready in ${Math.round(performance.now() - started)} ms.`);
}

/** The process's database: opened, migrated and (embedded, first start) seeded once. */
export function database(): Promise<Database> {
	return getDatabase({
		seedIfEmpty: seedDemo,
		log: (line) => console.log(`[buurtkracht] ${line}`)
	});
}

/** Problems an operator can fix get one clear sentence, not a stack trace. */
export function describeStartupError(error: unknown): string | null {
	if (
		error instanceof ConfigError ||
		error instanceof DataDirError ||
		error instanceof JwtSecretError ||
		error instanceof DataDirLockedError ||
		error instanceof MigrationError
	) {
		return error.message;
	}
	return null;
}

/** Opens the database at start-up; on a known problem prints it and stops the process. */
export async function startUp(): Promise<void> {
	try {
		requireAuthConfig(readConfig());
		// Expired needs deleted and public figures published now, then daily (unref'd timer).
		await startNeedMaintenance(await database());
		// The wijkteams' digest of new shared-need candidates: now in the background, then daily.
		startSignalDigest(await database());
		// Auth settings and the embedded signing secret: a problem shows now, not at first sign-in.
		const auth = authRuntime();
		console.log(
			`[buurtkracht] Sign-in: ${auth.mode === 'embedded' ? 'embedded identity provider' : `Supabase Auth at ${auth.config.supabase?.url}`}.`
		);
		process.once('sveltekit:shutdown', () => void closeDatabase());
	} catch (error) {
		const message = describeStartupError(error);
		if (!message) throw error;
		console.error(`[buurtkracht] Cannot start: ${message}`);
		process.exit(1);
	}
}
