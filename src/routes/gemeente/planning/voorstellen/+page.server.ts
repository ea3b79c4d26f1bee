import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { parseScenarioName, parseSuggestionsQuery } from '$lib/schemas/plan';
import { problemErrors, suggestionsPage } from '$lib/server/planning/pages';
import { saveSuggestions } from '$lib/server/planning/service';
import type { Actions, PageServerLoad } from './$types';

// GET: suggestions computed from the URL, nothing saved. POST ?/bewaar saves them as a scenario,
// computed again from the same URL.
export const load: PageServerLoad = async ({ locals, url }) => {
	const result = await locals.db.run((tx) => suggestionsPage(tx, url.searchParams));
	if (!result.ok) error(400, { message: result.error });
	return { ...result.value, meta: { title: m.plan_suggestions_title() } };
};

export const actions: Actions = {
	bewaar: async (event) => {
		const form = await event.request.formData();
		const name = parseScenarioName(form);
		if (!name.ok) return fail(400, { saveErrors: name.error, name: '' });
		const query = parseSuggestionsQuery(event.url.searchParams);
		if (!query.ok) return fail(400, { saveErrors: query.error, name: name.value });
		const saved = await event.locals.db.run((tx) => saveSuggestions(tx, query.value, name.value));
		if (!saved.ok) {
			return fail(400, { saveErrors: problemErrors(saved.error), name: name.value });
		}
		return { saved: name.value };
	}
};
