/**
 * Writes a checked CBS import plan (cbs-plan.ts) into public.gemeenten, public.wijken and
 * public.buurten: one transaction as service_role, bulk upserts through jsonb_to_recordset so the
 * same SQL runs on PGlite and PostgreSQL, and only rows whose values changed are updated.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { SERVICE_ROLE_CLAIMS, type Database, type Tx } from '$lib/server/db/types';
import { storeBuurtAdjacency } from '$lib/server/geo/buurt-adjacency';
import { KEY_FIGURES } from './cbs-fields';
import { prepareCbsImport } from './cbs-plan';
import { parseGeoJsonText } from './cbs-read';
import type { CbsImportSummary, LevelCounts } from './cbs-summary';
import { CbsImportError, type CbsImportInput, type CbsImportPlan } from './cbs-types';

/** Rows per statement: keeps one parameter well below any driver or pooler message limit. */
const CHUNK_SIZE = 500;

type Column = readonly [name: string, type: string];

interface UpsertSpec {
	table: string;
	/** The table's columns written by the import; `code` is the conflict key. */
	columns: readonly Column[];
	/**
	 * Rows carry `name_is_placeholder`: a made-up name ("Wijk WK034401") then never replaces
	 * a real name stored by an earlier import, e.g. one with a wijken file.
	 */
	placeholderName: boolean;
}

const GEMEENTE_UPSERT: UpsertSpec = {
	table: 'public.gemeenten',
	columns: [
		['code', 'text'],
		['name', 'text'],
		['source', 'text']
	],
	placeholderName: true
};

const WIJK_UPSERT: UpsertSpec = {
	table: 'public.wijken',
	columns: [
		['code', 'text'],
		['gemeente_code', 'text'],
		['name', 'text'],
		['boundary', 'jsonb'],
		['centroid_lon', 'double precision'],
		['centroid_lat', 'double precision']
	],
	placeholderName: true
};

/** numeric for the two decimal figures; the column's own scale rounds them. */
const FIGURE_TYPES: Record<string, string> = {
	average_household_size: 'numeric',
	land_area_ha: 'numeric'
};

const BUURT_UPSERT: UpsertSpec = {
	table: 'public.buurten',
	columns: [
		['code', 'text'],
		['wijk_code', 'text'],
		['gemeente_code', 'text'],
		['name', 'text'],
		['boundary', 'jsonb'],
		['centroid_lon', 'double precision'],
		['centroid_lat', 'double precision'],
		['min_lon', 'double precision'],
		['min_lat', 'double precision'],
		['max_lon', 'double precision'],
		['max_lat', 'double precision'],
		...KEY_FIGURES.map((spec) => [spec.column, FIGURE_TYPES[spec.column] ?? 'integer'] as const),
		['key_figures_year', 'integer']
	],
	placeholderName: false
};

/**
 * insert … select from jsonb_to_recordset … on conflict (code) do update, where the update only
 * fires when a value differs, so an unchanged re-import leaves updated_at alone and the counts
 * tell inserted, updated and unchanged apart. `xmax = 0` marks a freshly inserted row (the
 * usual PostgreSQL idiom; PGlite is PostgreSQL). Identifiers come from the constants above only.
 * The rows travel as one text parameter cast to jsonb: for a jsonb parameter postgres.js
 * JSON-encodes a string again while PGlite sends it as is, and text means the same to both.
 */
function upsertSql(spec: UpsertSpec): string {
	const names = spec.columns.map(([name]) => name);
	const recordColumns = [
		...spec.columns,
		...(spec.placeholderName ? [['name_is_placeholder', 'boolean'] as const] : [])
	]
		.map(([name, type]) => `${name} ${type}`)
		.join(', ');
	// The conflict clause only sees `excluded` (table columns), so the placeholder decision is
	// made in the select: a placeholder name becomes the stored name when the row exists.
	const selected = names.map((name) =>
		spec.placeholderName && name === 'name'
			? `case when r.name_is_placeholder then coalesce((select e.name from ${spec.table} e where e.code = r.code), r.name) else r.name end`
			: `r.${name}`
	);
	const updated = names.filter((name) => name !== 'code');
	return `insert into ${spec.table} as t (${names.join(', ')})
		select ${selected.join(', ')}
		from jsonb_to_recordset($1::text::jsonb) as r(${recordColumns})
		on conflict (code) do update set ${updated.map((n) => `${n} = excluded.${n}`).join(', ')}
		where (${updated.map((n) => `t.${n}`).join(', ')})
			is distinct from (${updated.map((n) => `excluded.${n}`).join(', ')})
		returning (t.xmax = 0) as inserted`;
}

