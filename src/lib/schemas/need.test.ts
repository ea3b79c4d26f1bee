import { describe, expect, it } from 'vitest';
import { fieldErrors } from './form';
import { needFiguresQuerySchema, needReportSchema, NEED_DESCRIPTION_MAX } from './need';

const KEY = '3f0b6a52-8f0e-4a57-9d6e-2b0c7a1d5e9f';
const valid = { idempotency_key: KEY, thema: 'geldzaken', buurt: 'BU90010101', toestemming: 'ja' };

function errorsOf(fields: Record<string, string>) {
	const parsed = needReportSchema.safeParse(fields);
	expect(parsed.success).toBe(false);
	return parsed.success ? {} : fieldErrors(parsed.error);
}

describe('needReportSchema', () => {
	it('accepts the least a resident has to give, and nothing more is stored', () => {
		expect(needReportSchema.parse(valid)).toEqual({
			idempotencyKey: KEY,
			theme: 'geldzaken',
			description: null,
			buurt: 'BU90010101',
			point: null,
			keepPoint: false,
			householdSize: null,
			contact: null
		});
	});

	it('asks for a theme, in plain Dutch', () => {
		expect(errorsOf({ ...valid, thema: '' }).thema).toBe('Kies waar uw melding over gaat.');
		expect(errorsOf({ ...valid, thema: undefined as unknown as string }).thema).toBe(
			'Kies waar uw melding over gaat.'
		);
		expect(errorsOf({ ...valid, thema: 'Wonen; drop table' }).thema).toContain('kennen wij niet');
	});

	it('refuses a description over 1000 characters, counted as the database counts them', () => {
		const fits = '😀'.repeat(NEED_DESCRIPTION_MAX); // 2000 UTF-16 units, 1000 characters
		expect(needReportSchema.parse({ ...valid, beschrijving: fits }).description).toBe(fits);
		expect(
			errorsOf({ ...valid, beschrijving: 'x'.repeat(NEED_DESCRIPTION_MAX + 1) }).beschrijving
		).toBe('Uw beschrijving is te lang. Gebruik maximaal 1000 tekens.');
	});

	it('keeps HTML and script as typed (they are shown as text, never run)', () => {
		const text = '<script>alert(1)</script><img src=x onerror=alert(2)>';
		expect(needReportSchema.parse({ ...valid, beschrijving: text }).description).toBe(text);
	});

	it('drops invisible control characters the database cannot store', () => {
		expect(
			needReportSchema.parse({ ...valid, beschrijving: 'a\u0000b\u0007c\nd\te' }).description
		).toBe('abc\nd\te');
	});

	it('needs a buurt or a point, and a point needs both coordinates', () => {
		expect(errorsOf({ ...valid, buurt: '' }).buurt).toBe(
			'Kies uw buurt in de lijst, of kies een plek op de kaart.'
		);
		expect(errorsOf({ ...valid, buurt: 'Kerkbuurt' }).buurt).toContain('kennen wij niet');
		const point = needReportSchema.parse({ ...valid, buurt: '', lon: '5.1', lat: '52.09' });
		expect(point.point).toEqual({ lon: 5.1, lat: 52.09 });
		expect(point.keepPoint).toBe(false);
	});

	it('says a tampered hidden field is a damaged form, whatever field it was', () => {
		const tampered = 'Dit formulier is veranderd of beschadigd. Er is niets opgeslagen.';
		expect(errorsOf({ ...valid, idempotency_key: 'not-a-uuid' }).idempotency_key).toContain(
			tampered
		);
		expect(errorsOf({ ...valid, idempotency_key: '' }).idempotency_key).toContain(tampered);
		expect(errorsOf({ ...valid, lon: '5.1' }).form).toContain(tampered);
		expect(errorsOf({ ...valid, lon: 'abc', lat: '52' }).lon).toContain(tampered);
		expect(errorsOf({ ...valid, lon: '500', lat: '52' }).form).toContain(tampered);
		expect(errorsOf({ ...valid, contact: 'fax' }).contact).toContain(tampered);
		expect(errorsOf({ ...valid, punt_bewaren: 'misschien' }).punt_bewaren).toContain(tampered);
	});

	it('refuses a filled-in honeypot', () => {
		expect(errorsOf({ ...valid, website: 'https://spam.example' }).form).toContain(
			'Laat dit veld leeg'
		);
	});

	it('needs explicit consent', () => {
		expect(errorsOf({ ...valid, toestemming: '' }).toestemming).toContain('Vink aan');
		expect(
			errorsOf({ ...valid, toestemming: undefined as unknown as string }).toestemming
		).toContain('Vink aan');
	});

	it('keeps contact details only for the way the resident chose', () => {
		expect(
			needReportSchema.parse({
				...valid,
				contact: 'email',
				contact_email: 'bea@example.nl',
				contact_telefoon: '06 11111111'
			}).contact
		).toEqual({ method: 'email', value: 'bea@example.nl' });
		expect(
			needReportSchema.parse({ ...valid, contact: 'nee', contact_email: 'bea@example.nl' }).contact
		).toBeNull();
		expect(errorsOf({ ...valid, contact: 'email', contact_email: 'bea' }).contact_email).toContain(
			'e-mailadres'
		);
		expect(
			errorsOf({ ...valid, contact: 'telefoon', contact_telefoon: '12' }).contact_telefoon
		).toContain('telefoonnummer');
	});

	it('takes a household of 1 to 20 people', () => {
		expect(needReportSchema.parse({ ...valid, huishouden: '4' }).householdSize).toBe(4);
		for (const bad of ['0', '21', '2.5', 'drie', '-1']) {
			expect(errorsOf({ ...valid, huishouden: bad }).huishouden).toContain('1 tot en met 20');
		}
	});
});

describe('needFiguresQuerySchema', () => {
	it('defaults to 12 months and all themes, and refuses other windows', () => {
		expect(needFiguresQuerySchema.parse({})).toEqual({ periode: 12, thema: '', gemeente: '' });
		expect(needFiguresQuerySchema.parse({ periode: '3', thema: 'wonen' }).periode).toBe(3);
		expect(needFiguresQuerySchema.safeParse({ periode: '1' }).success).toBe(false);
		expect(needFiguresQuerySchema.safeParse({ thema: '<script>' }).success).toBe(false);
		expect(needFiguresQuerySchema.safeParse({ gemeente: 'Utrecht' }).success).toBe(false);
	});
});

describe('needReportSchema, all problems at once', () => {
	it('names every problem of an empty form in one go', () => {
		const errors = errorsOf({ idempotency_key: KEY });
		expect(Object.keys(errors).sort()).toEqual(['buurt', 'thema', 'toestemming']);
	});
});
