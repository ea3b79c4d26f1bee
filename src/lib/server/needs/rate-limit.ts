// Abuse protection for the report form: how many reports one client address and one browser
// session (or account) may send per window. Kept in the server process's memory on purpose: no
// client address is ever written to disk, and the embedded mode is one process anyway. With
// several app servers behind a load balancer (Supabase mode) each counts for itself, so the
// effective limit is that many times higher: put a limit at the proxy too.
import { readConfig } from '$lib/server/config';

export interface RateLimits {
	perAddress: number;
	perSession: number;
	windowMinutes: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMinutes: number };

/** Sliding-window counters per key; a report counts against its address and its session. */
export class ReportRateLimiter {
	private readonly hits = new Map<string, number[]>();

	constructor(readonly limits: RateLimits) {}

	private recent(key: string, now: number): number[] {
		const since = now - this.limits.windowMinutes * 60_000;
		const times = (this.hits.get(key) ?? []).filter((t) => t > since);
		if (times.length) this.hits.set(key, times);
		else this.hits.delete(key);
		return times;
	}

	/** Counts one report for both keys, or refuses without counting when either is at its limit. */
	take(keys: { address: string; session: string }, now = Date.now()): RateDecision {
		const address = `a:${keys.address}`;
		const session = `s:${keys.session}`;
		const byAddress = this.recent(address, now);
		const bySession = this.recent(session, now);
		const windowMs = this.limits.windowMinutes * 60_000;
		// A key at its limit is free again when the oldest report that keeps it there leaves the window.
		const freeAt = (times: number[], limit: number) =>
			times.length >= limit ? times[times.length - limit] + windowMs : null;
		const blockedUntil = [
			freeAt(byAddress, this.limits.perAddress),
			freeAt(bySession, this.limits.perSession)
		].filter((t): t is number => t !== null);
		if (blockedUntil.length) {
			const until = Math.max(...blockedUntil);
			return { ok: false, retryAfterMinutes: Math.max(1, Math.ceil((until - now) / 60_000)) };
		}
		this.hits.set(address, [...byAddress, now]);
		this.hits.set(session, [...bySession, now]);
		if (this.hits.size > 50_000) this.prune(now);
		return { ok: true };
	}

	/** Drops keys without reports in the window (memory stays bounded under a flood of addresses). */
	prune(now = Date.now()): void {
		for (const key of [...this.hits.keys()]) this.recent(key, now);
	}

	get size(): number {
		return this.hits.size;
	}
}

// Process-wide, like the auth runtime: configuration plus counters, no user's page state.
let limiter: ReportRateLimiter | undefined;

export function reportRateLimiter(): ReportRateLimiter {
	limiter ??= new ReportRateLimiter(readConfig().needRateLimit);
	return limiter;
}
