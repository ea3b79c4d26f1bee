import { describe, expect, it } from 'vitest';
import { ReportRateLimiter } from './rate-limit';

const MINUTE = 60_000;

describe('ReportRateLimiter', () => {
	it('refuses the session beyond its limit and lets it go again when the window moves on', () => {
		const limiter = new ReportRateLimiter({ perAddress: 100, perSession: 3, windowMinutes: 60 });
		const keys = { address: '10.0.0.1', session: 's1' };
		for (let i = 0; i < 3; i++) expect(limiter.take(keys, i * MINUTE)).toEqual({ ok: true });
		expect(limiter.take(keys, 10 * MINUTE)).toEqual({ ok: false, retryAfterMinutes: 50 });
		// Another session on the same address is not affected.
		expect(limiter.take({ address: '10.0.0.1', session: 's2' }, 10 * MINUTE).ok).toBe(true);
		// The first report leaves the window at minute 60.
		expect(limiter.take(keys, 60 * MINUTE + 1).ok).toBe(true);
	});

	it('refuses an address beyond its limit, whatever sessions it uses', () => {
		const limiter = new ReportRateLimiter({ perAddress: 5, perSession: 100, windowMinutes: 15 });
		for (let i = 0; i < 5; i++) {
			expect(limiter.take({ address: '192.0.2.7', session: `fresh-${i}` }, 0).ok).toBe(true);
		}
		const refused = limiter.take({ address: '192.0.2.7', session: 'fresh-new' }, MINUTE);
		expect(refused).toEqual({ ok: false, retryAfterMinutes: 14 });
		expect(limiter.take({ address: '192.0.2.8', session: 'fresh-new' }, MINUTE).ok).toBe(true);
	});

	it('does not count a refused report', () => {
		const limiter = new ReportRateLimiter({ perAddress: 1, perSession: 1, windowMinutes: 10 });
		expect(limiter.take({ address: 'a', session: 's' }, 0).ok).toBe(true);
		for (let i = 1; i < 9; i++)
			expect(limiter.take({ address: 'a', session: 's' }, i * MINUTE).ok).toBe(false);
		expect(limiter.take({ address: 'a', session: 's' }, 10 * MINUTE + 1).ok).toBe(true);
	});

	it('forgets keys whose reports have left the window', () => {
		const limiter = new ReportRateLimiter({ perAddress: 5, perSession: 5, windowMinutes: 1 });
		for (let i = 0; i < 100; i++) limiter.take({ address: `addr-${i}`, session: `s-${i}` }, 0);
		expect(limiter.size).toBe(200);
		limiter.prune(2 * MINUTE);
		expect(limiter.size).toBe(0);
	});
});
