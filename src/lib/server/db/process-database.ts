// The process's one database handle, in its own module so that auth, start-up and anything else
// that needs it import it from here; start-up only decides *when* it opens, not who may use it.
import { readConfig } from '$lib/server/config';
import { getDatabase, type Database } from '$lib/server/db';

async function seedDemo(db: Database): Promise<void> {
	if (!readConfig().seedDemo) return;
	const started = performance.now();
	console.log('[buurtkracht] Empty database: adding the demo city Voorbeeldstad (fictional)…');
	const { seedDemoCity } = await import('$lib/server/demo/seed');
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
