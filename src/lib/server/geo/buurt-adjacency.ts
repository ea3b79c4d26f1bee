// Which buurten border each other (public.buurt_adjacency): computed from the boundaries once per
// CBS release rather than on every workspace request. Writers are privileged paths only: the demo
// seeder and the CBS importer call storeBuurtAdjacency in their own service_role transaction, and
// the daily digest job fills in any gemeente that has none yet (a database that existed before
// the table did, or one imported by an older version). Until then the workspace computes the
// pairs in memory for the request (it may read boundaries, not write pairs), so detection never
// waits for the job.
import type { Boundary } from '$lib/server/geo/polygon';
import { buurtAdjacency, type BuurtPair } from '$lib/analysis/buurt-adjacency';
import { SERVICE_ROLE_CLAIMS, type Database, type Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';

/** A buurt outline; the generated type says only `Json` for the jsonb boundary. */
type BuurtOutline = Pick<Row<'buurten'>, 'code'> & { boundary: Boundary };

async function boundariesOf(tx: Tx, gemeenteCode: string) {
	return tx.query<BuurtOutline>(
		'select code, boundary from public.buurten where gemeente_code = $1 order by code',
		[gemeenteCode]
	);
}

/**
 * Recomputes the pairs of one gemeente from its boundaries and replaces the stored ones, in the
 * caller's transaction (service_role or an admin). Returns the number of pairs.
 */
export async function storeBuurtAdjacency(tx: Tx, gemeenteCode: string): Promise<number> {
	const pairs = buurtAdjacency(await boundariesOf(tx, gemeenteCode));
	await tx.query(
		`delete from public.buurt_adjacency a
		  using public.buurten b
		  where b.code = a.buurt_a and b.gemeente_code = $1`,
		[gemeenteCode]
	);
	if (pairs.length > 0) {
		await tx.query(
			`insert into public.buurt_adjacency (buurt_a, buurt_b)
			 select x.a, x.b from jsonb_to_recordset($1::text::jsonb) as x (a text, b text)
			 on conflict do nothing`,
			[JSON.stringify(pairs.map(([a, b]) => ({ a, b })))]
		);
	}
	return pairs.length;
}

/**
 * The adjacent pairs within a gemeente: stored ones, or — when none are stored yet and the
 * gemeente has more than one buurt — computed now from the boundaries (not stored: this runs
 * with the caller's claims). `stored` says which.
 */
export async function loadBuurtAdjacency(
	tx: Tx,
	gemeenteCode: string
): Promise<{ pairs: BuurtPair[]; stored: boolean }> {
	const rows = await tx.query<Row<'buurt_adjacency'>>(
		`select a.buurt_a, a.buurt_b
		   from public.buurt_adjacency a
		   join public.buurten b on b.code = a.buurt_a
		  where b.gemeente_code = $1
		  order by 1, 2`,
		[gemeenteCode]
	);
	if (rows.length > 0) return { pairs: rows.map((r) => [r.buurt_a, r.buurt_b]), stored: true };
	return { pairs: buurtAdjacency(await boundariesOf(tx, gemeenteCode)), stored: false };
}

/** Stores the pairs of every gemeente that has buurten but no stored pairs (the daily job). */
export async function ensureBuurtAdjacency(db: Database): Promise<string[]> {
	return db.withClaims(SERVICE_ROLE_CLAIMS, async (tx) => {
		const missing = await tx.query<Pick<Row<'gemeenten'>, 'code'>>(
			`select g.code
			   from public.gemeenten g
			  where (select count(*) from public.buurten b where b.gemeente_code = g.code) > 1
			    and not exists (
			      select 1 from public.buurt_adjacency a
			        join public.buurten b on b.code = a.buurt_a
			       where b.gemeente_code = g.code)
			  order by g.code`
		);
		for (const { code } of missing) await storeBuurtAdjacency(tx, code);
		return missing.map((row) => row.code);
	});
}
