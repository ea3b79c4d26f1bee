import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { interiorPoint } from '$lib/server/geo/interior-point';
import { readFigure } from './cbs-fields';
import { prepareCbsImport } from './cbs-plan';
import { parseGeoJsonText } from './cbs-read';
import { formatSummary } from './cbs-summary';
import { CbsImportError, type CbsImportPlan } from './cbs-types';

// Synthetic fixtures only: a made-up gemeente GM9901 on a grid of squares near Utrecht.

function square(col: number, row: number, size = 0.01): Polygon {
	const lon = 5 + col * size;
	const lat = 52 + row * size;
	return {
		type: 'Polygon',
		coordinates: [
			[
				[lon, lat],
				[lon + size, lat],
				[lon + size, lat + size],
				[lon, lat + size],
				[lon, lat]
			]
		]
	};
}

/** 2015-edition properties (uppercase) for buurt nn in wijk ww of GM9901. */
function props2015(wijk: number, buurt: number, extra: Record<string, unknown> = {}) {
	const ww = String(wijk).padStart(2, '0');
	const bb = String(buurt).padStart(2, '0');
	return {
		BU_CODE: `BU9901${ww}${bb}`,
		BU_NAAM: `Buurt ${ww}-${bb}`,
		WK_CODE: `WK9901${ww}`,
		GM_CODE: 'GM9901',
		GM_NAAM: 'Proefstad',
		AANT_INW: 1035,
		AANTAL_HH: 635,
		GEM_HH_GR: 1.5,
		P_00_14_JR: 8,
		P_15_24_JR: 10,
		P_25_44_JR: 31,
		P_45_64_JR: 18,
		P_65_EO_JR: 33,
		P_EENP_HH: 64,
		P_HH_M_K: 12,
		WWB_UITTOT: 5,
		AO_UIT_TOT: 20,
		WW_UIT_TOT: 10,
		A_SOZ_OW: 340,
		OPP_LAND: 36,
		...extra
	};
}

function feature(properties: Record<string, unknown> | null, geometry: unknown) {
	return { type: 'Feature', properties, geometry };
}

function collection(features: unknown[], extra: Record<string, unknown> = {}) {
	return { type: 'FeatureCollection', ...extra, features };
}

/** Two wijken: wijk 01 with buurten 01 and 02 side by side, wijk 02 with buurt 01. */
function smallCity(extra: Record<string, unknown> = {}) {
	return collection([
		feature(props2015(1, 1, extra), square(0, 0)),
		feature(props2015(1, 2, extra), square(1, 0)),
		feature(props2015(2, 1, extra), square(0, 1))
	]);
}

function fatal(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error).toBeInstanceOf(CbsImportError);
		return (error as Error).message;
	}
	throw new Error('expected a CbsImportError');
}

