import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { roleOf, type Claims, type Database, type Tx } from './types';

/**
 * Options for every open: extensions must be passed each time (a PGlite rule), and numeric is
 * parsed to a number as the PostgreSQL driver does, so both drivers return the same values.
 */
export const pgliteOptions = {
	extensions: { pgcrypto, pg_trgm, unaccent },
	parsers: { 1700: (value: string) => Number(value) }
};

function wrap(tx: Transaction): Tx {
	return {
		async query<Row>(sql: string, params: readonly unknown[] = []) {
			const result = await tx.query<Row>(sql, params as unknown[]);
			return result.rows;
		},
		async exec(sql: string) {
			await tx.exec(sql);
		}
	};
}

/** Database port over an open PGlite instance. All queries are serialised by PGlite itself. */
export function pgliteDatabase(pg: PGlite, onClose?: () => void | Promise<void>): Database {
	return {
		kind: 'embedded',
		withClaims(claims: Claims | null, fn) {
			const role = roleOf(claims);
			const claimsJson = JSON.stringify(claims ?? { role });
			return pg.transaction(async (tx) => {
				await tx.query(`set local role ${role}`);
				await tx.query(`select set_config('request.jwt.claims', $1, true)`, [claimsJson]);
				return fn(wrap(tx));
			});
		},
		asOwner(fn) {
			return pg.transaction((tx) => fn(wrap(tx)));
		},
		async close() {
			if (!pg.closed) await pg.close();
			await onClose?.();
		}
	};
}
