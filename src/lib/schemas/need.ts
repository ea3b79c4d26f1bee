import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { codePoints, typedText, UUID_PATTERN as UUID } from './form';

// The report form (/melden): one schema for the form and the server. Field names are Dutch and
// the same in every language. Whether a theme or buurt exists, and which buurt a point lies in,
// is data: the server checks that (src/lib/server/needs/report.ts).

export const NEED_DESCRIPTION_MAX = 1000;
export const NEED_HOUSEHOLD_MAX = 20;
export const NEED_CONTACT_MAX = 200;
/** The consent text the form shows; stored with each report (needs.consent_version). */
export const NEED_CONSENT_VERSION = 'melden-2026-11';
/** The honeypot's name: a field people do not see and bots fill in. */
export const NEED_HONEYPOT = 'website';

const COORDINATE = /^-?\d{1,3}(\.\d{1,12})?$/;
// Letters and digits are all an e-mail address needs here; the database checks /^[^@\s]+@[^@\s]+$/.
const EMAIL = /^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$/;
const PHONE = /^\+?[0-9 ()-]{8,20}$/;

const hidden = () => m.need_error_tampered();

const optionalText = (max: number, tooLong: () => string) =>
	z
		.string({ error: hidden })
		.optional()
		.transform(typedText)
		.refine((value) => codePoints(value) <= max, { error: tooLong });

const coordinate = z
	.string({ error: hidden })
	.optional()
	.transform((value) => (value ?? '').trim())
	.refine((value) => value === '' || COORDINATE.test(value), { error: hidden });

export const needReportSchema = z
	.object({
		idempotency_key: z
			.string({ error: hidden })
			.refine((value) => UUID.test(value), { error: hidden })
			.transform((value) => value.toLowerCase()),
		thema: z
			.string({ error: () => m.need_error_theme_required() })
			.trim()
			.min(1, { error: () => m.need_error_theme_required() })
			.regex(/^[a-z][a-z0-9-]{1,40}$/, { error: () => m.need_error_theme_unknown() }),
		beschrijving: optionalText(NEED_DESCRIPTION_MAX, () =>
			m.need_error_description_too_long({ max: NEED_DESCRIPTION_MAX })
		),
		buurt: z
			.string({ error: () => m.need_error_buurt_unknown() })
			.optional()
			.transform((value) => (value ?? '').trim())
			.refine((value) => value === '' || /^BU[0-9]{8}$/.test(value), {
				error: () => m.need_error_buurt_unknown()
			}),
		lon: coordinate,
		lat: coordinate,
		punt_bewaren: z.enum(['ja'], { error: hidden }).optional(),
		huishouden: z
			.string({ error: () => m.need_error_household({ max: NEED_HOUSEHOLD_MAX }) })
			.optional()
			.transform((value) => (value ?? '').trim())
			.refine(
				(value) =>
					value === '' ||
					(/^\d{1,2}$/.test(value) && Number(value) >= 1 && Number(value) <= NEED_HOUSEHOLD_MAX),
				{ error: () => m.need_error_household({ max: NEED_HOUSEHOLD_MAX }) }
			),
		contact: z.enum(['nee', 'email', 'telefoon'], { error: hidden }).default('nee'),
		contact_email: optionalText(NEED_CONTACT_MAX, () => m.need_error_email()),
		contact_telefoon: optionalText(NEED_CONTACT_MAX, () => m.need_error_phone()),
		toestemming: z.enum(['ja'], { error: () => m.need_error_consent() }),
		[NEED_HONEYPOT]: z.string({ error: hidden }).optional()
	})
	// Rules across fields. They run even when a field is wrong already, so the resident hears about
	// every problem at once; a field that failed may hold its raw input here, hence text().
	.superRefine(
		(form, context) => {
			const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
			const [lon, lat] = [text(form.lon), text(form.lat)];
			if ((lon === '') !== (lat === '')) {
				context.addIssue({ code: 'custom', path: ['form'], message: m.need_error_tampered() });
			}
			if (lon !== '' && (Math.abs(Number(lon)) > 180 || Math.abs(Number(lat)) > 90)) {
				context.addIssue({ code: 'custom', path: ['form'], message: m.need_error_tampered() });
			}
			if (text(form.buurt) === '' && lon === '') {
				context.addIssue({ code: 'custom', path: ['buurt'], message: m.need_error_where() });
			}
			if (form.contact === 'email' && !EMAIL.test(text(form.contact_email))) {
				context.addIssue({
					code: 'custom',
					path: ['contact_email'],
					message: m.need_error_email()
				});
			}
			if (form.contact === 'telefoon') {
				const phone = text(form.contact_telefoon);
				const digits = phone.replace(/\D/g, '').length;
				if (!PHONE.test(phone) || digits < 10 || digits > 15) {
					context.addIssue({
						code: 'custom',
						path: ['contact_telefoon'],
						message: m.need_error_phone()
					});
				}
			}
			if (text(form[NEED_HONEYPOT]) !== '') {
				context.addIssue({ code: 'custom', path: ['form'], message: m.need_error_honeypot() });
			}
		},
		{ when: () => true }
	)
	.transform((form): NeedReport => ({
		idempotencyKey: form.idempotency_key,
		theme: form.thema,
		description: form.beschrijving === '' ? null : form.beschrijving,
		buurt: form.buurt === '' ? null : form.buurt,
		point: form.lon === '' ? null : { lon: Number(form.lon), lat: Number(form.lat) },
		keepPoint: form.punt_bewaren === 'ja',
		householdSize: form.huishouden === '' ? null : Number(form.huishouden),
		// Only the way the resident chose is kept; what they typed in the other field is not.
		contact:
			form.contact === 'email'
				? { method: 'email', value: form.contact_email }
				: form.contact === 'telefoon'
					? { method: 'phone', value: form.contact_telefoon }
					: null
	}));

