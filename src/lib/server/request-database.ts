import { error } from '@sveltejs/kit';
import type { Claims, Database, Tx } from '$lib/server/db/types';

/** What a request handler gets: transactions that always run with the caller's claims. */
export interface RequestDatabase {
	readonly claims: Claims | null;
	run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export function bindToClaims(db: Database, claims: Claims | null): RequestDatabase {
	return {
		claims,
		run: (fn) => db.withClaims(claims, fn)
	};
}

/**
 * For a request the guard refused: every use answers 404, so no load of the refused page reads
 * anything while its area's layout renders the error page.
 */
export function closedDatabase(claims: Claims | null): RequestDatabase {
	return {
		claims,
		run: async () => error(404, 'Not found')
	};
}
