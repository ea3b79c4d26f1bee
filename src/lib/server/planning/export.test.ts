import { describe, expect, it } from 'vitest';
import type { GapView } from './analysis';
import { CSV_COLUMNS, csvField, gapCsv, gapGeoJson } from './export';

const VIEW: GapView = {
	rows: [
		{
			rank: 1,
			code: 'BU90010101',
			name: 'De "Kern", oud',
			wijkName: '=Centrum',
			reported: 12,
			expected: 0,
			demand: 12,
			accessibility: 0.25,
			coveragePct: 25,
			unmet: 9,
			gapClass: 2
		},
		{
			rank: 2,
			code: 'BU90010102',
			name: 'Hoek',
			wijkName: 'Centrum',
			reported: null,
			expected: 0,
			demand: null,
			accessibility: 0,
			coveragePct: 0,
			unmet: null,
			gapClass: 1
		}
	],
	totals: {
		buurtCount: 2,
		demand: 15,
		unmet: 12,
		shareUnmetPct: 80,
		buurtenWithUnmet: 2,
		reported: 15
	},
	breaks: [5, 10, 15],
	steps: [[5, 1]]
};
const CLASSES = ['Geen', 'Minder dan 5', '5 tot 10', '10 tot 15', '15 of meer'];
const HEADERS = Object.fromEntries(CSV_COLUMNS.map((c) => [c, `kolom ${c}`])) as Record<
	(typeof CSV_COLUMNS)[number],
	string
>;

describe('csvField', () => {
	it('quotes separators, quotes and line breaks; neutralises formulas', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField('-1+1')).toBe("'-1+1");
		expect(csvField(-2.5)).toBe('-2.5');
	});
});

describe('gapCsv', () => {
	it('has a header row, one row per buurt, "<5" for small counts and the source below', () => {
		const csv = gapCsv(VIEW, {
			headers: HEADERS,
			small: '<5',
			classLabels: CLASSES,
			footer: ['Onderwerp: Eten', 'Bron: CBS, Kadaster – Wijk- en Buurtkaart']
		});
		expect(csv.startsWith('\ufeff')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe(CSV_COLUMNS.map((c) => `kolom ${c}`).join(','));
		expect(lines[1]).toBe(`1,BU90010101,"De ""Kern"", oud",'=Centrum,12,0,12,0.25,25,9,5 tot 10`);
		expect(lines[2]).toBe('2,BU90010102,Hoek,Centrum,<5,0,<5,0,0,<5,Minder dan 5');
		expect(lines.slice(3)).toEqual([
			'',
			'Onderwerp: Eten',
			'"Bron: CBS, Kadaster – Wijk- en Buurtkaart"',
			''
		]);
		expect(csv).not.toMatch(/NaN|Infinity/);
	});

	it('says "hidden" for a suppressed demand or unmet need when the expected need is added', () => {
		const csv = gapCsv(VIEW, {
			headers: HEADERS,
			small: '<5',
			derivedSmall: 'afgeschermd',
			classLabels: CLASSES,
			footer: []
		});
		expect(csv.split('\r\n')[2]).toBe(
			'2,BU90010102,Hoek,Centrum,<5,0,afgeschermd,0,0,afgeschermd,Minder dan 5'
		);
	});
});

describe('gapGeoJson', () => {
	it('joins the rows to the outlines, names the source and marks small counts', () => {
		const square = {
			type: 'Polygon' as const,
			coordinates: [
				[
					[5.1234567, 52],
					[5.2, 52],
					[5.2, 52.1],
					[5.1234567, 52]
				]
			]
		};
		const collection = gapGeoJson(
			VIEW,
			[
				{ code: 'BU90010101', boundary: square },
				{ code: 'BU90010102', boundary: square }
			],
			{
				title: 'Onvervulde vraag',
				attribution: 'Bron: CBS, Kadaster',
				subject: 'voeding',
				windowDays: 365,
				includeExpected: false,
				generatedAt: '2026-11-28T12:00:00.000Z',
				classLabels: CLASSES
			}
		);
		expect(collection).toMatchObject({
			type: 'FeatureCollection',
			attribution: 'Bron: CBS, Kadaster'
		});
		expect(collection.features).toHaveLength(2);
		expect(collection.features[0].geometry.coordinates[0][0]).toEqual([5.123457, 52]);
		expect(collection.features[1].properties).toMatchObject({
			buurtcode: 'BU90010102',
			gemeld: null,
			onvervuld: null,
			klein_aantal: true,
			klasse: 1,
			klasse_label: 'Minder dan 5'
		});
		expect(JSON.stringify(collection)).not.toMatch(/NaN|Infinity/);
	});
});
