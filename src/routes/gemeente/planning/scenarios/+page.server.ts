import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { parseGapQuery, parseScenarioId } from '$lib/schemas/plan';
import { planProblemMessage } from '$lib/server/planning/pages';
import { removeScenario } from '$lib/server/planning/scenarios';
import { scenarioOverview } from '$lib/server/planning/service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = parseGapQuery(url.searchParams);
	if (!query.ok) error(400, { message: Object.values(query.error).join(' ') });
	const result = await locals.db.run((tx) => scenarioOverview(tx, query.value.gemeente));
	if (!result.ok) error(400, { message: planProblemMessage(result.error) });
	return { ...result.value, meta: { title: m.plan_scenarios_title() } };
};

export const actions: Actions = {
	verwijder: async (event) => {
		const id = parseScenarioId(await event.request.formData());
		if (!id.ok) return fail(400, { error: m.plan_error_scenario_unknown() });
		const removed = await event.locals.db.run((tx) => removeScenario(tx, id.value));
		if (!removed) return fail(400, { error: m.plan_error_scenario_unknown() });
		return { done: m.plan_scenario_deleted() };
	}
};
