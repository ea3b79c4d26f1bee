import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from '../../../src/lib/server/db/data-dir-lock';
import { DataDirError, openEmbedded } from '../../../src/lib/server/db/embedded';

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
	children.forEach((child) => child.kill('SIGKILL'));
	dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function freshDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'bk-datadir-'));
	dirs.push(dir);
	return dir;
}

function writeLock(dir: string, pid: number, host = hostname()) {
	writeFileSync(
		join(dir, 'buurtkracht.lock'),
		JSON.stringify({ pid, host, command: 'npm run dev', startedAt: '2026-11-28T12:00:00Z' })
	);
}

function runMigrate(env: Record<string, string>) {
	return spawnSync('npx', ['tsx', 'scripts/db-migrate.ts'], {
		env: { ...process.env, ...env },
		encoding: 'utf8',
		timeout: 120_000
	});
}

describe('the embedded data directory lock', () => {
	it('refuses a second opener while the holder lives, naming the holder', () => {
		const dir = freshDir();
		const holder = spawn('sleep', ['60']);
		children.push(holder);
		writeLock(dir, holder.pid!);
		expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
		expect(() => lockDataDir(dir)).toThrow(
			new RegExp(`in use by process ${holder.pid} \\(npm run dev\\)`)
		);
	});

	it('takes over a lock left by a process that was killed', async () => {
		const dir = freshDir();
		const dead = spawn('sleep', ['60']);
		await new Promise((resolve) => {
			dead.once('exit', resolve);
			dead.kill('SIGKILL');
		});
		writeLock(dir, dead.pid!);
		const lock = lockDataDir(dir);
		expect(JSON.parse(readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
		lock.release();
		expect(existsSync(lock.path)).toBe(false);
	});

	it('refuses a lock held on another host, whose processes it cannot see', () => {
		const dir = freshDir();
		writeLock(dir, 1, 'some-other-host');
		expect(() => lockDataDir(dir)).toThrow(/on some-other-host/);
	});

	it('makes npm run db:migrate exit with a clear message while another process holds the directory', async () => {
		const dataDir = freshDir();
		const db = await openEmbedded(dataDir); // this test process is "npm run dev"
		try {
			const result = runMigrate({ DATA_DIR: dataDir });
			expect(result.status).toBe(1);
			expect(result.stderr).toContain(`in use by process ${process.pid}`);
			expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
		} finally {
			await db.close();
		}
		// Once released, the same command works.
		const again = runMigrate({ DATA_DIR: dataDir });
		expect(again.stderr).toBe('');
		expect(again.status).toBe(0);
		expect(again.stdout).toMatch(/Migrations: \d+ applied/);
	});
});

describe('a data directory that is not ours', () => {
	it('refuses a folder that holds other files', async () => {
		const dir = freshDir();
		writeFileSync(join(dir, 'holiday.jpg'), 'not a database');
		await expect(openEmbedded(dir)).rejects.toThrow(DataDirError);
		await expect(openEmbedded(dir)).rejects.toThrow(/not Buurtkracht's \(holiday\.jpg\)/);
	});

	it('refuses a database of another PostgreSQL version', async () => {
		const dir = freshDir();
		mkdirSync(join(dir, 'pgdata'));
		writeFileSync(join(dir, 'pgdata', 'PG_VERSION'), '15\n');
		await expect(openEmbedded(dir)).rejects.toThrow(/made by PostgreSQL 15/);
	});

	it('reports a damaged database clearly and leaves no lock behind', async () => {
		const dir = freshDir();
		await (await openEmbedded(dir)).close();
		await new Promise((resolve) => setTimeout(resolve, 100));
		writeFileSync(join(dir, 'pgdata', 'global', 'pg_control'), Buffer.alloc(8192, 7));
		await expect(openEmbedded(dir)).rejects.toThrow(/could not be opened.*It may be damaged/);
		expect(existsSync(join(dir, 'buurtkracht.lock'))).toBe(false);
	});

	it('stops db:migrate with the variable named when DATABASE_URL is malformed', () => {
		const result = runMigrate({ DATABASE_URL: 'localhost:5432' });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('DATABASE_URL: expected a PostgreSQL connection string');
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});
});
