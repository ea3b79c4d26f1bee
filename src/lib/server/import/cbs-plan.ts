/**
 * Reads a CBS Wijk- en Buurtkaart GeoJSON FeatureCollection (WGS84) into rows for
 * public.gemeenten, public.wijken and public.buurten. Pure: no I/O, no database; the writes are
 * in cbs-write.ts, the PDOK download in pdok.ts. The steps: cbs-read.ts (files, fatal),
 * cbs-validate.ts and cbs-geometry.ts (per feature), cbs-fields.ts (property → column).
 *
 * Two kinds of problems:
 * - FATAL (CbsImportError): the input as a whole cannot be right (not JSON, not a
 *   FeatureCollection, no polygons, projected coordinates). Nothing is written.
 * - Per feature: the feature is skipped and reported with its reason; the others are imported.
 *
 * Duplicate codes within a file: the first feature wins, later duplicates are skipped and
 * reported. CBS files hold one record per code (a buurt in several parts is one MultiPolygon),
 * so a duplicate is an editing mistake, and refusing the whole file for it would block an
 * import that is otherwise sound.
 */
import { bbox as turfBbox } from '@turf/bbox';
import { interiorPoint } from '$lib/server/geo/interior-point';
import { unionBoundaries } from '$lib/server/geo/polygon';
import {
	IDENTITY_FIELDS,
	KEY_FIGURES,
	WIJK_CODE,
	mappingReport,
	normaliseCode,
	normaliseGemeenteCode,
	pick,
	pickText,
	readFigure,
	readYear
} from './cbs-fields';
import { PlanContext } from './cbs-plan-context';
import { checkedFeatures } from './cbs-read';
import {
	CbsImportError,
	type Boundary,
	type BuurtRow,
	type CbsImportInput,
	type CbsImportPlan,
	type GemeenteRow,
	type KeyFigureColumn,
	type WijkRow
} from './cbs-types';
import { buurtCodes, checkFeature } from './cbs-validate';

/** The wijken of a wijken file, by code: names and boundaries. */
function readWijkenFile(features: unknown[], ctx: PlanContext): Map<string, WijkRow> {
	const wijken = new Map<string, WijkRow>();
	const seen = new Map<string, number>();
	for (const [i, raw] of features.entries()) {
		const index = i + 1;
		const checked = checkFeature(raw, index, 'wijken', IDENTITY_FIELDS.wijkCode, ctx.skipped);
		if (!checked) continue;
		const code = normaliseCode(pickText(checked.props, IDENTITY_FIELDS.wijkCode));
		if (code === null) {
			ctx.skip('wijken', index, null, `no wijk code (${IDENTITY_FIELDS.wijkCode.join(' or ')})`);
			continue;
		}
		if (!WIJK_CODE.test(code)) {
			ctx.skip('wijken', index, code, `wijk code "${code}" is not WK followed by 6 digits`);
			continue;
		}
		const first = seen.get(code);
		if (first !== undefined) {
			ctx.skip('wijken', index, code, `duplicate of wijk feature #${first}; the first one is used`);
			continue;
		}
		const expectedGemeente = `GM${code.slice(2, 6)}`;
		const gemeenteCode =
			normaliseGemeenteCode(pickText(checked.props, IDENTITY_FIELDS.gemeenteCode)) ??
			expectedGemeente;
		if (gemeenteCode !== expectedGemeente) {
			ctx.skip(
				'wijken',
				index,
				code,
				`wijk code ${code} does not belong to gemeente ${gemeenteCode}`
			);
			continue;
		}
		seen.set(code, index);
		ctx.noteGemeente(gemeenteCode, pickText(checked.props, IDENTITY_FIELDS.gemeenteName));
		ctx.noteSource('wijkenFile.code', pick(checked.props, IDENTITY_FIELDS.wijkCode));
		ctx.noteSource('wijkenFile.name', pick(checked.props, IDENTITY_FIELDS.wijkName));
		const name = pickText(checked.props, IDENTITY_FIELDS.wijkName);
		const [lon, lat] = interiorPoint(checked.boundary);
		wijken.set(code, {
			code,
			gemeente_code: gemeenteCode,
			name: ctx.name(name, `Wijk ${code}`, code),
			name_is_placeholder: name === null,
			boundary: checked.boundary,
			centroid_lon: lon,
			centroid_lat: lat
		});
	}
	return wijken;
}

