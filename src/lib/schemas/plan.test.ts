import { describe, expect, it } from 'vitest';
import {
	DEFAULT_WINDOW_DAYS,
	gapQueryString,
	isSubmitted,
	parseGapQuery,
	parseScenarioName,
	parseSubject,
	parseSuggestionsQuery,
	parseWhatIfQuery,
	subjectParam
} from './plan';

const q = (query: string) => new URLSearchParams(query);
const WHAT_IF = 'onderwerp=voeding&capaciteit=25&looptijd=15';

function errorsOf<T>(
	result: { ok: true; value: T } | { ok: false; error: Record<string, string> }
) {
	if (result.ok) throw new Error('expected errors');
	return result.error;
}
function valueOf<T>(result: { ok: true; value: T } | { ok: false; error: Record<string, string> }) {
	if (!result.ok) throw new Error(JSON.stringify(result.error));
	return result.value;
}

describe('subjects', () => {
	it('reads a theme or a law, and writes it back', () => {
		expect(parseSubject('voeding')).toEqual({ kind: 'theme', theme: 'voeding' });
		expect(parseSubject('wet:jeugdwet')).toEqual({ kind: 'law', law: 'jeugdwet' });
		for (const value of ['voeding', 'wet:wmo2015', 'taal-en-digitaal']) {
			expect(subjectParam(parseSubject(value)!)).toBe(value);
		}
	});

	it('refuses what is neither', () => {
		for (const value of ['', 'Voeding', 'wet:grondwet', 'wet:', 'x', '<script>', 'a'.repeat(60)]) {
			expect(parseSubject(value), value).toBeNull();
		}
	});
});

describe('parseGapQuery', () => {
	it('defaults to the whole year, no expected need, the server picks gemeente and subject', () => {
		expect(valueOf(parseGapQuery(q('')))).toEqual({
			gemeente: null,
			subject: null,
			windowDays: DEFAULT_WINDOW_DAYS,
			includeExpected: false
		});
	});

	it('reads every field, blank fields as missing', () => {
		expect(
			valueOf(parseGapQuery(q('gemeente=GM9001&onderwerp=wet:wmo2015&venster=90&verwacht=ja')))
		).toEqual({
			gemeente: 'GM9001',
			subject: { kind: 'law', law: 'wmo2015' },
			windowDays: 90,
			includeExpected: true
		});
		expect(valueOf(parseGapQuery(q('gemeente=&onderwerp=&venster=&verwacht=')))).toMatchObject({
			gemeente: null,
			subject: null
		});
	});

	it('names each bad field', () => {
		expect(
			Object.keys(
				errorsOf(parseGapQuery(q('gemeente=Utrecht&onderwerp=WET&venster=7&verwacht=1')))
			).sort()
		).toEqual(['gemeente', 'onderwerp', 'venster', 'verwacht']);
		expect(errorsOf(parseGapQuery(q('venster=365.0')))).toHaveProperty('venster');
	});

	it('round-trips through gapQueryString', () => {
		const query = valueOf(parseGapQuery(q('onderwerp=wet:geen&venster=30&verwacht=ja')));
		const again = valueOf(
			parseGapQuery(q(gapQueryString({ ...query, subject: query.subject!, gemeente: 'GM9001' })))
		);
		expect(again).toEqual({ ...query, gemeente: 'GM9001' });
	});
});

describe('parseWhatIfQuery', () => {
	it('takes a buurt or a point; the point wins; a decimal comma is fine', () => {
		expect(valueOf(parseWhatIfQuery(q(`${WHAT_IF}&buurt=BU90010101`))).place).toEqual({
			kind: 'buurt',
			code: 'BU90010101'
		});
		expect(
			valueOf(parseWhatIfQuery(q(`${WHAT_IF}&buurt=BU90010101&lon=5,12&lat=52.09`))).place
		).toEqual({ kind: 'point', lon: 5.12, lat: 52.09 });
	});

	it('refuses negative, zero, fractional and huge capacities', () => {
		for (const capacity of ['-5', '0', '2.5', '10001', 'NaN', 'Infinity', '1e3', '']) {
			const errors = errorsOf(
				parseWhatIfQuery(q(`onderwerp=voeding&buurt=BU90010101&looptijd=15&capaciteit=${capacity}`))
			);
			expect(Object.keys(errors), capacity).toEqual(['capaciteit']);
		}
	});

	it('refuses a catchment of 0 or less, or above 120 minutes', () => {
		for (const minutes of ['0', '-10', '121', 'x']) {
			const errors = errorsOf(
				parseWhatIfQuery(q(`onderwerp=voeding&buurt=BU90010101&capaciteit=25&looptijd=${minutes}`))
			);
			expect(Object.keys(errors), minutes).toEqual(['looptijd']);
		}
	});

	it('refuses NaN, Infinity and out-of-range coordinates', () => {
		const cases: [string, string][] = [
			['lon=NaN&lat=52', 'lon'],
			['lon=5&lat=Infinity', 'lat'],
			['lon=181&lat=52', 'lon'],
			['lon=5&lat=-91', 'lat'],
			['lon=1e2&lat=52', 'lon'],
			['lon=5', 'lat'],
			['lat=52', 'lon']
		];
		for (const [point, field] of cases) {
			expect(Object.keys(errorsOf(parseWhatIfQuery(q(`${WHAT_IF}&${point}`)))), point).toEqual([
				field
			]);
		}
	});

	it('asks for a place when there is none, and refuses an unknown buurt code form', () => {
		expect(Object.keys(errorsOf(parseWhatIfQuery(q(WHAT_IF))))).toEqual(['buurt']);
		expect(Object.keys(errorsOf(parseWhatIfQuery(q(`${WHAT_IF}&buurt=Centrum`))))).toEqual([
			'buurt'
		]);
	});

	it('says when the form was submitted', () => {
		expect(isSubmitted(q('onderwerp=voeding'), ['capaciteit', 'buurt'])).toBe(false);
		expect(isSubmitted(q('onderwerp=voeding&buurt='), ['capaciteit', 'buurt'])).toBe(true);
	});
});

describe('parseSuggestionsQuery and the scenario name', () => {
	it('takes 1 to 10 provisions', () => {
		expect(valueOf(parseSuggestionsQuery(q(`${WHAT_IF}&aantal=10`))).count).toBe(10);
		for (const count of ['0', '11', '-1', '']) {
			expect(Object.keys(errorsOf(parseSuggestionsQuery(q(`${WHAT_IF}&aantal=${count}`))))).toEqual(
				['aantal']
			);
		}
	});

	it('needs a name of at most 120 characters', () => {
		const form = (name: string) => {
			const data = new FormData();
			data.set('naam', name);
			return data;
		};
		expect(valueOf(parseScenarioName(form('  Eettafel Oost  ')))).toBe('Eettafel Oost');
		expect(Object.keys(errorsOf(parseScenarioName(form('   '))))).toEqual(['naam']);
		expect(Object.keys(errorsOf(parseScenarioName(form('x'.repeat(121)))))).toEqual(['naam']);
	});
});
