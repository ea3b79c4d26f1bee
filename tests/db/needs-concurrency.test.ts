/**
 * 200 reports sent at once to the running app land exactly once each, also when half of them are
 * sent twice at the same moment (a double click, a retry).
 *
 * Why here and not in Playwright: counting needs a privileged handle (no API role may count
 * needs), and the rate limits must be raised for this one server only. So this test starts the
 * built app itself (`node build`, built first when the build is older than the sources) with its
 * own database and NEED_RATE_LIMIT_* raised, fires the requests over HTTP, stops the app and
 * counts as the owner: on PGlite in a temporary DATA_DIR (opened again after the app released
 * it), and in the PostgreSQL tier on a fresh database, where the requests really run in parallel
 * transactions.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { openEmbedded } from '../../src/lib/server/db/embedded';
import { pgliteDatabase, pgliteOptions } from '../../src/lib/server/db/pglite-driver';
import { SERVICE_ROLE_CLAIMS, type Database } from '../../src/lib/server/db/types';
import { migratedPostgresDatabase, TIER } from './harness';

const REPORTS = 200;
const REPLAYED = 100;
const SESSIONS = 20;
const BUURT = 'BU97010101';

let server: ChildProcess | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
	if (server && server.exitCode === null) server.kill('SIGKILL');
	for (const cleanup of cleanups) await cleanup();
});

function newestFile(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const name of readdirSync(path)) {
		if (name === 'paraglide' || name === 'node_modules') continue;
		newest = Math.max(newest, newestFile(join(path, name)));
	}
	return newest;
}

/**
 * Builds the app when build/ is missing or older than anything it is built from, and returns a
 * private copy of it (inside the project, so its dependencies resolve): another build of the
 * shared build/ folder while this test runs cannot pull files from under the app.
 */
function builtApp(): string {
	ensureBuild();
	const copy = join('.tmp', `build-concurrency-${randomUUID().slice(0, 8)}`);
	cpSync('build', copy, { recursive: true });
	cleanups.push(async () => rmSync(copy, { recursive: true, force: true }));
	return copy;
}

function ensureBuild(): void {
	const handler = 'build/handler.js';
	const sources = ['src', 'supabase/migrations', 'messages', 'svelte.config.js', 'vite.config.ts'];
	const newestSource = Math.max(...sources.map(newestFile));
	if (existsSync(handler) && statSync(handler).mtimeMs > newestSource) return;
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
	for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
	const result = spawnSync('npx', ['vite', 'build'], { env, encoding: 'utf8', timeout: 300_000 });
	if (result.status !== 0)
		throw new Error(`vite build failed:\n${result.stderr}\n${result.stdout}`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number };
			probe.close(() => resolve(port));
		});
	});
}

async function addFixture(db: Database): Promise<void> {
	await db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		await tx.query(`insert into public.gemeenten (code, name) values ('GM9701', 'Drukdorp')`);
		await tx.query(
			`insert into public.wijken (code, gemeente_code, name) values ('WK970101', 'GM9701', 'Centrum')`
		);
		await tx.query(
			`insert into public.buurten (code, wijk_code, gemeente_code, name, boundary, centroid_lon,
			   centroid_lat, min_lon, min_lat, max_lon, max_lat, households)
			 values ($1, 'WK970101', 'GM9701', 'Marktbuurt',
			   '{"type":"Polygon","coordinates":[[[7,53],[7.01,53],[7.01,53.01],[7,53.01],[7,53]]]}',
			   7.005, 53.005, 7, 53, 7.01, 53.01, 800)`,
			[BUURT]
		);
	});
}

interface Target {
	env: Record<string, string>;
	/** Counts the needs, after the app has stopped. */
	count: (keys: string[]) => Promise<{ rows: number; distinctKeys: number; total: number }>;
}

async function embeddedTarget(): Promise<Target> {
	const dataDir = join(mkdtempSync(join(tmpdir(), 'bk-concurrency-')), 'data');
	mkdirSync(join(dataDir, 'pgdata'), { recursive: true });
	// The migrated template of this run, unpacked into a data directory the app can open.
	const tarball = readFileSync(inject('pgliteTemplate'));
	const pg = await PGlite.create(join(dataDir, 'pgdata'), {
		...pgliteOptions,
		loadDataDir: new Blob([tarball])
	});
	await addFixture(pgliteDatabase(pg));
	await pg.close();
	return {
		env: { DATA_DIR: dataDir },
		async count(keys) {
			const db = await openEmbedded(dataDir);
			try {
				return await countNeeds(db, keys);
			} finally {
				await db.close();
			}
		}
	};
}

async function postgresTarget(): Promise<Target> {
	const { db, url } = await migratedPostgresDatabase();
	cleanups.push(() => db.close());
	await addFixture(db);
	return {
		env: { DATABASE_URL: url, AUTH_MODE: 'embedded', AUTH_JWT_SECRET: 'x'.repeat(48) },
		count: (keys) => countNeeds(db, keys)
	};
}

