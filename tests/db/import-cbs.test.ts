import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_ROLE_CLAIMS, type Database, type Tx } from '../../src/lib/server/db/types';
import { CbsImportError } from '$lib/server/import/cbs-types';
import { importCbs } from '../../src/lib/server/import/cbs-write';
import { importFromPdok, PdokError } from '../../src/lib/server/import/pdok';
import { migratedDatabase } from './harness';

// Synthetic fixtures only: made-up gemeenten GM99xx on a grid of squares near Utrecht.

function square(col: number, row: number, size = 0.01): Polygon {
	const lon = 5 + col * size;
	const lat = 52 + row * size;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lon, lat],
				[lon + size, lat],
				[lon + size, lat + size],
				[lon, lat + size],
				[lon, lat]
			]
		]
	};
}

/** A gemeente of `wijken` × `perWijk` buurten in the 2015 (uppercase) spelling. */
function city(gm: string, wijken: number, perWijk: number, extra: Record<string, unknown> = {}) {
	const digits = gm.slice(2);
	const features = [];
	for (let w = 1; w <= wijken; w++) {
		for (let b = 1; b <= perWijk; b++) {
			const ww = String(w).padStart(2, '0');
			const bb = String(b).padStart(2, '0');
			features.push({
				type: 'Feature',
				properties: {
					BU_CODE: `BU${digits}${ww}${bb}`,
					BU_NAAM: `Buurt ${ww}-${bb}`,
					WK_CODE: `WK${digits}${ww}`,
					GM_CODE: gm,
					GM_NAAM: `Stad ${digits}`,
					AANT_INW: 1000 + b,
					AANTAL_HH: 500,
					GEM_HH_GR: 2.1,
					P_65_EO_JR: 20,
					P_EENP_HH: 40,
					OPP_LAND: 12.5,
					...extra
				},
				geometry: square(b, w)
			});
		}
	}
	return { type: 'FeatureCollection', features };
}

/** The same gemeente in the lowercase spelling PDOK serves. */
function pdokBuurten(gm: string, count: number) {
	const digits = gm.slice(2);
	return Array.from({ length: count }, (_, i) => {
		const bb = String(i + 1).padStart(2, '0');
		return {
			type: 'Feature',
			id: i + 1,
			properties: {
				buurtcode: `BU${digits}01${bb}`,
				buurtnaam: `PDOK-buurt ${bb}`,
				wijkcode: `WK${digits}01`,
				wijknaam: 'Centrum',
				gemeentecode: gm,
				gemeentenaam: `PDOK-stad ${digits}`,
				jaar: 2024,
				aantal_inwoners: 2000 + i,
				aantal_huishoudens: 900,
				percentage_personen_65_jaar_en_ouder: -99997
			},
			geometry: square(i, 0)
		};
	});
}

type Counts = { gemeenten: number; wijken: number; buurten: number };

async function counts(db: Database, gm?: string): Promise<Counts> {
	const [row] = await db.asOwner((tx) =>
		tx.query<Counts>(
			`select
				(select count(*)::int from public.gemeenten where $1::text is null or code = $1) as gemeenten,
				(select count(*)::int from public.wijken where $1::text is null or gemeente_code = $1) as wijken,
				(select count(*)::int from public.buurten where $1::text is null or gemeente_code = $1) as buurten`,
			[gm ?? null]
		)
	);
	return row;
}

async function rowsOf(db: Database, gm: string) {
	return db.asOwner((tx) =>
		tx.query(
			`select b.*, w.name as wijk_name, w.updated_at as wijk_updated_at,
				g.name as gemeente_name, g.updated_at as gemeente_updated_at
			 from public.buurten b
			 join public.wijken w on w.code = b.wijk_code
			 join public.gemeenten g on g.code = b.gemeente_code
			 where b.gemeente_code = $1 order by b.code`,
			[gm]
		)
	);
}

