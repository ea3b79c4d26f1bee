// npm run digest — the wijkteams' digest of new shared-need candidates, once: per team, the
// candidates the previous digest did not know, mailed to every member (embedded mode: to
// auth.outbox and this log; nothing is sent). It also stores the adjacency of buurten for any
// gemeente that has none yet. The running app does the same at start-up and daily; run this from
// cron when the app is not running all the time.
// Embedded database: stop the app first (one process at a time may open DATA_DIR).
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { runSignalDigest } from '../src/lib/server/signals/digest';
import { describeStartupError } from '../src/lib/server/startup';

try {
	const db = await openDatabase(readConfig());
	try {
		const summary = await runSignalDigest(db, { log: (line) => console.log(line) });
		if (summary.adjacencyStored.length > 0) {
			console.log(`Adjacent buurten stored for: ${summary.adjacencyStored.join(', ')}.`);
		}
		for (const team of summary.teams) {
			console.log(
				`${team.teamName}: ${team.candidates} candidate cells, ${team.fresh} new, ${team.recipients} mails.`
			);
		}
		console.log(`Done in ${summary.milliseconds} ms: ${summary.mails} mails queued.`);
	} finally {
		await db.close();
	}
} catch (error) {
	console.error(
		describeStartupError(error) ?? (error instanceof Error ? error.message : String(error))
	);
	process.exit(1);
}
