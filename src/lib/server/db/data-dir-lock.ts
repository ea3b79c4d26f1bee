import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** Raised when another live process holds the embedded data directory. */
export class DataDirLockedError extends Error {
	constructor(
		readonly dataDir: string,
		readonly holder: LockHolder
	) {
		super(
			`The data directory ${dataDir} is in use by process ${holder.pid}` +
				(holder.command ? ` (${holder.command})` : '') +
				` on ${holder.host}, started ${holder.startedAt}. ` +
				'Stop that process first: two processes on one embedded database would corrupt it.'
		);
		this.name = 'DataDirLockedError';
	}
}

export interface LockHolder {
	pid: number;
	host: string;
	command: string;
	startedAt: string;
}

export interface DataDirLock {
	readonly path: string;
	release(): void;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function readHolder(path: string): LockHolder | null {
	try {
		const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
		if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
		return {
			pid: parsed.pid,
			host: parsed.host,
			command: String(parsed.command ?? ''),
			startedAt: String(parsed.startedAt ?? '')
		};
	} catch {
		return null;
	}
}

/**
 * Takes the lock file `buurtkracht.lock` in `dataDir` for this process, like PostgreSQL's
 * postmaster.pid: created only if absent, and a lock left by a process that no longer runs on
 * this host is taken over. A lock held by a live process, or by another host (whose processes we
 * cannot see), is refused with a DataDirLockedError naming the holder.
 */
export function lockDataDir(
	dataDir: string,
	command = process.argv.slice(1).join(' ')
): DataDirLock {
	const path = join(dataDir, 'buurtkracht.lock');
	const me: LockHolder = {
		pid: process.pid,
		host: hostname(),
		command: command.slice(0, 200),
		startedAt: new Date().toISOString()
	};
	for (let attempt = 0; attempt < 3; attempt++) {
		// Written whole to a private file, then linked into place: link() is atomic and fails when
		// the lock exists, so no other process ever sees a half-written lock.
		const draft = `${path}.${process.pid}.${attempt}`;
		writeFileSync(draft, JSON.stringify(me), { mode: 0o600 });
		try {
			linkSync(draft, path);
			let released = false;
			return {
				path,
				release() {
					if (released) return;
					released = true;
					const holder = readHolder(path);
					if (holder?.pid === me.pid && holder.host === me.host) unlinkSync(path);
				}
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		} finally {
			unlinkSync(draft);
		}
		const holder = readHolder(path);
		if (holder && holder.host === me.host && holder.pid === me.pid) {
			throw new DataDirLockedError(dataDir, holder); // opened twice in one process: a bug
		}
		if (holder && (holder.host !== me.host || isAlive(holder.pid))) {
			throw new DataDirLockedError(dataDir, holder);
		}
		// Stale: the holder is gone (or the file is not a lock at all). Remove it and try again.
		try {
			unlinkSync(path);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
		}
	}
	const holder = readHolder(path);
	if (holder) throw new DataDirLockedError(dataDir, holder);
	throw new Error(`Could not take the lock ${path}; try again.`);
}
