/**
 * Imports CBS gemeenten, wijken and buurten into the database that DATA_DIR / DATABASE_URL name.
 *
 *   npm run import:cbs -- <buurten.geojson> [--wijken <wijken.geojson>] [--year YYYY]
 *   npm run import:cbs -- --pdok <GM-code> [--year YYYY] [--pdok-base-url URL] [--page-limit N]
 *
 * Exits 0 after a successful import and 1 with a one-line message otherwise; a fatal problem
 * writes nothing. The database is closed in every case (the embedded one holds a lock).
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config';
import { openDatabase, type Database } from '../src/lib/server/db/index';
import { prepareCbsImport } from '$lib/server/import/cbs-plan';
import { formatSummary } from '$lib/server/import/cbs-summary';
import { readCbsFiles, summaryOf, writeCbsPlan } from '../src/lib/server/import/cbs-write';
import {
	downloadFromPdok,
	normaliseGemeenteCode,
	PDOK_DEFAULT_YEAR,
	pdokImportInput
} from '../src/lib/server/import/pdok';

const USAGE = `Usage:
  npm run import:cbs -- <buurten.geojson> [--wijken <wijken.geojson>] [--year YYYY]
  npm run import:cbs -- --pdok <GM-code> [--year YYYY] [--pdok-base-url URL] [--page-limit N]

The GeoJSON must be a CBS Wijk- en Buurtkaart FeatureCollection in WGS84 (longitude/latitude).
Without --wijken, wijken are derived from the buurten. --pdok downloads the ${PDOK_DEFAULT_YEAR}
edition unless --year says otherwise; PDOK_BASE_URL overrides the service address.`;

/** A mistake in the command line: reported with a pointer to --help. */
class UsageError extends Error {}

function parseWholeNumber(value: string | undefined, what: string, min: number, max: number) {
	if (value === undefined) return undefined;
	const number = Number(value);
	if (!/^\d+$/.test(value) || number < min || number > max) {
		throw new UsageError(`${what} must be a whole number from ${min} to ${max}, not "${value}".`);
	}
	return number;
}

async function run(argv: string[], print: (line: string) => void): Promise<void> {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				wijken: { type: 'string' },
				year: { type: 'string' },
				pdok: { type: 'string' },
				'pdok-base-url': { type: 'string' },
				'page-limit': { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		throw new UsageError(error instanceof Error ? error.message : String(error));
	}
	const { values, positionals } = parsed;
	if (values.help) {
		print(USAGE);
		return;
	}
	const year = parseWholeNumber(values.year, '--year', 1990, 2100);
	const pageLimit = parseWholeNumber(values['page-limit'], '--page-limit', 1, 10_000);
	if (values.pdok !== undefined && positionals.length > 0) {
		throw new UsageError('Give either a buurten GeoJSON file or --pdok <GM-code>, not both.');
	}
	if (values.pdok === undefined && positionals.length !== 1) {
		throw new UsageError(
			positionals.length === 0
				? 'Give a buurten GeoJSON file or --pdok <GM-code>.'
				: `Give one buurten GeoJSON file, not ${positionals.length}.`
		);
	}
	if (values.pdok !== undefined && values.wijken !== undefined) {
		throw new UsageError('--wijken is for files; --pdok downloads the wijken itself.');
	}
	// Read or download and check everything before opening the database: a fatal problem then
	// neither writes nor creates a data directory, and the embedded database's lock is held only
	// for the write itself.
	const started = performance.now();
	const input = values.pdok
		? pdokImportInput(
				await downloadFromPdok({
					gemeenteCode: normaliseGemeenteCode(values.pdok),
					year,
					baseUrl: values['pdok-base-url'] ?? (process.env.PDOK_BASE_URL?.trim() || undefined),
					pageLimit,
					log: print
				})
			)
		: await readCbsFiles({ buurtenFile: positionals[0], wijkenFile: values.wijken, year });
	const plan = prepareCbsImport(input);
	const checked = performance.now();

	const db: Database = await openDatabase(readConfig(), { log: print });
	const opened = performance.now();
	let written;
	try {
		written = await writeCbsPlan(db, plan);
	} finally {
		await db.close();
	}
	for (const line of formatSummary(summaryOf(plan, written))) print(line);
	const seconds = (from: number, to = performance.now()) => ((to - from) / 1000).toFixed(2);
	print(
		`Done in ${seconds(started)} s (${values.pdok ? 'download' : 'read'} and check ` +
			`${seconds(started, checked)} s, opening the database ${seconds(checked, opened)} s, ` +
			`writing ${seconds(opened)} s).`
	);
}

/** One line, no stack: the message is what the person at the terminal needs. */
function oneLine(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	return message.replace(/\s*\n\s*/g, '; ').trim();
}

try {
	await run(process.argv.slice(2), (line) => console.log(line));
} catch (error) {
	const hint = error instanceof UsageError ? ' (see --help)' : '';
	console.error(`import:cbs failed: ${oneLine(error)}${hint}`);
	process.exitCode = 1;
}
