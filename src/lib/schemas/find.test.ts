import { afterEach, describe, expect, it } from 'vitest';
import * as runtime from '$lib/paraglide/runtime';
import {
	FIND_MAX_QUERY_LENGTH,
	NO_FILTERS,
	findQueryString,
	parseFindQuery,
	type FindFilters
} from './find';

const parse = (query: string) => parseFindQuery(new URLSearchParams(query));
const filtersOf = (query: string): FindFilters => {
	const result = parse(query);
	if (!result.success) throw new Error(result.messages.join(' '));
	return result.filters;
};
const messagesOf = (query: string): string[] => {
	const result = parse(query);
	if (result.success) throw new Error(`expected ${query} to be refused`);
	return result.messages;
};

const original = runtime.getLocale;
afterEach(() => runtime.overwriteGetLocale(original));

describe('parseFindQuery', () => {
	it('reads an empty query as no filters, page 1', () => {
		expect(filtersOf('')).toEqual(NO_FILTERS);
	});

	it('leaves out empty fields, as a GET form without JavaScript sends them', () => {
		expect(
			filtersOf('q=&soort=&thema=&wet=&gebied=&bij=&lat=&lon=&minuten=&dag=&taal=&pagina=')
		).toEqual(NO_FILTERS);
	});

	it('reads every filter', () => {
		expect(
			filtersOf(
				'q=++taal+++cafe+&soort=voorziening&thema=taal-en-digitaal&wet=participatiewet&gebied=WK999901' +
					'&bij=BU99990101&lat=52.09&lon=5.12&minuten=15&dag=2&nu=ja&taal=ar' +
					'&toegankelijk=hearing_loop&toegankelijk=step_free&toegankelijk=step_free&pagina=3'
			)
		).toEqual({
			text: 'taal cafe',
			kind: 'provision',
			theme: 'taal-en-digitaal',
			law: 'participatiewet',
			area: 'WK999901',
			nearBuurt: 'BU99990101',
			point: { lat: 52.09, lon: 5.12 },
			maxMinutes: 15,
			day: 2,
			openNow: true,
			language: 'ar',
			// In the fixed order of the list, each once.
			accessibility: ['step_free', 'hearing_loop'],
			page: 3
		});
	});

	it('takes the first of a repeated single-valued parameter', () => {
		expect(filtersOf('soort=initiatief&soort=voorziening').kind).toBe('initiative');
	});

	it('ignores parameters it does not know (utm tags and the like)', () => {
		expect(filtersOf('utm_source=nieuwsbrief')).toEqual(NO_FILTERS);
	});

	it.each([
		['soort=alles', 'De soort in de zoekopdracht bestaat niet.'],
		['thema=Geld%20zaken', 'Het onderwerp in de zoekopdracht bestaat niet.'],
		['wet=wmo', 'De wet in de zoekopdracht bestaat niet.'],
		['gebied=GM0344', 'De wijk of buurt in de zoekopdracht bestaat niet.'],
		['bij=WK999901', 'De buurt bij ‘In de buurt van’ bestaat niet.'],
		['lat=91&lon=5', /breedtegraad ligt tussen -90 en 90/],
		['lat=52&lon=-181', /lengtegraad tussen -180 en 180/],
		['lat=52.1e1&lon=5', /plek in de zoekopdracht klopt niet/],
		['lat=0x10&lon=5', /plek in de zoekopdracht klopt niet/],
		['lat=52', 'Voor een plek zijn de breedtegraad én de lengtegraad nodig.'],
		['minuten=7', 'Deze loopafstand kunt u niet kiezen.'],
		['minuten=-5', 'Deze loopafstand kunt u niet kiezen.'],
		['dag=0', 'De dag in de zoekopdracht bestaat niet.'],
		['dag=maandag', 'De dag in de zoekopdracht bestaat niet.'],
		['nu=1', 'De keuze ‘Nu open’ in de zoekopdracht klopt niet.'],
		['taal=nederlands', 'De taal in de zoekopdracht bestaat niet.'],
		['taal=qq', 'De taal in de zoekopdracht bestaat niet.'],
		['toegankelijk=lift', 'Een keuze bij toegankelijkheid bestaat niet.'],
		['pagina=0', 'Het paginanummer klopt niet.'],
		['pagina=501', 'Het paginanummer klopt niet.'],
		['pagina=99999999999', 'Het paginanummer klopt niet.'],
		['pagina=2.5', 'Het paginanummer klopt niet.'],
		[`q=${'a'.repeat(101)}`, 'De zoekwoorden zijn te lang. Gebruik hoogstens 100 tekens.']
	])('refuses %s with a clear Dutch message', (query, message) => {
		const messages = messagesOf(query);
		if (typeof message === 'string') expect(messages).toContain(message);
		else expect(messages.some((text) => message.test(text))).toBe(true);
	});

	it('refuses an over-long query string before reading it', () => {
		const query = `q=x&${Array.from({ length: 400 }, (_, i) => `x${i}=y`).join('&')}`;
		expect(query.length).toBeGreaterThan(FIND_MAX_QUERY_LENGTH);
		expect(messagesOf(query)).toEqual(['Deze zoekopdracht is te lang.']);
	});

	it('lists each problem once, in the reader’s language', () => {
		runtime.overwriteGetLocale(() => 'en');
		expect(messagesOf('soort=x&dag=9&lat=100&lon=500')).toEqual([
			'The type in this search does not exist.',
			'The place in this search is not valid. Latitude lies between -90 and 90, longitude between -180 and 180.',
			'The day in this search does not exist.'
		]);
	});
});

describe('findQueryString', () => {
	it('writes the filters in one fixed order, without empty ones or the page', () => {
		const filters = filtersOf('pagina=2&dag=2&soort=initiatief&q=koffie&toegankelijk=step_free');
		expect(findQueryString(filters)).toBe('q=koffie&soort=initiatief&dag=2&toegankelijk=step_free');
		expect(findQueryString(filters, { page: 2 })).toBe(
			'q=koffie&soort=initiatief&dag=2&toegankelijk=step_free&pagina=2'
		);
		expect(findQueryString(NO_FILTERS)).toBe('');
	});

	it('reads back as the same filters (a shared link is the same search)', () => {
		const filters = filtersOf(
			'q=taalcaf%C3%A9&soort=voorziening&thema=voeding&wet=geen&gebied=BU99990101&lat=52.1&lon=5.2' +
				'&minuten=30&dag=7&nu=ja&taal=uk&toegankelijk=quiet_space&toegankelijk=step_free'
		);
		expect(filtersOf(findQueryString(filters))).toEqual(filters);
	});
});
