import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Tx } from '$lib/server/db/types';
import type { Row } from '$lib/server/db/rows';

/** Six decimals is about 10 cm: more only makes the payload bigger. */
export function roundCoordinate(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}

function roundGeometry<G extends Polygon | MultiPolygon>(geometry: G): G {
	const ring = (points: number[][]) =>
		points.map(([lon, lat]) => [roundCoordinate(lon), roundCoordinate(lat)]);
	if (geometry.type === 'Polygon') {
		return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } as G;
	}
	return {
		type: 'MultiPolygon',
		coordinates: geometry.coordinates.map((polygon) => polygon.map(ring))
	} as G;
}

export interface BuurtSummary {
	code: Row<'buurten'>['code'];
	name: Row<'buurten'>['name'];
	wijkCode: Row<'wijken'>['code'];
	wijkName: Row<'wijken'>['name'];
	gemeenteName: Row<'gemeenten'>['name'];
	inhabitants: Row<'buurten'>['inhabitants'];
}

/** The buurten in the order of the list: by gemeente, wijk and name. */
export async function listBuurten(tx: Tx): Promise<BuurtSummary[]> {
	return tx.query<BuurtSummary>(
		`select b.code, b.name, w.code as "wijkCode", w.name as "wijkName", g.name as "gemeenteName",
		        b.inhabitants
		   from public.buurten b
		   join public.wijken w on w.code = b.wijk_code
		   join public.gemeenten g on g.code = b.gemeente_code
		  order by g.name, w.name, b.name`
	);
}

/** Buurt outlines for the map: only what the map draws. */
export async function buurtenGeoJson(tx: Tx): Promise<FeatureCollection<Polygon | MultiPolygon>> {
	const rows = await tx.query<
		Pick<Row<'buurten'>, 'code' | 'name'> & { boundary: Polygon | MultiPolygon }
	>('select code, name, boundary from public.buurten order by code');
	return {
		type: 'FeatureCollection',
		features: rows.map((row): Feature<Polygon | MultiPolygon> => ({
			type: 'Feature',
			id: row.code,
			properties: { code: row.code, name: row.name },
			geometry: roundGeometry(row.boundary)
		}))
	};
}
