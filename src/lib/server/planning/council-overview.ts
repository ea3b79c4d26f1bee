// The council landing page: municipality-level figures, read with the caller's claims. Council
// reads every provision (drafts too) and the signals that ask for a new collective provision;
// it reads no individual need.
import type { Tx } from '$lib/server/db/types';

export interface GemeenteOverview {
	gemeenten: { code: string; name: string; buurten: number }[];
	provisions: { published: number; draft: number; archived: number };
	signalsAskingForProvision: number;
}

export async function gemeenteOverview(tx: Tx): Promise<GemeenteOverview> {
	const gemeenten = await tx.query<GemeenteOverview['gemeenten'][number]>(
		`select g.code, g.name,
		        (select count(*)::int from public.buurten b where b.gemeente_code = g.code) as buurten
		   from public.gemeenten g order by g.name`
	);
	const [provisions] = await tx.query<GemeenteOverview['provisions']>(
		`select count(*) filter (where status = 'published')::int as published,
		        count(*) filter (where status = 'draft')::int as draft,
		        count(*) filter (where status = 'archived')::int as archived
		   from public.provisions`
	);
	const [signals] = await tx.query<{ count: number }>(
		`select count(*)::int as count from public.signals where intervention_kind = 'nieuwe_voorziening'`
	);
	return { gemeenten, provisions, signalsAskingForProvision: signals.count };
}