describe('mapping CBS properties', () => {
	it('reads the 2015 uppercase fields into the buurten columns', () => {
		const plan = prepareCbsImport({ buurten: smallCity(), year: 2015 });
		expect(plan.skipped).toEqual([]);
		expect(plan.warnings).toEqual([]);
		expect(plan.buurten).toHaveLength(3);
		const buurt = plan.buurten[0];
		expect(buurt).toMatchObject({
			code: 'BU99010101',
			wijk_code: 'WK990101',
			gemeente_code: 'GM9901',
			name: 'Buurt 01-01',
			inhabitants: 1035,
			households: 635,
			average_household_size: 1.5,
			pct_age_0_14: 8,
			pct_age_15_24: 10,
			pct_age_25_44: 31,
			pct_age_45_64: 18,
			pct_age_65_plus: 33,
			pct_one_person_households: 64,
			pct_households_with_children: 12,
			social_assistance_benefits: 5,
			disability_benefits: 20,
			unemployment_benefits: 10,
			pension_benefits: 340,
			land_area_ha: 36,
			key_figures_year: 2015,
			min_lon: 5,
			min_lat: 52,
			max_lon: 5.01,
			max_lat: 52.01
		});
		expect(buurt.centroid_lon).toBeCloseTo(5.005, 9);
		expect(buurt.centroid_lat).toBeCloseTo(52.005, 9);
		expect(plan.gemeenten).toEqual([
			{
				code: 'GM9901',
				name: 'Proefstad',
				name_is_placeholder: false,
				source: 'CBS Wijk- en Buurtkaart'
			}
		]);
		expect(plan.fieldsMapped).toContainEqual({ source: 'AANT_INW', column: 'buurten.inhabitants' });
		expect(plan.fieldsMapped).toContainEqual({
			source: 'A_SOZ_OW',
			column: 'buurten.pension_benefits'
		});
		expect(plan.fieldsMapped).toContainEqual({
			source: '--year',
			column: 'buurten.key_figures_year'
		});
		expect(plan.fieldsMissing).toEqual(['wijken.name']);
	});

	it('reads the lowercase names of recent editions and the PDOK service', () => {
		const recent = collection([
			feature(
				{
					buurtcode: 'BU99010101',
					buurtnaam: 'Centrum',
					wijkcode: 'WK990101',
					wijknaam: 'Binnenstad',
					gemeentecode: 'GM9901',
					gemeentenaam: 'Proefstad',
					jaar: 2024,
					aantal_inwoners: 2450,
					aantal_huishoudens: 1500,
					gemiddelde_huishoudsgrootte: 1.63,
					percentage_personen_0_tot_15_jaar: 9,
					percentage_personen_15_tot_25_jaar: 20,
					percentage_personen_25_tot_45_jaar: 35,
					percentage_personen_45_tot_65_jaar: 21,
					percentage_personen_65_jaar_en_ouder: 15,
					percentage_eenpersoonshuishoudens: 61,
					percentage_huishoudens_met_kinderen: 14,
					aantal_personen_met_een_alg_bijstandsuitkering_tot: 70,
					aantal_personen_met_een_ao_uitkering_totaal: 90,
					aantal_personen_met_een_ww_uitkering_totaal: 25,
					aantal_personen_met_een_aow_uitkering_totaal: 360,
					oppervlakte_land_in_ha: 44
				},
				square(0, 0)
			)
		]);
		const plan = prepareCbsImport({ buurten: recent });
		expect(plan.buurten[0]).toMatchObject({
			code: 'BU99010101',
			name: 'Centrum',
			inhabitants: 2450,
			households: 1500,
			average_household_size: 1.63,
			pct_age_65_plus: 15,
			pct_one_person_households: 61,
			pct_households_with_children: 14,
			social_assistance_benefits: 70,
			disability_benefits: 90,
			unemployment_benefits: 25,
			pension_benefits: 360,
			land_area_ha: 44,
			key_figures_year: 2024
		});
		// The wijk name comes from the buurt's wijknaam when there is no wijken file.
		expect(plan.wijken[0]).toMatchObject({ code: 'WK990101', name: 'Binnenstad' });
		expect(plan.fieldsMapped).toContainEqual({
			source: 'aantal_personen_met_een_alg_bijstandsuitkering_tot',
			column: 'buurten.social_assistance_benefits'
		});
		expect(plan.fieldsMapped).toContainEqual({
			source: 'jaar',
			column: 'buurten.key_figures_year'
		});
		expect(plan.fieldsMissing).toEqual([]);
	});

	it('accepts the longer household-size spelling and matches names case-insensitively', () => {
		const plan = prepareCbsImport({
			buurten: collection([
				feature(
					{ bu_code: 'bu99010101', Gemiddelde_Huishoudensgrootte: 2.345, aant_inw: '120' },
					square(0, 0)
				)
			])
		});
		expect(plan.buurten[0]).toMatchObject({
			code: 'BU99010101',
			average_household_size: 2.35,
			inhabitants: 120
		});
	});

	it('turns CBS secret markers (-99999999, -99999997, -99997, ".") into null, never a number', () => {
		const plan = prepareCbsImport({
			buurten: smallCity({
				AANT_INW: -99999999,
				AANTAL_HH: -99999997,
				GEM_HH_GR: -99997,
				WWB_UITTOT: '.'
			})
		});
		for (const buurt of plan.buurten) {
			expect(buurt.inhabitants).toBeNull();
			expect(buurt.households).toBeNull();
			expect(buurt.average_household_size).toBeNull();
			expect(buurt.social_assistance_benefits).toBeNull();
		}
		expect(plan.secretValues).toEqual({
			inhabitants: 3,
			households: 3,
			average_household_size: 3,
			social_assistance_benefits: 3
		});
		expect(plan.warnings).toEqual([]);
	});

	it('stores a percentage outside 0..100 as null with a warning', () => {
		const plan = prepareCbsImport({
			buurten: collection([
				feature(props2015(1, 1, { P_EENP_HH: 140, P_HH_M_K: -3 }), square(0, 0))
			])
		});
		expect(plan.buurten[0].pct_one_person_households).toBeNull();
		expect(plan.buurten[0].pct_households_with_children).toBeNull();
		expect(plan.warnings).toEqual([
			'BU99010101: P_EENP_HH 140 is outside 0..100; pct_one_person_households stored as null',
			'BU99010101: P_HH_M_K -3 is negative; pct_households_with_children stored as null'
		]);
	});

	it('never yields a figure outside what its column accepts', () => {
		const limits = { count: 2_147_483_647, percent: 100, decimal1: 999_999_999.9, decimal2: 99.99 };
		fc.assert(
			fc.property(
				fc.oneof(fc.double(), fc.integer(), fc.string(), fc.constant(-99999999)),
				fc.constantFrom('count', 'percent', 'decimal1', 'decimal2' as const),
				(raw, kind) => {
					const { value } = readFigure(raw, kind);
					if (value === null) return;
					expect(Number.isFinite(value)).toBe(true);
					expect(value).toBeGreaterThanOrEqual(0);
					expect(value).toBeLessThanOrEqual(limits[kind]);
					if (kind === 'count' || kind === 'percent') expect(Number.isInteger(value)).toBe(true);
				}
			)
		);
	});
});

