// npm run db:seed [-- --seed N] — adds the fictional demo city Voorbeeldstad (buurten, offer,
// wijkteams, volunteers, a year of needs and the demo accounts) to the configured database: the
// embedded one in DATA_DIR, or DATABASE_URL (whose role must be allowed to write auth.users).
// It never deletes anything: when the demo gemeente is already there it stops with a message.
// To start over with the embedded database, use npm run db:reset.
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db';
import { DEMO_SEED } from '../src/lib/server/demo/generate-city';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/lib/server/demo/generate-people';
import { DemoCityExistsError, seedDemoCity, type SeedSummary } from '../src/lib/server/demo/seed';
import { describeStartupError } from '../src/lib/server/startup';

function printSeedSummary(summary: SeedSummary, print: (line: string) => void): void {
	const c = summary.counts;
	print(
		`Voorbeeldstad (${summary.gemeenteCode}, seed ${summary.seed}): ${c.wijken} wijken, ` +
			`${c.buurten} buurten, ${c.initiatives} initiatives, ${c.provisions} provisions, ` +
			`${c.organisations} organisations, ${c.teams} wijkteams, ${c.volunteers} volunteers, ` +
			`${c.needs} needs.`
	);
	print(`Demo accounts (password "${DEMO_PASSWORD}"):`);
	for (const account of DEMO_ACCOUNTS) print(`  ${account.email.padEnd(34)} ${account.purpose}`);
}

const { values } = parseArgs({ options: { seed: { type: 'string' } } });
const seed = values.seed === undefined ? DEMO_SEED : Number(values.seed);
if (!Number.isSafeInteger(seed)) {
	console.error(`--seed must be a whole number, not "${values.seed}".`);
	process.exit(2);
}

const started = performance.now();
const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;
try {
	const db = await openDatabase(readConfig(), { log: (line) => console.log(line) });
	console.log(`Database open in ${ms(started)}.`);
	try {
		const seeding = performance.now();
		const summary = await seedDemoCity(db, { seed });
		console.log(`Seeded in ${ms(seeding)}.`);
		printSeedSummary(summary, (line) => console.log(line));
	} finally {
		await db.close();
	}
	console.log(`Done in ${ms(started)}.`);
} catch (error) {
	const known = error instanceof DemoCityExistsError ? error.message : describeStartupError(error);
	console.error(known ?? (error instanceof Error ? error.message : String(error)));
	process.exit(1);
}
