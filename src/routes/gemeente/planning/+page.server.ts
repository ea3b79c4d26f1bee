import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { gapQueryString } from '$lib/schemas/plan';
import { gapPage } from '$lib/server/planning/pages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const result = await locals.db.run((tx) => gapPage(tx, url.searchParams));
	if (!result.ok) error(400, { message: result.error });
	const { setting } = result.value;
	return {
		...result.value,
		query: gapQueryString({ ...setting, gemeente: setting.gemeente.code }),
		meta: { title: m.plan_title() }
	};
};