describe('wijken and gemeenten', () => {
	it('derives wijken from their buurten: code, placeholder name and the union as boundary', () => {
		const plan = prepareCbsImport({ buurten: smallCity() });
		expect(plan.derivedWijken).toEqual(['WK990101', 'WK990102']);
		const [wijk1, wijk2] = plan.wijken;
		expect(wijk1).toMatchObject({
			code: 'WK990101',
			name: 'Wijk WK990101',
			name_is_placeholder: true
		});
		// Two adjacent squares merge into one polygon of their combined area.
		expect(wijk1.boundary?.type).toBe('Polygon');
		expect(area(wijk1.boundary!)).toBeCloseTo(area(square(0, 0)) + area(square(1, 0)), -1);
		expect(booleanPointInPolygon([wijk1.centroid_lon!, wijk1.centroid_lat!], wijk1.boundary!)).toBe(
			true
		);
		expect(wijk2.boundary).toEqual({
			type: 'Polygon',
			coordinates: [expect.any(Array)]
		});
		expect(plan.fieldsMapped).toContainEqual({
			source: 'union of the buurten',
			column: 'wijken.boundary'
		});
	});

	it('takes names and boundaries from a wijken file, deriving only the wijken it lacks', () => {
		const wijken = collection([
			feature(
				{ WK_CODE: 'WK990101', WK_NAAM: 'Wijk 01 Oost', GM_CODE: 'GM9901', GM_NAAM: 'Proefstad' },
				{
					type: 'Polygon',
					coordinates: [
						[
							[5, 52],
							[5.02, 52],
							[5.02, 52.01],
							[5, 52.01],
							[5, 52]
						]
					]
				}
			)
		]);
		const plan = prepareCbsImport({ buurten: smallCity(), wijken });
		expect(plan.wijken.map((w) => [w.code, w.name])).toEqual([
			['WK990101', 'Wijk 01 Oost'],
			['WK990102', 'Wijk WK990102']
		]);
		expect(plan.derivedWijken).toEqual(['WK990102']);
		expect(plan.warnings).toContain(
			'WK990102 is not in the wijken file; its boundary is derived from its buurten'
		);
		expect(plan.fieldsMapped).toContainEqual({
			source: 'WK_NAAM (wijken file)',
			column: 'wijken.name'
		});
	});

	it('handles several gemeenten in one file', () => {
		const other = {
			...props2015(1, 1),
			BU_CODE: 'BU99020101',
			WK_CODE: 'WK990201',
			GM_CODE: 'GM9902',
			GM_NAAM: 'Tweede Stad'
		};
		const plan = prepareCbsImport({
			buurten: collection([feature(props2015(1, 1), square(0, 0)), feature(other, square(5, 5))])
		});
		expect(plan.gemeenten.map((g) => [g.code, g.name])).toEqual([
			['GM9901', 'Proefstad'],
			['GM9902', 'Tweede Stad']
		]);
	});

	it('uses placeholders when names are missing, and says so', () => {
		const plan = prepareCbsImport({
			buurten: collection([feature({ BU_CODE: 'BU99010101' }, square(0, 0))])
		});
		expect(plan.buurten[0].name).toBe('Buurt BU99010101');
		expect(plan.gemeenten[0]).toMatchObject({ name: 'Gemeente GM9901', name_is_placeholder: true });
		expect(plan.warnings).toContain('BU99010101: no buurt name; stored as "Buurt BU99010101"');
	});
});