async function upsert(tx: Tx, sql: string, rows: readonly object[]): Promise<LevelCounts> {
	const counts: LevelCounts = { inserted: 0, updated: 0, unchanged: 0 };
	for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
		const chunk = rows.slice(start, start + CHUNK_SIZE);
		const result = await tx.query<{ inserted: boolean }>(sql, [JSON.stringify(chunk)]);
		const inserted = result.filter((row) => row.inserted).length;
		counts.inserted += inserted;
		counts.updated += result.length - inserted;
		counts.unchanged += chunk.length - result.length;
	}
	return counts;
}

const GEMEENTE_SQL = upsertSql(GEMEENTE_UPSERT);
const WIJK_SQL = upsertSql(WIJK_UPSERT);
const BUURT_SQL = upsertSql(BUURT_UPSERT);

export interface WriteResult {
	counts: CbsImportSummary['counts'];
	notInInput: CbsImportSummary['notInInput'];
}

/**
 * Writes the plan in one transaction as service_role. Only the codes in the plan are touched,
 * so importing one gemeente never changes another's rows; rows of the same gemeente that the
 * input lacks are counted, not deleted (needs and initiatives may point at them).
 */
export async function writeCbsPlan(db: Database, plan: CbsImportPlan): Promise<WriteResult> {
	try {
		return await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
			const gemeenten = await upsert(tx, GEMEENTE_SQL, plan.gemeenten);
			const wijken = await upsert(tx, WIJK_SQL, plan.wijken);
			const buurten = await upsert(tx, BUURT_SQL, plan.buurten);
			// New boundaries, new neighbours: the shared-need detection joins adjacent buurten.
			for (const gemeente of plan.gemeenten) await storeBuurtAdjacency(tx, gemeente.code);
			const [left] = await tx.query<{ wijken: number; buurten: number }>(
				`select
					(select count(*)::int from public.wijken
						where gemeente_code = any($1::text[]) and not (code = any($2::text[]))) as wijken,
					(select count(*)::int from public.buurten
						where gemeente_code = any($1::text[]) and not (code = any($3::text[]))) as buurten`,
				[
					plan.gemeenten.map((g) => g.code),
					plan.wijken.map((w) => w.code),
					plan.buurten.map((b) => b.code)
				]
			);
			return { counts: { gemeenten, wijken, buurten }, notInInput: left };
		});
	} catch (error) {
		if (error instanceof CbsImportError) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw new CbsImportError(`The database refused the import; nothing was written (${reason}).`);
	}
}

/** The summary of a written plan. */
export function summaryOf(plan: CbsImportPlan, result: WriteResult): CbsImportSummary {
	return {
		source: plan.source,
		counts: result.counts,
		notInInput: result.notInInput,
		fieldsMapped: plan.fieldsMapped,
		fieldsMissing: plan.fieldsMissing,
		secretValues: plan.secretValues,
		derivedWijken: plan.derivedWijken,
		skipped: plan.skipped,
		warnings: plan.warnings
	};
}

/** Checks, maps and writes one import; throws CbsImportError on a fatal problem. */
export async function importCbs(db: Database, input: CbsImportInput): Promise<CbsImportSummary> {
	const plan = prepareCbsImport(input);
	return summaryOf(plan, await writeCbsPlan(db, plan));
}

/** Reads and parses a GeoJSON file; a missing or unreadable file is a CbsImportError. */
export async function readGeoJsonFile(path: string): Promise<unknown> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'it is a folder'
					: error instanceof Error
						? error.message
						: String(error);
		throw new CbsImportError(`Cannot read ${path}: ${reason}.`);
	}
	return parseGeoJsonText(text, basename(path));
}

export interface FileImportOptions {
	buurtenFile: string;
	wijkenFile?: string;
	year?: number;
}

/** Reads the buurten (and wijken) files into an import input; nothing is written. */
export async function readCbsFiles(options: FileImportOptions): Promise<CbsImportInput> {
	const buurten = await readGeoJsonFile(options.buurtenFile);
	const wijken = options.wijkenFile ? await readGeoJsonFile(options.wijkenFile) : undefined;
	const files = [options.buurtenFile, options.wijkenFile].filter(Boolean).map((f) => basename(f!));
	return {
		buurten,
		wijken,
		year: options.year,
		source: `CBS Wijk- en Buurtkaart (${files.join(', ')})`,
		buurtenLabel: basename(options.buurtenFile),
		wijkenLabel: options.wijkenFile ? basename(options.wijkenFile) : undefined
	};
}

/** Reads both files first, so a bad wijken file also writes nothing, then imports. */
export async function importCbsFiles(
	db: Database,
	options: FileImportOptions
): Promise<CbsImportSummary> {
	return importCbs(db, await readCbsFiles(options));
}
