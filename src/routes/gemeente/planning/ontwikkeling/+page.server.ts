import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { parseGapQuery } from '$lib/schemas/plan';
import { planProblemMessage } from '$lib/server/planning/pages';
import { trendsOverview } from '$lib/server/planning/service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const query = parseGapQuery(url.searchParams);
	if (!query.ok) error(400, { message: Object.values(query.error).join(' ') });
	const result = await locals.db.run((tx) => trendsOverview(tx, query.value.gemeente, new Date()));
	if (!result.ok) error(400, { message: planProblemMessage(result.error) });
	return { ...result.value, meta: { title: m.plan_trends_title() } };
};