describe('inner point', () => {
	// A U shape: its geometric centroid and its bounding-box centre both fall in the notch.
	const u: Polygon = {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[3, 0],
				[3, 3],
				[2, 3],
				[2, 1],
				[1, 1],
				[1, 3],
				[0, 3],
				[0, 0]
			].map(([x, y]) => [5 + x * 0.01, 52 + y * 0.01])
		]
	};

	it('lies strictly inside a polygon whose centroid does not', () => {
		const point = interiorPoint(u);
		expect(booleanPointInPolygon(point, u, { ignoreBoundary: true })).toBe(true);
		const plan = prepareCbsImport({ buurten: collection([feature(props2015(1, 1), u)]) });
		const buurt = plan.buurten[0];
		expect(
			booleanPointInPolygon([buurt.centroid_lon, buurt.centroid_lat], u, { ignoreBoundary: true })
		).toBe(true);
	});

	it('is the geometric centroid when that lies inside', () => {
		const [lon, lat] = interiorPoint(square(2, 3));
		expect(lon).toBeCloseTo(5.025, 9);
		expect(lat).toBeCloseTo(52.035, 9);
	});

	it('lies inside a polygon with a hole around its centroid', () => {
		const ring = (x0: number, y0: number, x1: number, y1: number): Position[] => [
			[x0, y0],
			[x1, y0],
			[x1, y1],
			[x0, y1],
			[x0, y0]
		];
		const donut: Polygon = {
			type: 'Polygon',
			coordinates: [ring(5, 52, 5.03, 52.03), ring(5.01, 52.01, 5.02, 52.02).reverse()]
		};
		const point = interiorPoint(donut);
		expect(booleanPointInPolygon(point, donut, { ignoreBoundary: true })).toBe(true);
	});

	it('lies strictly inside any star-shaped polygon (property)', () => {
		const polygon = fc
			.record({
				angles: fc.uniqueArray(fc.integer({ min: 1, max: 3599 }), { minLength: 0, maxLength: 40 }),
				radii: fc.array(fc.double({ min: 0.0005, max: 0.02, noNaN: true }), {
					minLength: 44,
					maxLength: 44
				})
			})
			.map(({ angles, radii }): Polygon => {
				// The four quarter angles keep every gap below 180°, so the polygon is simple.
				const sorted = [...new Set([0, 900, 1800, 2700, ...angles])].sort((a, b) => a - b);
				const ring = sorted.map((a, i) => {
					const t = (a / 3600) * 2 * Math.PI;
					return [5.1 + radii[i] * Math.cos(t), 52.1 + radii[i] * Math.sin(t)];
				});
				return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
			});
		fc.assert(
			fc.property(polygon, (p) => {
				expect(booleanPointInPolygon(interiorPoint(p), p, { ignoreBoundary: true })).toBe(true);
			})
		);
	});
});

