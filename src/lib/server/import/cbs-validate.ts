// Per-feature checks: a feature that fails is skipped and reported, the others are imported.
import { z } from 'zod';
import {
	IDENTITY_FIELDS,
	BUURT_CODE,
	GEMEENTE_CODE,
	normaliseCode,
	normaliseGemeenteCode,
	pickText,
	propsOf,
	type Props
} from './cbs-fields';
import { cleanBoundary, isPolygonType, selfIntersection } from './cbs-geometry';
import type { Boundary, SkippedFeature } from './cbs-types';

const featureSchema = z.object({
	type: z.literal('Feature'),
	geometry: z.unknown(),
	properties: z.record(z.string(), z.unknown()).nullish()
});

export interface CheckedFeature {
	index: number;
	props: Props;
	boundary: Boundary;
}

/**
 * Shared per-feature checks: Feature shape, polygon geometry, well-formed rings, no
 * self-intersection. Returns null (and records the skip) when the feature cannot be used.
 */
export function checkFeature(
	raw: unknown,
	index: number,
	file: SkippedFeature['file'],
	codeFields: readonly string[],
	skipped: SkippedFeature[]
): CheckedFeature | null {
	const parsed = featureSchema.safeParse(raw);
	const props = propsOf(parsed.success ? parsed.data.properties : undefined);
	const code = normaliseCode(pickText(props, codeFields));
	const skip = (reason: string) => {
		skipped.push({ file, index, code, reason });
		return null;
	};
	if (!parsed.success) return skip('not a GeoJSON Feature with properties');
	const geometry = parsed.data.geometry as { type?: unknown; coordinates?: unknown } | null;
	if (geometry === null || geometry === undefined) return skip('has no geometry');
	if (!isPolygonType(geometry)) {
		return skip(`geometry is ${String(geometry.type)}; expected Polygon or MultiPolygon`);
	}
	const boundary = cleanBoundary(geometry as { type: string; coordinates?: unknown });
	if (typeof boundary === 'string') return skip(boundary);
	const crossing = selfIntersection(boundary);
	if (crossing) {
		return skip(
			`self-intersecting polygon (crosses itself near ${crossing[0].toFixed(6)}, ${crossing[1].toFixed(6)})`
		);
	}
	return { index, props, boundary };
}

/** The buurt codes and how they must nest: BU0344 0111 → WK0344 01 → GM0344. */
export function buurtCodes(props: Props): {
	code: string | null;
	wijkCode?: string;
	gemeenteCode?: string;
	problem?: string;
} {
	const code = normaliseCode(pickText(props, IDENTITY_FIELDS.buurtCode));
	if (code === null) {
		return { code, problem: `no buurt code (${IDENTITY_FIELDS.buurtCode.join(' or ')})` };
	}
	if (!BUURT_CODE.test(code))
		return { code, problem: `buurt code "${code}" is not BU followed by 8 digits` };
	const expectedGemeente = `GM${code.slice(2, 6)}`;
	const expectedWijk = `WK${code.slice(2, 8)}`;
	const gemeenteCode =
		normaliseGemeenteCode(pickText(props, IDENTITY_FIELDS.gemeenteCode)) ?? expectedGemeente;
	const wijkCode = normaliseCode(pickText(props, IDENTITY_FIELDS.wijkCode)) ?? expectedWijk;
	if (!GEMEENTE_CODE.test(gemeenteCode)) {
		return { code, problem: `gemeente code "${gemeenteCode}" is not GM followed by 4 digits` };
	}
	if (gemeenteCode !== expectedGemeente) {
		return {
			code,
			problem: `buurt code ${code} does not belong to gemeente ${gemeenteCode} (expected ${expectedGemeente})`
		};
	}
	if (wijkCode !== expectedWijk) {
		return {
			code,
			problem: `buurt code ${code} does not belong to wijk ${wijkCode} (expected ${expectedWijk})`
		};
	}
	return { code, wijkCode, gemeenteCode };
}