export interface NeedReport {
	idempotencyKey: string;
	theme: string;
	description: string | null;
	buurt: string | null;
	/** Where the map or "use my location" put the need; the server maps it to a buurt. */
	point: { lon: number; lat: number } | null;
	/** Store the exact point (the resident ticked it); otherwise it only finds the buurt. */
	keepPoint: boolean;
	householdSize: number | null;
	contact: { method: 'email' | 'phone'; value: string } | null;
}

/** The form's fields as they come back after an error (never the honeypot). */
export const NEED_FORM_FIELDS = [
	'idempotency_key',
	'thema',
	'beschrijving',
	'buurt',
	'lon',
	'lat',
	'punt_bewaren',
	'huishouden',
	'contact',
	'contact_email',
	'contact_telefoon',
	'toestemming'
] as const;

/** /mijn-meldingen: withdrawing one report, or all of them. */
export const withdrawNeedSchema = z.object({
	id: z.string({ error: hidden }).refine((value) => UUID.test(value), { error: hidden })
});
export const withdrawAllSchema = z.object({
	bevestig: z.enum(['ja'], { error: () => m.my_reports_confirm_required() })
});

/** /behoeften: which window and theme the public figures are shown for (a GET form). */
export const NEED_WINDOWS = [3, 6, 12] as const;
export const needFiguresQuerySchema = z.object({
	periode: z
		.enum(['3', '6', '12'], { error: () => m.aggregate_error_window() })
		.default('12')
		.transform((value) => Number(value) as (typeof NEED_WINDOWS)[number]),
	thema: z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || /^[a-z][a-z0-9-]{1,40}$/.test(value), {
			error: () => m.aggregate_error_theme()
		}),
	gemeente: z
		.string()
		.trim()
		.default('')
		.refine((value) => value === '' || /^GM[0-9]{4}$/.test(value), {
			error: () => m.aggregate_error_gemeente()
		})
});
export type NeedFiguresQuery = z.output<typeof needFiguresQuerySchema>;
