import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { parseScenarioName, parseWhatIfQuery } from '$lib/schemas/plan';
import { problemErrors, whatIfPage } from '$lib/server/planning/pages';
import { saveWhatIf } from '$lib/server/planning/service';
import type { Actions, PageServerLoad } from './$types';

// GET: the what-if is computed from the URL and nothing is saved. POST ?/bewaar saves it, computed
// again from the same URL (posted numbers are never trusted).
export const load: PageServerLoad = async ({ locals, url }) => {
	const result = await locals.db.run((tx) => whatIfPage(tx, url.searchParams));
	if (!result.ok) error(400, { message: result.error });
	return { ...result.value, meta: { title: m.plan_what_if_title() } };
};

export const actions: Actions = {
	bewaar: async (event) => {
		const form = await event.request.formData();
		const name = parseScenarioName(form);
		if (!name.ok) return fail(400, { saveErrors: name.error, name: '' });
		const query = parseWhatIfQuery(event.url.searchParams);
		if (!query.ok) return fail(400, { saveErrors: query.error, name: name.value });
		const saved = await event.locals.db.run((tx) => saveWhatIf(tx, query.value, name.value));
		if (!saved.ok) {
			return fail(400, { saveErrors: problemErrors(saved.error), name: name.value });
		}
		return { saved: name.value };
	}
};