async function countNeeds(db: Database, keys: string[]) {
	const [row] = await db.asOwner((tx) =>
		tx.query<{ rows: number; distinct_keys: number; total: number }>(
			`select count(*) filter (where idempotency_key = any($1::uuid[]))::int as rows,
			        count(distinct idempotency_key) filter (where idempotency_key = any($1::uuid[]))::int
			          as distinct_keys,
			        count(*)::int as total
			   from public.needs`,
			[keys]
		)
	);
	return { rows: row.rows, distinctKeys: row.distinct_keys, total: row.total };
}

async function startApp(app: string, target: Target): Promise<string> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const output: string[] = [];
	server = spawn('node', [app], {
		env: {
			...process.env,
			...target.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			SEED_DEMO: 'false',
			NEED_RATE_LIMIT_PER_ADDRESS: '100000',
			NEED_RATE_LIMIT_PER_SESSION: '100000',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	server.stdout!.on('data', (chunk) => output.push(String(chunk)));
	server.stderr!.on('data', (chunk) => output.push(String(chunk)));
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`the app stopped:\n${output.join('')}`);
		try {
			if ((await fetch(`${origin}/api/buurten.geojson`)).ok) return origin;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`the app did not start in time:\n${output.join('')}`);
}

async function stopApp(): Promise<void> {
	if (!server || server.exitCode !== null) return;
	const exited = new Promise((resolve) => server!.once('exit', resolve));
	server.kill('SIGTERM');
	const timer = setTimeout(() => server?.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

/** One browser session: the cookie the report form sets. */
async function newSession(origin: string): Promise<string> {
	const response = await fetch(`${origin}/melden`);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('buurtkracht_melding='));
	if (!cookie) throw new Error('no report session cookie');
	return cookie.split(';')[0];
}

async function report(origin: string, cookie: string, key: string, n: number) {
	const started = performance.now();
	const response = await fetch(`${origin}/melden`, {
		method: 'POST',
		headers: {
			origin,
			accept: 'text/html',
			cookie,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			idempotency_key: key,
			thema: ['geldzaken', 'wonen', 'vervoer', 'voeding'][n % 4],
			buurt: BUURT,
			beschrijving: `Gelijktijdige melding ${n}`,
			toestemming: 'ja'
		})
	});
	const html = await response.text();
	return {
		key,
		status: response.status,
		stored: html.includes('Bedankt. Uw melding is opgeslagen.'),
		duplicate: html.includes('U had dit formulier al verstuurd'),
		reference: /Kenmerk<\/dt>\s*<dd[^>]*>([0-9A-F]{8})</.exec(html)?.[1] ?? null,
		ms: performance.now() - started
	};
}

describe(`200 concurrent reports against the running app (${TIER})`, () => {
	it('land exactly once each, replays included', { timeout: 600_000 }, async () => {
		const app = builtApp();
		const target = TIER === 'postgres' ? await postgresTarget() : await embeddedTarget();
		const origin = await startApp(app, target);
		const sessions = await Promise.all(Array.from({ length: SESSIONS }, () => newSession(origin)));
		const keys = Array.from({ length: REPORTS }, () => randomUUID());
		const sends = keys.map((key, n) => ({ key, n, cookie: sessions[n % SESSIONS] }));
		// Half of the reports are sent a second time, at the same moment, from the same session.
		const all = [...sends, ...sends.slice(0, REPLAYED)].sort(() => Math.random() - 0.5);

		const started = performance.now();
		const results = await Promise.all(all.map((s) => report(origin, s.cookie, s.key, s.n)));
		const seconds = (performance.now() - started) / 1000;
		await stopApp();
		const counted = await target.count(keys);

		const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
		const at = (q: number) => Math.round(latencies[Math.floor(q * (latencies.length - 1))]);
		console.log(
			`[${TIER}] ${all.length} POSTs (${REPORTS} reports, ${REPLAYED} sent twice at once) in ${seconds.toFixed(2)} s ` +
				`(${Math.round(all.length / seconds)} requests/s; latency p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms); ` +
				`rows stored ${counted.rows}, distinct keys ${counted.distinctKeys}, needs in the database ${counted.total}`
		);

		expect(results.filter((r) => r.status !== 200)).toEqual([]);
		expect(counted).toEqual({ rows: REPORTS, distinctKeys: REPORTS, total: REPORTS });
		for (const key of keys) {
			const answers = results.filter((r) => r.key === key);
			// Exactly one answer stored it; a replay got the same receipt back.
			expect(answers.filter((a) => a.stored)).toHaveLength(1);
			expect(answers.filter((a) => a.duplicate)).toHaveLength(answers.length - 1);
			expect(new Set(answers.map((a) => a.reference)).size).toBe(1);
			expect(answers[0].reference).toMatch(/^[0-9A-F]{8}$/);
		}
	});
});