/** The buurten rows, and the wijk names some editions carry on each buurt. */
function readBuurten(
	features: unknown[],
	year: number | undefined,
	ctx: PlanContext
): { buurten: BuurtRow[]; wijkNames: Map<string, string> } {
	const buurten: BuurtRow[] = [];
	const wijkNames = new Map<string, string>();
	const seen = new Map<string, number>();
	for (const [i, raw] of features.entries()) {
		const index = i + 1;
		const checked = checkFeature(raw, index, 'buurten', IDENTITY_FIELDS.buurtCode, ctx.skipped);
		if (!checked) continue;
		const { props, boundary } = checked;
		const { code, wijkCode, gemeenteCode, problem } = buurtCodes(props);
		if (problem || code === null || !wijkCode || !gemeenteCode) {
			ctx.skip('buurten', index, code, problem ?? 'no buurt code');
			continue;
		}
		const first = seen.get(code);
		if (first !== undefined) {
			ctx.skip(
				'buurten',
				index,
				code,
				`duplicate of buurt feature #${first}; the first one is used`
			);
			continue;
		}
		seen.set(code, index);
		ctx.noteGemeente(gemeenteCode, pickText(props, IDENTITY_FIELDS.gemeenteName));
		const wijkName = pickText(props, IDENTITY_FIELDS.wijkName);
		if (wijkName !== null && !wijkNames.has(wijkCode)) wijkNames.set(wijkCode, wijkName);
		for (const field of ['buurtCode', 'buurtName', 'wijkCode', 'wijkName'] as const) {
			ctx.noteSource(field, pick(props, IDENTITY_FIELDS[field]));
		}
		ctx.noteSource('gemeenteCode', pick(props, IDENTITY_FIELDS.gemeenteCode));
		ctx.noteSource('gemeenteName', pick(props, IDENTITY_FIELDS.gemeenteName));

		const name = pickText(props, IDENTITY_FIELDS.buurtName);
		if (name === null) ctx.warnings.push(`${code}: no buurt name; stored as "Buurt ${code}"`);
		const figures = {} as Record<KeyFigureColumn, number | null>;
		for (const spec of KEY_FIGURES) {
			const found = pick(props, spec.sources);
			ctx.noteSource(spec.column, found);
			const result = readFigure(found?.value, spec.kind);
			figures[spec.column] = result.value;
			if (result.secret) ctx.secretValues[spec.column] = (ctx.secretValues[spec.column] ?? 0) + 1;
			if (result.problem) {
				ctx.warnings.push(
					`${code}: ${found?.key} ${result.problem}; ${spec.column} stored as null`
				);
			}
		}
		let keyFiguresYear = year ?? null;
		if (keyFiguresYear === null) {
			const found = pick(props, IDENTITY_FIELDS.year);
			keyFiguresYear = readYear(found?.value);
			ctx.noteSource('year', found);
		}
		const [minLon, minLat, maxLon, maxLat] = turfBbox(boundary);
		const [centroidLon, centroidLat] = interiorPoint(boundary);
		buurten.push({
			code,
			wijk_code: wijkCode,
			gemeente_code: gemeenteCode,
			name: ctx.name(name, `Buurt ${code}`, code),
			boundary,
			centroid_lon: centroidLon,
			centroid_lat: centroidLat,
			min_lon: minLon,
			min_lat: minLat,
			max_lon: maxLon,
			max_lat: maxLat,
			...figures,
			key_figures_year: keyFiguresYear
		});
	}
	return { buurten, wijkNames };
}

