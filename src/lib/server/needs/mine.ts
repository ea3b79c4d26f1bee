// "My reports" (/mijn-meldingen): a signed-in resident's own needs, every field (right of
// access), withdrawing one or all of them (right to erasure) and a JSON download of everything.
// Read through private.my_needs() with the resident's claims: the table itself does not show
// anyone who reported a need, not even the reporter.
import type { Tx } from '$lib/server/db/types';
import { describeNeeds, type Locale, type NeedReceipt, type NeedRow } from './report';

export async function myNeeds(tx: Tx, locale: Locale): Promise<NeedReceipt[]> {
	const rows = await tx.query<NeedRow>('select * from private.my_needs()');
	return describeNeeds(tx, rows, locale);
}

/** Deletes one of the caller's needs; false when it is not theirs or already gone. */
export async function withdrawNeed(tx: Tx, id: string): Promise<boolean> {
	const rows = await tx.query(
		`delete from public.needs
		  where id = $1::uuid and id in (select n.id from private.my_needs() n)
		 returning id`,
		[id]
	);
	return rows.length === 1;
}

/** Deletes all of the caller's needs; returns how many. */
export async function withdrawAllNeeds(tx: Tx): Promise<number> {
	const rows = await tx.query(
		`delete from public.needs where id in (select n.id from private.my_needs() n) returning id`
	);
	return rows.length;
}

/** Everything stored about the caller's needs, column by column, for download. */
export async function exportMyNeeds(
	tx: Tx,
	user: { id: string; email: string }
): Promise<{
	exported_at: string;
	account: { id: string; email: string };
	about: string;
	needs: Record<string, unknown>[];
}> {
	const rows = await tx.query<NeedRow>('select * from private.my_needs()');
	return {
		exported_at: new Date().toISOString(),
		account: user,
		about:
			'Buurtkracht: every need you reported while signed in, with every stored field (table public.needs). Reports sent without signing in are not linked to you and are not included.',
		needs: rows.map((row) => ({
			...row,
			reported_at: new Date(row.reported_at).toISOString(),
			expires_at: new Date(row.expires_at).toISOString()
		}))
	};
}
