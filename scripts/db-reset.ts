// npm run db:reset [-- --yes] [-- --seed N] — embedded database only: deletes DATA_DIR/pgdata,
// creates a new database, applies the migrations and seeds the demo city Voorbeeldstad. Asks
// for "yes" first (or takes --yes); refuses when DATABASE_URL is set, and while another process
// (the app, say) holds the data directory's lock.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { lockDataDir } from '../src/lib/server/db/data-dir-lock';
import { pgDataPath } from '../src/lib/server/db/embedded';
import { DEMO_SEED } from '../src/lib/server/demo/generate-city';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/lib/server/demo/generate-people';
import { seedDemoCity } from '../src/lib/server/demo/seed';
import { describeStartupError } from '../src/lib/server/startup';

class Refusal extends Error {}

async function confirm(pgdata: string, yes: boolean): Promise<void> {
	if (yes) return;
	if (!process.stdin.isTTY) {
		throw new Refusal(
			`Not deleting ${pgdata} without confirmation: pass --yes (npm run db:reset -- --yes).`
		);
	}
	const prompt = createInterface({ input: process.stdin, output: process.stdout });
	try {
		const answer = await prompt.question(
			`This deletes the embedded database in ${pgdata}, with all its data. Type "yes" to go on: `
		);
		if (answer.trim().toLowerCase() !== 'yes') throw new Refusal('Nothing deleted.');
	} finally {
		prompt.close();
	}
}

/**
 * Deletes pgdata while holding the data directory's lock, so a running app (which holds the lock
 * for as long as it has the database open) is never pulled out from under. The lock is released
 * before reopening, because opening takes it again.
 */
function deleteDatabase(dataDir: string): void {
	const pgdata = pgDataPath(dataDir);
	mkdirSync(dataDir, { recursive: true });
	const lock = lockDataDir(dataDir);
	try {
		// Only ever delete what is recognisably a PostgreSQL data directory (or nothing).
		if (
			existsSync(pgdata) &&
			readdirSync(pgdata).length > 0 &&
			!existsSync(join(pgdata, 'PG_VERSION'))
		) {
			throw new Refusal(
				`${pgdata} is not a PostgreSQL data directory (no PG_VERSION); not deleting it.`
			);
		}
		rmSync(pgdata, { recursive: true, force: true });
	} finally {
		lock.release();
	}
}

const { values } = parseArgs({
	options: { yes: { type: 'boolean', default: false }, seed: { type: 'string' } }
});
const started = performance.now();
const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;
try {
	const config = readConfig();
	if (config.databaseUrl) {
		throw new Refusal(
			'db:reset only resets the embedded database, and DATABASE_URL is set. ' +
				'Reset a PostgreSQL or Supabase database with its own tools (for example supabase db reset).'
		);
	}
	const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
	if (!Number.isSafeInteger(seed))
		throw new Refusal(`--seed must be a whole number, not "${values.seed}".`);
	const pgdata = pgDataPath(config.dataDir);
	await confirm(pgdata, values.yes);

	let step = performance.now();
	deleteDatabase(config.dataDir);
	console.log(`Deleted ${pgdata} in ${ms(step)}.`);

	step = performance.now();
	const db = await openDatabase(config, { log: (line) => console.log(line) });
	console.log(`Created and migrated in ${ms(step)}.`);
	try {
		step = performance.now();
		const summary = await seedDemoCity(db, { seed });
		const c = summary.counts;
		console.log(
			`Seeded Voorbeeldstad in ${ms(step)}: ${c.buurten} buurten, ${c.initiatives} initiatives, ` +
				`${c.provisions} provisions, ${c.volunteers} volunteers, ${c.needs} needs.`
		);
		console.log(
			`Demo accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.email).join(', ')}`
		);
	} finally {
		await db.close();
	}
	console.log(`Done in ${ms(started)}.`);
} catch (error) {
	const known = error instanceof Refusal ? error.message : describeStartupError(error);
	console.error(known ?? (error instanceof Error ? error.message : String(error)));
	process.exit(1);
}
