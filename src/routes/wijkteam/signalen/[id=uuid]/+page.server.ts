import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { parseAssignForm, parseBackForm, parseNoteForm } from '$lib/schemas/signal-change';
import { sentValues } from '$lib/schemas/signal-fields';
import { parseStepForm } from '$lib/schemas/signal-step';
import { fieldProblemErrors, ruleMessage } from '$lib/server/signals/messages';
import { addNote, assign, moveBack, saveStep } from '$lib/server/signals/commands';
import { loadSignal } from '$lib/server/signals/reads';
import type { ChangeOutcome } from '$lib/server/signals/signal-row';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const locale = () => (getLocale() === 'en' ? 'en' : 'nl');

/** Which of the page's forms was sent: its errors and values are shown with it. */
type Which = 'stap' | 'terug' | 'toewijzen' | 'notitie';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const signal = await locals.db.run((tx) => loadSignal(tx, params.id, locale()));
	if (!signal) error(404, 'Not found'); // another team's signal does not exist for this member
	return {
		signal,
		created: url.searchParams.has('gemaakt'),
		saved: url.searchParams.get('opgeslagen'),
		meta: { title: `${signal.title} · ${m.workspace_title()}` }
	};
};

/**
 * What the member sees after a change: the page again (303, so a reload sends nothing twice), or
 * the form with a message and everything they typed. A conflict keeps their input and shows the
 * latest version, which the load reads again.
 */
function respond(
	event: RequestEvent,
	which: Which,
	outcome: ChangeOutcome,
	values: Record<string, string>
) {
	if (outcome.ok) {
		redirect(303, `${localizeHref(`/wijkteam/signalen/${event.params.id}`)}?opgeslagen=${which}`);
	}
	const problem = outcome.error;
	switch (problem.kind) {
		case 'not_found':
			error(404, 'Not found');
			break;
		case 'conflict':
			return fail(409, {
				form: which,
				values,
				conflict: true,
				errors: { form: m.signal_error_conflict() } as Record<string, string>
			});
		case 'tampered':
			return fail(400, {
				form: which,
				values,
				conflict: false,
				errors: { form: m.signal_error_tampered() } as Record<string, string>
			});
		case 'invalid':
			return fail(400, {
				form: which,
				values,
				conflict: false,
				errors: fieldProblemErrors(problem.fields)
			});
		case 'refused':
			return fail(409, {
				form: which,
				values,
				conflict: false,
				errors: { form: ruleMessage(problem.rule) } as Record<string, string>
			});
	}
}

function invalid(which: Which, values: Record<string, string>, errors: Record<string, string>) {
	return fail(400, { form: which, values, conflict: false, errors });
}

export const actions: Actions = {
	stap: async (event) => {
		const data = await event.request.formData();
		const values = sentValues(data);
		const parsed = parseStepForm(data);
		if (!parsed.ok) return invalid('stap', values, parsed.error);
		const outcome = await event.locals.db.run((tx) => saveStep(tx, event.params.id, parsed.value));
		return respond(event, 'stap', outcome, values);
	},
	terug: async (event) => {
		const data = await event.request.formData();
		const values = sentValues(data);
		const parsed = parseBackForm(data);
		if (!parsed.ok) return invalid('terug', values, parsed.error);
		const outcome = await event.locals.db.run((tx) => moveBack(tx, event.params.id, parsed.value));
		return respond(event, 'terug', outcome, values);
	},
	toewijzen: async (event) => {
		const data = await event.request.formData();
		const values = sentValues(data);
		const parsed = parseAssignForm(data);
		if (!parsed.ok) return invalid('toewijzen', values, parsed.error);
		const outcome = await event.locals.db.run((tx) => assign(tx, event.params.id, parsed.value));
		return respond(event, 'toewijzen', outcome, values);
	},
	notitie: async (event) => {
		const data = await event.request.formData();
		const values = sentValues(data);
		const parsed = parseNoteForm(data);
		if (!parsed.ok) return invalid('notitie', values, parsed.error);
		const outcome = await event.locals.db.run((tx) =>
			addNote(tx, event.params.id, parsed.value.note)
		);
		return respond(event, 'notitie', outcome, values);
	}
};
