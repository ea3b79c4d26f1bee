import postgres from 'postgres';
import { roleOf, type Claims, type Database, type Tx } from './types';

type Sql = postgres.Sql | postgres.TransactionSql;

function wrap(sql: Sql): Tx {
	return {
		async query<Row>(text: string, params: readonly unknown[] = []) {
			const rows = await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
			return rows as unknown as Row[];
		},
		async exec(text: string) {
			// Without parameters postgres.js uses the simple protocol: several statements are allowed.
			await sql.unsafe(text);
		}
	};
}

export interface PostgresOptions {
	/** Connections in the pool. */
	max?: number;
}

/**
 * Database port over PostgreSQL, for example a Supabase project's pooled connection string.
 * Prepared statements are off because Supabase's transaction pooler (port 6543) does not keep them.
 */
export function postgresDatabase(url: string, options: PostgresOptions = {}): Database {
	const sql = postgres(url, {
		max: options.max ?? 10,
		prepare: false,
		onnotice: () => {},
		// Same value types as PGlite: int8 and numeric as numbers, timestamps as Date.
		types: {
			bigint: {
				to: 20,
				from: [20],
				serialize: (x: number) => String(x),
				parse: (x: string) => Number(x)
			},
			numeric: {
				to: 1700,
				from: [1700],
				serialize: (x: number) => String(x),
				parse: (x: string) => Number(x)
			}
		}
	});
	return {
		kind: 'postgres',
		async withClaims(claims: Claims | null, fn) {
			const role = roleOf(claims);
			const claimsJson = JSON.stringify(claims ?? { role });
			return (await sql.begin(async (tx) => {
				await tx.unsafe(`set local role ${role}`);
				await tx.unsafe(`select set_config('request.jwt.claims', $1, true)`, [claimsJson]);
				return fn(wrap(tx));
			})) as Awaited<ReturnType<typeof fn>>;
		},
		async asOwner(fn) {
			return (await sql.begin((tx) => fn(wrap(tx)))) as Awaited<ReturnType<typeof fn>>;
		},
		async close() {
			await sql.end({ timeout: 5 });
		}
	};
}
