// Point → buurt code for the report form. The lookup (flatbush + Turf) is built from the buurt
// boundaries once and rebuilt only when the buurten change (an import), not on every report.
import { createBuurtLookup, type BuurtLookup } from '$lib/analysis/buurt-lookup';
import type { Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';
import type { MultiPolygon, Polygon } from 'geojson';

// Process-wide cache of public geography (anyone may read buurten): no user's data in it.
let cached: { stamp: string; lookup: BuurtLookup } | undefined;

export async function buurtOfPoint(tx: Tx, lon: number, lat: number): Promise<string | null> {
	const [{ stamp }] = await tx.query<{ stamp: string }>(
		`select count(*)::text || '/' || coalesce(max(updated_at)::text, '') as stamp from public.buurten`
	);
	if (cached?.stamp !== stamp) {
		const buurten = await tx.query<
			Pick<Row<'buurten'>, 'code'> & { boundary: Polygon | MultiPolygon }
		>('select code, boundary from public.buurten');
		// A boundary that is not a polygon (damaged data) is left out rather than failing every report.
		const usable = buurten.filter(
			(b) => typeof b.boundary === 'object' && Array.isArray(b.boundary?.coordinates)
		);
		cached = { stamp, lookup: createBuurtLookup(usable) };
	}
	return cached.lookup(lon, lat);
}