describe('bad input: fatal, nothing is imported', () => {
	it('text that is not JSON', () => {
		expect(
			fatal(() => parseGeoJsonText('{"type": "FeatureCollection", ', 'buurten.geojson'))
		).toMatch(/^buurten\.geojson is not JSON/);
	});

	it('JSON that is not a GeoJSON FeatureCollection', () => {
		expect(fatal(() => prepareCbsImport({ buurten: [1, 2, 3] }))).toMatch(
			/is not a GeoJSON FeatureCollection: it is a JSON array/
		);
		expect(
			fatal(() => prepareCbsImport({ buurten: feature(props2015(1, 1), square(0, 0)) }))
		).toMatch(/it is a single GeoJSON Feature/);
		expect(
			fatal(() => prepareCbsImport({ buurten: { type: 'FeatureCollection', features: {} } }))
		).toMatch(/not a GeoJSON FeatureCollection/);
		expect(fatal(() => prepareCbsImport({ buurten: 'hello' }))).toMatch(/it is a JSON string/);
	});

	it('a FeatureCollection without any Polygon or MultiPolygon', () => {
		const points = collection([
			feature(props2015(1, 1), { type: 'Point', coordinates: [5.1, 52.1] }),
			feature(props2015(1, 2), null)
		]);
		expect(fatal(() => prepareCbsImport({ buurten: points }))).toBe(
			'The buurten GeoJSON contains no Polygon or MultiPolygon features (found 1 × Point, 1 × no geometry).'
		);
		expect(fatal(() => prepareCbsImport({ buurten: collection([]) }))).toMatch(
			/it has no features at all/
		);
	});

	it('projected RD New coordinates', () => {
		const rd: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[136000, 455000],
					[137000, 455000],
					[137000, 456000],
					[136000, 455000]
				]
			]
		};
		expect(
			fatal(() =>
				prepareCbsImport({
					buurten: collection([feature(props2015(1, 1), rd)]),
					buurtenLabel: 'rd.geojson'
				})
			)
		).toMatch(
			/^rd\.geojson has projected coordinates \(e\.g\. \[136000, 455000\]\) that look like RD New \(EPSG:28992\)/
		);
	});

	it('a crs member naming EPSG:28992, even with plausible numbers', () => {
		const crs = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };
		expect(fatal(() => prepareCbsImport({ buurten: { ...smallCity(), crs } }))).toMatch(
			/is in RD New \(EPSG:28992, its "crs" says urn:ogc:def:crs:EPSG::28992\)/
		);
		// A crs naming WGS84 is fine.
		const wgs84 = { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } };
		expect(prepareCbsImport({ buurten: { ...smallCity(), crs: wgs84 } }).buurten).toHaveLength(3);
	});

	it('latitude and longitude swapped', () => {
		const swapped: Polygon = {
			type: 'Polygon',
			coordinates: [square(0, 0).coordinates[0].map(([lon, lat]) => [lat, lon])]
		};
		expect(
			fatal(() => prepareCbsImport({ buurten: collection([feature(props2015(1, 1), swapped)]) }))
		).toMatch(/\[latitude, longitude\]/);
	});

	it('a bad wijken file stops the import too', () => {
		expect(
			fatal(() => prepareCbsImport({ buurten: smallCity(), wijken: { type: 'Feature' } }))
		).toMatch(/^The wijken GeoJSON is not a GeoJSON FeatureCollection/);
	});

	it('a file in which every feature is skipped', () => {
		expect(
			fatal(() => prepareCbsImport({ buurten: collection([feature({}, square(0, 0))]) }))
		).toMatch(/has no usable buurten: all 1 features were skipped \(first reason: no buurt code/);
	});

	it('a year outside 1990..2100', () => {
		expect(fatal(() => prepareCbsImport({ buurten: smallCity(), year: 1850 }))).toMatch(/year/);
	});
});

