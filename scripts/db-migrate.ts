// npm run db:migrate — applies pending migrations from supabase/migrations to the configured
// database: the embedded one in DATA_DIR, or DATABASE_URL. On a plain PostgreSQL that is not a
// Supabase project, pass --shim to add the platform roles and auth schema first.
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { applyPlatformShim, migrate } from '../src/lib/server/db/migrator';
import { describeStartupError } from '../src/lib/server/startup';

const { values } = parseArgs({ options: { shim: { type: 'boolean', default: false } } });

const started = performance.now();
try {
	const config = readConfig();
	// The embedded database is migrated while it opens; a PostgreSQL database right after.
	const db = await openDatabase(config, {
		log: (line) => console.log(line)
	});
	try {
		if (config.databaseUrl) {
			if (values.shim) await applyPlatformShim(db);
			const result = await migrate(db);
			console.log(
				`Migrations: ${result.applied.length} applied, ${result.skipped.length} already there.`
			);
			for (const file of result.applied) console.log(`  applied ${file}`);
		}
	} finally {
		await db.close();
	}
	console.log(`Done in ${Math.round(performance.now() - started)} ms.`);
} catch (error) {
	console.error(
		describeStartupError(error) ?? (error instanceof Error ? error.message : String(error))
	);
	process.exit(1);
}
