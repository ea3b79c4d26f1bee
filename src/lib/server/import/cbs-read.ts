// Reading the input files: JSON text, a FeatureCollection, its `crs` member and coordinate
// system. Every problem here is fatal (CbsImportError): the import writes nothing.
import { z } from 'zod';
import { checkWgs84, isPolygonType } from './cbs-geometry';
import { CbsImportError } from './cbs-types';

/** Parses JSON text; a syntax error is fatal and names the input. */
export function parseGeoJsonText(text: string, label: string): unknown {
	try {
		return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		throw new CbsImportError(`${label} is not JSON (${reason.slice(0, 120)})`);
	}
}

const featureCollectionSchema = z.object({
	type: z.literal('FeatureCollection'),
	features: z.array(z.unknown()),
	crs: z.unknown().optional()
});

function describeJson(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a JSON array';
	if (typeof value !== 'object') return `a JSON ${typeof value}`;
	const type = (value as { type?: unknown }).type;
	if (type === 'Feature') return 'a single GeoJSON Feature';
	if (typeof type === 'string') return `a GeoJSON object of type "${type.slice(0, 40)}"`;
	return 'a JSON object without "type": "FeatureCollection"';
}

function asFeatureCollection(value: unknown, label: string): unknown[] {
	const parsed = featureCollectionSchema.safeParse(value);
	if (!parsed.success) {
		throw new CbsImportError(
			`${label} is not a GeoJSON FeatureCollection: it is ${describeJson(value)}. ` +
				'Expected {"type": "FeatureCollection", "features": [...]}.'
		);
	}
	checkCrsMember(parsed.data.crs, label);
	return parsed.data.features;
}

/**
 * The pre-RFC 7946 `crs` member: GDAL writes it for anything but WGS84, so a named EPSG:28992
 * (RD New, the CBS delivery CRS) is the clearest sign of a file that was not reprojected.
 */
function checkCrsMember(crs: unknown, label: string): void {
	if (crs === undefined || crs === null) return;
	const name = (crs as { properties?: { name?: unknown } }).properties?.name;
	if (typeof name !== 'string') return;
	if (/28992/.test(name)) {
		throw new CbsImportError(
			`${label} is in RD New (EPSG:28992, its "crs" says ${name}); WGS84 longitude/latitude is ` +
				'required. Convert it first, e.g. ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson.'
		);
	}
	if (!/CRS84$|EPSG(::|:|\/0\/)4326$/i.test(name)) {
		throw new CbsImportError(
			`${label} names the coordinate system ${name}; WGS84 longitude/latitude (CRS84) is required.`
		);
	}
}

/** The features of a FeatureCollection that has polygons in WGS84; fatal otherwise. */
export function checkedFeatures(value: unknown, label: string): unknown[] {
	const features = asFeatureCollection(value, label);
	const polygons = features.filter((f) =>
		isPolygonType((f as { geometry?: unknown } | null)?.geometry)
	);
	if (polygons.length === 0) {
		const kinds = new Map<string, number>();
		for (const f of features) {
			const type = (f as { geometry?: { type?: unknown } | null } | null)?.geometry?.type;
			const name = typeof type === 'string' ? type : 'no geometry';
			kinds.set(name, (kinds.get(name) ?? 0) + 1);
		}
		const found =
			features.length === 0
				? 'it has no features at all'
				: `found ${[...kinds].map(([k, n]) => `${n} × ${k}`).join(', ')}`;
		throw new CbsImportError(`${label} contains no Polygon or MultiPolygon features (${found}).`);
	}
	checkWgs84(polygons, label);
	return features;
}