/** A wijk for every wijk code the buurten use and the wijken file lacks: union of its buurten. */
function deriveWijken(
	buurten: BuurtRow[],
	fromFile: Map<string, WijkRow> | undefined,
	wijkNames: Map<string, string>,
	ctx: PlanContext
): WijkRow[] {
	const byWijk = new Map<string, BuurtRow[]>();
	for (const buurt of buurten) {
		if (fromFile?.has(buurt.wijk_code)) continue;
		byWijk.set(buurt.wijk_code, [...(byWijk.get(buurt.wijk_code) ?? []), buurt]);
	}
	return [...byWijk].map(([code, members]) => {
		if (fromFile) {
			ctx.warnings.push(
				`${code} is not in the wijken file; its boundary is derived from its buurten`
			);
		}
		let boundary: Boundary | null = null;
		try {
			boundary = unionBoundaries(members.map((b) => b.boundary));
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error);
			ctx.warnings.push(
				`${code}: the union of its buurten failed (${reason}); boundary left empty`
			);
		}
		const name = wijkNames.get(code) ?? null;
		const point = boundary ? interiorPoint(boundary) : null;
		return {
			code,
			gemeente_code: members[0].gemeente_code,
			name: ctx.name(name, `Wijk ${code}`, code),
			name_is_placeholder: name === null,
			boundary,
			centroid_lon: point?.[0] ?? null,
			centroid_lat: point?.[1] ?? null
		};
	});
}

/**
 * Checks and maps a CBS buurten FeatureCollection (and optionally a wijken one) into rows.
 * Throws CbsImportError on a fatal problem; per-feature problems end up in `skipped`.
 */
export function prepareCbsImport(input: CbsImportInput): CbsImportPlan {
	const buurtenLabel = input.buurtenLabel ?? 'The buurten GeoJSON';
	const wijkenLabel = input.wijkenLabel ?? 'The wijken GeoJSON';
	if (input.year !== undefined && readYear(input.year) === null) {
		throw new CbsImportError(
			`The year must be a whole number from 1990 to 2100, not ${input.year}.`
		);
	}
	// All fatal checks first, for both files, so a bad wijken file also writes nothing.
	const buurtFeatures = checkedFeatures(input.buurten, buurtenLabel);
	const wijkFeatures =
		input.wijken === undefined ? undefined : checkedFeatures(input.wijken, wijkenLabel);

	const ctx = new PlanContext(input.warnings);
	const fromFile = wijkFeatures ? readWijkenFile(wijkFeatures, ctx) : undefined;
	const { buurten, wijkNames } = readBuurten(buurtFeatures, input.year, ctx);
	if (buurten.length === 0) {
		throw new CbsImportError(
			`${buurtenLabel} has no usable buurten: all ${buurtFeatures.length} features were skipped ` +
				`(first reason: ${ctx.skipped.find((s) => s.file === 'buurten')?.reason ?? 'unknown'}).`
		);
	}
	const derived = deriveWijken(buurten, fromFile, wijkNames, ctx);
	const wijken = [...(fromFile?.values() ?? []), ...derived].sort((a, b) =>
		a.code.localeCompare(b.code)
	);

	const source = input.source ?? 'CBS Wijk- en Buurtkaart';
	const gemeenteCodes = [...new Set(wijken.map((w) => w.gemeente_code))].sort();
	const gemeenten: GemeenteRow[] = gemeenteCodes.map((code) => {
		const name = ctx.gemeenteNames.get(code) ?? null;
		if (name === null) {
			ctx.warnings.push(`${code}: no gemeente name in the file; stored as "Gemeente ${code}"`);
		}
		return {
			code,
			name: ctx.name(name, `Gemeente ${code}`, code),
			name_is_placeholder: name === null,
			source
		};
	});

	return {
		source,
		gemeenten,
		wijken,
		buurten,
		skipped: ctx.skipped,
		warnings: ctx.warnings,
		...mappingReport(ctx.sources, {
			wijkenFile: wijkFeatures !== undefined,
			derived: derived.length > 0,
			yearOption: input.year !== undefined
		}),
		secretValues: ctx.secretValues,
		derivedWijken: derived.map((w) => w.code).sort()
	};
}
