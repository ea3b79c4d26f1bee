import { authRuntime } from '$lib/server/auth/identity';
import { JwtSecretError } from '$lib/server/auth/secret';
import { ConfigError, readConfig, requireAuthConfig } from '$lib/server/config';
import { DataDirError } from '$lib/server/db/embedded';
import { DataDirLockedError } from '$lib/server/db/data-dir-lock';
import { MigrationError } from '$lib/server/db/migrator';
import { closeDatabase } from '$lib/server/db';
import { database } from '$lib/server/db/process-database';
import { startNeedMaintenance } from '$lib/server/needs/maintenance';
import { startSignalDigest } from '$lib/server/signals/digest';

/** Re-exported for hooks.server.ts, which opens the handle on each request. */
export { database };

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
