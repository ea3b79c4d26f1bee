import { describe, expect, it } from 'vitest';
import { buildCapacity, buildSeries, monthRange } from './trends';

const THEMES = [
	{ code: 'voeding', law: 'geen' as const, nameNl: 'Eten', nameEn: 'Food' },
	{ code: 'wonen', law: 'wmo2015' as const, nameNl: 'Wonen', nameEn: 'Housing' }
];

describe('monthRange', () => {
	it('gives the last months oldest first, across a year boundary', () => {
		expect(monthRange(new Date('2026-02-10T12:00:00Z'), 4)).toEqual([
			'2025-11-01',
			'2025-12-01',
			'2026-01-01',
			'2026-02-01'
		]);
	});

	it('counts months in Dutch time: 31 December 23:30 UTC is already January', () => {
		expect(monthRange(new Date('2026-12-31T23:30:00Z'), 1)).toEqual(['2027-01-01']);
	});
});

describe('buildSeries and buildCapacity', () => {
	it('fills months without reports with 0 and keeps suppressed months as null', () => {
		const series = buildSeries(
			THEMES,
			[
				{ month: '2026-01-01', themeCode: 'voeding', households: 12 },
				{ month: '2026-02-01', themeCode: 'voeding', households: null }
			],
			['2025-12-01', '2026-01-01', '2026-02-01']
		);
		expect(series.map((s) => [s.theme.code, s.values])).toEqual([
			['voeding', [0, 12, null]],
			['wonen', [0, 0, 0]]
		]);
	});

	it('gives every theme a capacity row and suppresses small open-need totals', () => {
		const rows = buildCapacity(
			THEMES,
			[{ themeCode: 'voeding', published: 2, publishedCapacity: 80, draft: 1, draftCapacity: 20 }],
			[
				{ buurtCode: 'A', themeCode: 'voeding', households: 2 },
				{ buurtCode: 'B', themeCode: 'voeding', households: 1 },
				{ buurtCode: 'A', themeCode: 'wonen', households: 7 }
			]
		);
		expect(rows.map((r) => [r.themeCode, r.publishedCapacity, r.openHouseholds])).toEqual([
			['voeding', 80, null],
			['wonen', 0, 7]
		]);
	});
});
