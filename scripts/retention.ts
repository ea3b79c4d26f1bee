// npm run retention — the needs maintenance job, once: deletes every need whose expires_at has
// passed (with all its private fields) and publishes fresh public figures. The running app does
// the same at start-up and daily; run this from cron when the app is not running all the time.
// Embedded database: stop the app first (one process at a time may open DATA_DIR).
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { runNeedMaintenance } from '../src/lib/server/needs/maintenance';
import { describeStartupError } from '../src/lib/server/startup';

try {
	const db = await openDatabase(readConfig());
	try {
		const summary = await runNeedMaintenance(db);
		console.log(`Expired needs deleted: ${summary.purged}.`);
		console.log(
			`Public figures published: ${summary.published.rows} rows for ${summary.published.gemeenten} gemeente(n), windows ending ${summary.published.windowEnd}.`
		);
		console.log(`Done in ${summary.milliseconds} ms.`);
	} finally {
		await db.close();
	}
} catch (error) {
	console.error(
		describeStartupError(error) ?? (error instanceof Error ? error.message : String(error))
	);
	process.exit(1);
}
