import { randomUUID } from 'node:crypto';
import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { NEED_FORM_FIELDS, needReportSchema } from '$lib/schemas/need';
import { errorOn, fieldErrors, formFields, type FieldErrors } from '$lib/schemas/form';
import { readConfig } from '$lib/server/config';
import { reportFormOptions } from '$lib/server/needs/form-options';
import { reportRateLimiter } from '$lib/server/needs/rate-limit';
import { reportProblemMessage, submitNeed } from '$lib/server/needs/report';
import { reportSession } from '$lib/server/needs/report-session';
import type { Actions, PageServerLoad } from './$types';

const locale = () => (getLocale() === 'en' ? 'en' : 'nl');

/** Fields people never see: a problem with one of them is one message about the form. */
const HIDDEN_FIELDS = ['idempotency_key', 'lon', 'lat', 'punt_bewaren', 'contact', 'website'];

function formErrors(errors: FieldErrors): FieldErrors {
	const visible = Object.fromEntries(
		Object.entries(errors).filter(([field]) => !HIDDEN_FIELDS.includes(field))
	);
	const tampered = Object.keys(errors).some((field) => HIDDEN_FIELDS.includes(field));
	return tampered && !visible.form ? { form: m.need_error_tampered(), ...visible } : visible;
}

/** What the resident typed, to fill the form in again (a fresh key if theirs was broken). */
function valuesOf(fields: Record<string, string>, keyIsValid: boolean) {
	const values = Object.fromEntries(NEED_FORM_FIELDS.map((name) => [name, fields[name] ?? '']));
	if (!keyIsValid) values.idempotency_key = randomUUID();
	return values as Record<(typeof NEED_FORM_FIELDS)[number], string>;
}

export const load: PageServerLoad = async ({ locals, cookies, url }) => {
	reportSession(cookies, url); // the browser's report session, before the form is sent
	const options = await locals.db.run((tx) => reportFormOptions(tx, locale()));
	return {
		...options,
		idempotencyKey: randomUUID(),
		signedIn: locals.user !== null,
		retentionMonths: readConfig().needRetentionMonths,
		meta: { title: m.need_title() }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const fields = formFields(await event.request.formData());
		const parsed = needReportSchema.safeParse(fields);
		if (!parsed.success) {
			const errors = fieldErrors(parsed.error);
			return fail(400, {
				values: valuesOf(fields, !errors.idempotency_key),
				errors: formErrors(errors)
			});
		}
		const outcome = await event.locals.db.run((tx) =>
			submitNeed(tx, parsed.data, {
				userId: event.locals.user?.id ?? null,
				session: reportSession(event.cookies, event.url),
				address: event.getClientAddress(),
				retentionMonths: readConfig().needRetentionMonths,
				limiter: reportRateLimiter(),
				locale: locale()
			})
		);
		switch (outcome.kind) {
			case 'stored':
			case 'duplicate':
				// The receipt replaces the form, and so does the page's title.
				return {
					receipt: outcome.receipt,
					duplicate: outcome.kind === 'duplicate',
					meta: { title: m.need_receipt_title() }
				};
			case 'invalid':
				return fail(400, {
					values: valuesOf(fields, true),
					errors: errorOn(outcome.field, reportProblemMessage(outcome.problem))
				});
			case 'rate_limited':
				return fail(429, {
					values: valuesOf(fields, true),
					errors: errorOn('form', m.need_error_rate_limited({ minutes: outcome.retryAfterMinutes }))
				});
		}
	}
};