describe('importing CBS GeoJSON', () => {
	let db: Database;
	beforeAll(async () => {
		db = await migratedDatabase();
	});
	afterAll(async () => {
		await db?.close();
	});

	it('inserts gemeente, wijken and buurten with figures, boundary, inner point and bbox', async () => {
		const summary = await importCbs(db, { buurten: city('GM9901', 2, 3), year: 2015 });
		expect(summary.counts).toEqual({
			gemeenten: { inserted: 1, updated: 0, unchanged: 0 },
			wijken: { inserted: 2, updated: 0, unchanged: 0 },
			buurten: { inserted: 6, updated: 0, unchanged: 0 }
		});
		const rows = await rowsOf(db, 'GM9901');
		expect(rows).toHaveLength(6);
		expect(rows[0]).toMatchObject({
			code: 'BU99010101',
			wijk_code: 'WK990101',
			gemeente_code: 'GM9901',
			name: 'Buurt 01-01',
			inhabitants: 1001,
			households: 500,
			average_household_size: 2.1,
			pct_age_65_plus: 20,
			pct_one_person_households: 40,
			pct_age_0_14: null,
			land_area_ha: 12.5,
			key_figures_year: 2015,
			min_lon: 5.01,
			max_lon: 5.02,
			wijk_name: 'Wijk WK990101',
			gemeente_name: 'Stad 9901'
		});
		expect(rows[0].boundary).toEqual(square(1, 1));
		expect(rows[0].centroid_lon).toBeCloseTo(5.015, 9);
		expect(rows[0].centroid_lat).toBeCloseTo(52.015, 9);
	});

	it('is idempotent: the same file again changes nothing, a changed value updates one row', async () => {
		const before = await counts(db);
		const rowsBefore = await rowsOf(db, 'GM9901');
		const again = await importCbs(db, { buurten: city('GM9901', 2, 3), year: 2015 });
		expect(again.counts).toEqual({
			gemeenten: { inserted: 0, updated: 0, unchanged: 1 },
			wijken: { inserted: 0, updated: 0, unchanged: 2 },
			buurten: { inserted: 0, updated: 0, unchanged: 6 }
		});
		expect(await counts(db)).toEqual(before);
		expect(await rowsOf(db, 'GM9901')).toEqual(rowsBefore);

		const changed = city('GM9901', 2, 3);
		changed.features[4].properties.AANT_INW = 4321;
		const third = await importCbs(db, { buurten: changed, year: 2015 });
		expect(third.counts.buurten).toEqual({ inserted: 0, updated: 1, unchanged: 5 });
		expect(await counts(db)).toEqual(before);
		const rowsAfter = await rowsOf(db, 'GM9901');
		expect(rowsAfter[4].inhabitants).toBe(4321);
		expect(rowsAfter[3]).toEqual(rowsBefore[3]);
	});

	it('imports a second gemeente alongside without touching the first', async () => {
		const first = await rowsOf(db, 'GM9901');
		const summary = await importCbs(db, { buurten: city('GM9902', 1, 4) });
		expect(summary.counts.buurten.inserted).toBe(4);
		expect(summary.notInInput).toEqual({ wijken: 0, buurten: 0 });
		expect(await counts(db, 'GM9902')).toEqual({ gemeenten: 1, wijken: 1, buurten: 4 });
		expect(await rowsOf(db, 'GM9901')).toEqual(first);
	});

	it('keeps real wijk and gemeente names when a later import only has placeholders', async () => {
		const wijken = {
			type: 'FeatureCollection',
			features: [
				{
					type: 'Feature',
					properties: { WK_CODE: 'WK990201', WK_NAAM: 'Wijk 01 Noord', GM_CODE: 'GM9902' },
					geometry: square(0, 1)
				}
			]
		};
		const named = await importCbs(db, { buurten: city('GM9902', 1, 4), wijken });
		expect(named.counts.wijken).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
		const bare = city('GM9902', 1, 4);
		for (const f of bare.features) delete (f.properties as Record<string, unknown>).GM_NAAM;
		const summary = await importCbs(db, { buurten: bare });
		expect(summary.warnings).toContain(
			'GM9902: no gemeente name in the file; stored as "Gemeente GM9902"'
		);
		const [row] = await rowsOf(db, 'GM9902');
		expect(row.wijk_name).toBe('Wijk 01 Noord');
		expect(row.gemeente_name).toBe('Stad 9902');
	});

	it('counts rows of the gemeente that the input lacks and leaves them alone', async () => {
		const summary = await importCbs(db, { buurten: city('GM9902', 1, 2) });
		expect(summary.notInInput).toEqual({ wijken: 0, buurten: 2 });
		expect(await counts(db, 'GM9902')).toEqual({ gemeenten: 1, wijken: 1, buurten: 4 });
	});

	it('writes nothing on a fatal error', async () => {
		const before = await counts(db);
		const rd = city('GM9903', 1, 2);
		rd.features[1].geometry = {
			type: 'Polygon',
			coordinates: [
				[
					[136000, 455000],
					[137000, 455000],
					[137000, 456000],
					[136000, 455000]
				]
			]
		};
		await expect(importCbs(db, { buurten: rd })).rejects.toThrow(/RD New \(EPSG:28992\)/);
		await expect(importCbs(db, { buurten: city('GM9903', 1, 2), wijken: [] })).rejects.toThrow(
			CbsImportError
		);
		expect(await counts(db)).toEqual(before);
	});

	it('rolls back the gemeente and wijken when the buurten fail: one transaction', async () => {
		const before = await counts(db);
		// Fault injection at the port: the buurten statement fails after the others succeeded.
		const failing: Database = {
			...db,
			withClaims: (claims, fn) =>
				db.withClaims(claims, (tx) =>
					fn({
						query: (sql, params) =>
							/insert into public\.buurten/.test(sql)
								? Promise.reject(new Error('disk full'))
								: tx.query(sql, params),
						exec: (sql) => tx.exec(sql)
					} as Tx)
				)
		};
		await expect(importCbs(failing, { buurten: city('GM9904', 1, 2) })).rejects.toThrow(
			'The database refused the import; nothing was written (disk full).'
		);
		expect(await counts(db)).toEqual(before);
		expect(await counts(db, 'GM9904')).toEqual({ gemeenten: 0, wijken: 0, buurten: 0 });
	});

	it('runs as service_role, the role the shim and Supabase give the importer', async () => {
		const [{ role }] = await db.withClaims(SERVICE_ROLE_CLAIMS, (tx) =>
			tx.query<{ role: string }>('select current_user as role')
		);
		expect(role).toBe('service_role');
	});
});

