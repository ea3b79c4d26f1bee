// The needs maintenance job: delete expired needs, then publish fresh public figures. It runs at
// start-up, once a day while the server runs, and on demand (`npm run retention`).
import type { Database } from '$lib/server/db/types';
import { publishNeedFigures, type PublishSummary } from './publish';
import { purgeExpiredNeeds } from './retention';

export const MAINTENANCE_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface MaintenanceSummary {
	purged: number;
	published: PublishSummary;
	milliseconds: number;
}

export async function runNeedMaintenance(db: Database): Promise<MaintenanceSummary> {
	const started = performance.now();
	const purged = await purgeExpiredNeeds(db);
	const published = await publishNeedFigures(db);
	return { purged, published, milliseconds: Math.round(performance.now() - started) };
}

// One timer per process, on globalThis so Vite's hot reload does not start a second one.
const TIMER = Symbol.for('buurtkracht.need-maintenance');
type Holder = { [TIMER]?: ReturnType<typeof setInterval> };

/**
 * Runs the job now and then daily. A failure is logged, never thrown: the site keeps serving the
 * figures it has, and the next run tries again. The timer is unref'd, so it never keeps the
 * process alive on shutdown.
 */
export async function startNeedMaintenance(
	db: Database,
	log: (line: string) => void = (line) => console.log(`[buurtkracht] ${line}`)
): Promise<void> {
	const run = async () => {
		try {
			const summary = await runNeedMaintenance(db);
			log(
				`Needs maintenance: ${summary.purged} expired needs deleted, ${summary.published.rows} public figures published in ${summary.milliseconds} ms.`
			);
		} catch (error) {
			console.error('[buurtkracht] Needs maintenance failed:', error);
		}
	};
	const holder = globalThis as Holder;
	if (holder[TIMER]) clearInterval(holder[TIMER]);
	await run();
	holder[TIMER] = setInterval(run, MAINTENANCE_INTERVAL_MS);
	holder[TIMER].unref();
}

export function stopNeedMaintenance(): void {
	const holder = globalThis as Holder;
	if (holder[TIMER]) clearInterval(holder[TIMER]);
	delete holder[TIMER];
}
