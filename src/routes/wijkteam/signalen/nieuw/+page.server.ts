import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { sentValues } from '$lib/schemas/signal-fields';
import { HAND_SIGNAL_FIELDS, parseHandSignal } from '$lib/schemas/signal-new';
import { fieldProblemErrors } from '$lib/server/signals/messages';
import { handSignalOptions, signalByHand } from '$lib/server/workspace/workspace';
import type { Actions, PageServerLoad } from './$types';

const locale = () => (getLocale() === 'en' ? 'en' : 'nl');

export const load: PageServerLoad = async ({ locals, url }) => {
	const options = await locals.db.run((tx) => handSignalOptions(tx, locale()));
	const asked = url.searchParams.get('team');
	const team = options.teams.find((t) => t.id === asked) ?? options.teams[0] ?? null;
	if (asked && team?.id !== asked) error(404, 'Not found');
	return {
		...options,
		teamId: team?.id ?? null,
		fields: HAND_SIGNAL_FIELDS,
		meta: { title: m.signal_new_title() }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const values = sentValues(form);
		const parsed = parseHandSignal(form);
		if (!parsed.ok) return fail(400, { values, errors: parsed.error });
		const outcome = await event.locals.db.run((tx) => signalByHand(tx, parsed.value));
		if (outcome.kind === 'created') {
			redirect(303, localizeHref(`/wijkteam/signalen/${outcome.id}?gemaakt=1`));
		}
		if (outcome.kind === 'unknown_team') error(404, 'Not found');
		if (outcome.kind === 'invalid') {
			return fail(400, { values, errors: fieldProblemErrors(outcome.fields) });
		}
		return fail(409, { values, errors: {} as Record<string, string> });
	}
};