// ============================================================================================
// PDOK: a local OGC API Features server on 127.0.0.1 serving generated pages
// ============================================================================================

interface FakePdok {
	server: Server;
	base: string;
	requests: URL[];
}

type Handler = (url: URL, res: ServerResponse, origin: string) => void;

async function fakePdok(handler: Handler): Promise<FakePdok> {
	const requests: URL[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const { port } = server.address() as AddressInfo;
		const origin = `http://127.0.0.1:${port}`;
		const url = new URL(req.url ?? '/', origin);
		requests.push(url);
		handler(url, res, origin);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return { server, base: `http://127.0.0.1:${port}/cbs/wijken-en-buurten-{year}/ogc/v1`, requests };
}

function json(res: ServerResponse, status: number, body: unknown) {
	res.writeHead(status, { 'content-type': 'application/geo+json' });
	res.end(JSON.stringify(body));
}

/** Pages of `pageSize` features with rel "next" links carrying a cursor, as PDOK does. */
function pagedCollections(collections: Record<string, unknown[]>, pageSize: number): Handler {
	return (url, res, origin) => {
		const match = /^\/cbs\/wijken-en-buurten-(\d{4})\/ogc\/v1\/collections\/(\w+)\/items$/.exec(
			url.pathname
		);
		const all = match ? collections[match[2]] : undefined;
		if (!all) return json(res, 404, { title: 'Not Found', detail: `no such collection` });
		const cursor = Number(url.searchParams.get('cursor') ?? 0);
		const features = all.slice(cursor, cursor + pageSize);
		const links = [
			{ rel: 'self', type: 'application/geo+json', href: `${origin}${url.pathname}${url.search}` }
		];
		if (cursor + pageSize < all.length) {
			const next = new URL(url);
			next.searchParams.set('cursor', String(cursor + pageSize));
			links.push({
				rel: 'next',
				type: 'application/geo+json',
				href: `${origin}${next.pathname}${next.search}`
			});
		}
		json(res, 200, {
			type: 'FeatureCollection',
			timeStamp: '2026-11-28T12:00:00Z',
			links,
			numberReturned: features.length,
			features
		});
	};
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('importing from PDOK', () => {
	let db: Database;
	let pdok: FakePdok;
	const foreign = { ...pdokBuurten('GM9906', 1)[0] };
	beforeAll(async () => {
		db = await migratedDatabase();
		const buurten = pdokBuurten('GM9905', 5);
		buurten.splice(3, 0, foreign as (typeof buurten)[number]);
		pdok = await fakePdok(
			pagedCollections(
				{
					buurten,
					wijken: [
						{
							type: 'Feature',
							properties: { wijkcode: 'WK990501', wijknaam: 'Centrum', gemeentecode: 'GM9905' },
							geometry: {
								type: 'Polygon',
								coordinates: [
									[
										[5, 52],
										[5.05, 52],
										[5.05, 52.01],
										[5, 52.01],
										[5, 52]
									]
								]
							}
						}
					]
				},
				2
			)
		);
	});
	afterAll(async () => {
		await db?.close();
		await new Promise((resolve) => pdok?.server.close(resolve));
	});

	it('follows next links page by page, reports progress, and imports', async () => {
		const lines: string[] = [];
		const summary = await importFromPdok(db, {
			gemeenteCode: '9905',
			year: 2024,
			baseUrl: pdok.base,
			log: (line) => lines.push(line)
		});
		expect(lines).toEqual([
			'Buurten: page 1, 2 features',
			'Buurten: page 2, 3 features',
			'Buurten: page 3, 5 features',
			'Wijken: page 1, 1 features'
		]);
		const first = pdok.requests[0];
		expect(first.pathname).toBe('/cbs/wijken-en-buurten-2024/ogc/v1/collections/buurten/items');
		expect(Object.fromEntries(first.searchParams)).toEqual({
			f: 'json',
			gemeentecode: 'GM9905',
			limit: '1000'
		});
		expect(summary.counts.buurten).toEqual({ inserted: 5, updated: 0, unchanged: 0 });
		expect(summary.counts.wijken).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
		expect(summary.warnings[0]).toBe(
			'PDOK returned 1 features of other gemeenten; they were ignored'
		);
		expect(summary.secretValues).toEqual({ pct_age_65_plus: 5 });
		expect(await counts(db, 'GM9906')).toEqual({ gemeenten: 0, wijken: 0, buurten: 0 });
		const rows = await rowsOf(db, 'GM9905');
		expect(rows.map((r) => r.code)).toEqual([
			'BU99050101',
			'BU99050102',
			'BU99050103',
			'BU99050104',
			'BU99050105'
		]);
		expect(rows[0]).toMatchObject({
			name: 'PDOK-buurt 01',
			inhabitants: 2000,
			pct_age_65_plus: null,
			key_figures_year: 2024,
			wijk_name: 'Centrum',
			gemeente_name: 'PDOK-stad 9905'
		});
	});

	it('says clearly when PDOK cannot be reached (connection refused)', async () => {
		const before = await counts(db);
		const port = await closedPort();
		const base = `http://127.0.0.1:${port}/ogc/v1`;
		await expect(importFromPdok(db, { gemeenteCode: 'GM9905', baseUrl: base })).rejects.toThrow(
			`Cannot reach PDOK at ${base} (ECONNREFUSED); check the network or download the GeoJSON yourself and pass the file.`
		);
		expect(await counts(db)).toEqual(before);
	});

	it('reports HTTP errors with their status', async () => {
		const broken = await fakePdok((_url, res) =>
			json(res, 503, { title: 'Service Unavailable', detail: 'maintenance until 14:00' })
		);
		try {
			const error = await importFromPdok(db, {
				gemeenteCode: 'GM9905',
				baseUrl: broken.base
			}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(PdokError);
			expect((error as Error).message).toMatch(
				/^PDOK answered HTTP 503 Service Unavailable for http:\/\/127\.0\.0\.1:\d+\/cbs\/wijken-en-buurten-2024\/ogc\/v1\/collections\/buurten\/items\?f=json&gemeentecode=GM9905&limit=1000: maintenance until 14:00$/
			);
		} finally {
			await new Promise((resolve) => broken.server.close(resolve));
		}
	});

	it('stops at the page limit and writes nothing', async () => {
		const before = await counts(db);
		const endless = await fakePdok(
			pagedCollections({ buurten: pdokBuurten('GM9907', 30), wijken: [] }, 1)
		);
		try {
			await expect(
				importFromPdok(db, { gemeenteCode: 'GM9907', baseUrl: endless.base, pageLimit: 3 })
			).rejects.toThrow(/^Stopped after 3 pages of buurten \(3 features so far; safety limit\)/);
			expect(await counts(db)).toEqual(before);
		} finally {
			await new Promise((resolve) => endless.server.close(resolve));
		}
	});

	it('refuses a gemeente code that is not one', async () => {
		await expect(
			importFromPdok(db, { gemeenteCode: 'Utrecht', baseUrl: pdok.base })
		).rejects.toThrow(
			'"Utrecht" is not a gemeente code; expected GM followed by 4 digits, e.g. GM0344 (Utrecht).'
		);
	});

	it('says when PDOK has no buurten for the gemeente', async () => {
		await expect(
			importFromPdok(db, { gemeenteCode: 'GM9908', baseUrl: pdok.base })
		).rejects.toThrow(/^PDOK has no buurten for GM9908 in the 2024 edition/);
	});
});

// ============================================================================================
// The CLI, as `npm run import:cbs` runs it
// ============================================================================================

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function runCli(args: string[], env: Record<string, string>): Promise<Run> {
	return new Promise((resolve) => {
		execFile(
			'npx',
			['tsx', 'scripts/import-cbs.ts', ...args],
			{ env: { ...process.env, DATABASE_URL: '', ...env }, timeout: 60_000 },
			(error, stdout, stderr) => {
				const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
				resolve({ code, stdout, stderr });
			}
		);
	});
}

describe('scripts/import-cbs.ts', () => {
	let work: string;
	beforeAll(() => {
		work = mkdtempSync(join(tmpdir(), 'buurtkracht-import-cli-'));
		writeFileSync(join(work, 'buurten.geojson'), JSON.stringify(city('GM9911', 2, 2)));
		writeFileSync(
			join(work, 'rd.geojson'),
			JSON.stringify({
				...city('GM9911', 1, 1),
				crs: { type: 'name', properties: { name: 'EPSG:28992' } }
			})
		);
		writeFileSync(join(work, 'broken.geojson'), '{"type": "FeatureCollection", "features": [');
	});
	afterAll(() => {
		rmSync(work, { recursive: true, force: true });
	});

	it('imports a file, prints the summary and timing, and exits 0; a second run changes nothing', async () => {
		const env = { DATA_DIR: join(work, 'data') };
		const first = await runCli([join(work, 'buurten.geojson'), '--year', '2015'], env);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('buurten            4         0          0');
		expect(first.stdout).toContain('wijken             2         0          0');
		expect(first.stdout).toContain('  AANT_INW → buurten.inhabitants');
		expect(first.stdout).toMatch(/Done in \d+\.\d\d s/);
		const second = await runCli([join(work, 'buurten.geojson'), '--year', '2015'], env);
		expect(second.code).toBe(0);
		expect(second.stdout).toContain('buurten            0         0          4');
	});

	it('exits 1 with one line and no stack for a bad file, and writes nothing', async () => {
		const env = { DATA_DIR: join(work, 'data-bad') };
		for (const [file, message] of [
			['broken.geojson', /^import:cbs failed: broken\.geojson is not JSON \(.+\)$/],
			['rd.geojson', /^import:cbs failed: rd\.geojson is in RD New \(EPSG:28992/],
			['missing.geojson', /^import:cbs failed: Cannot read .*missing\.geojson: no such file\.$/]
		] as const) {
			const run = await runCli([join(work, file)], env);
			expect(run.code).toBe(1);
			const lines = run.stderr.trim().split('\n');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(message);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
		// Everything is checked before the database is opened: not even a data directory appears.
		expect(existsSync(env.DATA_DIR)).toBe(false);
		const usage = await runCli(['--year', 'soon', join(work, 'buurten.geojson')], env);
		expect(usage.code).toBe(1);
		expect(usage.stderr.trim()).toBe(
			'import:cbs failed: --year must be a whole number from 1990 to 2100, not "soon". (see --help)'
		);
	});

	it('downloads from PDOK with --pdok, printing a line per page', async () => {
		const pdok = await fakePdok(
			pagedCollections({ buurten: pdokBuurten('GM9912', 3), wijken: [] }, 2)
		);
		try {
			const run = await runCli(['--pdok', 'GM9912', '--year', '2023'], {
				DATA_DIR: join(work, 'data-pdok'),
				PDOK_BASE_URL: pdok.base
			});
			expect(run.stderr).toBe('');
			expect(run.code).toBe(0);
			expect(run.stdout).toContain('Buurten: page 1, 2 features\nBuurten: page 2, 3 features\n');
			expect(run.stdout).toContain('Wijken: page 1, 0 features');
			expect(run.stdout).toContain('buurten            3         0          0');
			expect(pdok.requests[0].pathname).toBe(
				'/cbs/wijken-en-buurten-2023/ogc/v1/collections/buurten/items'
			);
		} finally {
			await new Promise((resolve) => pdok.server.close(resolve));
		}
	});
});