describe('bad input: per feature, skipped and reported', () => {
	function skippedOf(plan: CbsImportPlan) {
		return plan.skipped.map((s) => ({ index: s.index, code: s.code, reason: s.reason }));
	}

	it('a feature without a code', () => {
		const noCode: Record<string, unknown> = props2015(1, 2);
		delete noCode.BU_CODE;
		const plan = prepareCbsImport({
			buurten: collection([feature(props2015(1, 1), square(0, 0)), feature(noCode, square(1, 0))])
		});
		expect(plan.buurten.map((b) => b.code)).toEqual(['BU99010101']);
		expect(skippedOf(plan)).toEqual([
			{ index: 2, code: null, reason: 'no buurt code (BU_CODE or buurtcode)' }
		]);
	});

	it('duplicate codes: the first is used, later ones are skipped', () => {
		const plan = prepareCbsImport({
			buurten: collection([
				feature(props2015(1, 1), square(0, 0)),
				feature(props2015(1, 1, { BU_NAAM: 'Tweede keer' }), square(1, 0))
			])
		});
		expect(plan.buurten).toHaveLength(1);
		expect(plan.buurten[0].name).toBe('Buurt 01-01');
		expect(skippedOf(plan)).toEqual([
			{
				index: 2,
				code: 'BU99010101',
				reason: 'duplicate of buurt feature #1; the first one is used'
			}
		]);
	});

	it('a self-intersecting polygon (a bow tie)', () => {
		const bowTie: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[5, 52],
					[5.01, 52.01],
					[5.01, 52],
					[5, 52.01],
					[5, 52]
				]
			]
		};
		const plan = prepareCbsImport({
			buurten: collection([
				feature(props2015(1, 1), square(0, 0)),
				feature(props2015(1, 2), bowTie)
			])
		});
		expect(skippedOf(plan)).toEqual([
			{
				index: 2,
				code: 'BU99010102',
				reason: 'self-intersecting polygon (crosses itself near 5.005000, 52.005000)'
			}
		]);
	});

	it('repeated consecutive vertices are not mistaken for a crossing', () => {
		const ring = square(0, 0).coordinates[0];
		const repeated: Polygon = {
			type: 'Polygon',
			coordinates: [[ring[0], ring[1], ring[1], ...ring.slice(2)]]
		};
		expect(
			prepareCbsImport({ buurten: collection([feature(props2015(1, 1), repeated)]) }).skipped
		).toEqual([]);
	});

	it('a buurt code that does not belong to its gemeente or wijk', () => {
		const plan = prepareCbsImport({
			buurten: collection([
				feature(props2015(1, 1), square(0, 0)),
				feature(props2015(1, 2, { GM_CODE: 'GM9902' }), square(1, 0)),
				feature(props2015(1, 3, { WK_CODE: 'WK990102' }), square(2, 0))
			])
		});
		expect(skippedOf(plan)).toEqual([
			{
				index: 2,
				code: 'BU99010102',
				reason: 'buurt code BU99010102 does not belong to gemeente GM9902 (expected GM9901)'
			},
			{
				index: 3,
				code: 'BU99010103',
				reason: 'buurt code BU99010103 does not belong to wijk WK990102 (expected WK990101)'
			}
		]);
	});

	it('malformed codes, geometry of another type, unclosed rings', () => {
		const open: Polygon = {
			type: 'Polygon',
			coordinates: [square(0, 0).coordinates[0].slice(0, 4)]
		};
		const plan = prepareCbsImport({
			buurten: collection([
				feature(props2015(1, 1), square(0, 0)),
				feature(props2015(1, 2, { BU_CODE: 'BU123' }), square(1, 0)),
				feature(props2015(1, 3), {
					type: 'LineString',
					coordinates: [
						[5, 52],
						[5.1, 52.1]
					]
				}),
				feature(props2015(1, 4), open),
				{ type: 'Nonsense' }
			])
		});
		expect(skippedOf(plan)).toEqual([
			{ index: 2, code: 'BU123', reason: 'buurt code "BU123" is not BU followed by 8 digits' },
			{
				index: 3,
				code: 'BU99010103',
				reason: 'geometry is LineString; expected Polygon or MultiPolygon'
			},
			{
				index: 4,
				code: 'BU99010104',
				reason: 'malformed Polygon: ring 1 is not closed (first and last position differ)'
			},
			{ index: 5, code: null, reason: 'not a GeoJSON Feature with properties' }
		]);
	});

	it('skips bad features of the wijken file and derives those wijken', () => {
		const bowTie: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[5, 52],
					[5.02, 52.01],
					[5.02, 52],
					[5, 52.01],
					[5, 52]
				]
			]
		};
		const wijken = collection([
			feature({ WK_CODE: 'WK990101', WK_NAAM: 'Knoop' }, bowTie),
			feature({ WK_CODE: 'WK990102', WK_NAAM: 'Noord', GM_CODE: 'GM9903' }, square(0, 1))
		]);
		const plan = prepareCbsImport({ buurten: smallCity(), wijken });
		expect(plan.skipped.map((s) => [s.file, s.index, s.reason])).toEqual([
			['wijken', 1, 'self-intersecting polygon (crosses itself near 5.010000, 52.005000)'],
			['wijken', 2, 'wijk code WK990102 does not belong to gemeente GM9903']
		]);
		expect(plan.derivedWijken).toEqual(['WK990101', 'WK990102']);
	});
});

describe('summary', () => {
	it('lists counts, the mapping, missing fields, skips and warnings', () => {
		const plan = prepareCbsImport({
			buurten: collection([
				feature(props2015(1, 1, { P_EENP_HH: 101, AANT_INW: -99999999 }), square(0, 0)),
				feature({ BU_NAAM: 'Zonder code' }, square(1, 0))
			])
		});
		const lines = formatSummary({
			source: plan.source,
			counts: {
				gemeenten: { inserted: 1, updated: 0, unchanged: 0 },
				wijken: { inserted: 1, updated: 0, unchanged: 0 },
				buurten: { inserted: 1, updated: 0, unchanged: 0 }
			},
			notInInput: { wijken: 0, buurten: 2 },
			fieldsMapped: plan.fieldsMapped,
			fieldsMissing: plan.fieldsMissing,
			secretValues: plan.secretValues,
			derivedWijken: plan.derivedWijken,
			skipped: plan.skipped,
			warnings: plan.warnings
		});
		expect(lines).toContain('buurten            1         0          0');
		expect(lines).toContain('  AANT_INW → buurten.inhabitants');
		expect(lines).toContain(
			'Fields missing (stored as null): wijken.name, buurten.key_figures_year'
		);
		expect(lines).toContain(
			'Values CBS keeps secret or not applicable (stored as null): inhabitants 1'
		);
		expect(lines).toContain('  buurten feature #2: no buurt code (BU_CODE or buurtcode)');
		expect(lines).toContain(
			'  BU99010101: P_EENP_HH 101 is outside 0..100; pct_one_person_households stored as null'
		);
		expect(lines).toContain(
			'Already in the database but not in this input (left as they are): 0 wijken, 2 buurten'
		);
	});
});
